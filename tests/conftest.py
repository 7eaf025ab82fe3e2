"""Shared fixtures: the language model and the seed article's analysis, built once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.model import Analysis, Article

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
SEED_NAME = "voa-korea-olympics-talks.txt"


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: Any) -> None:
    """Every test gets its own data and config folders: no test reads or writes the user's."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("READER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("READER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("READER_CACHE_DIR", str(base / "cache"))


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
