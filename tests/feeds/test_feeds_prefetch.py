"""Prefetch: new items' articles analysed into the cache, and the list's e: / q: filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.feed_server import Resource, feed_server, rss

from reader.feeds.prefetch import prefetch
from reader.feeds.refresh import subscribe
from reader.feeds.search import filtered
from reader.feeds.store import FeedStore
from reader.load import load
from reader.store.cache import AnalysisCache
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.feeds import FeedsScreen
from reader.tui.widgets.feed_lists import ItemList

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
VOA = (SAMPLES / "voa-korea-olympics-talks.txt").read_bytes()
FERRY = (SAMPLES / "clyde-ferry-strike.html").read_bytes()

pytestmark = pytest.mark.slow


@pytest.mark.usefixtures("nlp")
def test_prefetch_puts_the_analysis_in_the_cache_and_the_filter_finds_speakers(
    tmp_path: Path,
) -> None:
    store = FeedStore.open(tmp_path / "library.sqlite3")
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    with feed_server() as server:
        server.routes["/voa"] = Resource(VOA, "text/plain; charset=utf-8")
        server.routes["/ferry"] = Resource(FERRY, "text/html; charset=utf-8")
        server.routes["/missing-page"] = Resource(b"", "text/plain", status=404)
        items = [
            ("v", "Korea talks", server.url("/voa")),
            ("f", "Ferry strike", server.url("/ferry")),
            ("m", "Gone page", server.url("/missing-page")),
        ]
        server.routes["/rss"] = Resource(rss("Wire", items))
        _, outcome = subscribe(store, server.url("/rss"))
        assert outcome is not None
        done = prefetch(store, outcome.new, cache, limit=1)
        assert done == 1  # the cap holds
        done = prefetch(store, outcome.new, cache, limit=10)
        assert done == 1  # the one left that can be fetched; the 404 is skipped
        voa_article = load(server.url("/voa"))
    assert cache.get(voa_article) is not None  # opening it shows the analysis at first paint
    by_guid = {item.guid: item for item in store.items()}
    voa = by_guid["v"]
    assert voa.quote_count and voa.quote_count > 0
    assert any("Moon" in speaker for speaker in voa.speakers)
    assert by_guid["m"].analysis is None
    everything = store.items()
    assert [item.guid for item in filtered(everything, "q:moon")] == ["v"]
    assert [item.guid for item in filtered(everything, "e:MOON JAE")] == ["v"]
    assert {item.guid for item in filtered(everything, "q:")} >= {"v"}
    assert [item.guid for item in filtered(everything, "ferry")] == ["f"]
    store.close()


async def test_the_screen_prefetches_new_items_in_a_low_priority_process(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    store = FeedStore(library)
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    with feed_server() as server:
        server.routes["/voa"] = Resource(VOA, "text/plain; charset=utf-8")
        server.routes["/rss"] = Resource(rss("Wire", []))
        subscribe(store, server.url("/rss"))
        server.routes["/rss"] = Resource(rss("Wire", [("v", "Korea talks", server.url("/voa"))]))
        app = ReaderApp(library=library, feeds=True, cache=cache)
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.screen
            assert isinstance(screen, FeedsScreen)
            await pilot.press("R")
            items = screen.query_one(ItemList)
            for _ in range(1200):  # the prefetch process loads the language model
                await pilot.pause(0.1)
                if items.row_count and "quote" in items.row_text(0).plain:
                    break
            assert "quote" in items.row_text(0).plain  # "N quotes: Moon Jae-in, ..."
            [item] = store.items()
            assert item.quote_count and cache.get(load(server.url("/voa"))) is not None
        assert screen.prefetching is not None and screen.prefetching.poll() is not None
    library.close()
