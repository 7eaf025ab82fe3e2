"""A store folder named as the home of a user that does not exist (`~nosuchuser/x`) in
READER_DATA_DIR, READER_CACHE_DIR or READER_CONFIG_DIR is one sentence, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store.cache import AnalysisCache
from reader.store.config import load_settings
from reader.store.db import StoreUnavailable
from reader.store.library import Library

ROOT = Path(__file__).resolve().parents[2]
NOWHERE = "~nosuchuser-for-reader-tests/x"


def test_the_library_says_why_it_cannot_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_DATA_DIR", NOWHERE)
    with pytest.raises(StoreUnavailable, match="READER_DATA_DIR=~nosuchuser-for-reader-tests/x"):
        Library.open()


def test_the_cache_is_off_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", NOWHERE)
    cache = AnalysisCache.default()
    assert cache.disabled_reason is not None and "READER_CACHE_DIR" in cache.disabled_reason


def test_the_settings_are_the_defaults_with_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", NOWHERE)
    settings, problem = load_settings()
    assert problem is not None and "READER_CONFIG_DIR" in problem and problem.endswith(".")


@pytest.mark.parametrize("variable", ["READER_DATA_DIR", "READER_CACHE_DIR", "READER_CONFIG_DIR"])
def test_extract_runs_with_a_home_that_does_not_exist(variable: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "extract", "tests/data/scraped/bus-author-card.txt",
         "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, variable: NOWHERE},
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
