"""The reconciled view of force contributions and the data behind the personnel chart,
on hand-built tables (no model needed)."""

from __future__ import annotations

import pandas as pd

from analysis import schemas
from analysis.forces import RECONCILED_COLUMNS, personnel_by_status, reconcile_forces


def row(contributor, quantity, status, sentence, quantity_max=None, operation="takuba", text=""):
    return {
        "article_id": "a", "contributor": contributor, "contributor_country": contributor,
        "operation": operation, "quantity": quantity, "quantity_text": text, "approximate": False,
        "personnel": "soldiers", "status": status, "sentence": sentence, "quantity_max": quantity_max,
        "asset": "", "host_country": "MLI", "status_cue": "", "sentence_start": 0,
    }


FORCES = schemas.forces_frame([
    row("DNK", 100, "withdrawing", "s1", text="about 100 special forces soldiers"),
    row("DNK", 105, "deployed", "s2", text="105 elements"),
    row("DNK", None, "remaining", "s3", operation="minusma"),
    row("TCD", 850, "remaining", "s4", quantity_max=1100, operation="minusma", text="between 850 and 1,100 troops"),
    row("NOR", None, "pending", "s5"),
])


def test_forces_reconcile_one_row_per_contributor_and_operation():
    view = reconcile_forces(FORCES)
    assert list(view.columns) == RECONCILED_COLUMNS
    assert sorted(zip(view["contributor"], view["operation"])) == [
        ("DNK", "minusma"), ("DNK", "takuba"), ("NOR", "takuba"), ("TCD", "minusma")]


def test_forces_reconcile_conflicting_figures_are_flagged():
    view = reconcile_forces(FORCES).set_index(["contributor", "operation"])
    dnk = view.loc[("DNK", "takuba")]
    assert (dnk["quantity_min"], dnk["quantity_max"], bool(dnk["discrepancy"])) == (100, 105, True)
    assert dnk["statuses"] == "deployed|withdrawing"
    assert (dnk["n_rows"], dnk["n_sentences"]) == (2, 2)
    assert dnk["figures"] == "about 100 special forces soldiers | 105 elements"


def test_forces_reconcile_a_single_range_is_not_a_discrepancy():
    view = reconcile_forces(FORCES).set_index(["contributor", "operation"])
    tcd = view.loc[("TCD", "minusma")]
    assert (tcd["quantity_min"], tcd["quantity_max"], bool(tcd["discrepancy"])) == (850, 1100, False)
    nor = view.loc[("NOR", "takuba")]
    assert pd.isna(nor["quantity_min"]) and not bool(nor["discrepancy"])


def test_forces_reconcile_empty_table():
    assert reconcile_forces(schemas.forces_frame([])).empty


def test_forces_personnel_by_status_ranges():
    data = personnel_by_status(FORCES).set_index(["contributor", "operation", "status"])
    assert len(data) == 3  # rows without a head count are left out
    tcd = data.loc[("TCD", "minusma", "remaining")]
    assert (tcd["low"], tcd["high"], tcd["value"]) == (850, 1100, 975)
    assert data.loc[("DNK", "takuba", "withdrawing")]["value"] == 100
