"""The analyse call itself: progress, cancellation, long blocks, lazy spaCy import."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from reader.analyze import AnalysisCancelled, analyze
from reader.analyze.nlp import chunks_of, split_long
from reader.errors import AnalysisError
from reader.model import Article


def test_import_does_not_load_spacy() -> None:
    code = "import sys, reader.analyze; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_progress_rises_to_one(nlp: Any) -> None:
    article = Article.from_blocks(
        "t.txt", [("paragraph", f"Paragraph {n} mentions Madrid.") for n in range(40)]
    )
    seen: list[float] = []
    analyze(article, progress=seen.append)
    assert seen[-1] == 1.0
    assert len(seen) >= 3
    assert seen == sorted(seen)


def test_cancellation_stops_between_batches(nlp: Any) -> None:
    article = Article.from_blocks(
        "t.txt", [("paragraph", f"Paragraph {n} mentions Madrid.") for n in range(40)]
    )
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(AnalysisCancelled) as raised:
        analyze(article, is_cancelled=cancelled)
    assert isinstance(raised.value, AnalysisError)


def test_long_blocks_are_cut_and_offsets_stay_true() -> None:
    text = "Alpha beta gamma. " * 50
    pieces = list(split_long(text, 100))
    assert all(len(piece) <= 100 for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text
    article = Article.from_blocks("t.txt", [("paragraph", "Intro."), ("paragraph", text)])
    for _, _, offset, piece in chunks_of(article, 100):
        assert article.text[offset : offset + len(piece)] == piece


def test_empty_article_gives_empty_analysis(nlp: Any) -> None:
    analysis = analyze(Article.from_blocks("t.txt", []))
    assert analysis.entities == () and analysis.quotes == ()
