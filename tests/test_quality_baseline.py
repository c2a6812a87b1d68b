"""Regression guard: extraction scores on the seed and both dev splits must not fall below
the committed baseline (tests/quality_baseline.json, updated on purpose with
scripts/update_quality_baseline.py when scores rise).

Each article is guarded on its own; a set's overall figures are guarded while the set holds
the same articles as when the baseline was recorded.
"""

from __future__ import annotations

import json
import sys

import pytest

from analysis.config import PROJ_ROOT

sys.path.insert(0, str(PROJ_ROOT / "scripts"))
from update_quality_baseline import BASELINE, current_scores  # noqa: E402

TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def scores():
    return current_scores()


def _baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def _floors():
    for set_name, data in sorted(_baseline().items()):
        for aid, parts in sorted(data["articles"].items()):
            for part, metrics in sorted(parts.items()):
                for metric, value in sorted(metrics.items()):
                    yield pytest.param(set_name, aid, part, metric, value, id=f"{set_name}-{aid}-{part}-{metric}")


@pytest.mark.parametrize("set_name,article_id,part,metric,floor", list(_floors()))
def test_quality_baseline_article_not_below(scores, set_name, article_id, part, metric, floor):
    got = scores[set_name]["articles"].get(article_id, {}).get(part, {}).get(metric)
    assert got is not None, f"{set_name}/{article_id}/{part}/{metric} no longer computed"
    assert got >= floor - TOLERANCE, f"{set_name}/{article_id}/{part}/{metric} fell from {floor} to {got}"


@pytest.mark.parametrize("set_name", sorted(_baseline()))
def test_quality_baseline_set_summary_not_below(scores, set_name):
    base = _baseline()[set_name]
    if sorted(scores[set_name]["articles"]) != sorted(base["articles"]):
        pytest.skip(f"{set_name}: articles changed since the baseline; per-article floors still apply")
    drops = [f"{part}/{metric}: {floor} -> {scores[set_name]['summary'][part].get(metric)}"
             for part, metrics in base["summary"].items() for metric, floor in metrics.items()
             if (scores[set_name]["summary"][part].get(metric) or 0) < floor - TOLERANCE]
    assert not drops, f"{set_name} fell: " + "; ".join(drops)


def test_quality_baseline_covers_all_sets():
    baseline = _baseline()
    assert {"seed", "tune", "holdout"} <= set(baseline)
    assert baseline["seed"]["summary"]["actors"]["f1"] > 0.5  # the baseline is not a placeholder
    assert len(baseline["tune"]["articles"]) >= 10 and len(baseline["holdout"]["articles"]) >= 5
