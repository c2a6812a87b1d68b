"""Repeatable output (issue 7): same input, byte-identical tables and identical notebook outputs.

Runs use different PYTHONHASHSEED values, so any set or dict iteration order that leaks
into a table, a chart or a report shows up as a difference.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import config, loader, pipeline

from fixtures.hostile import hostile_build, run_build

ARTICLE_DIRS = [config.ARTICLES_DIR, config.DEV_DIR / "tune" / "articles"]
TABLES = ("actors.csv", "forces.csv", "stances.csv")


def extract(out: Path, seed: int) -> None:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    res = subprocess.run([sys.executable, "-m", "analysis", "extract", *map(str, ARTICLE_DIRS), "--out", str(out)],
                         capture_output=True, text=True, timeout=600, cwd=config.PROJ_ROOT, env=env)
    assert res.returncode == 0, res.stderr


@pytest.mark.slow
def test_two_extractions_give_byte_identical_csvs(tmp_path):
    extract(tmp_path / "one", seed=1)
    extract(tmp_path / "two", seed=2)
    for name in TABLES:
        one, two = (tmp_path / "one" / name).read_bytes(), (tmp_path / "two" / name).read_bytes()
        assert one.count(b"\n") > 5, f"{name} is nearly empty: the comparison would prove nothing"
        assert one == two, f"{name} differs between runs"


def test_extracting_twice_in_one_process_gives_equal_tables():
    """Caches and lexicons must not be mutated by a run (the second run sees the same state)."""
    arts = loader.load_articles([config.ARTICLES_DIR]).articles
    first, second = pipeline.extract_tables(arts), pipeline.extract_tables(arts)
    for a, b in zip(first, second):
        assert a.to_csv(index=False) == b.to_csv(index=False)
    assert len(first.actors) > 5


# --- two builds -----------------------------------------------------------------------------------

_INJECTED_ID = re.compile(r'(celltag_injected-parameters" id=")cell-id=[0-9a-f]+"')
_SVG_DATE = re.compile(r"<dc:date>[^<]*</dc:date>")
_SVG_DATA_URI = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")


def comparable(nb_path: Path) -> list[dict]:
    """Cells with their outputs, minus what papermill/nbclient stamp per run (times, ids, staging path)."""
    nb = nbformat.read(str(nb_path), as_version=4)
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags:
            continue  # holds the build's temporary tables_dir; checked separately
        outputs = json.loads(_SVG_DATE.sub("", json.dumps(cell.get("outputs", []), sort_keys=True)))
        cells.append({"type": cell.cell_type, "source": cell.source, "tags": tags, "outputs": outputs})
    return cells


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    first = hostile_build(tmp_path_factory)
    assert first["result"].returncode == 0, first["result"].stderr[-3000:]
    out2 = first["root"] / "reports-again"
    res = run_build(first["articles"], out2, pdf=False, pwned_marker=first["marker"], hash_seed=2)
    assert res.returncode == 0, res.stderr[-3000:]
    return first["out"], out2


@pytest.mark.slow
def test_two_builds_give_identical_tables(two_builds):
    a, b = two_builds
    names = sorted(p.name for p in (a / "tables").iterdir())
    assert names == sorted(p.name for p in (b / "tables").iterdir())
    assert set(TABLES) <= set(names)
    for name in names:
        assert (a / "tables" / name).read_bytes() == (b / "tables" / name).read_bytes(), name


@pytest.mark.slow
def test_two_builds_give_identical_notebook_outputs(two_builds):
    a, b = two_builds
    notebooks = sorted(p.name for p in (a / "executed").glob("*.ipynb"))
    assert len(notebooks) == 4
    for name in notebooks:
        one, two = comparable(a / "executed" / name), comparable(b / "executed" / name)
        assert sum(len(c["outputs"]) for c in one) >= 3, f"{name}: too few outputs to compare"
        for i, (c1, c2) in enumerate(zip(one, two)):
            assert c1 == c2, f"{name}: cell {i} differs between builds"
        assert len(one) == len(two)


@pytest.mark.slow
def test_two_builds_give_identical_html_apart_from_papermill_cell_id(two_builds):
    """Charts too: SVG clip-path ids used to be random and each SVG carried its creation time."""
    a, b = two_builds
    for name in sorted(p.name for p in a.glob("*.html")):
        one = _INJECTED_ID.sub(r"\1X", (a / name).read_text(encoding="utf-8"))
        two = _INJECTED_ID.sub(r"\1X", (b / name).read_text(encoding="utf-8"))
        charts = [svg for svg in map(base64.b64decode, _SVG_DATA_URI.findall(one)) if b"clip-path" in svg]
        assert charts, f"{name}: no matplotlib chart found; the comparison would not cover charts"
        assert not any(b"<dc:date>" in svg for svg in charts)
        assert one == two, f"{name} differs between builds"
