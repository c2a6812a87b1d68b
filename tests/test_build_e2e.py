"""End to end: the seed article in, HTML and PDF reports out, through papermill and nbconvert.

Slow (about a minute): it runs every notebook in a real kernel and prints PDFs with Chromium.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import config
from analysis.build import NOTEBOOKS, build_reports, chromium_path

pytestmark = pytest.mark.slow

SEED = config.ARTICLES_DIR / "denmark-mali-takuba.txt"
HAS_PDF = chromium_path() is not None and shutil.which("pdftotext") is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = build_reports([str(SEED)], out, progress=lambda msg: None)
    return out, result


def test_build_e2e_every_report_as_html_and_pdf(built):
    out, result = built
    for name in NOTEBOOKS:
        assert (out / f"{name}.html").stat().st_size > 10_000
        if HAS_PDF:
            assert (out / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"
    assert not list(out.glob(".staging-*")), "staging folder left behind"


@pytest.mark.skipif(not HAS_PDF, reason="needs chromium and pdftotext (make setup installs them)")
def test_build_e2e_briefing_pdf_has_story_and_real_tables(built):
    out, _ = built
    text = subprocess.run(["pdftotext", "-layout", str(out / "briefing.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Denmark" in text
    assert "Takuba" in text
    # table headers of the actors, forces and stances tables, as table text (not code)
    for header in ("aliases", "contributor", "evidence", "polarity"):
        assert header in text
    assert "import " not in text and "report.html_table" not in text  # code cells hidden
    assert "Summary" in text and "Contents" in text


def test_build_e2e_executed_notebooks_carry_injected_parameters(built):
    out, _ = built
    for name in NOTEBOOKS:
        nb = nbformat.read(out / "executed" / f"{name}.ipynb", as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1, name
        assert str(SEED) in injected[0].source
        # the executed notebook points at the tables kept beside it, not the deleted staging folder
        assert f'tables_dir = "{out / "tables"}"' in injected[0].source


def test_build_e2e_tables_written_beside_reports(built):
    out, _ = built
    header = (out / "tables" / "forces.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("article_id,contributor,contributor_country,operation,quantity,quantity_text,"
                             "approximate,personnel,status,sentence")
    manifest = json.loads((out / "tables" / "manifest.json").read_text())
    assert manifest["articles"] == [str(SEED)]


def test_build_e2e_html_is_offline(built):
    out, _ = built
    for name in NOTEBOOKS:
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert "<script src=" not in html
        assert "cdnjs" not in html and "cdn.jsdelivr" not in html and "mathjax" not in html.lower()


def test_build_e2e_papermill_cli_runs_a_notebook_on_another_article(tmp_path):
    """The README's example: run one notebook directly with papermill on another article."""
    other = config.DEV_DIR / "tune" / "articles" / "estonia-uk-battlegroup-reinforce.txt"
    out = tmp_path / "stances.ipynb"
    papermill = Path(sys.executable).with_name("papermill")
    subprocess.run([str(papermill), str(config.NOTEBOOKS_DIR / "stances.ipynb"), str(out),
                    "-p", "articles", str(other), "--cwd", str(config.NOTEBOOKS_DIR)],
                   check=True, capture_output=True, timeout=300)
    nb = nbformat.read(out, as_version=4)
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "Estonia" in outputs or "Pevkur" in outputs
    assert "Denmark condemned" not in outputs  # not the default article


def test_build_e2e_relative_out_folder_from_another_directory(tmp_path, monkeypatch):
    """`briefing build --out reports` run from any folder: the notebooks (which run in the
    notebooks folder) must still find the tables."""
    monkeypatch.chdir(tmp_path)
    briefing = Path(sys.executable).with_name("briefing")
    done = subprocess.run([str(briefing), "build", "--articles", str(SEED), "--out", "reports",
                           "--notebooks", "briefing", "--no-pdf"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    assert (tmp_path / "reports" / "briefing.html").stat().st_size > 10_000
