"""The app end to end: a real article from the loader, analysed by spaCy in the app's worker."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from support.tui_seed import SAMPLES, SEED, screen_text
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerState

from reader.errors import AnalysisError
from reader.load import load
from reader.tui.app import ReaderApp
from reader.tui.messages import AnalysisFailed
from reader.tui.screens.analysis_feed import failure_sentence
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entities_pane import EntityList

LONG_READ = SAMPLES / "ebro-delta-long-read.txt"


async def test_the_article_paints_first_and_the_panes_fill_in(nlp: Any) -> None:
    app = ReaderApp(load(str(LONG_READ)))
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        assert "analysing…" in text
        assert app.screen.query_one(ArticleView).line_index is not None
        first_words = " ".join(app.article.text.split()[:4])
        assert first_words in text
        await app.workers.wait_for_complete()
        await pilot.pause()
        analysis = app.screen.analysis
        assert analysis is not None and analysis.quotes
        text = screen_text(app)
        assert "analysing" not in text
        marked = [quote for quote in analysis.quotes if quote.kind != "indirect"]
        assert f"Quotes {len(marked)}" in text  # reported speech is listed only on `i`


async def test_quote_and_entity_keys_on_the_seed_after_real_analysis(nlp: Any) -> None:
    app = ReaderApp(load(str(SEED)))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert screen.analysis is not None
        await pilot.press("n", "n")
        await pilot.pause()
        assert "Quotes 2/5" in screen_text(app)
        assert screen.selection.quote.speaker == "Grant Newsham"
        entity_list = screen.query_one(EntityList)
        await pilot.press("2")
        # The prompt starts with the scroll-spy mark and the selection mark, if any.
        while entity_list.row_text(entity_list.highlighted).plain.strip(" ▌▸").split("  ")[0] != (
            "Grant Newsham"
        ):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert "Quotes 2 · Grant Newsham" not in screen_text(app)  # the current quote is his 1st
        assert "Quotes 1/3 · Grant Newsham" in screen_text(app)
        view = screen.query_one(ArticleView)
        mentions = screen.selected.mentions
        await pilot.press("right_square_bracket")
        assert view.current_mention == (mentions[1].start, mentions[1].end)
        await pilot.press("escape")
        await pilot.pause()
        assert "Quotes 2/5" in screen_text(app)


async def test_quitting_mid_analysis_cancels_the_worker_and_does_not_hang(nlp: Any) -> None:
    article = load(str(LONG_READ))

    app = ReaderApp(article)
    started = time.monotonic()
    async with app.run_test(size=(120, 40)) as pilot:
        worker = next(iter(app.workers))
        assert worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
        await pilot.press("q")
    mid_analysis = time.monotonic() - started
    assert worker.is_cancelled
    # The anchor: the same open with the analysis let run to its end, in the same process
    # (a ratio to a plain open and quit broke when the process was large and busy: starting
    # the child then costs more, on both sides of a hang). Quitting must not wait for it.
    app = ReaderApp(article)
    started = time.monotonic()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        whole_analysis = time.monotonic() - started
        await pilot.press("q")
    assert mid_analysis < 0.5 * whole_analysis, (mid_analysis, whole_analysis)


async def test_a_failed_analysis_is_one_sentence_and_the_article_stays() -> None:
    app = ReaderApp(load(str(LONG_READ)))
    async with app.run_test(size=(120, 40)) as pilot:
        app.workers.cancel_all()
        reason = "The language model could not be loaded."
        app.screen.post_message(AnalysisFailed(reason))
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        for status in ("#entities-status", "#quotes-status"):
            widget = app.screen.query_one(status, Static)
            assert widget.display and str(widget.content) == reason
        assert "analysing" not in screen_text(app)
        assert " ".join(app.article.text.split()[:4]) in screen_text(app)
        await pilot.press("G")
        assert app.screen.query_one(ArticleView).scroll_y > 0


def test_an_unexpected_error_becomes_one_sentence() -> None:
    sentence = failure_sentence(ValueError("bad offsets"))
    assert sentence == (
        "The analysis failed (ValueError: bad offsets); the article is still readable."
    )
    assert failure_sentence(AnalysisError("The model is missing.")) == "The model is missing."
