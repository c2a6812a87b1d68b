"""analysis.evaluate against the reference scorer shared/eval/score.py.

The package re-implements score.py's rules over DataFrames; these tests write the same
tables to CSV, run score.py on them as a subprocess and require identical numbers, for
the hand-made cases of test_evaluate_scoring.py and for many synthetic tables made by
perturbing real gold files (the seed gold in ../shared and the dev gold in data/dev).

CI clones the repository beside a copy of shared/, so score.py is looked up there; the
comparison is skipped when it is absent. The error-record invariants below need no
reference scorer and always run.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from analysis import config, evaluate as ev, schemas
from test_evaluate_scoring import (
    ACTORS_CASE, FORCE_ACTORS, FORCES_CASE, MULTI_ACTORS, MULTI_GOLD, MULTI_STANCES, STANCE_ACTORS,
    STANCES_CASE, TOY_GOLD,
)

SHARED_EVAL = Path(config.PROJ_ROOT).parent / "shared" / "eval"
SCORE_PY = SHARED_EVAL / "score.py"
SEED_GOLD = SHARED_EVAL / "gold" / "denmark-mali-takuba.gold.json"

needs_reference = pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"reference scorer not found at {SCORE_PY}")

COLUMNS = {"actors": schemas.ACTOR_COLUMNS, "forces": schemas.FORCE_COLUMNS, "stances": schemas.STANCE_COLUMNS}
VARIANTS_PER_GOLD = 12


# ----------------------------------------------------------------------------- gold sources


def real_golds() -> list[dict]:
    """The seed gold (from ../shared, when present) and the dev-set gold in this repo."""
    files = [SEED_GOLD] if SEED_GOLD.is_file() else []
    files += sorted(Path(config.DEV_DIR).glob("*/gold/*.gold.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def renamed(gold: dict, article_id: str) -> dict:
    g = copy.deepcopy(gold)
    g["article_id"] = article_id
    return g


# ----------------------------------------------------------------------------- synthetic tables


def _mangle(text: str, rng: random.Random) -> str:
    """Change case, punctuation or a leading "the" without changing the normalised name."""
    choice = rng.randrange(5)
    if choice == 0:
        return text.upper()
    if choice == 1:
        return "the " + text.lower()
    if choice == 2:
        return text + "."
    if choice == 3 and " " not in text and len(text) <= 4:
        return ".".join(text) + "."  # "UN" -> "U.N."
    return text


def perturbed_tables(gold: dict, aid: str, seed: int) -> dict[str, list[dict]]:
    """System rows for one article: gold-derived rows with random, realistic mistakes.

    seed 0 gives the perfect tables (one row per gold item, actors referenced by id);
    higher seeds drop, duplicate and mis-type actors, reference actors by name/alias/
    garbage, and garble quantities, statuses, operations, stances and countries.
    """
    rng = random.Random(seed)
    noisy = seed > 0

    def p(x: float) -> bool:
        return noisy and rng.random() < x

    gactors = {a["key"]: a for a in gold["actors"]}
    ids: dict[str, str] = {}
    actors: list[dict] = []
    for i, a in enumerate(gold["actors"]):
        if p(0.15):
            continue
        aid_ = a["key"] if not p(0.3) else f"a{i}"
        ids[a["key"]] = aid_
        aliases = a.get("aliases", [])
        name = a["name"]
        r = rng.random() if noisy else 0.0
        if 0.4 <= r < 0.8 and aliases:
            name = _mangle(rng.choice(aliases), rng)
        elif r >= 0.8:
            name = f"Kingdom of {a['key']}"  # only the aliases cell or a state's code can match
        alias_cell = ""
        if aliases and (not noisy or rng.random() < 0.5):
            picked = rng.sample(aliases, k=rng.randint(1, len(aliases))) if noisy else aliases
            if p(0.15):  # wrongly merged: another actor's aliases too
                picked = picked + list(rng.choice(gold["actors"]).get("aliases", []))
            alias_cell = rng.choice([" | ", "|", "; "]).join(picked)
        typ = a["type"][0] if not p(0.25) else rng.choice(schemas.ACTOR_TYPES)
        country = (a.get("country") or [""])[0] if not p(0.25) else rng.choice(["", "DNK", "FRA", "MLI", "ZZZ"])
        actors.append({"actor_id": aid_, "name": name, "type": typ, "country": country, "role": "",
                       "aliases": alias_cell, "mentions": rng.randint(1, 5)})
        if p(0.15) and aliases:  # the same actor split over two rows
            actors.append({"actor_id": f"dup{i}", "name": _mangle(rng.choice(aliases), rng), "type": typ,
                           "country": country, "role": "", "aliases": "", "mentions": 1})
    if noisy:
        for _ in range(rng.randint(0, 3)):
            actors.append(rng.choice([
                {"actor_id": "n1", "name": "Timbuktu", "type": "other", "country": ""},
                {"actor_id": "n2", "name": "Wagner Group", "type": "armed_group", "country": "RUS"},
                {"actor_id": "n3", "name": "Kingdom of Spain", "type": "state", "country": "ESP"},
                {"actor_id": "n4", "name": "", "type": "other", "country": ""},
            ]))
    rng.shuffle(actors) if noisy else None

    def ref(key: str) -> str:
        """How a forces/stances row names a gold actor: its id, a name, or something else."""
        if not noisy:
            return ids.get(key, key)
        r = rng.random()
        a = gactors.get(key, {})
        if r < 0.5 and key in ids:
            return ids[key]
        if r < 0.7:
            return _mangle(rng.choice(a.get("aliases") or [a.get("name", key)]), rng)
        if r < 0.8:
            return a.get("name", key)
        if r < 0.9:
            return key
        return rng.choice(["somebody", "Atlantis", ""])

    def country_of(key: str) -> str:
        return (gactors.get(key, {}).get("country") or [""])[0]

    def quantity(gold_q: list[int]) -> Any:
        if not noisy:
            return gold_q[0] if gold_q else None
        base = rng.choice(gold_q) if gold_q and rng.random() < 0.6 else rng.choice([3, 50, 105, 2900])
        return rng.choice([base, float(base), str(base), f"{base}.0", np.int64(base), None, np.nan, "about"])

    forces: list[dict] = []
    for f in gold.get("forces", []):
        if p(0.2):
            continue
        k = f["contributor"]
        forces.append({
            "contributor": ref(k),
            "contributor_country": country_of(k) if not p(0.4) else rng.choice(["", "DNK", "xyz"]),
            "operation": ref(f["operation"][0]) if f.get("operation") and not p(0.2) else "",
            "quantity": quantity(f.get("quantity", [])),
            "quantity_text": "", "approximate": bool(f.get("approximate", False)), "personnel": "",
            "status": (f.get("status") or ["unknown"])[0] if not p(0.3) else rng.choice(schemas.FORCE_STATUSES),
            "sentence": f.get("evidence", "s"),
        })
    if noisy:
        for _ in range(rng.randint(0, 3)):
            k = rng.choice(list(gactors))
            forces.append({"contributor": rng.choice([ref(k), "Germany", "germany"]),
                           "contributor_country": rng.choice(["", "DEU", country_of(k)]), "operation": "",
                           "quantity": quantity([]), "status": "deployed", "sentence": "noise"})

    stances: list[dict] = []
    for s in gold.get("stances", []):
        if p(0.2):
            continue
        src, tgt = rng.choice(s["source"]) if noisy else s["source"][0], rng.choice(s["target"]) if noisy else s["target"][0]
        if p(0.1):
            src, tgt = tgt, src
        st = s["stance"][0] if not p(0.3) else rng.choice(schemas.STANCES)
        stances.append({
            "source": ref(src), "source_country": country_of(src) if not p(0.5) else rng.choice(["", "", "RUS"]),
            "target": ref(tgt), "target_country": country_of(tgt) if not p(0.5) else rng.choice(["", "", "RUS"]),
            "stance": st if not p(0.2) else st.upper() + " ", "cue": "", "polarity": 0.0,
            "sentence": s.get("evidence", "s"),
        })
    if noisy:
        keys = list(gactors)
        for _ in range(rng.randint(0, 3)):
            stances.append({"source": ref(rng.choice(keys)), "source_country": "",
                            "target": ref(rng.choice(keys)), "target_country": rng.choice(["", "MLI"]),
                            "stance": rng.choice(schemas.STANCES), "sentence": "noise"})
    return {"actors": actors, "forces": forces, "stances": stances}


def to_frames(rows: dict[str, list[dict]], aid: str) -> dict[str, list[dict]]:
    return {t: [{"article_id": aid, **r} for r in rs] for t, rs in rows.items()}


def build_frames(parts: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-article rows into the three tables, contract columns first."""
    out = {}
    for table, cols in COLUMNS.items():
        rows = [r for part in parts for r in part.get(table, [])]
        df = pd.DataFrame(rows)
        for c in cols:
            if c not in df:
                df[c] = ""
        out[table] = df[cols + [c for c in df.columns if c not in cols]]
    return out


