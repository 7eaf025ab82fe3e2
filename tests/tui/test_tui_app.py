"""The reader app driven by real key presses: quotes, panes, entities, scrolling, help.

These tests give the app the seed's frozen real analysis (see `tui_seed.py`), so they test
the screen and the keys; `test_tui_pipeline.py` runs the analysis in the app's worker.
"""

from __future__ import annotations

import re

import pytest
from support.tui_seed import frozen_seed, screen_text
from textual.color import Color

from reader.model import Analysis, Article
from reader.tui.app import ReaderApp
from reader.tui.dialogs.help import HelpScreen
from reader.tui.screens.sidebar import NARROW_BELOW
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entities_pane import EntitiesPane, EntityList
from reader.tui.widgets.quotes_pane import QuoteList, QuotesPane

SIZE = (120, 40)


def near(color: Color, other: Color) -> bool:
    return all(abs(a - b) <= 2 for a, b in zip(color.rgb, other.rgb, strict=True))


def preset_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


def presses_to(entity_list: EntityList, entity_id: str) -> list[str]:
    """The `j` presses that move the entity list's highlight to `entity_id`."""
    target = entity_list.index_of(entity_id)
    assert target is not None, f"{entity_id} is not listed"
    highlighted = entity_list.highlighted or 0
    between = range(highlighted + 1, target + 1)
    return ["j"] * sum(entity_list.rows.row_id(row) is not None for row in between)


def span_lines_visible(view: ArticleView, start: int, end: int) -> bool:
    assert view.line_index is not None
    first, last = view.line_index.lines_of(start, end)
    visible = view.visible_lines()
    return first in visible and last in visible


async def test_n_and_p_step_through_quotes_and_the_title_counts() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        quotes = app.screen.query_one(QuotesPane)
        assert quotes.border_title == "Quotes 5"
        assert "Quotes 5" in screen_text(app)
        await pilot.press("n", "n")
        assert quotes.border_title == "Quotes 2/5"
        assert "Quotes 2/5" in screen_text(app)
        view = app.screen.query_one(ArticleView)
        second = app.screen.analysis.quotes[1]
        assert view.current_span is not None
        assert view.current_span[0] <= second.start and second.end <= view.current_span[1]
        assert quotes.query_one(QuoteList).highlighted == 1
        await pilot.press("p")
        assert quotes.border_title == "Quotes 1/5"
        assert quotes.query_one(QuoteList).highlighted == 0


async def test_next_quote_scrolls_the_whole_quote_into_view() -> None:
    app = preset_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(ArticleView)
        assert view.scroll_y == 0
        last = app.screen.analysis.quotes[-1]
        await pilot.press(*"nnnnn")
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 5/5"
        assert view.scroll_y > 0
        assert span_lines_visible(view, last.start, last.end)
        # Back to the first quote, near the top: the view follows it back up.
        await pilot.press(*"pppp")
        first = app.screen.analysis.quotes[0]
        assert span_lines_visible(view, first.start, first.end)
        # No further than the first quote: `p` stays on it.
        await pilot.press("p")
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 1/5"


async def test_enter_on_a_quote_makes_it_current() -> None:
    app = preset_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # `enter` also opens the quote's card (see test_tui_quote_card.py); escape closes it.
        await pilot.press("3", "j", "j", "enter", "escape")
        third = app.screen.analysis.quotes[2]
        assert app.screen.selection.quote == third
        assert app.screen.query_one(QuotesPane).border_title == "Quotes 3/5"
        assert span_lines_visible(app.screen.query_one(ArticleView), third.start, third.end)


async def test_focus_keys_move_between_panes_and_mark_the_focused_one() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, ArticleView)
        await pilot.press("2")
        assert isinstance(app.focused, EntityList)
        await pilot.press("3")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("1")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, EntityList)
        await pilot.press("tab")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, EntityList)
        entities = app.screen.query_one(EntitiesPane)
        quotes = app.screen.query_one(QuotesPane)
        accent = Color.parse(app.current_theme.accent)
        assert near(entities.styles.border_top[1], accent)
        assert not near(quotes.styles.border_top[1], accent)
        await pilot.press("1")
        assert not near(entities.styles.border_top[1], accent)
        assert near(app.screen.query_one(ArticleView).styles.border_top[1], accent)


