"""Every page of the article-extraction benchmark goes through the loader without a crash:
an article or a ReaderError (one sentence). Runs when the benchmark folder is there.

Extraction runs on all 151 pages; the analysis (spaCy) on every third (all 151 take about
35 s, with no crash either; set ANALYSE_EVERY = 1 to run them all).
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import pytest
from support.hostile_helpers import check_analysis, check_article

from reader.errors import ReaderError
from reader.load import load

BENCHMARK = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "article-extraction-benchmark"
)
PAGES = sorted((BENCHMARK / "html").glob("*.html.gz")) if BENCHMARK.is_dir() else []

ANALYSE_EVERY = 3

needs_benchmark = pytest.mark.skipif(not PAGES, reason="the extraction benchmark is not here")


@needs_benchmark
@pytest.mark.slow
def test_every_benchmark_page_loads_without_a_crash(nlp: Any) -> None:
    from reader.analyze import analyze

    assert len(PAGES) == 151
    crashes: list[str] = []
    refused: list[str] = []
    for number, page in enumerate(PAGES):
        try:
            article = load(str(page))
            check_article(article)
            if number % ANALYSE_EVERY == 0:
                check_analysis(analyze(article))
        except ReaderError as error:
            refused.append(f"{page.name}: {error}")
        except Exception:  # any other exception is the failure we look for
            crashes.append(f"{page.name}: {traceback.format_exc(limit=3)}")
    assert not crashes, "\n".join(crashes)
    assert len(refused) <= 5, "\n".join(refused)
