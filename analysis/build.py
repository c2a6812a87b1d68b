"""Build the reports: extract once, execute each notebook with papermill, export HTML and PDF.

Everything is built in a staging folder beside the output folder and moved into place only
when every notebook succeeded, so a failed build never leaves a half-written or missing
report where a good one used to be.

PDF route: nbconvert renders HTML with an offline template, and Chromium (Debian's
``chromium``, driven by Playwright with ``executable_path``) prints it. That is what
nbconvert's ``webpdf`` exporter does, minus its insistence on a Playwright-downloaded
browser. HTML tables stay real tables and charts stay vector (SVG) in the PDF.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from . import config
from .errors import BriefingError

#: Notebooks in build order, each with the report name it produces.
NOTEBOOKS = ("briefing", "actors", "forces", "stances", "quality")
TEMPLATE_DIR = Path(__file__).parent / "templates"


@dataclass
class BuildResult:
    out_dir: Path
    reports: list[Path]
    pdf_skipped: str = ""


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def chromium_path() -> str | None:
    """The Chromium binary for PDF export, or None when none is installed."""
    path = config.CHROMIUM_PATH
    if path and Path(path).exists():
        return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


def execute_notebook(src: Path, dest: Path, parameters: dict, cwd: Path) -> None:
    """Run one notebook with papermill; turn a failing cell into a one-line BriefingError."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    try:
        pm.execute_notebook(
            str(src), str(dest), parameters=parameters, kernel_name=config.KERNEL_NAME,
            cwd=str(cwd), progress_bar=False, report_mode=True, log_output=False,
        )
    except PapermillExecutionError as err:
        line = (err.evalue or err.ename or "error").strip().splitlines()
        reason = line[-1] if line else err.ename
        raise BriefingError(
            f"notebook {src.name} failed in {_cell_ref(src, err)} ({err.ename}: {reason[:300]})"
        ) from None
    except Exception as err:  # kernel missing, dead kernel, unreadable notebook
        msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if "No such kernel" in msg or "kernel" in type(err).__name__.lower():
            msg += f" (run `make setup` to register the {config.KERNEL_NAME!r} kernel)"
        raise BriefingError(f"notebook {src.name} could not run: {msg[:300]}") from None


