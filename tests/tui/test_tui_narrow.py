"""Narrow screens and the sidebar: below `NARROW_BELOW` columns the article gets the width and
the sidebar is a drawer (`\\`, `2`, `3` open it, `1` and `\\` close it); words are never
broken in the middle at 40 columns; on a wide screen `\\` hides and shows the sidebar. Real
keys through Pilot on the seed's frozen real analysis; what is drawn is read off the screen."""

from __future__ import annotations

import re

from support.tui_seed import frozen_seed, screen_text
from textual.widget import Widget

from reader.tui.app import ReaderApp
from reader.tui.screens.sidebar import NARROW_BELOW
from reader.tui.widgets.article_view import ArticleView


def seed_app() -> ReaderApp:
    analysis = frozen_seed()
    return ReaderApp(analysis.article, analysis=analysis)


def _sidebar(app: ReaderApp) -> Widget:
    return app.screen.query_one("#sidebar")


def _shown(widget: Widget) -> bool:
    return widget.display and widget.region.width > 0


async def test_at_80_columns_the_article_gets_the_width_and_the_sidebar_is_a_drawer() -> None:
    assert NARROW_BELOW > 80
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        sidebar = _sidebar(app)
        assert not _shown(sidebar)
        assert view.region.width == 80 and view.text_width >= 70
        assert "Entities 35" not in screen_text(app)
        assert "\\ Sidebar (drawer)" in screen_text(app).splitlines()[-1]  # the key bar says
        await pilot.press("backslash")
        await pilot.pause()
        assert _shown(sidebar) and app.focused is not None and app.focused.id == "entity-list"
        assert sidebar.region.right == 80 and view.region.width == 80  # over the article
        assert "Entities 35" in screen_text(app)
        await pilot.press("backslash")
        await pilot.pause()
        assert not _shown(sidebar) and app.focused is view
        await pilot.press("3")  # a pane of the sidebar opens the drawer
        await pilot.pause()
        assert _shown(sidebar) and app.focused is not None and app.focused.id == "quote-list"
        await pilot.press("1")  # the article closes it
        await pilot.pause()
        assert not _shown(sidebar) and app.focused is view


def _article_lines(app: ReaderApp) -> list[str]:
    """The text lines inside the article pane's border, as drawn."""
    view = app.screen.query_one(ArticleView)
    region = view.region
    rows = screen_text(app).splitlines()[region.y + 1 : region.bottom - 1]
    return [row[region.x + 1 : region.right - 2].strip() for row in rows]


async def test_at_40_columns_no_word_is_broken_in_the_middle() -> None:
    app = seed_app()
    text = app.article.text  # type: ignore[union-attr]
    words = set(text.split())
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.text_width >= 30
        seen: list[str] = []
        while True:
            seen += _article_lines(app)
            if view.scroll_y >= view.max_scroll_y:
                break
            await pilot.press("space")
            await pilot.pause()
        drawn = [word for line in seen for word in line.split()]
        broken = [word for word in drawn if word not in words]
        assert len(drawn) > 400 and broken == []
        assert re.sub(r"\s+", " ", text).endswith(" ".join(seen[-3:]).strip()[-40:])


async def test_on_a_wide_screen_backslash_hides_and_shows_the_sidebar() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        sidebar = _sidebar(app)
        assert _shown(sidebar) and view.region.width < 90
        await pilot.press("3", "backslash")  # hiding the pane with the focus: the article has it
        await pilot.pause()
        assert not _shown(sidebar) and view.region.width == 120 and app.focused is view
        assert "Quotes 5" not in screen_text(app)
        await pilot.press("backslash")
        await pilot.pause()
        assert _shown(sidebar) and view.region.width < 90 and app.focused is view
        await pilot.press("backslash", "2")  # hidden, `2` shows it again with the focus
        await pilot.pause()
        assert _shown(sidebar) and app.focused is not None and app.focused.id == "entity-list"


async def test_the_layout_follows_the_window_across_the_threshold() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sidebar = _sidebar(app)
        await pilot.press("2")
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert not _shown(sidebar) and view.region.width == 70
        assert app.focused is view  # the pane with the focus went into the closed drawer
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert _shown(sidebar) and view.region.width < 90