async def test_selecting_an_entity_marks_mentions_and_filters_quotes() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        view = screen.query_one(ArticleView)
        await pilot.press("2")
        await pilot.press(*presses_to(screen.query_one(EntityList), "person-grant-newsham"))
        await pilot.press("enter")
        newsham = screen.analysis.entity("person-grant-newsham")
        assert screen.selected == newsham
        assert len(view._spans.mentions) == len(newsham.mentions) == 2
        first = newsham.mentions[0]
        assert view.current_mention == (first.start, first.end)
        assert span_lines_visible(view, first.start, first.end)
        quotes = screen.query_one(QuotesPane)
        assert [q.speaker_id for q in quotes.quotes] == ["person-grant-newsham"] * 3
        assert quotes.border_title == "Quotes 3 · Grant Newsham"
        await pilot.pause()
        assert "Quotes 3 · Grant Newsham" in screen_text(app)
        await pilot.press("n")
        assert quotes.border_title == "Quotes 1/3 · Grant Newsham"
        second = newsham.mentions[1]
        await pilot.press("right_square_bracket")
        assert view.current_mention == (second.start, second.end)
        assert span_lines_visible(view, second.start, second.end)
        await pilot.press("left_square_bracket")
        assert view.current_mention == (first.start, first.end)
        await pilot.press("escape")
        assert screen.selected is None
        assert view.current_mention is None
        assert not view._spans.mentions
        assert quotes.border_title == "Quotes 2/5"
        assert len(quotes.quotes) == 5


async def test_g_and_G_go_to_top_and_bottom() -> None:
    app = preset_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(ArticleView)
        assert view.max_scroll_y > 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.pause()
        assert "100%" in screen_text(app)
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("space")
        assert view.scroll_y > 10
        await pilot.press("b")
        assert view.scroll_y == 1
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_y == 0


async def test_question_mark_opens_help_generated_from_the_bindings() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "next quote" in text
        assert "next mention" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_q_quits() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_an_article_without_quotes_or_entities_says_so() -> None:
    article = Article.from_blocks(
        "plain.txt", [("paragraph", "Nothing anyone said today. The weather held.")]
    )
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "no quotes found" in text
        assert "no entities found" in text
        assert "Nothing anyone said today." in text
        assert "─ Quotes ─" in text and "Quotes 0" not in text  # no count of nothing
        await pilot.press("n")
        assert app.screen.selection.quote is None


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_article_fits_a_readable_measure(size: tuple[int, int]) -> None:
    app = preset_app()
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        assert view.line_index is not None
        assert view.line_index.width <= 80
        assert view.text_width + view.left_margin <= view.scrollable_content_region.width
        text = screen_text(app)
        assert "FILE - The Pyeongchang Olympic Stadium" in text
        # The title comes first (site and date follow it when there is room); time and progress
        # always show.
        assert "South Korea Offers" in text and "2 min read" in text
        if size[0] < NARROW_BELOW:  # a narrow screen: the sidebar waits in a drawer
            await pilot.press("backslash")
            await pilot.pause()
            text = screen_text(app)
        # Each entity is one line, its mention count beside its name.
        assert re.search(r"Kim Jong Un +6\b", text)


async def test_only_the_visible_lines_of_a_long_article_are_rendered() -> None:
    seed = frozen_seed().article
    parts = [(block.kind, seed.block_text(block)) for block in seed.blocks] * 300
    article = Article.from_blocks("long.txt", parts, title="Long")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("G")
        await pilot.pause()
        assert view.line_index is not None and len(view.line_index) > 10_000
        height = view.scrollable_content_region.height
        # Every rendered line is cached: the first screen and the last one, nothing between.
        assert 0 < len(view._strips) <= 2 * height
        assert article.text.rstrip()[-20:] in screen_text(app)


async def test_a_resize_rewraps_and_keeps_the_reading_place() -> None:
    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        quote = app.screen.analysis.quotes[3]
        await pilot.press(*"nnnn")
        assert span_lines_visible(view, quote.start, quote.end)
        assert view.line_index is not None
        top = view.line_index[int(view.scroll_y)].start
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.line_index.width < 78
        assert view.line_index.line_at(top) == int(view.scroll_y)


async def test_keys_typed_in_a_burst_after_a_pane_key_reach_the_new_pane() -> None:
    """`3` then `j` arriving together (a fast typist, a paste, a terminal's key repeat):
    the `j` moves the quote list, not the article."""
    from textual import events

    app = preset_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        quote_list = app.screen.query_one(QuoteList)
        assert quote_list.highlighted == 0 and view.scroll_y == 0
        driver = app._driver
        assert driver is not None
        for key in ("3", "j", "j", "2", "j", "1", "j", "tab", "j"):
            event = events.Key(key, key)
            event.set_sender(app)
            driver.send_message(event)  # all queued before the first is handled
        await pilot.pause()
        assert quote_list.highlighted == 2
        assert view.scroll_y == 1
        assert isinstance(app.focused, EntityList) and app.focused.highlighted == 3
