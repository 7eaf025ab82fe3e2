"""A crash inside the real analysis worker shows one sentence in the sidebar; the article
stays readable.

The input that crashes it is real: a lone surrogate in the text makes spaCy raise
UnicodeEncodeError. Every loader removes surrogates (see `reader.sanitize`), so this article
is built as data, the way a store or another program could hand one to the app.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from support.tui_seed import screen_text
from textual.widgets import Static
from textual.worker import WorkerFailed

from reader.analyze import analyze
from reader.model import Article
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView

PARAGRAPHS = [
    "The council voted on Tuesday to rebuild the old harbour wall before the winter storms.",
    'Ann Lee said "the sea \ud800 will not wait for us" at the meeting.',
] + [f"Paragraph {n} of the report on the harbour wall and its long history." for n in range(60)]


def broken_article() -> Article:
    return Article.from_blocks("report.txt", [("paragraph", text) for text in PARAGRAPHS])


def test_the_input_really_breaks_the_analysis(nlp: Any) -> None:
    with pytest.raises(UnicodeEncodeError):
        analyze(broken_article())


async def test_a_crash_in_the_worker_is_one_sentence_and_the_article_stays(nlp: Any) -> None:
    app = ReaderApp(broken_article())
    async with app.run_test(size=(120, 40)) as pilot:
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert screen.analysis is None
        for status in ("#entities-status", "#quotes-status"):
            widget = screen.query_one(status, Static)
            shown = str(widget.content)
            assert widget.display
            assert shown.startswith("The analysis failed (UnicodeEncodeError")
            assert shown.endswith("the article is still readable.")
        text = screen_text(app)
        assert "The analysis failed" in text
        assert "The council voted on Tuesday" in text
        view = screen.query_one(ArticleView)
        await pilot.press("G")
        assert view.scroll_y > 0
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("n")  # no quotes: a bell, not a crash
        assert app.is_running
