"""The quotes panel hides reported speech (kind "indirect") until `i` shows it, and hides it again.

Uses the seed's real analysis (the session's spaCy model), which finds reported speech such as
"Cho Myoung-gyon said ... Seoul wants to meet North Korean diplomats".
"""

from __future__ import annotations

from typing import Any

from reader.model import Analysis
from reader.tui.app import ReaderApp
from reader.tui.widgets.quotes_pane import QuoteList, QuotesPane

SIZE = (120, 40)


async def test_i_toggles_reported_speech_in_the_quotes_panel(seed_analysis: Analysis) -> None:
    marked = [q for q in seed_analysis.quotes if q.kind != "indirect"]
    reported = [q for q in seed_analysis.quotes if q.kind == "indirect"]
    assert reported, "the seed has reported speech to show"
    app = ReaderApp(seed_analysis.article, analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(QuotesPane)
        assert [q.id for q in pane.quotes] == [q.id for q in marked]
        assert str(pane.border_title) == f"Quotes {len(marked)}"
        await pilot.press("3")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("i")
        assert [q.id for q in pane.quotes] == [q.id for q in seed_analysis.quotes]
        assert str(pane.border_title) == f"Quotes {len(seed_analysis.quotes)}"
        # Each prompt starts with the scroll-spy gutter cell.
        rows = pane.quote_list
        prompts = [rows.row_text(row).plain[1:] for row in range(rows.row_count)]
        assert any(p.startswith("Cho Myoung-gyon: reported: ") for p in prompts), prompts
        await pilot.press("i")
        assert [q.id for q in pane.quotes] == [q.id for q in marked]


async def test_reported_speech_stays_hidden_for_an_entity_filter(seed_analysis: Analysis) -> None:
    app = ReaderApp(seed_analysis.article, analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        pane: Any = app.screen.query_one(QuotesPane)
        cho = next(e for e in seed_analysis.entities if e.name == "Cho Myoung-gyon")
        app.screen.select_entity(cho)
        await pilot.pause()
        assert pane.quotes == ()
        pane.show_reported = True
        await pilot.pause()
        assert [q.speaker for q in pane.quotes] == ["Cho Myoung-gyon"]
        assert [q.kind for q in pane.quotes] == ["indirect"]


async def test_the_article_tints_reported_speech_only_while_the_list_shows_it(
    seed_analysis: Analysis,
) -> None:
    from reader.tui.widgets.article_view import ArticleView

    reported = next(q for q in seed_analysis.quotes if q.kind == "indirect")
    marked = next(q for q in seed_analysis.quotes if q.kind != "indirect")
    app = ReaderApp(seed_analysis.article, analysis=seed_analysis)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)

        def tinted(start: int, end: int) -> bool:
            return any(view._spans.quotes.overlapping(start, end))

        assert tinted(marked.start, marked.end)
        assert not tinted(reported.start, reported.end)
        await pilot.press("3", "i")
        assert tinted(reported.start, reported.end)
        await pilot.press("i")
        assert not tinted(reported.start, reported.end)
