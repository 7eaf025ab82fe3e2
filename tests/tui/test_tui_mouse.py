"""The mouse: a click on a quote, an entity or a mention does what `enter` does there."""

from __future__ import annotations

from rich.cells import cell_len
from support.tui_seed import frozen_seed, screen_text
from textual.geometry import Offset

from reader.model import Analysis
from reader.tui.app import ReaderApp
from reader.tui.dialogs.quote_card import QuoteCard
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView

SIZE = (120, 40)


def where_on_screen(app: ReaderApp, needle: str) -> Offset:
    """The screen cell where `needle` first shows."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if needle in line:
            return Offset(cell_len(line[: line.index(needle)]) + 1, y)
    raise AssertionError(f"{needle!r} is not on screen")


def cell_of(view: ArticleView, offset: int) -> Offset:
    """The screen cell of the character at `offset` of the article text."""
    assert view.line_index is not None
    number = view.line_index.line_at(offset)
    line = view.line_index[number]
    x = view.left_margin + line.indent + cell_len(view.article.text[line.start : offset])
    region = view.content_region
    return Offset(region.x + x, region.y + number - int(view.scroll_y))


def preset() -> tuple[Analysis, ReaderApp]:
    analysis = frozen_seed()
    return analysis, ReaderApp(analysis.article, analysis=analysis)


async def test_clicking_an_entity_in_the_list_selects_it() -> None:
    analysis, app = preset()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(offset=where_on_screen(app, "Donald Trump  "))
        assert app.screen.selected == analysis.entity("person-donald-trump")
        assert "Quotes 1 · Donald Trump" in screen_text(app)


async def test_clicking_a_quote_in_the_list_goes_to_it_and_shows_its_card() -> None:
    analysis, app = preset()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen
        await pilot.pause()
        await pilot.click(offset=where_on_screen(app, "Grant Newsham: “It's"))
        assert isinstance(app.screen, QuoteCard)
        assert app.screen.quote == analysis.quotes[3]
        assert isinstance(reader, ReaderScreen) and reader.selection.quote == analysis.quotes[3]


async def test_clicking_a_mention_in_the_article_selects_that_entity_there() -> None:
    analysis, app = preset()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(ArticleView)
        trump = analysis.entity("person-donald-trump")
        assert trump is not None
        mention = trump.mentions[0]
        scroll_y = view.scroll_y
        await pilot.click(offset=cell_of(view, mention.start + 2))
        assert screen.selected == trump
        assert view.current_mention == (mention.start, mention.end)
        assert view.scroll_y == scroll_y
        # A click on plain text (not a mention, not a quote) changes nothing.
        plain = analysis.article.text.index("offered Tuesday")
        await pilot.click(offset=cell_of(view, plain))
        assert screen.selected == trump and app.screen is screen


async def test_clicking_a_quote_in_the_article_goes_to_it_and_shows_its_card() -> None:
    analysis, app = preset()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.screen
        view = reader.query_one(ArticleView)
        first = analysis.quotes[0]
        await pilot.click(offset=cell_of(view, first.start + 10))
        assert isinstance(app.screen, QuoteCard) and app.screen.quote == first
        assert isinstance(reader, ReaderScreen) and reader.selection.quote == first
