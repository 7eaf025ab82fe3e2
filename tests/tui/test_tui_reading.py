"""Reading and moving: the header's progress, the reading measure, copying a quote.

The app gets the seed's frozen real analysis (see `tui_seed.py`) and is driven by real keys.
"""

from __future__ import annotations

import pytest
from support.tui_seed import frozen_seed, screen_text

from reader.model import Analysis, Article
from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.header import ArticleHeader

SIZE = (120, 40)


def preset_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


def long_article(**meta: str) -> Article:
    seed = frozen_seed().article
    parts = [(block.kind, seed.block_text(block)) for block in seed.blocks] * 4
    return Article.from_blocks("long.txt", parts, **meta)


async def test_progress_is_0_at_the_top_and_100_at_the_bottom_with_minutes_left() -> None:
    article = long_article(title="Long")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(ArticleHeader)
        minutes = article.reading_minutes
        assert minutes >= 4
        assert header.progress == 0
        assert f"{minutes} min read · {minutes} min left · 0%" in screen_text(app)
        view = app.screen.query_one(ArticleView)
        await pilot.press("G")
        await pilot.pause()
        assert header.progress == 100
        assert "0 min left · 100%" in screen_text(app)
        # Half way down is about half way through, with about half the minutes left.
        view.scroll_to(y=view.max_scroll_y // 2, animate=False, immediate=True, force=True)
        await pilot.pause()
        assert 45 <= header.progress <= 55
        assert f"{(minutes + 1) // 2} min left" in screen_text(app)


async def test_an_article_that_fits_is_read_to_100_percent() -> None:
    article = Article.from_blocks("short.txt", [("paragraph", "One short paragraph.")])
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ArticleHeader).progress == 100
        assert "1 min read · 0 min left · 100%" in screen_text(app)


async def test_the_header_shows_title_site_date_and_byline_at_120_columns() -> None:
    title = "South Korea Offers Talks With Rival North Over Winter Olympics, Officials Say Today"
    article = long_article(
        title=title, site="VOA News", published="2018-01-02", byline="By Brian Padden"
    )
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert "South Korea Offers Talks With Rival North Over Winter Olympics" in lines[0]
        assert "VOA News · 2018-01-02 · By Brian Padden" in lines[1]
        assert "min read ·" in lines[1] and "min left · 0%" in lines[1]


async def test_a_narrow_header_keeps_the_details_and_the_time_left() -> None:
    """At 60 columns the site, date and byline do not give way to "N min read"."""
    article = long_article(
        title="Long", site="VOA News", published="2018-01-02", byline="By Brian Padden"
    )
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        details = screen_text(app).splitlines()[1]
        assert "VOA News · 20" in details  # with "7 min read" beside it: "V…"
        assert "min left · 0%" in details and "min read" not in details


async def test_plus_and_minus_change_the_reading_measure_and_keep_the_place() -> None:
    article = long_article(title="Long")
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert app.reading_width == 80
        assert view.line_index is not None and view.line_index.width == 80
        await pilot.press("space", "space", "j")
        top = view.line_index[int(view.scroll_y)].start
        lines_at_80 = len(view.line_index)
        await pilot.press("minus", "minus")
        assert app.reading_width == 72
        assert view.line_index.width == 72 and view.text_width == 72
        assert len(view.line_index) > lines_at_80
        # The line that was at the top is still at the top.
        assert view.line_index.line_at(top) == int(view.scroll_y)
        # The column stays centred in the pane.
        pane = view.scrollable_content_region.width
        assert abs(view.left_margin - (pane - 72) // 2) <= 1
        await pilot.press("plus", "plus", "plus")
        assert view.line_index.width == app.reading_width == 84
        assert view.line_index.line_at(top) == int(view.scroll_y)


@pytest.mark.slow
async def test_the_reading_measure_stays_between_40_and_160() -> None:
    app = preset_app()
    async with app.run_test(size=(240, 40), notifications=True) as pilot:
        await pilot.press(*["minus"] * 12)
        assert app.reading_width == 40
        assert app.screen.query_one(ArticleView).text_width == 40
        await pilot.press("minus")
        await pilot.pause()
        assert app.reading_width == 40
        assert any("at its narrowest: 40" in n.message for n in app._notifications)
        await pilot.press(*["plus"] * 40)
        assert app.reading_width == 160
        assert app.screen.query_one(ArticleView).text_width == 160


async def test_plus_and_minus_always_change_what_is_on_screen() -> None:
    """At 120 columns the pane has room for 76 characters, less than the default 80: `-`
    narrows the column shown at once, and `+` says why it cannot widen a full column."""
    app = preset_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = app.screen.query_one(ArticleView)
        room = view.widest_text
        assert app.reading_width > room and view.text_width == room
        await pilot.press("minus")
        assert view.text_width == room - 4
        await pilot.press("plus")
        assert view.text_width == room
        await pilot.press("plus")
        await pilot.pause()
        assert view.text_width == room and app.reading_width <= room + 4
        assert any("The text fills the pane" in n.message for n in app._notifications)


async def test_y_copies_the_current_quote_with_its_citation() -> None:
    analysis = frozen_seed()
    article = analysis.article
    app = ReaderApp(article, analysis=analysis)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("y")
        assert app.clipboard == ""
        assert any("No current quote" in n.message for n in app._notifications)
        await pilot.press("n", "n", "y")
        second = analysis.quotes[1]
        cited = ", ".join(
            part
            for part in (
                second.speaker,
                article.title,
                article.site,
                article.published,
                article.url,
            )
            if part
        )
        assert app.clipboard == f"“{' '.join(second.text.split())}” — {cited}"
        assert app.clipboard.endswith(f"— Grant Newsham, {article.title}, VOA News")
        await pilot.pause()
        assert "Copied the quote by Grant Newsham" in screen_text(app)


async def test_y_in_the_quote_list_copies_the_highlighted_quote() -> None:
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "j", "j", "j", "y")
        fourth = analysis.quotes[3]
        assert app.clipboard.startswith(f"“{' '.join(fourth.text.split())}” — {fourth.speaker}")
