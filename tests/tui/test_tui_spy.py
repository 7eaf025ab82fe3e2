"""Scroll-spy: the quotes panel and the entity list mark what is on screen in the article."""

from __future__ import annotations

from collections.abc import Callable

from support.tui_seed import frozen_seed, screen_text
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.text.scroll_spy import InView
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entities_pane import EntitiesPane
from reader.tui.widgets.quotes_pane import QuotesPane


async def settle(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app run until `done()` (scroll-spy updates are coalesced on a timer, which a
    busy machine delays), or `seconds` pass; the assertions that follow say what was wrong."""
    for _ in range(int(seconds / 0.05)):
        await pilot.pause(0.05)
        if done():
            return


def on_screen(view: ArticleView, start: int, end: int) -> bool:
    assert view.line_index is not None
    first, last = view.line_index.lines_of(start, end)
    lines = view.visible_lines()
    return first < lines.stop and last >= lines.start


def test_in_view_finds_quotes_and_entities_by_span() -> None:
    analysis = frozen_seed()
    spy = InView(analysis)
    first = analysis.quotes[0]
    assert first.id in spy.quotes(first.start, first.start + 1)
    assert spy.quotes(0, 0) == frozenset()
    newsham = analysis.entity("person-grant-newsham")
    assert newsham is not None
    mention = newsham.mentions[0]
    assert "person-grant-newsham" in spy.entities(mention.start, mention.end)
    everything = spy.entities(0, len(analysis.article.text))
    assert everything == {entity.id for entity in analysis.entities if entity.mentions}


async def test_the_panes_mark_what_the_article_shows_as_it_scrolls() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(90, 22)) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(ArticleView)
        quotes = screen.query_one(QuotesPane)
        entities = screen.query_one(EntitiesPane)

        def expected() -> tuple[set[str], set[str]]:
            shown_quotes = {q.id for q in analysis.quotes if on_screen(view, q.start, q.end)}
            shown_entities = {
                e.id
                for e in analysis.entities
                if any(on_screen(view, m.start, m.end) for m in e.mentions)
            }
            return shown_quotes, shown_entities

        def marked() -> bool:
            return (set(quotes.in_view), set(entities.in_view)) == expected()

        await settle(pilot, marked)
        # At the top: Kim and Trump are named on screen, Newsham is not; no quote shows yet.
        assert quotes.in_view == set() == expected()[0]
        assert entities.in_view == expected()[1]
        assert "person-kim-jong-un" in entities.in_view
        assert "person-grant-newsham" not in entities.in_view
        text = screen_text(app)
        assert "▌ Kim Jong Un" in text and "  Grant Newsham" in text
        # At the bottom: the last three quotes and Newsham are in view, and marked.
        await pilot.press("G")
        await settle(pilot, marked)
        assert quotes.in_view == expected()[0] == {q.id for q in analysis.quotes[2:]}
        assert "person-grant-newsham" in entities.in_view == expected()[1]
        text = screen_text(app)
        # Every line of a quote in view has the mark; a quote out of view has none.
        assert text.count("▌Grant Newsham:") == 2 and "▌Kim Jong Un:" in text
        assert "▌even a sense in this" in text  # the second line of a quote in view
        assert "▌ Grant Newsham" in text
        assert "▌Donald Trump" not in text
        # Line by line back up: the marks follow.
        await pilot.press(*["k"] * 6)
        await settle(pilot, marked)
        assert (set(quotes.in_view), set(entities.in_view)) == expected()
