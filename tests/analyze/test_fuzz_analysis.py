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


#: Texts the random runs found that once raised: each stays a test of its own.
FOUND_BY_FUZZING = [
    ":¿",  # a name spaCy saw in punctuation alone: the span repair left it empty
]


@pytest.mark.parametrize("text", FOUND_BY_FUZZING)
def test_analyze_texts_found_by_fuzzing(nlp: Any, text: str) -> None:
    check_analyze(text)


#: The long run's own timeout. 10,000 analyses of random text through spaCy take far longer
#: than the suite's per-test timeout (180 s, for a hang): some 20 ms to 200 ms each, so up to
#: half an hour on a small, shared machine. An hour leaves room and still stops a hang.
LONG_TIMEOUT_SECONDS = 3600


@pytest.mark.fuzz
@pytest.mark.timeout(LONG_TIMEOUT_SECONDS)
def test_analyze_long(nlp: Any) -> None:
    _long()
