"""From loaded articles to the three validated tables.

One spaCy pass per article feeds all three extractors, so actors resolved once are the
ids that force contributions and stances refer to.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, NamedTuple

import pandas as pd

from . import schemas
from .loader import Article


class Tables(NamedTuple):
    """The three output tables for a set of articles."""

    actors: pd.DataFrame
    forces: pd.DataFrame
    stances: pd.DataFrame


def extract_article(article: Article, nlp=None) -> tuple[list[dict], list[dict], list[dict]]:
    """Run the extractors on one article and return row dicts for the three tables."""
    from .actors import extract_actors
    from .forces import extract_forces
    from .nlp import load_pipeline
    from .stances import extract_stances

    nlp = nlp or load_pipeline()
    if len(article.text) >= nlp.max_length:  # the user raised --max-bytes past spaCy's default
        nlp.max_length = len(article.text) + 1
    doc = nlp(article.text)
    actors = extract_actors(doc, article.id)
    return (
        actors.rows(),
        extract_forces(doc, actors),
        extract_stances(doc, actors),
    )


def extract_tables(articles: Iterable[Article], nlp=None) -> Tables:
    """Extract and validate actors, forces and stances for every article, sorted for stable output."""
    a_rows: list[dict] = []
    f_rows: list[dict] = []
    s_rows: list[dict] = []
    for article in articles:
        a, f, s = extract_article(article, nlp)
        a_rows += a
        f_rows += f
        s_rows += s
    actors = schemas.actors_frame(a_rows)
    forces = schemas.forces_frame(f_rows)
    stances = schemas.stances_frame(s_rows)
    actors = actors.sort_values(["article_id", "first_offset", "actor_id"], kind="stable").reset_index(drop=True)
    forces = forces.sort_values(["article_id", "sentence_start", "contributor", "operation"],
                                kind="stable").reset_index(drop=True)
    stances = stances.sort_values(["article_id", "sentence_start", "source", "target", "stance"],
                                  kind="stable").reset_index(drop=True)
    return Tables(actors, forces, stances)


def write_csv_atomic(df: pd.DataFrame, path: Path) -> None:
    """Write a CSV through a temporary file and rename, so readers never see half a table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False, lineterminator="\n")
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; tables are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(tables: Tables, out_dir: Path | str) -> list[Path]:
    """Write actors.csv, forces.csv and stances.csv into ``out_dir``."""
    out = Path(out_dir)
    paths = []
    for name, df in zip(("actors", "forces", "stances"), tables):
        p = out / f"{name}.csv"
        write_csv_atomic(df, p)
        paths.append(p)
    return paths