def synthetic_suite() -> tuple[dict[str, dict], dict[str, pd.DataFrame]]:
    """Gold by article id and the system tables for all synthetic articles."""
    golds: dict[str, dict] = {}
    parts: list[dict[str, list[dict]]] = []
    for gold in real_golds():
        for seed in range(VARIANTS_PER_GOLD):
            aid = f"{gold['article_id']}--v{seed}"
            golds[aid] = renamed(gold, aid)
            parts.append(to_frames(perturbed_tables(gold, aid, seed), aid))
        empty = f"{gold['article_id']}--empty"  # no system rows at all
        golds[empty] = renamed(gold, empty)
    # Rows for an article without gold must be ignored.
    parts.append(to_frames({"actors": [{"actor_id": "z", "name": "Denmark", "type": "state", "country": "DNK"}],
                            "forces": [{"contributor": "z", "status": "deployed", "sentence": "x"}]}, "no-gold"))
    return golds, build_frames(parts)


def toy_suite() -> tuple[dict[str, dict], dict[str, pd.DataFrame]]:
    """The hand-made cases of test_evaluate_scoring.py, one article each, plus quantity forms."""
    merged = pd.DataFrame([{"article_id": "", "actor_id": "x", "name": "Denmark", "type": "state",
                            "country": "DNK", "aliases": "France|French"}])
    cases = {
        "toy-actors": (ACTORS_CASE, None, None),
        "toy-merged": (merged, None, None),
        "toy-forces": (FORCE_ACTORS, FORCES_CASE, None),
        "toy-stances": (STANCE_ACTORS, None, STANCES_CASE),
        "toy-all": (pd.concat([ACTORS_CASE, FORCE_ACTORS]), FORCES_CASE, STANCES_CASE),
    }
    golds: dict[str, dict] = {}
    parts = []
    for aid, dfs in cases.items():
        golds[aid] = renamed(TOY_GOLD, aid)
        parts.append({t: (df.assign(article_id=aid).to_dict("records") if df is not None else [])
                      for t, df in zip(("actors", "forces", "stances"), dfs)})
    golds["multi"] = MULTI_GOLD
    parts.append({"actors": MULTI_ACTORS.to_dict("records"), "stances": MULTI_STANCES.to_dict("records")})
    for i, q in enumerate([100, 100.0, "100", "100.0", np.int64(100), 100.7, None, np.nan, "x", 105]):
        aid = f"toy-quantity-{i}"
        golds[aid] = renamed(TOY_GOLD, aid)
        parts.append({"actors": FORCE_ACTORS.assign(article_id=aid).to_dict("records"),
                      "forces": [{"article_id": aid, "contributor": "a1", "contributor_country": "DNK",
                                  "operation": "", "quantity": q, "status": "deployed", "sentence": "s"}]})
    return golds, build_frames(parts)