def _cell_ref(src: Path, err) -> str:
    """'cell 5, `y = totals[key]`': the cell's 1-based place in the notebook as Jupyter shows it.

    papermill's In [n] and cell index count the injected-parameters cell, and the executed
    copy is discarded with the failed build, so neither helps a reader find the cell.
    """
    import nbformat

    index = err.cell_index
    try:
        cells = nbformat.read(str(src), as_version=4).cells
        tagged = [i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
        injected_at = tagged[0] + 1 if tagged else 0
        if index > injected_at:
            index -= 1
    except Exception:  # unreadable source: fall back to papermill's index
        pass
    code = next((ln.strip() for ln in (err.source or "").splitlines()
                 if ln.strip() and not ln.strip().startswith("#")), "")
    code = code if len(code) <= 60 else code[:59] + "\u2026"
    return f"cell {index + 1}" + (f", `{code}`" if code else "")


def export_html(executed: Path, dest: Path) -> None:
    """Executed notebook -> self-contained offline HTML with code cells hidden."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed), as_version=4)
    exporter = HTMLExporter(
        template_name="briefing", extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb.metadata.get("title", dest.stem)}})
    _write_atomic(dest, body.encode("utf-8"))


def export_pdf(html: Path, dest: Path, browser: str) -> None:
    """Print an HTML report to PDF with Chromium (A4, backgrounds on)."""
    from playwright.sync_api import sync_playwright

    tmp = dest.with_suffix(".pdf.part")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=browser, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            page = b.new_page()
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(tmp), format="A4", print_background=True, prefer_css_page_size=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template='<div style="font-size:8px;width:100%;text-align:center;color:#666">'
                                     '<span class="title"></span> &middot; page <span class="pageNumber"></span>'
                                     ' of <span class="totalPages"></span></div>',
                     margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
        finally:
            b.close()
    os.replace(tmp, dest)


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; reports are meant to be shared
    os.replace(tmp, path)


def _point_at_final_tables(executed_dir: Path, staging_tables: Path, final_tables: Path) -> None:
    """Executed notebooks keep the tables folder they will find after the swap, not the
    staging folder that is deleted, so a reader can re-run them as they are."""
    import nbformat

    for path in sorted(executed_dir.glob("*.ipynb")):
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell.source = cell.source.replace(str(staging_tables), str(final_tables))
        nbformat.write(nb, str(path))


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    """Move every built file over its old version; each rename is atomic."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for item in sorted(staging.rglob("*")):
        if item.is_dir():
            continue
        target = out_dir / item.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(item, target)


def build_reports(
    articles: Sequence[str] | None = None,
    out_dir: Path | str | None = None,
    notebooks: Sequence[str] = NOTEBOOKS,
    pdf: bool = True,
    progress: Callable[[str], None] = _say,
    max_bytes: int | None = None,
    jobs: int = 2,
) -> BuildResult:
    """Extract tables, run the notebooks and export HTML/PDF reports into ``out_dir``."""
    from .loader import load_articles
    from .pipeline import extract_tables, write_tables

    # absolute: the notebooks run with the notebooks folder as working directory
    out = (Path(out_dir) if out_dir else config.REPORTS_DIR).resolve()
    paths = [str(Path(a).resolve()) for a in (articles or [str(config.ARTICLES_DIR)])]
    # plain names only: "../x" would put the executed notebook and reports outside the output folder
    unknown = [n for n in notebooks
               if not re.fullmatch(r"[A-Za-z0-9_-]+", n) or not (config.NOTEBOOKS_DIR / f"{n}.ipynb").is_file()]
    if unknown:
        raise BriefingError(f"no such notebook: {', '.join(unknown)} (have: {', '.join(NOTEBOOKS)})")

    t0 = time.perf_counter()
    loaded = load_articles(paths, max_bytes=max_bytes or config.MAX_ARTICLE_BYTES)
    for prob in loaded.problems:
        progress(f"warning: skipped {prob}")
    if not loaded.articles:
        raise BriefingError(f"no usable articles in {', '.join(paths)}; reports left unchanged")
    progress(f"[1/{len(notebooks) + 1}] extracting tables from {len(loaded.articles)} article(s)")
    tables = extract_tables(loaded.articles)

    browser = chromium_path() if pdf else None
    pdf_skipped = ""
    if pdf and browser is None:
        pdf_skipped = ("PDF skipped: Chromium not found (install Debian package `chromium` "
                       f"or set FORCE_BRIEFING_CHROMIUM); HTML reports were built")

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        tables_dir = staging / "tables"
        write_tables(tables, tables_dir)
        (staging / "executed").mkdir()
        manifest = {"articles": [a.path for a in loaded.articles], "skipped": [str(p) for p in loaded.problems]}
        (tables_dir / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        params = {"articles": paths[0] if len(paths) == 1 else ",".join(paths), "tables_dir": str(tables_dir)}

        def render(k: int, name: str) -> list[Path]:
            progress(f"[{k}/{len(notebooks) + 1}] {name}: papermill, HTML{', PDF' if browser else ''}")
            executed = staging / "executed" / f"{name}.ipynb"
            execute_notebook(config.NOTEBOOKS_DIR / f"{name}.ipynb", executed, params, config.NOTEBOOKS_DIR)
            html = staging / f"{name}.html"
            export_html(executed, html)
            if not browser:
                return [html]
            try:
                export_pdf(html, staging / f"{name}.pdf", browser)
            except Exception as err:  # browser crash: keep the HTML, say why PDF is missing
                first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
                raise BriefingError(f"PDF export of {name} failed: {first[:300]}") from None
            return [html, staging / f"{name}.pdf"]

        # notebooks are independent: run them side by side (kernels are separate processes)
        built: list[Path] = []
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(notebooks)))) as pool:
            futures = [pool.submit(render, k, name) for k, name in enumerate(notebooks, start=2)]
            errors = []
            for fut in futures:  # in notebook order, so the first failing notebook is named
                try:
                    built += fut.result()
                except BriefingError as err:
                    errors.append(err)
            if errors:
                raise errors[0]
        _point_at_final_tables(staging / "executed", tables_dir, out / "tables")
        _swap_into_place(staging, out)
        if not browser:
            for name in notebooks:  # an older PDF would no longer match the new HTML
                stale = out / f"{name}.pdf"
                if stale.exists():
                    stale.unlink()
                    progress(f"warning: removed outdated {stale.name} (no PDF was built this time)")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if pdf_skipped:
        progress(f"warning: {pdf_skipped}")
    progress(f"done in {time.perf_counter() - t0:.1f}s: {len(notebooks)} report(s) in {out}")
    return BuildResult(out_dir=out, reports=[out / p.name for p in built], pdf_skipped=pdf_skipped)
