"""End-to-end plumbing of analysis.evaluate: articles -> extract_tables -> scores -> JSON/report.

The spaCy extractors are replaced by a fake ``pipeline.extract_tables`` returning hand-made
tables, so these tests check which articles are loaded, the JSON file and the CLI entry
points, not extraction quality.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import config, evaluate as ev, pipeline
from analysis.errors import BriefingError
from test_evaluate_scoring import ACTORS_CASE, TOY_GOLD

TEXT = ("Denmark said on Thursday that it will withdraw its soldiers from Mali, and the junta "
        "in Bamako said that it was not consulted about the deployment of the force.\n")


@pytest.fixture
def fake_extract(monkeypatch):
    """Replace extract_tables: every article gets ACTORS_CASE's rows (5 tp, 2 fp, 2 fn)."""
    seen: list[str] = []

    def extract_tables(articles, nlp=None):
        articles = list(articles)
        seen.extend(a.id for a in articles)
        actors = pd.concat([ACTORS_CASE.assign(article_id=a.id) for a in articles], ignore_index=True)
        empty = pd.DataFrame({"article_id": pd.Series(dtype=str)})
        return pipeline.Tables(actors, empty, empty)

    monkeypatch.setattr(pipeline, "extract_tables", extract_tables)
    return seen


def make_inputs(tmp: Path, gold_ids: list[str], article_ids: list[str]) -> tuple[Path, Path]:
    gold_dir, art_dir = tmp / "gold", tmp / "articles"
    gold_dir.mkdir()
    art_dir.mkdir()
    for aid in gold_ids:
        g = copy.deepcopy(TOY_GOLD)
        g["article_id"] = aid
        (gold_dir / f"{aid}.gold.json").write_text(json.dumps(g), encoding="utf-8")
    for aid in article_ids:
        (art_dir / f"{aid}.txt").write_text(TEXT, encoding="utf-8")
    return gold_dir, art_dir


def test_evaluate_scores_only_articles_with_gold(tmp_path, fake_extract):
    gold_dir, art_dir = make_inputs(tmp_path, ["a", "b"], ["a", "b", "unrelated"])
    res = ev.evaluate(gold_dir, [art_dir])
    assert fake_extract == ["a", "b"]
    assert list(res.articles) == ["a", "b"] and res.warnings == []
    # Two copies of ACTORS_CASE: tp 10, fp 4, fn 4 -> P = R = 10/14 = 0.714.
    s = res.summary["actors"]
    assert (s["tp"], s["fp"], s["fn"], s["precision"], s["recall"]) == (10, 4, 4, 0.714, 0.714)
    assert s["type_acc"] == 0.8


def test_evaluate_writes_json_atomically(tmp_path, fake_extract):
    gold_dir, art_dir = make_inputs(tmp_path, ["a"], ["a"])
    out = tmp_path / "out" / "eval.json"
    res = ev.evaluate(gold_dir, str(art_dir / "a.txt"), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"summary", "articles", "errors", "warnings"}
    assert list(data["summary"]) == ["actors", "forces", "stances_actor", "stances_country"]
    assert data["summary"]["actors"]["f1"] == 0.714
    assert data["articles"]["a"]["actors"]["fp"] == 2
    assert len(data["errors"]) == len(res.errors) > 0
    assert {"kind", "table", "article_id", "message"} <= set(data["errors"][0])
    assert [p.name for p in out.parent.iterdir()] == ["eval.json"]  # no temporary file left


def test_evaluate_warns_about_gold_without_article(tmp_path, fake_extract):
    gold_dir, art_dir = make_inputs(tmp_path, ["a", "b", "c"], ["a"])
    res = ev.evaluate(gold_dir, [art_dir])
    assert list(res.articles) == ["a"]
    assert len(res.warnings) == 1 and "b, c" in res.warnings[0] and "not scored" in res.warnings[0]
    assert res.summary["actors"]["fn"] == 2  # b and c are left out, not counted as misses
    assert "warning: no article for gold id(s) b, c" in ev.format_report(res)


def test_evaluate_refuses_when_no_gold_has_an_article(tmp_path, fake_extract):
    gold_dir, art_dir = make_inputs(tmp_path, ["a", "b"], ["x"])
    with pytest.raises(BriefingError, match="no article found for any gold file") as err:
        ev.evaluate(gold_dir, [art_dir])
    assert "a, b" in str(err.value)
    assert fake_extract == []


def test_evaluate_missing_article_path(tmp_path, fake_extract):
    gold_dir, _ = make_inputs(tmp_path, ["a"], ["a"])
    with pytest.raises(BriefingError, match="no such file or folder"):
        ev.evaluate(gold_dir, [tmp_path / "missing"])


def test_evaluate_defaults_to_config_articles_dir(tmp_path, fake_extract, monkeypatch):
    gold_dir, art_dir = make_inputs(tmp_path, ["a"], ["a"])
    monkeypatch.setattr(config, "ARTICLES_DIR", art_dir)
    assert list(ev.evaluate(gold_dir).articles) == ["a"]


def test_evaluate_cli_prints_report(tmp_path, fake_extract, capsys):
    gold_dir, art_dir = make_inputs(tmp_path, ["a"], ["a"])
    out = tmp_path / "eval.json"
    assert ev.cli_evaluate(str(gold_dir), [str(art_dir)], str(out)) == 0
    printed = capsys.readouterr()
    assert printed.out.startswith("Evaluation against gold: 1 article(s)")
    assert "actors            0.714  0.714  0.714     5     2     2" in printed.out
    # Actors: 2 FP, 2 FN, 1 type, 1 country; forces: DNK and FRA missed; stances: 2 per level.
    assert "== a (12)" in printed.out
    assert out.is_file()


def test_evaluate_run_cli_one_line_error(tmp_path, capsys):
    assert ev.run_cli(["--gold", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no such gold folder" in err and err.count("\n") == 1


def test_evaluate_run_cli_success(tmp_path, fake_extract, capsys):
    gold_dir, art_dir = make_inputs(tmp_path, ["a"], ["a"])
    assert ev.run_cli(["--gold", str(gold_dir), "--articles", str(art_dir)]) == 0
    assert "Per article" in capsys.readouterr().out
