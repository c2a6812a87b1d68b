"""Shared fixtures. The spaCy pipeline is loaded once per test session (it takes seconds);
a missing model is a setup error and fails loudly rather than skipping tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from analysis.nlp import load_pipeline

    return load_pipeline()
