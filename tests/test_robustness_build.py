"""Build failures (issue 7): an error inside a notebook, a missing kernel, no PDF toolchain.

Each failing build must end as one ``error:`` line and a non-zero exit, and leave the
previous reports in the output folder byte-for-byte as they were (no staging folder left
behind either). Without Chromium the HTML is still built and the PDF skipped with a message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import build, cli, config

SEED = config.ARTICLES_DIR / "denmark-mali-takuba.txt"


def previous_reports(out: Path) -> dict[str, bytes]:
    """Stand-ins for a good earlier build, with bytes no new build would produce."""
    files = {
        "briefing.html": b"<html>previous briefing</html>\n",
        "briefing.pdf": b"%PDF-1.4 previous\n",
        "broken.html": b"<html>previous broken report</html>\n",
        "executed/briefing.ipynb": b'{"previous": true}\n',
        "tables/actors.csv": b"article_id,actor_id\nprevious,x\n",
    }
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return snapshot(out)


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} | {
        str(p.relative_to(out)) + "/": b"" for p in sorted(out.rglob("*")) if p.is_dir()}


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("error:")]


def broken_notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "Python (force-briefing)",
                                 "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A report that breaks"),
        nbformat.v4.new_code_cell('articles = "data/articles"\ntables_dir = ""', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("from analysis import report\ntables = report.load_tables(articles, tables_dir)"),
        nbformat.v4.new_markdown_cell("## Totals"),
        nbformat.v4.new_code_cell("# look up the total\ntotal = {'forces': 1}['personnel']"),
        nbformat.v4.new_code_cell("print('never reached')"),
    ]
    nbformat.write(nb, str(path))


@pytest.mark.slow
def test_error_inside_a_notebook_names_notebook_and_cell_and_keeps_previous_reports(tmp_path, monkeypatch, capsys):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    shutil.copy(config.NOTEBOOKS_DIR / "briefing.ipynb", nbdir / "briefing.ipynb")
    broken_notebook(nbdir / "broken.ipynb")
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", nbdir)
    out = tmp_path / "reports"
    before = previous_reports(out)

    # briefing builds fine in the staging folder first; broken then fails: nothing may be swapped in
    rc = cli.main(["build", "--articles", str(SEED), "--out", str(out), "--notebooks", "briefing,broken", "--no-pdf"])
    err = capsys.readouterr().err
    assert rc == cli.EXIT_USER_ERROR
    assert "Traceback" not in err
    assert error_lines(err) == [
        "error: notebook broken.ipynb failed in cell 5, `total = {'forces': 1}['personnel']` (KeyError: 'personnel')"]
    assert "[2/3] briefing" in err and "[3/3] broken" in err, "briefing really ran before the failure"
    assert snapshot(out) == before, "previous reports changed, or a staging folder was left behind"


@pytest.mark.slow
def test_missing_kernel_is_one_line_and_keeps_previous_reports(tmp_path):
    out = tmp_path / "reports"
    before = previous_reports(out)
    env = dict(os.environ, FORCE_BRIEFING_KERNEL="nope")
    env.pop("FORCE_BRIEFING_DEBUG", None)
    res = subprocess.run([sys.executable, "-m", "analysis", "build", "--articles", str(SEED), "--out", str(out),
                          "--notebooks", "briefing", "--no-pdf"], capture_output=True, text=True, timeout=600,
                         cwd=config.PROJ_ROOT, env=env)
    assert res.returncode == cli.EXIT_USER_ERROR, res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    errs = error_lines(res.stderr)
    assert len(errs) == 1
    assert errs[0].startswith("error: notebook briefing.ipynb could not run: ")
    assert "nope" in errs[0] and "make setup" in errs[0]
    assert snapshot(out) == before


@pytest.mark.slow
def test_missing_pdf_toolchain_builds_html_and_says_pdf_skipped(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "CHROMIUM_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(build.shutil, "which", lambda name, *a, **kw: None)
    assert build.chromium_path() is None
    out = tmp_path / "reports"
    rc = cli.main(["build", "--articles", str(SEED), "--out", str(out), "--notebooks", "briefing"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert captured.out.splitlines() == [str(out / "briefing.html")]
    assert (out / "briefing.html").stat().st_size > 10_000
    assert "Denmark" in (out / "briefing.html").read_text(encoding="utf-8")
    assert not (out / "briefing.pdf").exists()
    skipped = [ln for ln in captured.err.splitlines() if "PDF skipped" in ln]
    assert len(skipped) == 1 and skipped[0].startswith("warning: PDF skipped: Chromium not found")
    assert "chromium" in skipped[0] and "HTML reports were built" in skipped[0]
    assert error_lines(captured.err) == []
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [], "staging folder left behind"


def test_no_usable_articles_fails_before_touching_reports(tmp_path, capsys):
    out = tmp_path / "reports"
    before = previous_reports(out)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    rc = cli.main(["build", "--articles", str(empty), "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == cli.EXIT_USER_ERROR
    assert len(error_lines(err)) == 1 and "no usable articles" in error_lines(err)[0]
    assert f"{empty}: file is empty" in err
    assert snapshot(out) == before
