"""Scoring rules of analysis.evaluate on small hand-made gold and tables.

Every expected number below is worked out by hand in the comments, from the rules in
shared/eval/GOLD_FORMAT.md, not by running the code. The same cases are also fed to the
reference scorer in test_evaluate_crosscheck.py (it imports TOY_GOLD and the *_CASE
tables from here).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis import evaluate as ev
from analysis.errors import BriefingError

AID = "toy"

#: A small gold answer key. Required actors: DNK, FRA, MLI, junta, un, kofod, ledrian (7);
#: NGA and barkhane are optional.
TOY_GOLD: dict = {
    "article_id": AID,
    "actors": [
        {"key": "DNK", "name": "Denmark", "type": ["state"], "country": ["DNK"], "aliases": ["Denmark", "Danish"]},
        {"key": "FRA", "name": "France", "type": ["state"], "country": ["FRA"], "aliases": ["France", "French"]},
        {"key": "MLI", "name": "Mali", "type": ["state"], "country": ["MLI"], "aliases": ["Mali", "Malian"]},
        {"key": "junta", "name": "Malian junta", "type": ["government"], "country": ["MLI"],
         "aliases": ["junta", "Bamako", "military council"]},
        {"key": "un", "name": "UN peacekeeping force", "type": ["international_organization"], "country": [],
         "aliases": ["United Nations", "UN", "MINUSMA"]},
        {"key": "kofod", "name": "Jeppe Kofod", "type": ["person"], "country": ["DNK"], "aliases": ["Kofod"]},
        {"key": "ledrian", "name": "Jean-Yves Le Drian", "type": ["person"], "country": ["FRA"],
         "aliases": ["Le Drian"]},
        {"key": "NGA", "name": "Nigeria", "type": ["state"], "country": ["NGA"], "aliases": ["Nigeria"],
         "optional": True},
        {"key": "barkhane", "name": "Operation Barkhane", "type": ["military_operation"], "country": [],
         "aliases": ["Barkhane"], "optional": True},
    ],
    "forces": [
        {"contributor": "DNK", "operation": ["barkhane"], "quantity": [100], "status": ["withdrawing"],
         "evidence": "Denmark will withdraw its 100 soldiers"},
        {"contributor": "DNK", "operation": ["un"], "quantity": [105], "status": ["deployed", "arriving"],
         "evidence": "105 Danes serve with the UN"},
        {"contributor": "FRA", "operation": ["barkhane"], "quantity": [], "status": ["deployed"],
         "evidence": "France leads Barkhane"},
        {"contributor": "MLI", "operation": [], "quantity": [], "status": ["deployed"], "optional": True},
    ],
    "stances": [
        {"source": ["DNK", "kofod"], "target": ["junta", "MLI"], "stance": ["oppose"],
         "evidence": "Kofod condemned the junta"},
        {"source": ["FRA"], "target": ["DNK"], "stance": ["support"],
         "evidence": "France backed Denmark"},
        {"source": ["un"], "target": ["junta"], "stance": ["support"], "optional": True,
         "evidence": "the UN works with Bamako"},
    ],
}


def frame(rows: list[dict]) -> pd.DataFrame:
    """A table for article AID from row dicts (article_id filled in)."""
    return pd.DataFrame([{"article_id": AID, **r} for r in rows])


def actor(actor_id: str, name: str, type_: str, country: str = "", aliases: str = "") -> dict:
    return {"actor_id": actor_id, "name": name, "type": type_, "country": country, "aliases": aliases}


# ----------------------------------------------------------------------------- actors

ACTORS_CASE = frame([
    actor("a1", "Denmark", "state", "DNK"),            # DNK: tp, type ok, country ok
    actor("a2", "the Danish", "state", "DNK"),         # DNK again: duplicate FP
    actor("a3", "U.N.", "other", ""),                  # un: tp, type wrong, country ok (both empty)
    actor("a4", "KOFOD", "person", "FRA"),             # kofod: tp, type ok, country wrong
    actor("a5", "Nigeria", "state", "NGA"),            # optional: ignored
    actor("a6", "Timbuktu", "other", ""),              # no gold: FP
    actor("a7", "Kingdom of France", "state", "FRA"),  # FRA by ISO3: tp, ok, ok
    actor("a8", "Le-Drian's", "person", "FRA"),        # ledrian ("le drian"): tp, ok, ok
])
# tp 5 (DNK, un, kofod, FRA, ledrian), fp 2 (a2, a6), fn 2 (MLI, junta).
# P = 5/7 = 0.714, R = 5/7 = 0.714, F1 = 0.714; type 4/5 = 0.8, country 4/5 = 0.8.


@pytest.mark.parametrize("text, expected", [
    ("U.N.", "un"),
    ("the Danish", "danish"),
    ("THE  Danish!", "danish"),
    ("Mali's junta", "mali junta"),
    ("Mali\u2019s junta", "mali junta"),
    ("Côte d'Ivoire", "cote d ivoire"),
    ("Jean-Yves Le Drian", "jean yves le drian"),
    ("U. S. A.", "usa"),
    (None, ""),
    ("", ""),
])
def test_evaluate_norm_ignores_case_punctuation_and_the(text, expected):
    assert ev.norm(text) == expected


def test_evaluate_actor_counts():
    res = ev.score_tables({AID: TOY_GOLD}, ACTORS_CASE, None, None)
    a = res.articles[AID]["actors"]
    assert (a["tp"], a["fp"], a["fn"]) == (5, 2, 2)
    assert (a["precision"], a["recall"], a["f1"]) == (0.714, 0.714, 0.714)
    assert (a["matched"], a["type_ok"], a["country_ok"]) == (5, 4, 4)
    assert (a["type_acc"], a["country_acc"]) == (0.8, 0.8)
    assert res.summary["actors"] == a  # one article: summary == article


def test_evaluate_actor_error_records():
    res = ev.score_tables({AID: TOY_GOLD}, ACTORS_CASE, None, None)
    errs = [(e.kind, e.gold_key, e.system) for e in res.errors if e.table == "actors"]
    assert errs == [
        ("actor_fp_duplicate", "DNK", "the Danish"),
        ("actor_type_wrong", "un", "other"),
        ("actor_country_wrong", "kofod", "FRA"),
        ("actor_fp_no_gold", "", "Timbuktu"),
        ("actor_fn", "MLI", ""),
        ("actor_fn", "junta", ""),
    ]
    dup = res.errors[0]
    assert "'Denmark'" in dup.message and "merge" in dup.message  # names the row it duplicates
    fn = [e for e in res.errors if e.kind == "actor_fn" and e.gold_key == "junta"][0]
    assert "'Bamako'" in fn.message  # tells which surface forms the text uses
    assert all(e.article_id == AID for e in res.errors)


def test_evaluate_aliases_column_matches_when_name_does_not():
    # "Danish forces" is no gold alias. Its aliases cell shares one alias with DNK
    # ("danish") and two with FRA ("france", "french"): the most shared wins -> FRA,
    # whose country FRA then disagrees with the row's DNK.
    df = frame([actor("x", "Danish forces", "state", "DNK", aliases="Danish | France;French")])
    res = ev.score_tables({AID: TOY_GOLD}, df, None, None)
    assert res.errors[0].kind == "actor_country_wrong" and res.errors[0].gold_key == "FRA"
    assert res.articles[AID]["actors"]["tp"] == 1


def test_evaluate_name_beats_aliases_cell():
    # The name "Denmark" is a DNK alias, so DNK wins although the aliases cell shares
    # more (two) with FRA: the row is a Denmark row with wrongly merged aliases.
    df = frame([actor("x", "Denmark", "state", "DNK", aliases="France|French")])
    res = ev.score_tables({AID: TOY_GOLD}, df, None, None)
    a = res.articles[AID]["actors"]
    assert (a["tp"], a["country_ok"]) == (1, 1)
    assert "FRA" in [e.gold_key for e in res.errors if e.kind == "actor_fn"]


def test_evaluate_state_iso3_needs_state_type():
    # Same unknown name and a country: only the state row is matched through its code.
    df = frame([actor("s", "Kingdom of Denmark", "state", "dnk"),   # country upper-cased -> DNK
                actor("n", "Danish navy", "military_unit", "DNK")])  # not a state: FP
    a = ev.score_tables({AID: TOY_GOLD}, df, None, None).articles[AID]["actors"]
    assert (a["tp"], a["fp"], a["fn"]) == (1, 1, 6)


def test_evaluate_only_optional_actors_gives_zero_not_error():
    a = ev.score_tables({AID: TOY_GOLD}, frame([actor("n", "Nigeria", "state", "NGA")]),
                        None, None).articles[AID]["actors"]
    assert (a["tp"], a["fp"], a["fn"], a["precision"], a["recall"], a["f1"]) == (0, 0, 7, 0.0, 0.0, 0.0)
    assert a["type_acc"] is None and a["country_acc"] is None  # nothing matched


def test_evaluate_rows_of_other_articles_are_ignored():
    df = pd.concat([ACTORS_CASE, ACTORS_CASE.assign(article_id="other")])
    res = ev.score_tables({AID: TOY_GOLD}, df, None, None)
    assert list(res.articles) == [AID]
    assert res.articles[AID]["actors"]["tp"] == 5 and res.articles[AID]["actors"]["fp"] == 2


# ----------------------------------------------------------------------------- forces

FORCE_ACTORS = frame([
    actor("a1", "Denmark", "state", "DNK"),
    actor("a7", "France", "state", "FRA"),
    actor("a4", "Kofod", "person", "DNK"),
    actor("op", "Barkhane", "military_operation", ""),
])
FORCES_CASE = frame([
    # DNK by actor id; operation by name; 100.0 is 100.
    {"contributor": "a1", "contributor_country": "DNK", "operation": "Barkhane", "quantity": 100.0,
     "status": "withdrawing", "sentence": "s1"},
    # DNK by name; no quantity; status is stripped and lower-cased.
    {"contributor": "Danish", "contributor_country": "", "operation": "", "quantity": np.nan,
     "status": " Deployed ", "sentence": "s2"},
    # MLI is an optional contributor: neither tp nor fp.
    {"contributor": "Mali", "contributor_country": "MLI", "operation": "", "quantity": np.nan,
     "status": "deployed", "sentence": "s3"},
    # A gold actor that contributes nothing in gold: FP.
    {"contributor": "a4", "contributor_country": "DNK", "operation": "", "quantity": 3,
     "status": "deployed", "sentence": "s4"},
    # No gold actor at all: FP (counted once per name).
    {"contributor": "Germany", "contributor_country": "DEU", "operation": "", "quantity": 50,
     "status": "deployed", "sentence": "s5"},
    {"contributor": "germany", "contributor_country": "DEU", "operation": "", "quantity": 60,
     "status": "deployed", "sentence": "s6"},
])
# Contributors: required {DNK, FRA}; system {DNK, MLI, kofod} + unmapped {germany}.
# tp 1, fp 2, fn 1: P = 1/3 = 0.333, R = 0.5, F1 = 2*(1/3)*(1/2)/(5/6) = 0.4.
# Over gold items of matched DNK: quantity [100] hit, [105] missed -> 1/2;
# status [withdrawing] hit, [deployed, arriving] hit -> 2/2; operation barkhane hit, un missed -> 1/2.


def test_evaluate_force_counts():
    res = ev.score_tables({AID: TOY_GOLD}, FORCE_ACTORS, FORCES_CASE, None)
    f = res.articles[AID]["forces"]
    assert (f["tp"], f["fp"], f["fn"]) == (1, 2, 1)
    assert (f["precision"], f["recall"], f["f1"]) == (0.333, 0.5, 0.4)
    assert (f["q_total"], f["q_ok"], f["s_total"], f["s_ok"], f["o_total"], f["o_ok"]) == (2, 1, 2, 2, 2, 1)
    assert (f["quantity_recall"], f["status_acc"], f["operation_acc"]) == (0.5, 1.0, 0.5)


def test_evaluate_force_error_records():
    res = ev.score_tables({AID: TOY_GOLD}, FORCE_ACTORS, FORCES_CASE, None)
    kinds = [(e.kind, e.gold_key) for e in res.errors if e.table == "forces"]
    assert kinds == [
        ("force_fp_contributor", "kofod"),
        ("force_fp_contributor", ""),
        ("force_fn_contributor", "FRA"),
        ("force_quantity_missed", "DNK"),
        ("force_operation_missed", "DNK"),
    ]
    fn = [e for e in res.errors if e.kind == "force_fn_contributor"][0]
    assert fn.evidence == "France leads Barkhane" and "France leads Barkhane" in fn.message
    q = [e for e in res.errors if e.kind == "force_quantity_missed"][0]
    assert q.expected == "[105]" and q.system == "[100]" and q.evidence == "105 Danes serve with the UN"
    op = [e for e in res.errors if e.kind == "force_operation_missed"][0]
    assert op.expected == "[un]" and "'Barkhane'" in op.message


@pytest.mark.parametrize("quantity, hit", [
    (100, True), (100.0, True), ("100", True), ("100.0", True), (np.int64(100), True),
    (100.7, True),  # int(float()) truncates, as the reference scorer does
    (np.nan, False), (None, False), ("", False), ("about 100", False), (101, False),
])
def test_evaluate_force_quantity_cell_forms(quantity, hit):
    df = frame([{"contributor": "a1", "contributor_country": "DNK", "operation": "", "quantity": quantity,
                 "status": "withdrawing", "sentence": "s"}])
    f = ev.score_tables({AID: TOY_GOLD}, FORCE_ACTORS, df, None).articles[AID]["forces"]
    # DNK has two gold items with quantities [100] and [105]: one hit at most.
    assert (f["q_total"], f["q_ok"]) == (2, 1 if hit else 0)


def test_evaluate_force_quantity_nullable_int_column():
    df = frame([{"contributor": "a1", "contributor_country": "DNK", "quantity": q, "status": "deployed",
                 "operation": "", "sentence": "s"} for q in (105, None)])
    df["quantity"] = df["quantity"].astype("Int64")  # as schemas.forces_frame builds it
    f = ev.score_tables({AID: TOY_GOLD}, FORCE_ACTORS, df, None).articles[AID]["forces"]
    assert (f["q_total"], f["q_ok"]) == (2, 1)


def test_evaluate_force_contributor_by_country_code_only():
    # An unknown contributor name with a state's code is taken as that state.
    df = frame([{"contributor": "Paris", "contributor_country": "fra", "operation": "barkhane",
                 "quantity": None, "status": "planned", "sentence": "s"}])
    f = ev.score_tables({AID: TOY_GOLD}, FORCE_ACTORS, df, None).articles[AID]["forces"]
    # FRA matched (tp 1), DNK missed (fn 1); FRA status [deployed] missed, operation
    # "barkhane" (a gold alias, by name) hit, FRA has no gold quantity.
    assert (f["tp"], f["fp"], f["fn"]) == (1, 0, 1)
    assert (f["q_total"], f["s_total"], f["s_ok"], f["o_total"], f["o_ok"]) == (0, 1, 0, 1, 1)
    assert f["quantity_recall"] is None and f["status_acc"] == 0.0 and f["operation_acc"] == 1.0


# ----------------------------------------------------------------------------- stances

STANCE_ACTORS = frame([
    actor("a1", "Denmark", "state", "DNK"),
    actor("a4", "Kofod", "person", "DNK"),
    actor("a7", "France", "state", "FRA"),
    actor("a8", "junta", "government", "MLI"),
])


def stance(source: str, target: str, st: str, sc: str = "", tc: str = "", sentence: str = "sent") -> dict:
    return {"source": source, "source_country": sc, "target": target, "target_country": tc,
            "stance": st, "sentence": sentence}


STANCES_CASE = frame([
    stance("a4", "a8", "oppose", "DNK", "MLI"),        # t1 kofod->junta oppose: gold s1 (both levels)
    stance("a4", "a8", "Oppose", "DNK", "MLI"),        # same triple again: no extra count
    stance("a1", "a7", "support"),                     # t2 DNK->FRA: FP both levels
    stance("France", "Denmark", "oppose"),             # t3 FRA->DNK oppose: wrong stance, FP both levels
    stance("United Nations", "junta", "support", "", "MLI"),  # t4: only optional gold s3: ignored
    stance("Le Drian", "Denmark", "support", "FRA", "DNK"),   # t6: actor FP; country FRA->DNK = s2
    stance("Wagner", "Mali", "oppose", "RUS", ""),     # t7: unknown source: FP both levels
])
# Actor level triples: (kofod, junta, oppose) correct; (DNK, FRA, support), (FRA, DNK, oppose),
# (ledrian, DNK, support), (?Wagner, ?Mali, oppose) wrong; (un, junta, support) optional.
#   s1 found, s2 not: tp 1, fp 4, fn 1 -> P 0.2, R 0.5, F1 2*.2*.5/.7 = 0.286.
# Country level: (DNK, MLI, oppose) correct; (FRA, DNK, support) correct and finds s2;
#   (DNK, FRA, support), (FRA, DNK, oppose), (RUS, MLI, oppose) wrong; (un, MLI, support) optional.
#   tp 2, fp 3, fn 0 -> P 0.4, R 1.0, F1 .8/1.4 = 0.571.


def test_evaluate_stance_actor_level():
    s = ev.score_tables({AID: TOY_GOLD}, STANCE_ACTORS, None, STANCES_CASE).articles[AID]["stances_actor"]
    assert (s["tp"], s["fp"], s["fn"], s["correct_triples"]) == (1, 4, 1, 1)
    assert (s["precision"], s["recall"], s["f1"]) == (0.2, 0.5, 0.286)


def test_evaluate_stance_country_level():
    s = ev.score_tables({AID: TOY_GOLD}, STANCE_ACTORS, None, STANCES_CASE).articles[AID]["stances_country"]
    assert (s["tp"], s["fp"], s["fn"], s["correct_triples"]) == (2, 3, 0, 2)
    assert (s["precision"], s["recall"], s["f1"]) == (0.4, 1.0, 0.571)


def test_evaluate_stance_fn_record_says_what_system_gave():
    res = ev.score_tables({AID: TOY_GOLD}, STANCE_ACTORS, None, STANCES_CASE)
    fns = [e for e in res.errors if e.kind == "stance_fn"]
    assert len(fns) == 1 and fns[0].level == "actor"
    assert fns[0].evidence == "France backed Denmark"
    assert "this pair with stance [oppose]" in fns[0].message  # the stance the system gave instead
    fps = [e for e in res.errors if e.kind == "stance_fp"]
    assert [e.level for e in fps] == ["actor"] * 4 + ["country"] * 3
    assert any("'Wagner' (no gold actor)" in e.message for e in fps)


def test_evaluate_stance_missing_everything_is_all_fn():
    res = ev.score_tables({AID: TOY_GOLD}, STANCE_ACTORS, None, None)
    for part in ("stances_actor", "stances_country"):
        s = res.articles[AID][part]
        assert (s["tp"], s["fp"], s["fn"], s["f1"]) == (0, 0, 2, 0.0)  # the optional s3 is not required
    assert sum(e.kind == "stance_fn" for e in res.errors) == 4


#: A person with two accepted countries, and an operation with none (it stands for itself).
MULTI_GOLD: dict = {
    "article_id": "multi",
    "actors": [
        {"key": "NER", "name": "Niger", "type": ["state"], "country": ["NER"], "aliases": ["Niger"]},
        {"key": "NGA", "name": "Nigeria", "type": ["state"], "country": ["NGA"], "aliases": ["Nigeria"]},
        {"key": "FRA", "name": "France", "type": ["state"], "country": ["FRA"], "aliases": ["France"]},
        {"key": "masudu", "name": "Masudu", "type": ["person"], "country": ["NGA", "NER"], "aliases": []},
        {"key": "takuba", "name": "Takuba", "type": ["military_operation"], "country": [], "aliases": []},
    ],
    "stances": [
        {"source": ["NER"], "target": ["FRA"], "stance": ["support"], "evidence": "Niger backs France"},
        {"source": ["takuba"], "target": ["NER"], "stance": ["support"], "evidence": "Takuba helps Niger"},
    ],
}
MULTI_ACTORS = pd.DataFrame([
    {"article_id": "multi", **actor("m", "Masudu", "person", "NER")},
    {"article_id": "multi", **actor("t", "Takuba", "military_operation", "")},
])
MULTI_STANCES = pd.DataFrame([
    {"article_id": "multi", **stance("m", "France", "support")},
    {"article_id": "multi", **stance("t", "Niger", "support")},
])
# Actor level: (masudu, FRA, support) matches no gold source (only NER): FP, s1 FN;
#   (takuba, NER, support) = s2. tp 1, fp 1, fn 1 -> 0.5 / 0.5 / 0.5.
# Country level, blank country cells: masudu's sorted countries [NER, NGA] -> first, NER:
#   (NER, FRA, support) = s1; takuba has no country, so stands for itself: (takuba, NER) = s2.
#   tp 2, fp 0, fn 0 -> 1.0 / 1.0 / 1.0.


def test_evaluate_stance_country_level_takes_first_sorted_country():
    res = ev.score_tables({"multi": MULTI_GOLD}, MULTI_ACTORS, None, MULTI_STANCES)
    a, c = res.articles["multi"]["stances_actor"], res.articles["multi"]["stances_country"]
    assert (a["tp"], a["fp"], a["fn"], a["f1"]) == (1, 1, 1, 0.5)
    assert (c["tp"], c["fp"], c["fn"], c["f1"]) == (2, 0, 0, 1.0)


# ----------------------------------------------------------------------------- several articles


def test_evaluate_summary_sums_counts_before_ratios():
    # Article 1: actors tp 5 fp 2 fn 2 (ACTORS_CASE). Article 2: no system rows: tp 0 fp 0 fn 7.
    # Summary: tp 5, fp 2, fn 9 -> P 5/7 = 0.714, R 5/14 = 0.357, F1 2*(5/7)*(5/14)/(15/14) = 0.476.
    other = {**TOY_GOLD, "article_id": "toy2"}
    res = ev.score_tables({AID: TOY_GOLD, "toy2": other}, ACTORS_CASE, None, None)
    s = res.summary["actors"]
    assert (s["tp"], s["fp"], s["fn"]) == (5, 2, 9)
    assert (s["precision"], s["recall"], s["f1"]) == (0.714, 0.357, 0.476)
    assert (s["type_acc"], s["country_acc"]) == (0.8, 0.8)
    assert res.articles["toy2"]["actors"]["recall"] == 0.0


def test_evaluate_score_tables_refuses_bad_gold():
    bad = {**TOY_GOLD, "forces": [{"contributor": "XXX", "status": ["deployed"]}]}
    with pytest.raises(BriefingError, match="'XXX' is not a key in actors"):
        ev.score_tables({AID: bad}, None, None, None)


def test_evaluate_cell_text_matches_csv_round_trip():
    assert [ev.cell_text(v) for v in (None, np.nan, pd.NA, 3, 3.0, "x", True)] == [
        "", "", "", "3", "3.0", "x", "True"]
    assert math.isclose(float(ev.cell_text(np.float64(2.5))), 2.5)


def test_evaluate_format_report_lists_numbers_and_errors():
    res = ev.score_tables({AID: TOY_GOLD}, FORCE_ACTORS, FORCES_CASE, STANCES_CASE)
    text = ev.format_report(res)
    assert "forces            0.333  0.500  0.400     1     2     1" in text
    assert "force quantity recall    0.500 (1/2)" in text
    assert "force status accuracy    1.000 (2/2)" in text
    assert f"== {AID} ({len(res.errors)})" in text
    for e in res.errors:
        assert e.message in text
    # Errors come after the overall table and the per-article lines.
    assert text.index("part ") < text.index("Per article") < text.index(f"== {AID}")


def test_evaluate_format_report_undefined_ratio_is_na():
    res = ev.score_tables({AID: TOY_GOLD}, None, None, None)
    text = ev.format_report(res)
    assert "actor type accuracy      n/a (0/0)" in text
    assert "force operation accuracy n/a (0/0)" in text
