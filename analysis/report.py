"""Presentation helpers the notebooks call: loading tables, escaped HTML tables, charts, summaries.

Article text is untrusted. Everything that reaches a report goes through :func:`esc` (HTML)
or :func:`chart_label` (matplotlib, where ``$`` would start maths), so a ``<script>`` in an
article is shown as text and never runs.
"""

from __future__ import annotations

import glob
import html
import re
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from . import config
from .pipeline import Tables

STATUS_ORDER = ["deployed", "arriving", "remaining", "pending", "planned", "withdrawing", "withdrawn", "unknown"]
STATUS_COLORS = {
    "deployed": "#1f5f8b", "arriving": "#4a9bd1", "remaining": "#2a9d8f", "pending": "#e9c46a",
    "planned": "#b5a4d8", "withdrawing": "#e76f51", "withdrawn": "#9b2226", "unknown": "#999999",
}
#: Columns whose snake_case codes are shown with spaces ("military_operation" -> "military operation").
PRETTY_COLUMNS = {"type", "status", "statuses", "kind", "part"}
STANCE_VERBS = {"support": "supports", "oppose": "opposes", "demand": "makes demands of", "neutral": "comments on"}


def esc(value: object) -> str:
    """HTML-escape any value for a report (None/NaN become an empty string)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


def chart_label(value: object, width: int = 28) -> str:
    """A chart label that matplotlib shows literally: ``$`` escaped, long names shortened."""
    text = "" if value is None else str(value)
    if len(text) > width:
        text = text[: width - 1] + "\u2026"
    return text.replace("\\", "\\\\").replace("$", r"\$")


def resolve_articles(articles: str | Sequence[str]) -> list[str]:
    """Article parameter -> paths: comma-separated list or glob, relative to cwd or project root."""
    if isinstance(articles, str):  # an existing path is taken whole, even with "," or "[" in its name
        items = [articles.strip()] if Path(articles.strip()).exists() else [a.strip() for a in articles.split(",")]
    else:
        items = list(articles)
    out: list[str] = []
    for item in filter(None, items):
        p = Path(item)
        if not p.is_absolute() and not p.exists() and not glob.glob(item):
            p = config.PROJ_ROOT / item
        matches = sorted(glob.glob(str(p))) if not p.exists() and any(c in str(p) for c in "*?[") else [str(p)]
        out.extend(matches or [str(p)])
    return out


def read_tables(tables_dir: str | Path) -> Tables:
    """Read the CSV tables written by ``briefing extract`` / the build (types restored)."""
    d = Path(tables_dir)
    actors = pd.read_csv(d / "actors.csv", dtype=str, keep_default_na=False)
    forces = pd.read_csv(d / "forces.csv", dtype=str, keep_default_na=False)
    stances = pd.read_csv(d / "stances.csv", dtype=str, keep_default_na=False)
    actors["mentions"] = pd.to_numeric(actors["mentions"]).astype(int)
    for col in ("quantity", "quantity_max"):
        if col in forces:
            forces[col] = pd.to_numeric(forces[col].replace("", None)).astype("Int64")
    if "approximate" in forces:
        forces["approximate"] = forces["approximate"].str.lower().eq("true")
    stances["polarity"] = pd.to_numeric(stances["polarity"]).astype(float)
    return Tables(actors, forces, stances)


def load_tables(articles: str | Sequence[str], tables_dir: str = "") -> Tables:
    """Tables for the notebooks: precomputed by the build when ``tables_dir`` is set, else extracted now."""
    if tables_dir:
        return read_tables(tables_dir)
    from .errors import BriefingError
    from .loader import load_articles
    from .pipeline import extract_tables

    loaded = load_articles(resolve_articles(articles))
    if not loaded.articles:
        reasons = "; ".join(str(p) for p in loaded.problems) or "nothing found"
        raise BriefingError(f"no usable articles: {reasons}")
    return extract_tables(loaded.articles)


def article_metadata(articles: str | Sequence[str]) -> pd.DataFrame:
    """Title, source and date of each article, for report headers."""
    from .loader import load_articles

    loaded = load_articles(resolve_articles(articles))
    return pd.DataFrame([{"article_id": a.id, "title": a.title, "source": a.source, "published": a.published}
                         for a in loaded.articles], columns=["article_id", "title", "source", "published"])


def html_table(df: pd.DataFrame, columns: Sequence[str] | None = None, *, caption: str = "",
               rename: dict[str, str] | None = None, long_text: Iterable[str] = ("sentence", "evidence"),
               max_rows: int | None = None, empty: str = "No rows.") -> str:
    """An escaped HTML table (class ``fb-table``) that prints as a real table in the PDF."""
    cols = list(columns) if columns is not None else list(df.columns)
    if "article_id" in cols and "article_id" in df.columns and df["article_id"].nunique() <= 1:
        cols.remove("article_id")  # one article: the column says nothing
    rename = rename or {}
    long_cols = set(long_text)
    if df.empty:
        return f'<p class="fb-meta">{esc(caption + ": " if caption else "")}{esc(empty)}</p>'
    shown = df if max_rows is None else df.head(max_rows)
    numeric = {c for c in cols if c in df.columns and pd.api.types.is_numeric_dtype(df[c])
               and not pd.api.types.is_bool_dtype(df[c])}
    # the text each cell will show: codes spelled out ("military_operation" -> "military operation")
    display = pd.DataFrame({c: [_cell_text(c, v) for v in (shown[c] if c in shown.columns else [""] * len(shown))]
                            for c in cols})

    def cls(c: str) -> str:
        return ' class="fb-sentence"' if c in long_cols else (' class="fb-num"' if c in numeric else "")

    widths = _column_widths(display, cols, rename, long_cols)
    parts = ['<table class="fb-table">']
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    parts.append("<colgroup>" + "".join(f'<col style="width:{w:.1f}%">' for w in widths) + "</colgroup>")
    parts.append("<thead><tr>" + "".join(f"<th{cls(c)}>{esc(rename.get(c, c))}</th>" for c in cols)
                 + "</tr></thead><tbody>")
    for _, row in display.iterrows():
        parts.append("<tr>" + "".join(f"<td{cls(c)}>{esc(row[c])}</td>" for c in cols) + "</tr>")
    parts.append("</tbody></table>")
    if max_rows is not None and len(df) > max_rows:
        parts.append(f'<p class="fb-meta">Showing {max_rows} of {len(df)} rows.</p>')
    return "".join(parts)


def _cell_text(column: str, value: object) -> str:
    """What a table cell shows: empty for missing values, codes with spaces, lists with commas."""
    missing = value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
    text = "" if missing else str(value)
    if column in PRETTY_COLUMNS:
        text = text.replace("_", " ").replace("|", ", ")
    return text


#: Characters of table text that fit across an A4 page at the report's table font size.
TABLE_WIDTH_CHARS = 76


def _column_widths(df: pd.DataFrame, cols: Sequence[str], rename: dict[str, str], long_cols: set[str]) -> list[float]:
    """Column widths (percent) for a fixed-layout table that fits the page: every column gets
    at least its longest word (so "withdrawing" is never split), short columns up to their
    typical value, and evidence sentences the rest."""
    need, want = [], []
    for c in cols:
        values = [str(v) for v in df[c]] if c in df.columns else []
        header = str(rename.get(c, c))
        # a hyphenated id ("abyei-unisfa-ghana-battalion") may wrap at its hyphens: only its
        # longest part must fit
        longest = max([max(len(p) + 1 for p in w.split("-")) for v in values for w in v.split()]
                      + [len(w) for w in header.split()] + [3])
        minimum = longest + 2  # cell padding
        if c in long_cols:
            need.append(max(minimum, 24))
            want.append(10 ** 6)  # takes whatever is left
        else:
            typical = float(pd.Series([len(v) for v in values]).quantile(0.8)) if values else 0.0
            need.append(minimum)
            want.append(max(minimum, min(typical + 2, 24)))
    widths = list(need)
    spare = TABLE_WIDTH_CHARS - sum(widths)
    for k in sorted(range(len(cols)), key=lambda k: want[k]):  # short columns first, then the long ones
        if spare <= 0:
            break
        n_left = sum(1 for x in range(len(cols)) if want[x] >= want[k] and widths[x] < want[x])
        grant = min(want[k] - widths[k], spare / max(n_left, 1)) if want[k] < 10 ** 6 else 0
        widths[k] += grant
        spare -= grant
    longs = [k for k in range(len(cols)) if want[k] >= 10 ** 6]
    for k in longs:
        widths[k] += max(spare, 0) / len(longs)
    total = sum(widths)
    return [100.0 * w / total for w in widths]


def setup_charts() -> None:
    """Seaborn theme and vector (SVG) figures, so charts stay crisp in the PDF."""
    import matplotlib
    import seaborn as sns

    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["svg.hashsalt"] = "force-briefing"  # stable clip-path ids: same input, same SVG
    matplotlib.rcParams["figure.dpi"] = 100
    sns.set_theme(style="whitegrid", context="notebook", font="DejaVu Sans")
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg", metadata={"Date": None})  # no timestamp in the SVG
    except Exception:  # outside IPython
        pass


def actor_names(actors: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(article_id, actor_id) -> display name."""
    return {(r.article_id, r.actor_id): r.name for r in actors.itertuples()}


