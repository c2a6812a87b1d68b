"""Presentation helpers: escaping, tables, summary sentences, chart data."""

from __future__ import annotations

import pandas as pd

from analysis import report, schemas
from analysis.pipeline import Tables

ACTORS = schemas.actors_frame([
    {"article_id": "a", "actor_id": "DNK", "name": "Denmark", "type": "state", "country": "DNK",
     "aliases": "Denmark | Danish", "mentions": 5, "first_offset": 0},
    {"article_id": "a", "actor_id": "takuba", "name": "Takuba", "type": "military_operation",
     "aliases": "Takuba", "mentions": 2, "first_offset": 40},
    {"article_id": "a", "actor_id": "minusma", "name": "MINUSMA", "type": "military_operation",
     "aliases": "MINUSMA", "mentions": 1, "first_offset": 90},
])
FORCES = schemas.forces_frame([
    {"article_id": "a", "contributor": "DNK", "contributor_country": "DNK", "operation": "takuba", "quantity": 100,
     "quantity_text": "about 100", "approximate": True, "personnel": "special forces soldiers (battalion)",
     "status": "withdrawing", "sentence": "Denmark will withdraw about 100 soldiers.", "sentence_start": 0},
    {"article_id": "a", "contributor": "DNK", "contributor_country": "DNK", "operation": "takuba", "quantity": 105,
     "quantity_text": "105 elements", "personnel": "elements", "status": "deployed",
     "sentence": "The Danish battalion (105 elements) arrived.", "sentence_start": 50},
    {"article_id": "a", "contributor": "DNK", "contributor_country": "DNK", "operation": "minusma", "quantity": 30,
     "quantity_text": "30", "personnel": "officers", "status": "deployed",
     "sentence": "Thirty officers serve with MINUSMA.", "sentence_start": 90},
])


def test_report_helpers_html_table_escapes_untrusted_text():
    df = pd.DataFrame({"article_id": ["a"], "sentence": ['<script>alert(1)</script> & "x"']})
    out = report.html_table(df, ["article_id", "sentence"])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert "<th" in out and ">article_id<" not in out  # one article: the column is dropped


def test_report_helpers_chart_label_keeps_dollars_literal():
    assert report.chart_label("$5m deal") == r"\$5m deal"
    assert report.chart_label("x" * 40, width=10).endswith("\u2026")


def test_report_helpers_summary_one_sentence_per_contributor_and_operation():
    stances = schemas.stances_frame([])
    lines = report.summary_sentences(Tables(ACTORS, FORCES, stances))
    takuba = [s for s in lines if s.startswith("Denmark is") and "Takuba" in s]
    assert takuba == ["Denmark is withdrawing about 100 special forces soldiers from Takuba "
                      "(reported figures differ: 100, 105)."]
    assert any("MINUSMA" in s and "30" in s for s in lines)


def test_report_helpers_personnel_by_contributor_spans_operations():
    data = report.personnel_by_contributor(FORCES, ACTORS).set_index(["contributor_name", "status"])
    assert (data.loc[("Denmark", "deployed"), "low"], data.loc[("Denmark", "deployed"), "high"]) == (30, 105)
    assert data.loc[("Denmark", "withdrawing"), "high"] == 100


def test_report_helpers_empty_tables_give_a_labelled_figure():
    fig = report.plot_personnel(schemas.forces_frame([]), ACTORS)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert texts == ["No head counts reported"]


def test_report_helpers_actor_chart_counts_every_actor_once():
    fig = report.plot_actor_types(ACTORS)
    total = sum(p.get_width() for ax in fig.axes for p in ax.patches)
    assert total == len(ACTORS)


def test_report_helpers_long_hyphenated_ids_do_not_squeeze_short_columns():
    import re

    import pandas as pd

    errors = pd.DataFrame({"set": ["holdout", "tune"],
                           "article_id": ["abyei-unisfa-ghana-battalion-rsf-blame-and-more-words", "x"],
                           "message": ["a long message " * 10, "short"]})
    html = report.html_table(errors, ["set", "article_id", "message"], long_text=["message"])
    widths = [float(w) for w in re.findall(r'<col style="width:([0-9.]+)%">', html)]
    # "holdout" (7 letters + padding) keeps at least 9 of the 76 characters a page line holds
    assert widths[0] >= 100 * 9 / 76 - 0.5
    assert widths[1] < 40
