"""A long article's objects are kept out of full garbage collections while it is open."""

from __future__ import annotations

import gc

from test_tui_row_list import many_quotes

from reader.tui.app import ReaderApp


async def test_the_analysis_is_frozen_while_open_and_released_on_close() -> None:
    analysis = many_quotes(3_000)
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Every quote (and its mentions, lines, indexes) is among the frozen objects, so a
        # full collection does not walk them on a key press.
        assert gc.get_freeze_count() > len(analysis.quotes)
        gc.collect()  # and a collection leaves them frozen
        assert gc.get_freeze_count() > len(analysis.quotes)
    # The article closed: its objects are the collector's again.
    assert gc.get_freeze_count() == 0


async def test_a_partial_result_waiting_for_the_keys_to_pause_is_frozen() -> None:
    """Partial results held back while keys come are kept out of full collections too."""
    from reader.model import Analysis
    from reader.tui.messages import AnalysisPartial

    article = many_quotes(3_000).article
    gc.unfreeze()
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        app.workers.cancel_all()  # the message below stands for the child's
        await pilot.pause()
        found = many_quotes(3_000)  # made now, after what the app froze on its first paint
        partial = Analysis(article, entities=found.entities, quotes=found.quotes)
        frozen = gc.get_freeze_count()
        await pilot.press("j")
        app.screen.post_message(AnalysisPartial(partial))
        await pilot.pause()
        assert app.screen.quotes_pane.quotes == ()  # held back: a key came just now
        assert gc.get_freeze_count() - frozen > len(partial.quotes)