def with_names(df: pd.DataFrame, actors: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Add ``<col>_name`` columns that show actor names instead of ids."""
    names = actor_names(actors)
    out = df.copy()
    for col in columns:
        out[f"{col}_name"] = [names.get((a, v), v) for a, v in zip(out["article_id"], out[col])]
    return out


def quantity_phrase(row: pd.Series) -> str:
    """"about 100", "850-1,100", "several hundred" or "" for a force row."""
    q, qmax = row.get("quantity"), row.get("quantity_max")
    if q is None or pd.isna(q):
        text = str(row.get("quantity_text") or "")
        return text if text and not any(ch.isdigit() for ch in text) else ""
    hedge = "about " if bool(row.get("approximate")) else ""
    if qmax is not None and not pd.isna(qmax) and int(qmax) != int(q):
        return f"{int(q):,}\u2013{int(qmax):,}"
    return f"{hedge}{int(q):,}"


def force_sentence(row: pd.Series) -> str:
    """One plain-English sentence for a force row (names already resolved)."""
    who = row.get("contributor_name") or row.get("contributor")
    op = row.get("operation_name") or row.get("operation") or ""
    what = " ".join(x for x in (quantity_phrase(row), str(row.get("personnel") or row.get("asset") or "forces")) if x)
    to = f" {op}" if op else ""
    status = row.get("status", "unknown")
    templates = {
        "withdrawing": f"{who} is withdrawing {what} from{to or ' its deployment'}.",
        "withdrawn": f"{who} has withdrawn {what} from{to or ' its deployment'}.",
        "deployed": f"{who} has {what} deployed{' with' + to if to else ''}.",
        "arriving": f"{who} is deploying {what}{' to' + to if to else ''}.",
        "pending": f"{who} is waiting for approval to deploy {what}{' to' + to if to else ''}.",
        "planned": f"{who} plans to send {what}{' to' + to if to else ''}.",
        "remaining": f"{who} is keeping {what}{' in' + to if to else ''}.",
    }
    return templates.get(status, f"{who} contributes {what}{' to' + to if to else ''}.")


def summary_sentences(tables: Tables, max_stances: int = 6) -> list[str]:
    """A short plain-language summary of the three tables, one sentence per finding."""
    actors, forces, stances = tables
    out: list[str] = []
    if not actors.empty:
        top = actors.sort_values(["mentions", "name"], ascending=[False, True]).head(4)
        out.append(f"The coverage names {len(actors)} actors; the most cited are "
                   + ", ".join(f"{r.name} ({r.mentions} mention{'s' if r.mentions != 1 else ''})"
                               for r in top.itertuples()) + ".")
    if not forces.empty:
        f = with_names(forces, actors, ["contributor", "operation"])
        # one sentence per contributor and operation: the first row with a figure, else the
        # first with a known status; differing figures are named, not hidden
        f = f.sort_values("sentence_start", kind="stable")
        for _, grp in f.groupby(["article_id", "contributor", "operation"], sort=False):
            known = grp[grp["status"] != "unknown"]
            counted = known[known["quantity"].notna()]
            if known.empty:
                continue
            row = (counted.iloc[0] if not counted.empty else known.iloc[0]).copy()
            row["personnel"] = re.sub(r"\s*\([^)]*\)", "", str(row.get("personnel") or "")).strip()
            sentence = force_sentence(row)
            figures = sorted({int(q) for q in counted["quantity"]})
            if len(figures) > 1:
                sentence = sentence[:-1] + f" (reported figures differ: {', '.join(f'{q:,}' for q in figures)})."
            out.append(sentence)
    if not stances.empty:
        s = with_names(stances, actors, ["source", "target"])
        s = s.assign(strength=s["polarity"].abs()).sort_values(["strength", "sentence_start"], ascending=[False, True])
        seen = set()
        for row in s.itertuples():
            key = (row.source_name, row.target_name, row.stance)
            if key in seen:
                continue
            seen.add(key)
            out.append(f"{row.source_name} {STANCE_VERBS.get(row.stance, row.stance)} {row.target_name} "
                       f"(\u201c{row.cue}\u201d).")
            if len(seen) >= max_stances:
                break
    return out


def bullet_list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def header_block(title: str, meta: pd.DataFrame) -> str:
    """Report title with the articles' titles, sources and dates (escaped)."""
    lines = [f"<h1>{esc(title)}</h1>"]
    if not meta.empty:
        items = []
        for r in meta.itertuples():
            bits = [b for b in (r.source, r.published) if b]
            items.append(f"<li><b>{esc(r.title or r.article_id)}</b>"
                         + (f' <span class="fb-meta">({esc(" · ".join(bits))})</span>' if bits else "") + "</li>")
        lines.append('<p class="fb-meta">Based on:</p><ul>' + "".join(items) + "</ul>")
    return "".join(lines)


def _empty_figure(message: str, size: tuple[float, float] = (8, 2.0)):
    """A small figure that says why there is no chart, so a report never shows a blank space."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size)
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.set_axis_off()
    return fig


def plot_actor_types(actors: pd.DataFrame):
    """Stacked bars: how many actors of each type, split by country (the eight most frequent
    named, the rest as "other", actors without a country as "(none)")."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if actors.empty:
        return _empty_figure("No actors")
    df = actors.assign(country=actors["country"].replace("", "(none)"),
                       type=actors["type"].str.replace("_", " "))
    top = df.loc[df["country"] != "(none)", "country"].value_counts().head(8).index
    df["country"] = df["country"].where(df["country"].isin(top) | (df["country"] == "(none)"), "other")
    table = pd.crosstab(df["type"], df["country"])
    table = table.loc[table.sum(axis=1).sort_values().index]
    order = [c for c in table.sum().sort_values(ascending=False).index if c not in ("other", "(none)")]
    table = table[order + [c for c in ("other", "(none)") if c in table.columns]]
    colors = sns.color_palette("tab10", len(order)) + [(0.7, 0.7, 0.7), (0.88, 0.88, 0.88)]
    fig, ax = plt.subplots(figsize=(8, max(2.4, 0.5 * len(table) + 1.2)))
    table.plot(kind="barh", stacked=True, ax=ax, color=colors[: len(table.columns)], width=0.7)
    ax.set_xlabel("actors")
    ax.set_ylabel("")
    ax.legend(title="country", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    ax.set_title("Actors by type and country")
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig


def reconciled_table(rec: pd.DataFrame) -> pd.DataFrame:
    """The reconciled forces view as a reader sees it: a figure range, a yes/blank flag."""
    out = rec.copy()

    def span(lo, hi) -> str:
        if pd.isna(lo) and pd.isna(hi):
            return ""
        lo, hi = (hi if pd.isna(lo) else lo), (lo if pd.isna(hi) else hi)
        return f"{int(lo):,}" if int(lo) == int(hi) else f"{int(lo):,}\u2013{int(hi):,}"

    out["range"] = [span(lo, hi) for lo, hi in zip(out["quantity_min"], out["quantity_max"])]
    out["flag"] = ["differ" if d else "" for d in out["discrepancy"]]
    return out


def personnel_by_contributor(forces: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Head counts per contributor (by name) and status across operations: the lowest and
    highest figure reported, for the personnel chart."""
    from .forces import personnel_by_status

    data = personnel_by_status(forces)
    if data.empty:
        return pd.DataFrame(columns=["contributor_name", "status", "low", "high"])
    named = with_names(data, actors, ["contributor"])
    g = named.groupby(["contributor_name", "status"], sort=True).agg(low=("low", "min"), high=("high", "max"))
    return g.reset_index().astype({"low": int, "high": int})


def plot_personnel(forces: pd.DataFrame, actors: pd.DataFrame):
    """Personnel by contributor, coloured by status; a bar per figure range with its low end marked."""
    import matplotlib.pyplot as plt

    data = personnel_by_contributor(forces, actors)
    if data.empty:
        return _empty_figure("No head counts reported")
    fig, ax = plt.subplots(figsize=(8, max(2.4, 0.45 * len(data) + 1.2)))
    labels = [f"{chart_label(r.contributor_name)} ({r.status})" for r in data.itertuples()]
    y = range(len(data))
    colors = [STATUS_COLORS.get(s, "#999") for s in data["status"]]
    ax.barh(list(y), data["high"], color=colors, alpha=0.9)
    for yi, r in zip(y, data.itertuples()):
        if r.low != r.high:
            ax.plot([r.low, r.high], [yi, yi], color="black", lw=2)
            ax.plot([r.low], [yi], marker="|", color="black", ms=12)
            ax.text(r.high, yi, f"  {r.low:,}\u2013{r.high:,}", va="center", fontsize=8)
        else:
            ax.text(r.high, yi, f"  {r.high:,}", va="center", fontsize=8)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlabel("personnel (reported figures; a black line spans differing figures)")
    ax.set_title("Personnel by contributor and status")
    from matplotlib.patches import Patch

    present = [s for s in STATUS_ORDER if s in set(data["status"])]
    ax.legend(handles=[Patch(color=STATUS_COLORS[s], label=s) for s in present], title="status",
              bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    ax.set_xlim(0, data["high"].max() * 1.25)
    fig.tight_layout()
    return fig


def plot_stance_heatmap(matrix: pd.DataFrame):
    """Source x target heatmap of net polarity (red: opposition, blue: support)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if matrix is None or matrix.empty:
        return _empty_figure("No stances found")
    m = matrix.copy()
    m.index = [chart_label(i, 24) for i in m.index]
    m.columns = [chart_label(c, 24) for c in m.columns]
    fig, ax = plt.subplots(figsize=(max(5, 1.0 * len(m.columns) + 3), max(2.5, 0.55 * len(m) + 1.5)))
    sns.heatmap(m, cmap="RdBu", vmin=-1, vmax=1, center=0, annot=True, fmt=".1f", linewidths=0.5,
                cbar_kws={"label": "net polarity"}, ax=ax, mask=m.isna())
    ax.set_xlabel("target")
    ax.set_ylabel("source")
    ax.set_title("Who stands where: net polarity of statements")
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    fig.tight_layout()
    return fig


#: Evaluation sets shown in the quality report, as "name|gold folder|articles folder".
EVAL_SETS = ["seed|data/gold|data/articles", "tune|data/dev/tune/gold|data/dev/tune/articles",
             "holdout|data/dev/holdout/gold|data/dev/holdout/articles"]
QUALITY_METRICS = ("precision", "recall", "f1", "type_acc", "country_acc", "quantity_recall", "status_acc",
                   "operation_acc")


def parse_eval_sets(spec: str | Sequence[str]) -> list[tuple[str, Path, Path]]:
    """["name|gold|articles", ...] (or one string of them joined by ";") -> [(name, gold_dir,
    articles_dir)], relative paths taken from the project root."""
    items = spec.split(";") if isinstance(spec, str) else list(spec)
    out = []
    for part in filter(None, (p.strip() for p in items)):
        name, gold, arts = (x.strip() for x in (part.split("|") + ["", ""])[:3])
        g, a = Path(gold), Path(arts)
        out.append((name, g if g.is_absolute() else config.PROJ_ROOT / g,
                    a if a.is_absolute() else config.PROJ_ROOT / a))
    return out


def _score_set(name: str, gold: Path, arts: Path) -> tuple[list[dict], list[dict]]:
    """Run the extractor over one set's gold articles: (summary rows, error rows).

    Plain dicts of str/int/float/None, so an entry stored as JSON reads back equal.
    """
    from .evaluate import evaluate  # looked up per call, so tests can count the calls

    result = evaluate(gold, arts)
    rows = [{"set": name, "part": part, "articles": len(result.articles),
             **{m: metrics.get(m) for m in ("tp", "fp", "fn") + QUALITY_METRICS}}
            for part, metrics in result.summary.items()]
    return rows, [{"set": name, **e.to_dict()} for e in result.errors]


def quality_scores(spec: str | Sequence[str] = tuple(EVAL_SETS), *, cache_dir: Path | None = None,
                   use_cache: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score extraction on each evaluation set: (one row per set x table part, one row per error).

    Each set's result is cached (see :mod:`analysis.cache`) under a hash of the code, data,
    gold, articles and model, because re-running the extractor over every gold article was
    most of a build's time. ``use_cache=False`` or ``FORCE_BRIEFING_NO_CACHE=1`` recomputes.
    """
    from . import cache

    rows, errs = [], []
    for name, gold, arts in parse_eval_sets(spec):
        if not gold.exists():
            continue
        set_rows, set_errs = cache.cached_scores(name, gold, arts, _score_set, directory=cache_dir,
                                                 use_cache=use_cache)
        rows += set_rows
        errs += set_errs
    return pd.DataFrame(rows), pd.DataFrame(errs)


def quality_accuracy(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per evaluation set: actor type/country accuracy and force quantity/status/operation."""
    rows = []
    for name, grp in scores.groupby("set", sort=False):
        a = grp[grp["part"] == "actors"].iloc[0] if (grp["part"] == "actors").any() else {}
        f = grp[grp["part"] == "forces"].iloc[0] if (grp["part"] == "forces").any() else {}
        rows.append({"set": name, "actor type": a.get("type_acc"), "actor country": a.get("country_acc"),
                     "force quantity recall": f.get("quantity_recall"), "force status": f.get("status_acc"),
                     "force operation": f.get("operation_acc")})
    return pd.DataFrame(rows)


def plot_quality(scores: pd.DataFrame):
    """F1 per table part and evaluation set."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    if scores.empty:
        return _empty_figure("No gold files found")
    fig, ax = plt.subplots(figsize=(8, 3.4))
    sns.barplot(data=scores, x="part", y="f1", hue="set", ax=ax)
    ax.set_ylim(0, 1)
    ax.set_ylabel("F1")
    ax.set_xlabel("")
    for container in ax.containers:
        ax.bar_label(container, fmt="%.2f", fontsize=7)
    ax.legend(title="set", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set_title("Extraction F1 against hand-made gold", pad=14)
    fig.tight_layout()
    return fig
