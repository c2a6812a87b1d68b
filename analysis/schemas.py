"""The three output tables: their columns, order and validation, in one place.

The first columns of each table are a contract with users' spreadsheets and with the
evaluator (GOLD_FORMAT.md); extra columns follow them. Validation runs before anything is
written, so a malformed row is a bug caught here rather than a wrong cell in a report.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

ACTOR_TYPES = (
    "state", "government", "person", "military_operation", "military_unit",
    "international_organization", "armed_group", "other",
)
FORCE_STATUSES = (
    "deployed", "arriving", "withdrawing", "withdrawn", "pending", "planned", "remaining", "unknown",
)
STANCES = ("support", "oppose", "demand", "neutral")

ACTOR_COLUMNS = ["article_id", "actor_id", "name", "type", "country", "role", "aliases", "mentions"]
ACTOR_EXTRA = ["first_offset", "source"]

FORCE_COLUMNS = [
    "article_id", "contributor", "contributor_country", "operation", "quantity", "quantity_text",
    "approximate", "personnel", "status", "sentence",
]
FORCE_EXTRA = ["quantity_max", "asset", "host_country", "status_cue", "sentence_start"]

STANCE_COLUMNS = [
    "article_id", "source", "source_country", "target", "target_country", "stance", "cue",
    "polarity", "sentence",
]
STANCE_EXTRA = ["event_category", "negated", "quoted", "speaker", "sentence_start"]

ALL_ACTOR_COLUMNS = ACTOR_COLUMNS + ACTOR_EXTRA
ALL_FORCE_COLUMNS = FORCE_COLUMNS + FORCE_EXTRA
ALL_STANCE_COLUMNS = STANCE_COLUMNS + STANCE_EXTRA

_ISO3 = r"^([A-Z]{3})?$"

ACTORS_SCHEMA = pa.DataFrameSchema(
    {
        "article_id": pa.Column(str),
        "actor_id": pa.Column(str, pa.Check.str_length(min_value=1)),
        "name": pa.Column(str, pa.Check.str_length(min_value=1)),
        "type": pa.Column(str, pa.Check.isin(ACTOR_TYPES)),
        "country": pa.Column(str, pa.Check.str_matches(_ISO3)),
        "role": pa.Column(str),
        "aliases": pa.Column(str),
        "mentions": pa.Column(int, pa.Check.ge(1)),
        "first_offset": pa.Column(int, pa.Check.ge(0)),
    },
    unique=["article_id", "actor_id"],
    strict=False,
)

FORCES_SCHEMA = pa.DataFrameSchema(
    {
        "article_id": pa.Column(str),
        "contributor": pa.Column(str, pa.Check.str_length(min_value=1)),
        "contributor_country": pa.Column(str, pa.Check.str_matches(_ISO3)),
        "operation": pa.Column(str),
        "quantity": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "quantity_max": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "approximate": pa.Column(bool),
        "status": pa.Column(str, pa.Check.isin(FORCE_STATUSES)),
        "sentence": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    strict=False,
)

STANCES_SCHEMA = pa.DataFrameSchema(
    {
        "article_id": pa.Column(str),
        "source": pa.Column(str, pa.Check.str_length(min_value=1)),
        "source_country": pa.Column(str, pa.Check.str_matches(_ISO3)),
        "target": pa.Column(str, pa.Check.str_length(min_value=1)),
        "target_country": pa.Column(str, pa.Check.str_matches(_ISO3)),
        "stance": pa.Column(str, pa.Check.isin(STANCES)),
        "polarity": pa.Column(float, pa.Check.in_range(-1.0, 1.0)),
        "sentence": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    strict=False,
)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    for col in columns:
        if col not in df:
            df[col] = ""
    return df[columns]


def actors_frame(rows: list[dict]) -> pd.DataFrame:
    """Build and validate the actors table from row dicts (missing text fields become "")."""
    df = _frame(rows, ALL_ACTOR_COLUMNS)
    for col in ("article_id", "actor_id", "name", "type", "country", "role", "aliases", "source"):
        df[col] = df[col].astype("object").fillna("").astype(str)
    df["mentions"] = df["mentions"].fillna(1).astype(int)
    df["first_offset"] = df["first_offset"].fillna(0).astype(int)
    return ACTORS_SCHEMA.validate(df)


def forces_frame(rows: list[dict]) -> pd.DataFrame:
    """Build and validate the force-contributions table from row dicts."""
    df = _frame(rows, ALL_FORCE_COLUMNS)
    for col in ("article_id", "contributor", "contributor_country", "operation", "quantity_text",
                "personnel", "status", "sentence", "asset", "host_country", "status_cue"):
        df[col] = df[col].astype("object").fillna("").astype(str)
    for col in ("quantity", "quantity_max"):
        df[col] = pd.array([None if v in ("", None) or pd.isna(v) else int(v) for v in df[col]], dtype="Int64")
    df["approximate"] = df["approximate"].fillna(False).astype(bool)
    df["sentence_start"] = df["sentence_start"].fillna(0).astype(int)
    return FORCES_SCHEMA.validate(df)


def stances_frame(rows: list[dict]) -> pd.DataFrame:
    """Build and validate the stances table from row dicts."""
    df = _frame(rows, ALL_STANCE_COLUMNS)
    for col in ("article_id", "source", "source_country", "target", "target_country", "stance", "cue",
                "sentence", "event_category", "speaker"):
        df[col] = df[col].astype("object").fillna("").astype(str)
    df["polarity"] = df["polarity"].fillna(0.0).astype(float).round(2)
    for col in ("negated", "quoted"):
        df[col] = df[col].fillna(False).astype(bool)
    df["sentence_start"] = df["sentence_start"].fillna(0).astype(int)
    return STANCES_SCHEMA.validate(df)