# ----------------------------------------------------------------------------- comparison


def run_reference(tmp: Path, golds: dict[str, dict], frames: dict[str, pd.DataFrame]) -> dict:
    """Write gold files and system CSVs under tmp, run score.py --json, return its output."""
    gold_dir, sys_dir = tmp / "gold", tmp / "system"
    gold_dir.mkdir()
    sys_dir.mkdir()
    for aid, g in golds.items():
        (gold_dir / f"{aid}.gold.json").write_text(json.dumps(g), encoding="utf-8")
    for table, df in frames.items():
        df.to_csv(sys_dir / f"{table}.csv", index=False)
    out = tmp / "reference.json"
    proc = subprocess.run([sys.executable, str(SCORE_PY), "--gold", str(gold_dir), "--system", str(sys_dir),
                           "--json", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


def assert_same_as_reference(ref: dict, mine: ev.EvaluationResult) -> None:
    """Every number score.py reports must be identical in ours."""
    assert sorted(ref["articles"]) == sorted(mine.articles)
    for aid, parts in ref["articles"].items():
        for part, counts in parts.items():
            got = {k: mine.articles[aid][part][k] for k in counts}
            assert got == counts, (aid, part)
    assert sorted(ref["summary"]) == sorted(mine.summary)
    for part, want in ref["summary"].items():
        got = {k: v for k, v in mine.summary[part].items() if v is not None}  # score.py omits 0/0 ratios
        assert got == want, part


@needs_reference
def test_evaluate_crosscheck_hand_made_cases(tmp_path):
    golds, frames = toy_suite()
    mine = ev.score_tables(golds, frames["actors"], frames["forces"], frames["stances"])
    assert_same_as_reference(run_reference(tmp_path, golds, frames), mine)


@needs_reference
def test_evaluate_crosscheck_perturbed_real_gold(tmp_path):
    golds, frames = synthetic_suite()
    if not golds:
        pytest.skip("no gold files (../shared/eval/gold or data/dev/*/gold) to perturb")
    ref = run_reference(tmp_path, golds, frames)
    # Our gold comes through load_gold, as `briefing evaluate` reads it.
    mine = ev.score_tables(ev.load_gold(tmp_path / "gold"), frames["actors"], frames["forces"], frames["stances"])
    assert_same_as_reference(ref, mine)
    # The perturbations must actually exercise the rules, or agreement proves little.
    s = ref["summary"]
    assert 0 < s["actors"]["fp"] and 0 < s["actors"]["fn"] and s["actors"]["type_ok"] < s["actors"]["matched"]
    assert 0 < s["forces"]["fp"] and s["forces"]["q_ok"] < s["forces"]["q_total"]
    assert 0 < s["stances_actor"]["fp"] and 0 < s["stances_country"]["fn"]


@needs_reference
def test_evaluate_crosscheck_seed_gold_perfect_and_empty(tmp_path):
    if not SEED_GOLD.is_file():
        pytest.skip(f"seed gold not found at {SEED_GOLD}")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    aid = gold["article_id"]
    frames = build_frames([to_frames(perturbed_tables(gold, aid, 0), aid)])
    mine = ev.score_tables({aid: gold}, frames["actors"], frames["forces"], frames["stances"])
    assert_same_as_reference(run_reference(tmp_path, {aid: gold}, frames), mine)
    # Gold-derived rows: every required actor and contributor is found.
    assert mine.summary["actors"]["recall"] == 1.0 and mine.summary["forces"]["recall"] == 1.0


# ----------------------------------------------------------------------------- error records


def _count(errors: list[ev.EvalError], *kinds: str, level: str = "") -> int:
    return sum(e.kind in kinds and e.level == level for e in errors)


@pytest.mark.parametrize("suite", [toy_suite, synthetic_suite])
def test_evaluate_one_error_record_per_point_lost(suite):
    golds, frames = suite()
    res = ev.score_tables(golds, frames["actors"], frames["forces"], frames["stances"])
    by_article = res.errors_by_article()
    assert set(by_article) == set(golds)
    for aid, parts in res.articles.items():
        errs = by_article[aid]
        a, f = parts["actors"], parts["forces"]
        assert _count(errs, "actor_fp_no_gold", "actor_fp_duplicate") == a["fp"]
        assert _count(errs, "actor_fn") == a["fn"]
        assert _count(errs, "actor_type_wrong") == a["matched"] - a["type_ok"]
        assert _count(errs, "actor_country_wrong") == a["matched"] - a["country_ok"]
        assert _count(errs, "force_fp_contributor") == f["fp"]
        assert _count(errs, "force_fn_contributor") == f["fn"]
        assert _count(errs, "force_quantity_missed") == f["q_total"] - f["q_ok"]
        assert _count(errs, "force_status_missed") == f["s_total"] - f["s_ok"]
        assert _count(errs, "force_operation_missed") == f["o_total"] - f["o_ok"]
        for level in ev.STANCE_LEVELS:
            s = parts[f"stances_{level}"]
            assert _count(errs, "stance_fp", level=level) == s["fp"]
            assert _count(errs, "stance_fn", level=level) == s["fn"]
    assert {e.kind for e in res.errors} <= set(ev.ERROR_KINDS)
    assert all(e.message and "\n" not in e.message for e in res.errors)
