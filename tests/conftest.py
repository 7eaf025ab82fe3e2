"""Shared fixtures: the language model and the seed article's analysis, built once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.model import Analysis, Article

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
SEED_NAME = "voa-korea-olympics-talks.txt"


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline the analysis uses, loaded once for the whole test session."""
    from reader.analyze import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    from reader.load import load

    return load(str(SAMPLES / SEED_NAME))


@pytest.fixture(scope="session")
def seed_analysis(nlp: Any, seed_article: Article) -> Analysis:
    from reader.analyze import analyze

    return analyze(seed_article)
