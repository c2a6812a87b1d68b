"""Score the extracted tables against hand-made gold files.

The gold format and the scoring rules are defined in ``shared/eval/GOLD_FORMAT.md`` and
implemented by the reference scorer ``shared/eval/score.py``, which reads the CSV files
that ``extract`` writes. This module applies the same rules to the in-memory DataFrames,
so the pipeline can be scored without a CSV round trip, and adds what the reference scorer
only prints: a structured error record for every point lost, written so a developer can
see what the system said, what gold expected and which text carries it.

The numbers must stay identical to score.py's (tests/test_evaluate_crosscheck.py runs
both): the same matching order, the same rounding to 3 decimals, the same handling of
optional gold items, duplicate rows, unmapped rows and the country-level expansion.
Where this module deliberately differs, it is only where score.py would crash or silently
mis-score bad input:

* gold files are validated (unknown keys, types, statuses, stances, an ``article_id``
  that disagrees with the file name) and refused with a one-line :class:`BriefingError`
  naming the file;
* a system quantity of ``inf`` is ignored like any other unparsable quantity;
* ratios whose denominator is 0 (``type_acc`` with no matched actor, ...) are ``None``
  instead of absent, so consumers can always index them.

The package must not depend on ``../shared``, so nothing here imports score.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from . import config, loader, pipeline, schemas
from .reference import norm  # one normalisation for matching, shared with the scorer rules
from .errors import BriefingError

#: A system table row as the reference scorer sees it after a CSV round trip: every
#: cell a string, missing values empty.
Row = dict[str, str]
#: One parsed gold file (see GOLD_FORMAT.md).
Gold = dict[str, Any]

GOLD_SUFFIX = ".gold.json"
PARTS = ("actors", "forces", "stances_actor", "stances_country")
STANCE_LEVELS = ("actor", "country")

#: Every kind of error record, in the order the scorer produces them for an article.
ERROR_KINDS = (
    "actor_fp_no_gold", "actor_fp_duplicate", "actor_fn", "actor_type_wrong", "actor_country_wrong",
    "force_fp_contributor", "force_fn_contributor", "force_quantity_missed", "force_status_missed",
    "force_operation_missed", "stance_fp", "stance_fn",
)

#: Ratio metrics: name -> (part, numerator count, denominator count).
RATIOS = {
    "type_acc": ("actors", "type_ok", "matched"),
    "country_acc": ("actors", "country_ok", "matched"),
    "quantity_recall": ("forces", "q_ok", "q_total"),
    "status_acc": ("forces", "s_ok", "s_total"),
    "operation_acc": ("forces", "o_ok", "o_total"),
}
#: Count columns of each part, in score.py's order.
COUNT_KEYS = {
    "actors": ("tp", "fp", "fn", "matched", "type_ok", "country_ok"),
    "forces": ("tp", "fp", "fn", "q_total", "q_ok", "s_total", "s_ok", "o_total", "o_ok"),
    "stances_actor": ("tp", "fp", "fn", "correct_triples"),
    "stances_country": ("tp", "fp", "fn", "correct_triples"),
}

_ISO3 = re.compile(r"^[A-Z]{3}$")
_SENTENCE_CHARS = 160

# Messages for bad gold input (one line each, prefixed by the file).
NO_GOLD_DIR = "{path}: no such gold folder"
NO_GOLD_FILES = "{path}: no *" + GOLD_SUFFIX + " files in this folder"
GOLD_UNREADABLE = "{path}: cannot read gold file ({err})"
GOLD_BAD_JSON = "{path}: invalid JSON at line {line} column {col} ({msg})"
NO_ARTICLES_FOR_GOLD = "no article found for any gold file (gold ids: {ids}) under {paths}{problems}"
SOME_ARTICLES_MISSING = "no article for gold id(s) {ids}: not scored (the summary covers {n} article(s))"


# ----------------------------------------------------------------------------- normalising


def split_aliases(value: str) -> list[str]:
    """Split the actors table's ``aliases`` cell, which separates aliases with | or ;.

    value (str): The cell.
    RETURNS (list[str]): The non-blank aliases.
    """
    if not value:
        return []
    return [a for a in re.split(r"\s*[|;]\s*", str(value)) if a.strip()]


def cell_text(value: object) -> str:
    """Turn a DataFrame cell into the string a CSV round trip would give back.

    The reference scorer reads CSV, where a missing value is an empty cell and a number is
    its text; scoring DataFrames the same way keeps both scorers' numbers identical.

    value (object): A cell (str, int, float, bool, None, NaN, pd.NA ...).
    RETURNS (str): "" for missing values, otherwise ``str(value)``.
    """
    if value is None:
        return ""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    return str(value)


def table_rows(df: pd.DataFrame | None) -> dict[str, list[Row]]:
    """Group a system table's rows by article id, every cell as CSV text.

    df (pd.DataFrame | None): actors, forces or stances table (None means no rows).
    RETURNS (dict[str, list[Row]]): Rows per ``article_id``, in table order.
    """
    out: dict[str, list[Row]] = defaultdict(list)
    if df is None or df.empty:
        return out
    for rec in df.to_dict("records"):
        row = {str(k): cell_text(v) for k, v in rec.items()}
        out[row.get("article_id", "")].append(row)
    return out


def parse_quantity(text: str) -> int | None:
    """Read a system quantity cell as score.py does: ``int(float(text))``, else nothing.

    text (str): The cell, e.g. "100", "100.0" or "".
    RETURNS (int | None): The head count, or None when empty or not a finite number.
    """
    try:
        return int(float(text or "nan"))
    except (ValueError, OverflowError):
        return None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 rounded to 3 decimals (F1 from the unrounded values).

    RETURNS (tuple[float, float, float]): 0.0 for any ratio whose denominator is 0.
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def part_metrics(part: str, counts: Mapping[str, int]) -> dict[str, Any]:
    """Turn one part's counts into its metrics dict, as score.py's summary lays it out.

    part (str): One of PARTS.
    counts (Mapping[str, int]): The part's counts (COUNT_KEYS[part]).
    RETURNS (dict[str, Any]): precision, recall, f1, the counts, then the part's ratios
        (None when their denominator is 0).
    """
    p, r, f = prf(counts["tp"], counts["fp"], counts["fn"])
    out: dict[str, Any] = {"precision": p, "recall": r, "f1": f}
    out.update({k: int(counts[k]) for k in COUNT_KEYS[part]})
    for name, (rpart, num, den) in RATIOS.items():
        if rpart == part:
            out[name] = round(counts[num] / counts[den], 3) if counts[den] else None
    return out


# ----------------------------------------------------------------------------- gold files


def _fail(source: str, msg: str) -> BriefingError:
    return BriefingError(f"{source}: {msg}")


def _str_list(value: Any, source: str, where: str, *, allowed: Iterable[str] | None = None,
              non_empty: bool = False) -> list[str]:
    """Check that a gold field is a list of strings (optionally from a closed set)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(source, f"{where} must be a list of strings, got {value!r}")
    if non_empty and not value:
        raise _fail(source, f"{where} must not be empty")
    if allowed is not None:
        allowed = tuple(allowed)
        bad = [v for v in value if v not in allowed]
        if bad:
            raise _fail(source, f"{where}: {bad[0]!r} is not one of {', '.join(allowed)}")
    return value


