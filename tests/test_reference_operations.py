"""operations.jsonl: the file's own conventions, and that the actor step recognises the
operations it lists. The sentences are invented for the test."""

from __future__ import annotations

import json

import pytest

from analysis.actors import extract_actors
from analysis.config import REFERENCE_DIR
from analysis.reference import norm

OPERATIONS = REFERENCE_DIR / "operations.jsonl"
OTHER_FILES = ("countries.jsonl", "organizations.jsonl", "armed_groups.jsonl", "units.jsonl", "parties.jsonl",
               "legislatures.jsonl", "people.jsonl", "titles.jsonl")
FIELDS = ["id", "name", "type", "kind", "country", "host", "lead", "aliases", "org", "years", "area", "parent"]
KINDS = {"un_peacekeeping", "un_observer", "un_support", "un_political_mission", "eu_military", "eu_civilian",
         "eu_naval", "au_mission", "regional_mission", "nato_mission", "coalition", "national"}


def read(name: str) -> list[dict]:
    text = (REFERENCE_DIR / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def operations() -> list[dict]:
    return read(OPERATIONS.name)


def test_reference_operations_file_parses_sorted_and_canonical(operations):
    assert len(operations) > 200
    ids = [r["id"] for r in operations]
    assert ids == sorted(ids)
    canonical = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in operations)
    assert OPERATIONS.read_text(encoding="utf-8") == canonical
    iso3 = {r["id"] for r in read("countries.jsonl")}
    for r in operations:
        assert list(r) == FIELDS, r["id"]
        assert r["type"] == "military_operation" and r["kind"] in KINDS, r["id"]
        assert r["aliases"][0] == r["name"], r["id"]
        assert not any(a.lower().startswith("the ") for a in r["aliases"]), r["id"]
        assert all(c in iso3 for c in [*r["host"], *([r["lead"]] if r["lead"] else []),
                                       *([r["country"]] if r["country"] else [])]), r["id"]
        # a national operation is run by one state (Barkhane -> FRA), the others by none
        assert bool(r["country"]) == (r["kind"] == "national"), r["id"]


def test_reference_operations_ids_unique_across_reference_files(operations):
    ids = [r["id"] for r in operations]
    assert len(ids) == len(set(ids))
    others = {r["id"] for name in OTHER_FILES for r in read(name)}
    assert not set(ids) & others


def test_reference_operations_entity_references_exist(operations):
    known = {r["id"] for name in (*OTHER_FILES, OPERATIONS.name) for r in read(name)}
    for r in operations:
        assert not r["org"] or r["org"] in known, r["id"]
        assert not r["parent"] or r["parent"] in known, r["id"]


def test_reference_operations_aliases_collide_with_no_other_record(operations):
    owners: dict[str, set[str]] = {}
    for row in read("countries.jsonl"):
        for form in [row["name"], *row.get("aliases", []), *row.get("demonyms", []), row.get("capital", ""),
                     *row.get("metonyms", [])]:
            if norm(form):
                owners.setdefault(norm(form), set()).add(row["id"])
    for name in OTHER_FILES[1:]:
        for row in read(name):
            if "aliases" in row:
                for form in [row["name"], *row["aliases"]]:
                    owners.setdefault(norm(form), set()).add(row["id"])
    for r in operations:
        for form in [r["name"], *r["aliases"]]:
            owners.setdefault(norm(form), set()).add(r["id"])
    clashes = {key: ids for key, ids in owners.items()
               if len(ids) > 1 and ids & {r["id"] for r in operations}}
    assert not clashes


@pytest.mark.parametrize("text, op_id", [
    ("Italy will send 40 more soldiers to MIASIT, the defence ministry said.", "miasit"),
    ("The frigate joined CTF-151 in the Gulf of Aden last week.", "ctf-151"),
    ("A Pakistani destroyer took command of CTF-150 on Monday.", "ctf-150"),
    ("Nigerian troops formed the backbone of UNAMSIL in Sierra Leone.", "unamsil"),
    ("Germany sent 20 monitors to EUMM Georgia.", "eumm-georgia"),
    ("The Royal Navy frigate will deploy to the Gulf under Operation Kipion.", "kipion"),
    ("Sweden will lead Forward Land Forces Finland from 2025.", "flf-finland"),
    ("Bangladeshi peacekeepers of ONUCI patrolled Abidjan.", "unoci"),
    ("Canada will keep 2,200 troops in Latvia under Operation REASSURANCE.", "operation-reassurance"),
    ("Some 1,000 French soldiers are deployed in Romania under Mission Aigle.", "mission-aigle"),
    ("Spain kept its Patriot battery in Adana under Operation Active Fence.", "active-fence"),
    ("Britain joined the International Maritime Security Construct in 2019.", "imsc"),
])
def test_reference_operations_named_in_text_are_recognised(nlp, text, op_id):
    rows = {r["actor_id"]: r for r in extract_actors(nlp(text), "t").rows()}
    assert op_id in rows, sorted(rows)
    assert rows[op_id]["type"] == "military_operation"


def test_reference_operations_national_operation_takes_its_state(nlp):
    rows = {r["actor_id"]: r for r in extract_actors(nlp("Italy's navy keeps a frigate off Nigeria under "
                                                         "Operation Gabinia."), "t").rows()}
    assert rows["gabinia"]["country"] == "ITA"
