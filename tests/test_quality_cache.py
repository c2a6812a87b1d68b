"""The quality report's score cache: reused only while nothing that scores depend on changed.

Every test runs the real scorer on a copy of the seed set (one article) and counts how often
``analysis.evaluate.evaluate`` runs, so a cache that serves stale scores, or never serves
any, fails here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import cache, config, evaluate as evaluate_mod, report


@pytest.fixture
def seed_set(tmp_path: Path) -> tuple[str, Path, Path]:
    """A private copy of the seed gold and articles, so tests may change their bytes."""
    gold, arts = tmp_path / "gold", tmp_path / "articles"
    shutil.copytree(config.DATA_DIR / "gold", gold)
    shutil.copytree(config.ARTICLES_DIR, arts)
    return f"seed|{gold}|{arts}", gold, arts


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, nlp) -> list[Path]:
    """Gold folders ``evaluate`` was really run on (it still runs: results must be real)."""
    seen: list[Path] = []
    real = evaluate_mod.evaluate

    def counting(gold_dir, articles=None, json_path=None, **kw):
        seen.append(Path(gold_dir))
        return real(gold_dir, articles, json_path, nlp=nlp)

    monkeypatch.setattr(evaluate_mod, "evaluate", counting)
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return seen


@pytest.fixture
def lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The hash reads a copy of data/lexicons, which a test may edit (the real one is shared)."""
    copy = tmp_path / "lexicons"
    shutil.copytree(config.LEXICON_DIR, copy)
    monkeypatch.setattr(cache, "LEXICON_DIR", copy)
    return copy