def validate_gold(data: Any, source: str, article_id: str | None = None) -> Gold:
    """Check one gold annotation against GOLD_FORMAT.md and return it with its article id.

    A typo in gold (an undefined actor key, "withdrew" for "withdrawn") would silently cost
    the system points forever, so it is refused here with the file and item named.

    data (Any): The parsed JSON.
    source (str): What to name in messages (the file path).
    article_id (str | None): The id the file name implies; the gold's own ``article_id``
        must agree with it, and is taken from it when absent.
    RETURNS (Gold): A shallow copy with ``article_id`` set.
    """
    if not isinstance(data, dict):
        raise _fail(source, "a gold file must hold one JSON object")
    gold = dict(data)
    aid = gold.get("article_id", article_id)
    if not isinstance(aid, str) or not aid:
        raise _fail(source, "article_id must be a non-empty string")
    if article_id is not None and aid != article_id:
        raise _fail(source, f"article_id {aid!r} does not match the file name (expected {article_id!r})")
    gold["article_id"] = aid
    for section in ("actors", "forces", "stances"):
        gold.setdefault(section, [])
        if not isinstance(gold[section], list) or not all(isinstance(x, dict) for x in gold[section]):
            raise _fail(source, f"{section} must be a list of objects")

    keys: set[str] = set()
    for i, a in enumerate(gold["actors"]):
        where = f"actors[{i}]"
        key = a.get("key")
        if not isinstance(key, str) or not key:
            raise _fail(source, f"{where}: key must be a non-empty string")
        if key in keys:
            raise _fail(source, f"{where}: key {key!r} is used twice")
        keys.add(key)
        where = f"actors[{i}] ({key})"
        if not isinstance(a.get("name", ""), str):
            raise _fail(source, f"{where}: name must be a string")
        _str_list(a.get("type"), source, f"{where}: type", allowed=schemas.ACTOR_TYPES, non_empty=True)
        for c in _str_list(a.get("country", []), source, f"{where}: country"):
            if not _ISO3.match(c):
                raise _fail(source, f"{where}: country {c!r} is not an ISO3 code")
        _str_list(a.get("aliases", []), source, f"{where}: aliases")

    def known(ks: list[str], where: str) -> None:
        for k in ks:
            if k not in keys:
                raise _fail(source, f"{where}: {k!r} is not a key in actors")

    for i, f in enumerate(gold["forces"]):
        where = f"forces[{i}]"
        contributor = f.get("contributor")
        if not isinstance(contributor, str):
            raise _fail(source, f"{where}: contributor must be an actor key")
        known([contributor], f"{where}: contributor")
        known(_str_list(f.get("operation", []), source, f"{where}: operation"), f"{where}: operation")
        qty = f.get("quantity", [])
        if not isinstance(qty, list) or not all(isinstance(q, int) and not isinstance(q, bool) for q in qty):
            raise _fail(source, f"{where}: quantity must be a list of whole numbers, got {qty!r}")
        _str_list(f.get("status", []), source, f"{where}: status", allowed=schemas.FORCE_STATUSES)

    for i, s in enumerate(gold["stances"]):
        where = f"stances[{i}]"
        known(_str_list(s.get("source"), source, f"{where}: source", non_empty=True), f"{where}: source")
        known(_str_list(s.get("target"), source, f"{where}: target", non_empty=True), f"{where}: target")
        _str_list(s.get("stance"), source, f"{where}: stance", allowed=schemas.STANCES, non_empty=True)
    return gold


