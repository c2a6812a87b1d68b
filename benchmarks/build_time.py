"""Time a full build of the seed against the floor the toolchain itself imposes.

Floor: papermill + nbconvert HTML + PDF (the same Chromium print the build uses) of one
trivial notebook (one cell, ``1 + 1``). The full build runs every report notebook, so the
script prints the ratio to one floor and to one floor per report.

Each repeat builds twice against a fresh, empty quality-score cache (FORCE_BRIEFING_CACHE_DIR
pointed at a temporary folder, never the project's): the *cold* build scores every gold
set from scratch, as the first build after any change to code, data or model does; the
*warm* build, with nothing changed, reads the scores the cold one stored.

usage: python benchmarks/build_time.py [--repeat N] [--articles PATH ...]
(repeats report medians)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from analysis import cache, config
from analysis.build import NOTEBOOKS, build_reports, chromium_path, execute_notebook, export_html, export_pdf


def trivial_floor(workdir: Path) -> float:
    nb = new_notebook(cells=[new_code_cell("1 + 1")])
    nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "Python", "language": "python"}
    src = workdir / "trivial.ipynb"
    nbformat.write(nb, src)
    browser = chromium_path()
    t0 = time.perf_counter()
    execute_notebook(src, workdir / "trivial.out.ipynb", {}, workdir)
    export_html(workdir / "trivial.out.ipynb", workdir / "trivial.html")
    if browser:
        export_pdf(workdir / "trivial.html", workdir / "trivial.pdf", browser)
    return time.perf_counter() - t0


def full_build(workdir: Path, articles: list[str]) -> float:
    t0 = time.perf_counter()
    build_reports(articles, workdir / "reports", progress=lambda m: None)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--articles", nargs="+", default=[str(config.ARTICLES_DIR)])
    args = ap.parse_args(argv)
    if os.environ.get(cache.NO_CACHE_ENV, "").strip() not in ("", "0"):
        print(f"note: {cache.NO_CACHE_ENV} is set, so the warm build recomputes too", file=sys.stderr)
    saved = os.environ.get(cache.CACHE_DIR_ENV)
    floors, colds, warms = [], [], []
    try:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                floors.append(trivial_floor(Path(tmp)))
            with tempfile.TemporaryDirectory() as tmp:
                # the notebook kernels inherit this: an empty cache, then the one the cold build filled
                os.environ[cache.CACHE_DIR_ENV] = str(Path(tmp) / "cache")
                colds.append(full_build(Path(tmp) / "cold", args.articles))
                warms.append(full_build(Path(tmp) / "warm", args.articles))
    finally:
        if saved is None:
            os.environ.pop(cache.CACHE_DIR_ENV, None)
        else:
            os.environ[cache.CACHE_DIR_ENV] = saved
    floor, cold, warm = statistics.median(floors), statistics.median(colds), statistics.median(warms)
    n = len(NOTEBOOKS)
    print(f"floor (1 trivial notebook: papermill + HTML + PDF):  {floor:6.1f} s")
    print(f"cold full build ({n} reports, empty score cache):      {cold:6.1f} s")
    print(f"warm full build ({n} reports, nothing changed):        {warm:6.1f} s")
    print(f"ratio cold / floor, warm / floor:                    {cold / floor:6.2f}x {warm / floor:6.2f}x")
    print(f"ratio cold / ({n} x floor), warm / ({n} x floor):      "
          f"{cold / (n * floor):6.2f}x {warm / (n * floor):6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
