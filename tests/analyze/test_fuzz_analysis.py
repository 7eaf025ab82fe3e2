"""Property tests: the analysis of any text returns an Analysis whose offsets hold, or
raises ReaderError. Quick runs are in the suite; `pytest -m fuzz` runs 10,000 examples."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from support.fuzz_profiles import TEXT, quick_and_long
from support.hostile_helpers import check_analysis

from reader.errors import ReaderError
from reader.model import Article
from reader.sanitize import clean_text


def article_of(text: str) -> Article | None:
    """Paragraphs of cleaned text, as a loader would hand them to the analysis."""
    paragraphs = [("paragraph", part) for part in clean_text(text).split("\n\n")]
    article = Article.from_blocks("fuzz", paragraphs)
    return article if article.blocks else None


def check_analyze(text: str) -> None:
    from reader.analyze import analyze

    article = article_of(text)
    if article is None:
        return
    try:
        analysis = analyze(article)
    except ReaderError:
        return
    # The same article, its language filled in when the text names one.
    assert analysis.article.text is article.text
    assert replace(analysis.article, lang=None) == article
    check_analysis(analysis)


_quick, _long = quick_and_long(check_analyze, TEXT)


def test_analyze_quick(nlp: Any) -> None:
    _quick()


@pytest.mark.fuzz
def test_analyze_long(nlp: Any) -> None:
    _long()