def load_gold(gold_dir: Path | str) -> dict[str, Gold]:
    """Load and validate every ``*.gold.json`` file in a folder (or one such file).

    gold_dir (Path | str): The gold folder, e.g. shared/eval/gold.
    RETURNS (dict[str, Gold]): Gold annotations by article id, sorted by id.
    """
    path = Path(gold_dir)
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(p for p in path.glob("*" + GOLD_SUFFIX) if p.is_file())
        if not files:
            raise BriefingError(NO_GOLD_FILES.format(path=path))
    else:
        raise BriefingError(NO_GOLD_DIR.format(path=path))
    golds: dict[str, Gold] = {}
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise BriefingError(GOLD_BAD_JSON.format(path=f, line=err.lineno, col=err.colno, msg=err.msg)) from None
        except (OSError, UnicodeDecodeError) as err:
            raise BriefingError(GOLD_UNREADABLE.format(path=f, err=getattr(err, "strerror", None) or err)) from None
        stem = f.name[: -len(GOLD_SUFFIX)] if f.name.endswith(GOLD_SUFFIX) else f.stem
        gold = validate_gold(data, str(f), stem)
        golds[gold["article_id"]] = gold  # ids are file stems, so they cannot collide
    return dict(sorted(golds.items()))


# ----------------------------------------------------------------------------- errors


