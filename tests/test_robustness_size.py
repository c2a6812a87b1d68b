"""Size limits: what the default admits, the pipeline can parse; a raised limit really works (issue 7)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import spacy

from analysis import config, errors, loader, pipeline
from analysis.nlp import load_pipeline

SEED = config.ARTICLES_DIR / "denmark-mali-takuba.txt"


@pytest.mark.skipif("FORCE_BRIEFING_MAX_BYTES" in os.environ, reason="limit overridden in the environment")
def test_default_size_limit_fits_spacys_default_max_length():
    """With a 2 MB default, a 1.1 MB file was admitted and then crashed spaCy (E088) as an internal error."""
    assert config.MAX_ARTICLE_BYTES <= spacy.blank("en").max_length


def test_article_longer_than_nlp_max_length_is_parsed_when_admitted(tmp_path):
    art = loader.load_article(SEED)
    nlp = load_pipeline()
    saved = nlp.max_length
    nlp.max_length = len(art.text) // 2  # stand-in for a >1M-character article with a raised --max-bytes
    try:
        tables = pipeline.extract_tables([art], nlp)
    finally:
        nlp.max_length = max(saved, nlp.max_length)
    assert set(tables.actors["article_id"]) == {"denmark-mali-takuba"}
    assert "DNK" in set(tables.actors["country"])


def test_cli_max_bytes_refuses_then_accepts(tmp_path):
    p = tmp_path / "seed.txt"
    p.write_bytes(SEED.read_bytes())
    size = p.stat().st_size

    def run(limit: int) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "analysis", "extract", str(p), "--out", str(tmp_path / "out"),
                               "--max-bytes", str(limit)], capture_output=True, text=True, timeout=300,
                              cwd=config.PROJ_ROOT)

    small = run(size - 1)
    assert small.returncode == 1
    assert small.stderr.strip() == f"error: {p}: " + errors.TOO_LARGE.format(size=size, limit=size - 1)
    big = run(size)
    assert big.returncode == 0, big.stderr
    assert (tmp_path / "out" / "actors.csv").read_text().count("\nseed,") >= 5
