"""Stances through the real pipeline: spaCy model, reference data and actor extractor.

Compared at country level (``source_country``, ``target_country``), which does not depend on
how the actor extractor names people or governments. Expected values are written by hand
from the text.
"""

from __future__ import annotations

import pytest

from analysis import schemas
from analysis.config import ARTICLES_DIR
from analysis.loader import load_articles
from analysis.stances import extract_stances


@pytest.fixture(scope="session")
def run(nlp):
    from analysis.actors import extract_actors

    def go(text: str, article_id: str = "t"):
        doc = nlp(text)
        actors = extract_actors(doc, article_id)
        return extract_stances(doc, actors), actors

    return go


def country_triples(rows):
    return {(r["source_country"], r["target_country"], r["stance"]) for r in rows}


CASES = [
    ("Germany expelled the Russian ambassador on Monday.", {("DEU", "RUS", "oppose")}),
    ("Sweden and Norway called on Russia to withdraw its troops.", {("SWE", "RUS", "demand"), ("NOR", "RUS", "demand")}),
    ("Poland did not condemn Hungary.", {("POL", "HUN", "neutral")}),
    ("Finland welcomed the Estonian decision.", {("FIN", "EST", "support")}),
    ("Canada praised Ghana for its commitment to the mission.", {("CAN", "GHA", "support")}),
    ("Spain has sent 300 soldiers to Latvia.", set()),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_country_triples(run, text, expected):
    rows, _ = run(text)
    assert country_triples(rows) == expected


@pytest.fixture(scope="session")
def seed(run):
    loaded = load_articles([ARTICLES_DIR / "denmark-mali-takuba.txt"])
    art = loaded.articles[0]
    rows, actors = run(art.text, art.id)
    return art, rows, actors


def test_seed_positions(seed):
    _, rows, _ = seed
    found = country_triples(rows)
    # Denmark condemned the "dirty political game" from Bamako (the junta)
    assert ("DNK", "MLI", "oppose") in found
    # Le Drian expressed his support for Denmark
    assert ("FRA", "DNK", "support") in found
    # the junta asked Denmark to withdraw its battalion
    assert ("MLI", "DNK", "demand") in found
    # France and 14 other countries called on Mali
    assert ("FRA", "MLI", "demand") in found
    # nothing else: no position of Mali's towards France, nobody towards itself
    assert found <= {("DNK", "MLI", "oppose"), ("FRA", "DNK", "support"), ("MLI", "DNK", "demand"),
                     ("FRA", "MLI", "demand"), ("FRA", "MLI", "oppose")}


def test_seed_rows_are_valid_and_point_at_actors(seed):
    art, rows, actors = seed
    df = schemas.stances_frame(rows)
    assert len(df) == len(rows) > 0
    ids = set(actors.actors)
    for r in rows:
        assert r["source"] in ids and r["target"] in ids
        assert r["source"] != r["target"]
        assert art.text[r["sentence_start"]:r["sentence_start"] + len(r["sentence"])] == r["sentence"]
        assert r["cue"].lower() in r["sentence"].lower()


def test_seed_quote_has_speaker(seed):
    _, rows, actors = seed
    quoted = [r for r in rows if r["cue"] == "illegitimate"]
    assert quoted, "Le Drian's quote: 'The military council is illegitimate'"
    r = quoted[0]
    assert r["quoted"] is True
    assert actors.actor(r["speaker"]).type == "person"
    assert r["source"] == r["speaker"] and r["source_country"] == "FRA"