@dataclass
class EvalError:
    """One point lost against gold, with what the system said and what gold expected.

    kind (str): One of ERROR_KINDS.
    table (str): The system table to look at: "actors", "forces" or "stances".
    article_id (str): The article.
    message (str): A one-line explanation for a developer.
    level (str): "actor" or "country" for stance errors, else "".
    gold_key (str): The gold actor key concerned (contributor for forces), if any.
    system (str): What the system produced, as text.
    expected (str): What gold accepts, as text.
    evidence (str): Gold evidence text (FNs and missed attributes), or the system sentence.
    """

    kind: str
    table: str
    article_id: str
    message: str
    level: str = ""
    gold_key: str = ""
    system: str = ""
    expected: str = ""
    evidence: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the record as a JSON-ready dict."""
        return asdict(self)


def _short(text: str, limit: int = _SENTENCE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _fmt_list(values: Iterable[Any]) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


# ----------------------------------------------------------------------------- one article


class _ArticleScorer:
    """Scores one article's system rows against its gold, mirroring score.py's Article.

    The order of calls matters as it does there: :meth:`actors` fills the map from system
    actor ids to gold keys that forces and stances are resolved through.
    """

    def __init__(self, gold: Gold, actors: list[Row], forces: list[Row], stances: list[Row]) -> None:
        self.gold = gold
        self.article_id: str = gold["article_id"]
        self.gactors: dict[str, dict[str, Any]] = {a["key"]: a for a in gold.get("actors", [])}
        self.galias: dict[str, set[str]] = {
            k: {norm(x) for x in list(a.get("aliases", [])) + [a.get("name", "")]} - {""}
            for k, a in self.gactors.items()
        }
        self.sys_actors, self.sys_forces, self.sys_stances = actors, forces, stances
        self.map: dict[str, str | None] = {}
        self.errors: list[EvalError] = []

    # -- helpers ------------------------------------------------------------------------

    def _error(self, kind: str, table: str, message: str, **extra: str) -> None:
        self.errors.append(EvalError(kind=kind, table=table, article_id=self.article_id,
                                     message=message, **extra))

    def _gname(self, key: str) -> str:
        a = self.gactors.get(key)
        return f"{key} ({a.get('name', key)})" if a and a.get("name") and a.get("name") != key else key

    def match_actor(self, row: Mapping[str, str]) -> str | None:
        """Find the gold actor a system actor row stands for.

        First a gold actor whose aliases contain the row's name (in gold order), then the
        gold actor sharing most aliases with the row (first wins ties), then, for a state
        with a country, the first gold state with that ISO3 code.

        row (Mapping[str, str]): Needs name, aliases, type and country (missing = empty).
        RETURNS (str | None): The gold key, or None.
        """
        name = norm(row.get("name"))
        aliases = {norm(a) for a in split_aliases(row.get("aliases", ""))} | {name}
        aliases.discard("")
        typ = (row.get("type") or "").strip().lower()
        ctry = (row.get("country") or "").strip().upper()
        if name:
            for k, al in self.galias.items():
                if name in al:
                    return k
        best, score = None, 0
        for k, al in self.galias.items():
            n = len(aliases & al)
            if n > score:
                best, score = k, n
        if best:
            return best
        if typ == "state" and ctry:
            for k, a in self.gactors.items():
                if "state" in a.get("type", []) and ctry in a.get("country", []):
                    return k
        return None

    def gkey(self, actor_ref: str, country: str = "") -> str | None:
        """Resolve a table's reference to an actor (an actor_id, or a name) to a gold key.

        actor_ref (str): The contributor/source/target/operation cell.
        country (str): A contributor_country cell: a last resort, as the state with that code.
        RETURNS (str | None): The gold key, or None.
        """
        k = self.map.get(actor_ref)
        if k is None and actor_ref:
            k = self.match_actor({"name": actor_ref, "aliases": "", "type": "", "country": ""})
        if k is None and country:
            for gk, a in self.gactors.items():
                if "state" in a.get("type", []) and country.upper() in a.get("country", []):
                    return gk
        return k

    def countries_of(self, key: str) -> set[str]:
        """The ISO3 codes a gold actor stands for at country level (itself when it has none)."""
        a = self.gactors.get(key)
        if not a:
            return {key}
        return set(a.get("country") or [key])

    # -- actors -------------------------------------------------------------------------

    def actors(self) -> dict[str, int]:
        """Match system actors to gold; count tp/fp/fn and type/country agreement."""
        tp = fp = matched = type_ok = country_ok = 0
        first: dict[str, Row] = {}
        for row in self.sys_actors:
            k = self.match_actor(row)
            self.map[row.get("actor_id", "")] = k
            desc = (f"{row.get('name', '')!r} (actor_id {row.get('actor_id', '')!r}, type {row.get('type', '')!r}, "
                    f"country {row.get('country', '')!r})")
            if k is None:
                fp += 1
                self._error("actor_fp_no_gold", "actors",
                            f"system actor {desc} matches no gold actor by name, alias or state ISO3 code; "
                            f"drop it, or merge it into the actor it refers to (its aliases: "
                            f"{row.get('aliases', '')!r})",
                            system=row.get("name", ""))
                continue
            g = self.gactors[k]
            if g.get("optional"):
                continue
            if k in first:
                fp += 1
                prev = first[k]
                self._error("actor_fp_duplicate", "actors",
                            f"system actor {desc} is a second row for gold actor {self._gname(k)}, already "
                            f"matched by {prev.get('name', '')!r} (actor_id {prev.get('actor_id', '')!r}); "
                            f"merge the two rows' aliases into one",
                            gold_key=k, system=row.get("name", ""), expected=prev.get("name", ""))
                continue
            first[k] = row
            tp += 1
            matched += 1
            typ = (row.get("type") or "").strip().lower()
            if typ in g.get("type", []):
                type_ok += 1
            else:
                self._error("actor_type_wrong", "actors",
                            f"system actor {row.get('name', '')!r} = gold {self._gname(k)} has type {typ!r}; "
                            f"gold accepts {_fmt_list(g.get('type', []))}",
                            gold_key=k, system=typ, expected=_fmt_list(g.get("type", [])))
            gc = g.get("country", [])
            sc = (row.get("country") or "").strip().upper()
            if (not gc and not sc) or sc in gc:
                country_ok += 1
            else:
                want = _fmt_list(gc) if gc else "no country (leave it empty)"
                self._error("actor_country_wrong", "actors",
                            f"system actor {row.get('name', '')!r} = gold {self._gname(k)} has country {sc!r}; "
                            f"gold accepts {want}",
                            gold_key=k, system=sc, expected=_fmt_list(gc))
        required = [k for k, a in self.gactors.items() if not a.get("optional")]
        missing = sorted(set(required) - set(first))
        for k in missing:
            g = self.gactors[k]
            aliases = [a for a in dict.fromkeys([g.get("name", "")] + list(g.get("aliases", []))) if a]
            self._error("actor_fn", "actors",
                        f"gold actor {self._gname(k)} (type {_fmt_list(g.get('type', []))}, country "
                        f"{_fmt_list(g.get('country', []))}) has no system row; the text calls it "
                        f"{' / '.join(repr(a) for a in aliases[:6])}"
                        + (f" (+{len(aliases) - 6} more aliases)" if len(aliases) > 6 else ""),
                        gold_key=k, expected=" | ".join(aliases))
        return {"tp": tp, "fp": fp, "fn": len(missing), "matched": matched,
                "type_ok": type_ok, "country_ok": country_ok}

    # -- forces -------------------------------------------------------------------------

    def _force_evidence(self, key: str) -> str:
        ev = [f.get("evidence", "") for f in self.gold.get("forces", [])
              if f["contributor"] == key and not f.get("optional")]
        return " | ".join(dict.fromkeys(e for e in ev if e))

    def _attribute(self, counts: dict[str, int], prefix: str, name: str, plural: str, key: str,
                   accepted: list, system: set, evidence: str) -> None:
        """Count one gold force attribute (quantity or status) as found or missed, as score.py does."""
        counts[f"{prefix}_total"] += 1
        if system & set(accepted):
            counts[f"{prefix}_ok"] += 1
            return
        self._error(f"force_{name}_missed", "forces",
                    f"{self._gname(key)}: gold {name} {_fmt_list(accepted)} is not among the "
                    f"system's {plural} {_fmt_list(sorted(system))} for {key}; gold evidence: {_short(evidence)!r}",
                    gold_key=key, system=_fmt_list(sorted(system)), expected=_fmt_list(accepted), evidence=evidence)

    def forces(self) -> dict[str, int]:
        """Score force contributors as a set, then quantity/status/operation per gold item."""
        gold = self.gold.get("forces", [])
        required = {f["contributor"] for f in gold if not f.get("optional")}
        optional = {f["contributor"] for f in gold if f.get("optional")} - required
        rows_by: dict[str, list[Row]] = defaultdict(list)
        unmapped: dict[str, list[Row]] = {}
        for row in self.sys_forces:
            k = self.gkey(row.get("contributor", ""), row.get("contributor_country", ""))
            if k is None:
                unmapped.setdefault(norm(row.get("contributor")) or "?", []).append(row)
                continue
            rows_by[k].append(row)
        sys_contrib = set(rows_by)
        extra = sorted(sys_contrib - required - optional)
        missing = sorted(required - sys_contrib)
        for k in extra:
            rows = rows_by[k]
            names = sorted({r.get("contributor", "") for r in rows})
            self._error("force_fp_contributor", "forces",
                        f"system lists contributor {' / '.join(map(repr, names))} (= gold {self._gname(k)}) in "
                        f"{len(rows)} row(s), but gold has no force contribution by {k}; e.g. "
                        f"{_short(rows[0].get('sentence', ''))!r}",
                        gold_key=k, system=" | ".join(names), evidence=rows[0].get("sentence", ""))
        for name in sorted(unmapped):
            rows = unmapped[name]
            raw = rows[0].get("contributor", "")
            self._error("force_fp_contributor", "forces",
                        f"system contributor {raw!r} (contributor_country {rows[0].get('contributor_country', '')!r}) "
                        f"maps to no gold actor: it is not the actor_id of a matched actor, not a gold "
                        f"name/alias and not a gold state's code; e.g. {_short(rows[0].get('sentence', ''))!r}",
                        system=raw, evidence=rows[0].get("sentence", ""))
        for k in missing:
            self._error("force_fn_contributor", "forces",
                        f"gold contributor {self._gname(k)} has no row in forces; gold evidence: "
                        f"{_short(self._force_evidence(k), 400)!r}",
                        gold_key=k, evidence=self._force_evidence(k))

        counts = dict(q_total=0, q_ok=0, s_total=0, s_ok=0, o_total=0, o_ok=0)
        for f in gold:
            k = f["contributor"]
            if f.get("optional") or k not in sys_contrib:
                continue
            rows = rows_by[k]
            ev = f.get("evidence", "")
            if f.get("quantity"):
                qs = {q for q in (parse_quantity(r.get("quantity", "")) for r in rows) if q is not None}
                self._attribute(counts, "q", "quantity", "quantities", k, f["quantity"], qs, ev)
            if f.get("status"):
                st = {(r.get("status") or "").strip().lower() for r in rows}
                self._attribute(counts, "s", "status", "statuses", k, f["status"], st, ev)
            if f.get("operation"):
                counts["o_total"] += 1
                ops = {self.gkey(r.get("operation", "")) for r in rows}
                if ops & set(f["operation"]):
                    counts["o_ok"] += 1
                else:
                    said = [r.get("operation", "") for r in rows]
                    mapped = [str(self.gkey(o)) if o else "-" for o in said]
                    self._error("force_operation_missed", "forces",
                                f"{self._gname(k)}: gold operation {_fmt_list(f['operation'])} is not among the "
                                f"system's operations {_fmt_list(repr(o) for o in said)} (gold keys "
                                f"{_fmt_list(mapped)}) for {k}; gold evidence: {_short(ev)!r}",
                                gold_key=k, system=" | ".join(said), expected=_fmt_list(f["operation"]),
                                evidence=ev)
        return {"tp": len(sys_contrib & required), "fp": len(extra) + len(unmapped), "fn": len(missing),
                **counts}

    # -- stances ------------------------------------------------------------------------

    def stances(self, level: str) -> dict[str, int]:
        """Score (source, target, stance) triples at actor level or country level.

        At country level each gold side is replaced by its actors' countries and each
        system side by its country column (or its gold actor's first country).

        level (str): "actor" or "country".
        RETURNS (dict[str, int]): tp, fp, fn and correct_triples.
        """
        if level not in STANCE_LEVELS:
            raise ValueError(f"level must be one of {STANCE_LEVELS}, not {level!r}")

        def expand(keys: list[str]) -> set[str]:
            if level == "actor":
                return set(keys)
            out: set[str] = set()
            for k in keys:
                out |= self.countries_of(k)
            return out

        items = [(expand(s["source"]), expand(s["target"]), set(s["stance"]), bool(s.get("optional")), s)
                 for s in self.gold.get("stances", [])]
        triples: dict[tuple[Any, Any, str], Row] = {}  # triple -> first row giving it
        for row in self.sys_stances:
            st = (row.get("stance") or "").strip().lower()
            src: Any
            tgt: Any
            if level == "actor":
                src = self.gkey(row.get("source", ""))
                tgt = self.gkey(row.get("target", ""))
                if src is None or tgt is None:
                    src, tgt = ("?", row.get("source", "")), ("?", row.get("target", ""))
            else:
                src = (row.get("source_country") or "").strip().upper()
                tgt = (row.get("target_country") or "").strip().upper()
                sk = self.gkey(row.get("source", ""))
                tk = self.gkey(row.get("target", ""))
                if not src:
                    src = sorted(self.countries_of(sk))[0] if sk else ("?", row.get("source", ""))
                if not tgt:
                    tgt = sorted(self.countries_of(tk))[0] if tk else ("?", row.get("target", ""))
            triples.setdefault((src, tgt, st), row)

        def side(value: Any, raw: str) -> str:
            if isinstance(value, tuple):
                return f"{raw!r} (no gold actor)"
            if level == "actor":
                return f"{raw!r} (= gold {value})"
            return f"{raw!r} (= {value})"

        correct = wrong = 0
        for (s, t, st), row in triples.items():
            hit = [it for it in items if s in it[0] and t in it[1] and st in it[2]]
            if any(not it[3] for it in hit):
                correct += 1
            elif hit:
                continue  # only optional gold covers it: neither rewarded nor penalised
            else:
                wrong += 1
                self._error("stance_fp", "stances",
                            f"{level} level: system stance {side(s, row.get('source', ''))} -> "
                            f"{side(t, row.get('target', ''))} {st!r} matches no gold stance; system sentence: "
                            f"{_short(row.get('sentence', ''))!r}",
                            level=level, system=f"{s} -> {t} {st}", evidence=row.get("sentence", ""))
        found = 0
        required = [it for it in items if not it[3]]
        for src_set, tgt_set, sts, _, g in required:
            if any(s in src_set and t in tgt_set and st in sts for s, t, st in triples):
                found += 1
                continue
            said = sorted({st for s, t, st in triples if s in src_set and t in tgt_set})
            hint = (f"the system has this pair with stance {_fmt_list(said)}" if said
                    else "the system has no row for this pair")
            exp = f"{_fmt_list(g['source'])} -> {_fmt_list(g['target'])} {_fmt_list(g['stance'])}"
            if level == "country":
                exp += f" (countries {_fmt_list(sorted(src_set))} -> {_fmt_list(sorted(tgt_set))})"
            self._error("stance_fn", "stances",
                        f"{level} level: gold stance {exp} not found; {hint}; gold evidence: "
                        f"{_short(g.get('evidence', ''), 300)!r}",
                        level=level, system=_fmt_list(said), expected=exp, evidence=g.get("evidence", ""))
        return {"tp": found, "fp": wrong, "fn": len(required) - found, "correct_triples": correct}

    def score(self) -> dict[str, dict[str, int]]:
        """Run all four parts in score.py's order (actors first: it fills the id map)."""
        return {"actors": self.actors(), "forces": self.forces(),
                "stances_actor": self.stances("actor"), "stances_country": self.stances("country")}


# ----------------------------------------------------------------------------- results


@dataclass
class EvaluationResult:
    """Scores of a system's tables against gold.

    summary (dict): Per part, metrics over all scored articles' summed counts.
    articles (dict): Per article id, per part, the same metrics for that article alone.
    errors (list[EvalError]): Every point lost, in article order.
    warnings (list[str]): Problems that did not stop the evaluation (e.g. gold articles
        that could not be found and were left out).
    """

    summary: dict[str, dict[str, Any]]
    articles: dict[str, dict[str, dict[str, Any]]]
    errors: list[EvalError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def errors_by_article(self) -> dict[str, list[EvalError]]:
        """Group the errors by article id, keeping every scored article (even error-free ones)."""
        out: dict[str, list[EvalError]] = {aid: [] for aid in self.articles}
        for e in self.errors:
            out.setdefault(e.article_id, []).append(e)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form: summary, articles, errors and warnings."""
        return {"summary": self.summary, "articles": self.articles,
                "errors": [e.to_dict() for e in self.errors], "warnings": list(self.warnings)}


def score_tables(golds: Mapping[str, Gold], actors_df: pd.DataFrame | None, forces_df: pd.DataFrame | None,
                 stances_df: pd.DataFrame | None) -> EvaluationResult:
    """Score system tables against gold annotations, with score.py's rules.

    Only the gold articles are scored; system rows for other articles are ignored, and a
    gold article without system rows scores as all misses.

    golds (Mapping[str, Gold]): Gold by article id (as load_gold returns; hand-built dicts
        are validated and may omit ``article_id``).
    actors_df (pd.DataFrame | None): The actors table (ACTOR_COLUMNS; extras ignored).
    forces_df (pd.DataFrame | None): The forces table (FORCE_COLUMNS).
    stances_df (pd.DataFrame | None): The stances table (STANCE_COLUMNS).
    RETURNS (EvaluationResult): Summary, per-article metrics and error records.
    """
    by_actor, by_force, by_stance = table_rows(actors_df), table_rows(forces_df), table_rows(stances_df)
    totals = {part: dict.fromkeys(COUNT_KEYS[part], 0) for part in PARTS}
    articles: dict[str, dict[str, dict[str, Any]]] = {}
    errors: list[EvalError] = []
    for aid in sorted(golds):
        gold = validate_gold(golds[aid], f"gold for {aid!r}", aid)
        scorer = _ArticleScorer(gold, by_actor.get(aid, []), by_force.get(aid, []), by_stance.get(aid, []))
        counts = scorer.score()
        for part, c in counts.items():
            for k, v in c.items():
                totals[part][k] += v
        articles[aid] = {part: part_metrics(part, c) for part, c in counts.items()}
        errors.extend(scorer.errors)
    summary = {part: part_metrics(part, totals[part]) for part in PARTS}
    return EvaluationResult(summary=summary, articles=articles, errors=errors)


# ----------------------------------------------------------------------------- report


def _ratio(metrics: Mapping[str, Any], name: str) -> str:
    _, num, den = RATIOS[name]
    value = metrics.get(name)
    shown = "n/a" if value is None else f"{value:.3f}"
    return f"{shown} ({metrics[num]}/{metrics[den]})"


def format_report(result: EvaluationResult) -> str:
    """Render an evaluation as plain text: overall scores, per-article scores, every error.

    result (EvaluationResult): What score_tables or evaluate returned.
    RETURNS (str): The report, ending in a newline.
    """
    s = result.summary
    lines = [f"Evaluation against gold: {len(result.articles)} article(s), {len(result.errors)} error(s)"]
    lines += [f"warning: {w}" for w in result.warnings]
    lines += ["", f"{'part':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for part in PARTS:
        m = s[part]
        lines.append(f"{part:<16} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
                     f"{m['tp']:>5} {m['fp']:>5} {m['fn']:>5}")
    lines += [
        "",
        f"actor type accuracy      {_ratio(s['actors'], 'type_acc')}",
        f"actor country accuracy   {_ratio(s['actors'], 'country_acc')}",
        f"force quantity recall    {_ratio(s['forces'], 'quantity_recall')}",
        f"force status accuracy    {_ratio(s['forces'], 'status_acc')}",
        f"force operation accuracy {_ratio(s['forces'], 'operation_acc')}",
        "",
        "Per article (P/R/F1)",
    ]
    by_article = result.errors_by_article()
    width = max([len(a) for a in result.articles] + [7])
    lines.append(f"{'article':<{width}}  " + "  ".join(f"{p:<17}" for p in PARTS) + "  errors")
    for aid, parts in result.articles.items():
        cells = [f"{m['precision']:.2f}/{m['recall']:.2f}/{m['f1']:.2f}" for m in (parts[p] for p in PARTS)]
        lines.append(f"{aid:<{width}}  " + "  ".join(f"{c:<17}" for c in cells)
                     + f"  {len(by_article.get(aid, []))}")
    lines += ["", "Errors"]
    if not result.errors:
        lines.append("  none")
    for aid, errs in by_article.items():
        if not errs:
            continue
        lines.append(f"== {aid} ({len(errs)})")
        kw = max(len(e.kind) for e in errs)
        lines += [f"  {e.kind:<{kw}}  {e.message}" for e in errs]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- end to end


def write_json_atomic(data: Any, path: Path | str) -> Path:
    """Write JSON through a temporary file and rename, so readers never see half a file.

    data (Any): JSON-serialisable data.
    path (Path | str): Destination; its folder is created.
    RETURNS (Path): The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def evaluate(gold_dir: Path | str, articles: Path | str | Iterable[Path | str] | None = None,
             json_path: Path | str | None = None, *, nlp: Any = None) -> EvaluationResult:
    """Extract tables from the articles that have gold files and score them.

    Only articles whose id (file stem) has a gold file are loaded and extracted. When no
    gold id has an article the evaluation is refused; when only some have one, the others
    are left out of the scores and named in ``result.warnings`` (counting them as all
    misses would blame the extractor for a missing input file).

    gold_dir (Path | str): Folder of ``*.gold.json`` files.
    articles (Path | str | Iterable[Path | str] | None): Article files, folders or globs;
        default config.ARTICLES_DIR.
    json_path (Path | str | None): Where to write the result as JSON (atomically).
    nlp (Any): A loaded spaCy pipeline to reuse; default: the pipeline's own.
    RETURNS (EvaluationResult): The scores, errors and warnings.
    """
    golds = load_gold(gold_dir)
    if articles is None:
        paths: list[Path | str] = [config.ARTICLES_DIR]
    elif isinstance(articles, (str, Path)):
        paths = [articles]
    else:
        paths = list(articles)
    files, problems = loader.iter_article_paths(paths)
    if problems:
        raise BriefingError("; ".join(str(p) for p in problems))
    wanted = [f for f in files if loader.article_id_for(f) in golds]
    loaded = loader.load_articles(wanted)
    found = {a.id for a in loaded.articles}
    missing = sorted(set(golds) - found)
    load_problems = [str(p) for p in loaded.problems]
    if not found:
        detail = f" ({'; '.join(load_problems)})" if load_problems else ""
        raise BriefingError(NO_ARTICLES_FOR_GOLD.format(ids=", ".join(missing),
                                                        paths=", ".join(map(str, paths)), problems=detail))
    warnings = list(load_problems)
    if missing:
        warnings.append(SOME_ARTICLES_MISSING.format(ids=", ".join(missing), n=len(found)))
    tables = pipeline.extract_tables(loaded.articles, nlp=nlp)
    result = score_tables({aid: golds[aid] for aid in sorted(found)}, tables.actors, tables.forces, tables.stances)
    result.warnings = warnings + result.warnings
    if json_path is not None:
        write_json_atomic(result.to_dict(), json_path)
    return result


def cli_evaluate(gold: str, articles: list[str] | None, json_path: str | None) -> int:
    """Run ``briefing evaluate``: print the report (warnings also go to stderr).

    BriefingError propagates so the CLI prints it as its one-line ``error: ...``.

    gold (str): The gold folder.
    articles (list[str] | None): Article files/folders; None or empty for the default.
    json_path (str | None): Optional JSON output file.
    RETURNS (int): 0.
    """
    result = evaluate(gold, articles or None, json_path)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(format_report(result), end="")
    if json_path:
        print(f"wrote {json_path}", file=sys.stderr)
    return 0


def run_cli(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry: ``python -m analysis.evaluate --gold DIR [--articles PATH ...] [--json FILE]``.

    argv (Sequence[str] | None): Arguments without the program name; default sys.argv[1:].
    RETURNS (int): 0 on success, 1 after printing a one-line error.
    """
    ap = argparse.ArgumentParser(prog="briefing evaluate", description="Score extraction against gold files.")
    ap.add_argument("--gold", required=True, help="folder of *.gold.json files")
    ap.add_argument("--articles", nargs="+", action="extend", help="article files or folders (default: data/articles)")
    ap.add_argument("--json", dest="json_path", help="also write the result as JSON here")
    args = ap.parse_args(argv)
    try:
        return cli_evaluate(args.gold, args.articles, args.json_path)
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(run_cli())
