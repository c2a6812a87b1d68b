"""Loading and validating gold files: analysis.evaluate.load_gold / validate_gold."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from analysis import config, evaluate as ev
from analysis.errors import BriefingError
from test_evaluate_scoring import TOY_GOLD

SEED_GOLD = Path(config.PROJ_ROOT).parent / "shared" / "eval" / "gold" / "denmark-mali-takuba.gold.json"


def write_gold(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def toy(**changes: object) -> dict:
    g = copy.deepcopy(TOY_GOLD)
    g.update(changes)
    return g


def test_evaluate_load_gold_reads_every_gold_file_sorted(tmp_path):
    write_gold(tmp_path, "b.gold.json", toy(article_id="b"))
    write_gold(tmp_path, "a.gold.json", toy(article_id="a"))
    write_gold(tmp_path, "notes.json", "not json at all")  # not a *.gold.json file: ignored
    golds = ev.load_gold(tmp_path)
    assert list(golds) == ["a", "b"]
    assert golds["a"]["actors"] == TOY_GOLD["actors"]


def test_evaluate_load_gold_takes_missing_article_id_from_file_name(tmp_path):
    g = toy()
    del g["article_id"]
    write_gold(tmp_path, "from-name.gold.json", g)
    assert list(ev.load_gold(tmp_path)) == ["from-name"]


def test_evaluate_load_gold_accepts_one_file(tmp_path):
    path = write_gold(tmp_path, "toy.gold.json", toy())
    assert list(ev.load_gold(path)) == ["toy"]


@pytest.mark.skipif(not SEED_GOLD.is_file(), reason="seed gold in ../shared not present")
def test_evaluate_load_gold_seed_file():
    golds = ev.load_gold(SEED_GOLD.parent)
    g = golds["denmark-mali-takuba"]
    assert (len(g["actors"]), len(g["forces"]), len(g["stances"])) == (20, 7, 7)
    # Nothing extracted: every required item is a miss. 20 actors of which 4 optional;
    # force contributors DNK, NOR, PRT, HUN (FRA optional); 4 non-optional stances.
    s = ev.score_tables({"denmark-mali-takuba": g}, None, None, None).summary
    assert (s["actors"]["fn"], s["forces"]["fn"], s["stances_actor"]["fn"], s["stances_country"]["fn"]) == (16, 4, 4, 4)


def test_evaluate_load_gold_missing_folder(tmp_path):
    with pytest.raises(BriefingError, match="no such gold folder") as err:
        ev.load_gold(tmp_path / "nope")
    assert str(tmp_path / "nope") in str(err.value)


def test_evaluate_load_gold_folder_without_gold_files(tmp_path):
    write_gold(tmp_path, "toy.json", toy())
    with pytest.raises(BriefingError, match=r"no \*\.gold\.json files"):
        ev.load_gold(tmp_path)


def test_evaluate_load_gold_invalid_json_names_file_and_line(tmp_path):
    write_gold(tmp_path, "good.gold.json", toy(article_id="good"))
    bad = write_gold(tmp_path, "bad.gold.json", '{"article_id": "bad",\n "actors": [}')
    with pytest.raises(BriefingError) as err:
        ev.load_gold(tmp_path)
    msg = str(err.value)
    assert str(bad) in msg and "invalid JSON at line 2" in msg and "\n" not in msg


@pytest.mark.parametrize("change, message", [
    (lambda g: g.update(article_id="other"), "article_id 'other' does not match the file name"),
    (lambda g: g["actors"].append(dict(g["actors"][0])), "key 'DNK' is used twice"),
    (lambda g: g["actors"][0].update(type=["country"]), "'country' is not one of state"),
    (lambda g: g["actors"][0].update(type="state"), "type must be a list of strings"),
    (lambda g: g["actors"][0].update(country=["DK"]), "country 'DK' is not an ISO3 code"),
    (lambda g: g["actors"][0].pop("key"), "key must be a non-empty string"),
    (lambda g: g["forces"][0].update(contributor="DEU"), "'DEU' is not a key in actors"),
    (lambda g: g["forces"][0].update(operation=["serval"]), "forces[0]: operation: 'serval' is not a key"),
    (lambda g: g["forces"][0].update(quantity=["100"]), "quantity must be a list of whole numbers"),
    (lambda g: g["forces"][0].update(status=["withdrew"]), "'withdrew' is not one of deployed"),
    (lambda g: g["stances"][0].update(stance=["against"]), "'against' is not one of support"),
    (lambda g: g["stances"][1].update(target=[]), "stances[1]: target must not be empty"),
    (lambda g: g.update(actors={}), "actors must be a list of objects"),
])
def test_evaluate_load_gold_rejects_bad_annotation(tmp_path, change, message):
    g = toy()
    change(g)
    path = write_gold(tmp_path, "toy.gold.json", g)
    with pytest.raises(BriefingError) as err:
        ev.load_gold(tmp_path)
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))


def test_evaluate_load_gold_rejects_non_object(tmp_path):
    write_gold(tmp_path, "toy.gold.json", [1, 2])
    with pytest.raises(BriefingError, match="must hold one JSON object"):
        ev.load_gold(tmp_path)
