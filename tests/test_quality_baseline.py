"""Regression guard: extraction scores on the seed and both dev splits must not fall below
the committed baseline (tests/quality_baseline.json, updated on purpose with
scripts/update_quality_baseline.py when scores rise)."""

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


def _pairs():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    for set_name, parts in sorted(baseline.items()):
        for part, metrics in sorted(parts.items()):
            for metric, value in sorted(metrics.items()):
                yield pytest.param(set_name, part, metric, value, id=f"{set_name}-{part}-{metric}")


@pytest.mark.parametrize("set_name,part,metric,floor", list(_pairs()))
def test_quality_baseline_not_below(scores, set_name, part, metric, floor):
    got = scores[set_name][part].get(metric)
    assert got is not None, f"{set_name}/{part}/{metric} no longer computed"
    assert got >= floor - TOLERANCE, f"{set_name}/{part}/{metric} fell from {floor} to {got}"


def test_quality_baseline_covers_all_sets():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert {"seed", "tune", "holdout"} <= set(baseline)
    assert baseline["seed"]["actors"]["f1"] > 0.5  # the baseline itself is not a placeholder