def _scores(spec: str, cache_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return report.quality_scores(spec, cache_dir=cache_dir)


def test_second_call_is_served_from_cache_and_equal(seed_set, calls, tmp_path):
    spec, _, _ = seed_set
    first = _scores(spec, tmp_path / "c")
    second = _scores(spec, tmp_path / "c")
    assert len(calls) == 1
    assert not first[0].empty and {"actors", "forces"} <= set(first[0]["part"])
    pd.testing.assert_frame_equal(first[0], second[0])
    pd.testing.assert_frame_equal(first[1], second[1])
    # and equal to a run that never saw the cache
    fresh = report.quality_scores(spec, cache_dir=tmp_path / "other", use_cache=False)
    pd.testing.assert_frame_equal(first[0], fresh[0])
    pd.testing.assert_frame_equal(first[1], fresh[1])


def test_gold_byte_change_invalidates(seed_set, calls, tmp_path):
    spec, gold, _ = seed_set
    _scores(spec, tmp_path / "c")
    f = next(gold.glob("*.gold.json"))
    f.write_bytes(f.read_bytes() + b" ")  # still valid JSON, same meaning: bytes alone count
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2


def test_gold_edit_gives_new_scores_not_stale_ones(seed_set, calls, tmp_path):
    spec, gold, _ = seed_set
    before, _ = _scores(spec, tmp_path / "c")
    f = next(gold.glob("*.gold.json"))
    data = json.loads(f.read_text(encoding="utf-8"))
    data["forces"][0]["quantity"] = [999]  # gold now expects a figure the article never gives
    f.write_text(json.dumps(data), encoding="utf-8")
    after, _ = _scores(spec, tmp_path / "c")
    assert len(calls) == 2
    recall = lambda df: float(df.loc[df["part"] == "forces", "quantity_recall"].iloc[0])  # noqa: E731
    assert recall(after) < recall(before)
    fresh, _ = report.quality_scores(spec, cache_dir=tmp_path / "other", use_cache=False)
    pd.testing.assert_frame_equal(after, fresh)


def test_article_change_invalidates(seed_set, calls, tmp_path):
    spec, _, arts = seed_set
    _scores(spec, tmp_path / "c")
    f = next(arts.glob("*.txt"))
    f.write_text(f.read_text(encoding="utf-8") + "\nThe mission continues.\n", encoding="utf-8")
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2


def test_new_article_file_invalidates(seed_set, calls, tmp_path):
    spec, _, arts = seed_set
    _scores(spec, tmp_path / "c")
    (arts / "another.txt").write_text("Estonia will send 100 soldiers to Mali.\n", encoding="utf-8")
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2


def test_lexicon_change_invalidates(seed_set, calls, lexicons, tmp_path):
    spec, _, _ = seed_set
    _scores(spec, tmp_path / "c")
    _scores(spec, tmp_path / "c")
    assert len(calls) == 1  # the copy alone changes nothing
    f = lexicons / "stance_cues.json"
    f.write_bytes(f.read_bytes() + b"\n")
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2


def test_reference_change_invalidates(seed_set, calls, tmp_path, monkeypatch):
    spec, _, _ = seed_set
    ref = tmp_path / "reference"
    shutil.copytree(config.REFERENCE_DIR, ref, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "REFERENCE_DIR", ref)
    _scores(spec, tmp_path / "c")
    (ref / "curated" / "new-list.jsonl").parent.mkdir(exist_ok=True)
    (ref / "curated" / "new-list.jsonl").write_text("{}\n", encoding="utf-8")  # a new file counts too
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2


def test_key_covers_code_and_model(seed_set, tmp_path, monkeypatch):
    _, gold, arts = seed_set
    key = cache.eval_set_key("seed", gold, arts)
    assert cache.eval_set_key("seed", gold, arts) == key  # deterministic
    code = tmp_path / "code"
    shutil.copytree(cache.CODE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CODE_DIR", code)
    assert cache.eval_set_key("seed", gold, arts) == key
    (code / "stances.py").write_text((code / "stances.py").read_text() + "\n# changed\n")
    assert cache.eval_set_key("seed", gold, arts) != key
    monkeypatch.setattr(cache, "CODE_DIR", cache.Path(cache.__file__).resolve().parent)
    monkeypatch.setenv(config.MODEL_ENV_VAR, "en_core_web_trf")  # a user's other model
    assert cache.eval_set_key("seed", gold, arts) != key


def test_corrupt_or_foreign_entry_is_ignored_and_rewritten(seed_set, calls, tmp_path):
    spec, gold, arts = seed_set
    first = _scores(spec, tmp_path / "c")
    entry = cache.entry_path("seed", gold, arts, tmp_path / "c")
    assert entry.is_file()
    for junk in (b"", b"{\"format\": 1, \"key\": ", b"\xff\xfe\x00garbage", b"[1, 2]",
                 json.dumps({"format": cache.FORMAT_VERSION, "key": "0" * 64, "rows": [], "errors": []}).encode()):
        entry.write_bytes(junk)
        again = _scores(spec, tmp_path / "c")
        pd.testing.assert_frame_equal(first[0], again[0])
        pd.testing.assert_frame_equal(first[1], again[1])
    assert len(calls) == 6
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT_VERSION  # repaired
    _scores(spec, tmp_path / "c")
    assert len(calls) == 6


def test_opt_out_env_var_recomputes(seed_set, calls, tmp_path, monkeypatch):
    spec, _, _ = seed_set
    _scores(spec, tmp_path / "c")
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2
    monkeypatch.setenv(cache.NO_CACHE_ENV, "0")
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2


def test_unwritable_cache_never_breaks_scoring(seed_set, calls, tmp_path):
    spec, _, _ = seed_set
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    scores, _ = _scores(spec, blocker)
    assert not scores.empty and len(calls) == 1


def test_failed_evaluation_is_not_cached(seed_set, calls, tmp_path):
    spec, gold, _ = seed_set
    f = next(gold.glob("*.gold.json"))
    good = f.read_bytes()
    f.write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception):
        _scores(spec, tmp_path / "c")
    assert not any((tmp_path / "c").glob("*.json"))
    f.write_bytes(good)
    _scores(spec, tmp_path / "c")
    assert len(calls) == 2
