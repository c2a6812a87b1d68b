"""Stance targets on small invented articles, through the real pipeline."""

from __future__ import annotations

import pytest

from analysis.actors import extract_actors
from analysis.nlp import load_pipeline
from analysis.stances import extract_stances


def pairs(nlp, text):
    doc = nlp(text)
    return {(r["source"], r["target"], r["stance"]) for r in extract_stances(doc, extract_actors(doc, "t"))}


def test_stances_targets_event_noun_means_the_operation_not_the_place(nlp):
    text = ("EUFOR Althea will add 500 troops in Bosnia. "
            "The United States and Britain backed the reinforcement in the Security Council debate.")
    got = pairs(nlp, text)
    assert ("USA", "eufor-althea", "support") in got
    assert ("GBR", "eufor-althea", "support") in got
    assert not any(t == "un-security-council" for _, t, _ in got)


def test_stances_targets_not_ruling_out_is_not_opposition(nlp):
    got = pairs(nlp, "Washington did not rule out cooperation with Ouagadougou.")
    assert not any(st == "oppose" for _, _, st in got)


def test_stances_targets_rejecting_criticism_opposes_the_critic(nlp):
    got = pairs(nlp, "Turkey condemned the boarding. Greek Defence Minister Nikos Dendias rejected the criticism.")
    assert ("nikos-dendias", "TUR", "oppose") in got


def test_stances_targets_declining_to_criticise_is_neutral_towards_short_name(nlp):
    got = pairs(nlp, "EUFOR Althea will grow. Serbia's envoy declined to criticise EUFOR directly.")
    assert ("SRB", "eufor-althea", "neutral") in got
    assert not any(st == "oppose" for *_, st in got)


def test_stances_targets_condemning_a_decision_opposes_who_made_it(nlp):
    got = pairs(nlp, "Mozambique has extended the stay of Rwandan soldiers for two years. "
                     "Renamo, the largest opposition party, condemned the extension.")
    assert ("renamo", "MOZ", "oppose") in got


@pytest.mark.parametrize("text,expected", [
    ("Al-Shabab fighters attacked an African Union base in Somalia.", ("al-shabab", "au", "oppose")),
    ("The United States opposed the Russian proposal.", ("USA", "RUS", "oppose")),
])
def test_stances_targets_attacks_and_opposition_are_positions(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_repeated_institution_keeps_its_state(nlp):
    got = pairs(nlp, "Russia's embassy in Bucharest condemned the plans. Romania summoned the ambassador. "
                     "The embassy accused NATO of militarising the Black Sea region.")
    assert ("RUS", "nato", "oppose") in got
    assert ("ROU", "nato", "oppose") not in got


def test_stances_targets_demand_about_an_agreement_targets_who_made_it(nlp):
    got = pairs(nlp, "Kenya signed an agreement with Haiti. The United States demanded that the agreement be published.")
    assert ("USA", "KEN", "demand") in got
