"""The feeds screen, driven by key presses: lists, read state, filter, refresh, opening."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from support.feed_server import Resource, feed_server, rss
from support.http_server import ARTICLE_HTML, ARTICLE_TITLE

from reader.feeds.refresh import subscribe
from reader.feeds.store import FeedStore
from reader.store.cache import AnalysisCache
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.feeds import FeedsScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.feed_lists import FeedList, ItemList

SIZE = (110, 30)


def status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#feeds-status").render())


async def wait_for(pilot, condition, seconds: float = 20.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never held")
        await pilot.pause(0.05)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "library.sqlite3")
    yield opened
    opened.close()


async def test_feeds_items_read_state_and_filter(library: Library) -> None:
    store = FeedStore(library)
    with feed_server() as server:
        server.routes["/a"] = Resource(
            rss(
                "Bay News",
                [(f"a{n}", f"Harbour story {n}", server.url(f"/a/{n}")) for n in range(3)],
            )
        )
        server.routes["/b"] = Resource(
            rss(
                "River Post",
                [(f"b{n}", f"River story {n}", server.url(f"/b/{n}")) for n in range(2)],
            )
        )
        subscribe(store, server.url("/a"))
        subscribe(store, server.url("/b"))
    app = ReaderApp(library=library, feeds=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        feeds = screen.query_one(FeedList)
        items = screen.query_one(ItemList)
        assert feeds.row_count == 3  # All feeds, then the two
        assert "All feeds 5" in feeds.row_text(0).plain
        assert "Bay News 3" in feeds.row_text(1).plain
        assert items.row_count == 5
        first = items.row_text(0).plain
        assert first.startswith("● ") and "2026-03-" in first
        await pilot.press("m")  # read
        assert not items.row_text(0).plain.startswith("●")
        assert "All feeds 4" in feeds.row_text(0).plain
        await pilot.press("m")  # unread again
        assert "All feeds 5" in feeds.row_text(0).plain
        await pilot.press("slash", *"river", "enter")
        assert items.row_count == 2 and "River story" in items.row_text(0).plain
        assert "2 of 5 items match" in status(app)
        await pilot.press("escape")
        assert items.row_count == 5
        await pilot.press("shift+tab", "j")  # to the feed list, down to Bay News
        assert screen.chosen_feed == str(store.feed(server.url("/a")).id)
        assert items.row_count == 3


async def test_enter_opens_the_full_article_and_escape_comes_back(
    library: Library, tmp_path: Path
) -> None:
    store = FeedStore(library)
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    with feed_server() as server:
        server.routes["/article"] = Resource(ARTICLE_HTML.encode(), "text/html; charset=utf-8")
        server.routes["/rss"] = Resource(
            rss("Bay", [("1", "Only a summary", server.url("/article"))])
        )
        subscribe(store, server.url("/rss"))
        app = ReaderApp(library=library, feeds=True, cache=cache)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
            assert app.screen.article.title == ARTICLE_TITLE
            assert "brass band" in app.screen.article.text  # the article, not the summary
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen))
            [item] = store.items()
            assert item.read


async def test_refresh_runs_in_the_background_with_a_progress_line(library: Library) -> None:
    store = FeedStore(library)
    with feed_server() as server:
        server.routes["/rss"] = Resource(rss("Bay", [("1", "First", server.url("/1"))]))
        server.routes["/gone"] = Resource(b"", "text/plain")
        subscribe(store, server.url("/rss"))
        store.add(server.url("/gone"))
        server.routes["/gone"] = Resource(b"", "text/plain", status=410)
        server.routes["/rss"] = Resource(
            rss("Bay", [("2", "Second", server.url("/2")), ("1", "First", server.url("/1"))]),
            delay=0.5,
        )
        app = ReaderApp(library=library, feeds=True)
        async with app.run_test(size=SIZE) as pilot:
            items = app.screen.query_one(ItemList)
            assert items.row_count == 1
            await pilot.press("R")
            # the key came back while the slow feed is still being fetched
            assert app.screen.refreshing.is_set()
            assert status(app).startswith("Refresh")
            await pilot.press("m")  # the UI answers keys while the refresh runs
            await wait_for(pilot, lambda: not app.screen.refreshing.is_set())
            assert items.row_count == 2
            assert "could not be" in status(app) and "410 Gone" in status(app)


async def test_ten_thousand_items_draw_only_the_rows_on_screen(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.feeds.parse import FeedItem, ParsedFeed
    from reader.tui.widgets import feed_lists

    store = FeedStore(library)
    for number in range(20):
        feed, _ = store.add(f"https://news{number}.example/feed.xml")
        items = [
            FeedItem(f"{number}-{n}", f"Story {n}", f"https://news{number}.example/{n}")
            for n in range(500)
        ]
        parsed = ParsedFeed(f"Feed {number}", None, items, 500)
        store.store_fetch(feed.id, parsed, etag=None, last_modified=None)
    drawn: list[int] = []
    original = feed_lists.ItemRows.row_lines

    def counted(self, index: int, width: int):  # noqa: ANN001, ANN202
        drawn.append(index)
        return original(self, index, width)

    monkeypatch.setattr(feed_lists.ItemRows, "row_lines", counted)
    app = ReaderApp(library=library, feeds=True)
    async with app.run_test(size=SIZE) as pilot:
        items = app.screen.query_one(ItemList)
        assert items.row_count == 10_000
        await pilot.press(*["j"] * 20, "pagedown", "pagedown", "G")
        await pilot.pause()
        assert items.highlighted == 9_999
    # a screen holds about 13 two-line rows: a few screens were drawn, not 10,000 rows
    assert 0 < len(set(drawn)) < 200
