"""Time a full build of the seed against the floor the toolchain itself imposes.

Floor: papermill + nbconvert HTML + PDF (the same Chromium print the build uses) of one
trivial notebook (one cell, ``1 + 1``). The full build runs every report notebook, so the
script prints the ratio to one floor and to one floor per report.

usage: python benchmarks/build_time.py [--repeat N] [--articles PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from analysis import config
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
    floors, builds = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            floors.append(trivial_floor(Path(tmp)))
        with tempfile.TemporaryDirectory() as tmp:
            builds.append(full_build(Path(tmp), args.articles))
    floor, build = statistics.median(floors), statistics.median(builds)
    n = len(NOTEBOOKS)
    print(f"floor (1 trivial notebook: papermill + HTML + PDF): {floor:6.1f} s")
    print(f"full build ({n} reports, seed articles):            {build:6.1f} s")
    print(f"ratio full / floor:                                 {build / floor:6.2f}x")
    print(f"ratio full / ({n} x floor):                          {build / (n * floor):6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
