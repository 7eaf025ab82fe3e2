"""The library as a new user met it, fixed: columns that follow the width, `s` to sort and `/`
to filter, a history that says when and how far each article was read and can forget one,
folder listings without READMEs and licences, and quote counts that agree everywhere once
the analysis is whole. Real files, real SQLite, the real analysis worker, Pilot keys."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest
from support.tui_seed import frozen_seed, screen_text

from reader.load import load
from reader.store.cache import AnalysisCache
from reader.store.library import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_table import ArticleTable

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
LONG_TITLE = "Sinking Fields: A Year With the Rice Farmers Racing the Sea in the Ebro Delta"
MIT = """MIT License

Copyright (c) 2024 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles, and what a folder of articles also holds: a README, licences, and a
    saved page with no article in it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("ebro-delta-long-read.txt", "lisbon-free-trams.txt", "clyde-ferry-strike.html"):
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / "README.md", folder / "README.md")
    (folder / "LICENSE").write_text(MIT, encoding="utf-8")
    (folder / "LICENSE.txt").write_text(MIT, encoding="utf-8")
    nav = "".join(f'<a href="/section/{n}">Section {n}</a> ' for n in range(2))
    (folder / "index.html").write_text(
        f"<html><head><title>Index</title></head><body><nav>{nav}</nav></body></html>",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "library.sqlite3")


def rows_on_screen(app: ReaderApp, titles: list[str]) -> list[str]:
    """The titles (by their first 20 characters) in the order the screen shows them."""
    lines = screen_text(app).splitlines()
    found = []
    for line in lines:
        found += [title for title in titles if title[:20] in line]
    return found


async def settled(app: ReaderApp, pilot: Any) -> None:
    """Until the screen's workers are done and, on the library, every row has been read (the
    reading worker may start after the first wait: on a busy machine it had not yet)."""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, LibraryScreen) or screen.showing_history:
            return
        if all(facts.words is not None or facts.problem for facts in screen.table.facts.values()):
            return
        await asyncio.sleep(0.02)


async def test_a_folder_lists_its_articles_not_its_readme_licences_or_index(
    folder: Path, library: Library
) -> None:
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        table = app.screen.query_one(ArticleTable)
        names = sorted(Path(source).name for source in table.shown)
        assert names == [
            "clyde-ferry-strike.html",
            "ebro-delta-long-read.txt",
            "lisbon-free-trams.txt",
        ]
        shown = screen_text(app)
        assert "3 articles" in shown
        assert "Sample articles" not in shown and "README" not in shown and "Index" not in shown


async def test_columns_follow_the_width(folder: Path, library: Library) -> None:
    """At 80 columns every column is on screen; at 200 a long title is shown whole."""
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        header = next(line for line in screen_text(app).splitlines() if "Title" in line)
        for label in ("Title", "Site", "Date", "Words", "Quotes"):
            assert label in header
        assert "10,092" in screen_text(app)  # the long read's words, right of its title
        assert LONG_TITLE not in screen_text(app)
        assert LONG_TITLE[:20] in screen_text(app)
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=(200, 24)) as pilot:
        await settled(app, pilot)
        assert LONG_TITLE in screen_text(app)  # 77 characters: once cut at 60
        await pilot.resize_terminal(90, 24)
        await pilot.pause()
        assert LONG_TITLE not in screen_text(app) and "Quotes" in screen_text(app)


async def test_s_sorts_by_each_column_in_turn_and_says_which(
    folder: Path, library: Library
) -> None:
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        table = app.screen.query_one(ArticleTable)
        facts = table.facts
        titles = [facts[source].title for source in table.shown]
        assert rows_on_screen(app, titles) == titles  # by file name
        await pilot.press("s")
        assert "sorted by Title" in screen_text(app)
        assert rows_on_screen(app, titles) == sorted(titles, key=str.casefold)
        await pilot.press("s", "s")  # Site, then Date
        assert "sorted by Date, newest first" in screen_text(app)
        by_date = sorted(
            titles, key=lambda t: next(f.published for f in facts.values() if f.title == t)
        )
        assert rows_on_screen(app, titles) == by_date[::-1]
        await pilot.press("s")
        assert "sorted by Words, most first" in screen_text(app)
        assert rows_on_screen(app, titles)[0] == LONG_TITLE
        await pilot.press("s", "s")  # Quotes, then the order listed again
        assert "sorted by" not in screen_text(app)
        assert rows_on_screen(app, titles) == titles


async def test_slash_filters_the_table_and_escape_clears_it(folder: Path, library: Library) -> None:
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"tram")
        await pilot.pause()
        shown = screen_text(app)
        assert "1 of 3 match “tram”" in shown
        assert "Lisbon to Scrap Tram" in shown and "Ferry Crews" not in shown
        await pilot.press("enter")  # to the table: enter there opens the one found
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and "Lisbon" in (app.screen.article.title or "")
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")  # the filter goes: every article again
        shown = screen_text(app)
        assert "match" not in shown and "Ferry Crews" in shown and "Sinking Fields" in shown


async def test_history_says_when_and_how_far_each_was_read_and_d_deletes(
    library: Library,
) -> None:
    seed = frozen_seed()
    trams = load(str(SAMPLES / "lisbon-free-trams.txt"))
    library.record_open(str(SAMPLES / "lisbon-free-trams.txt"), trams)
    library.record_open(seed.article.source, seed.article)
    library.save_position(seed.article, 300, 42)
    app = ReaderApp(library=library)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        header = next(line for line in shown.splitlines() if "Title" in line)
        assert "Read on" in header and "Read" in header
        assert "42%" in shown and " 0%" in shown
        import time

        assert time.strftime("%Y-%m-%d") in shown
        assert "d Delete" in shown  # in the key bar
        await pilot.press("d")  # the most recent first: the seed
        await pilot.pause()
        assert [entry.source for entry in library.history()] == [
            str(SAMPLES / "lisbon-free-trams.txt")
        ]
        shown = screen_text(app)
        assert "History · 1 article" in shown and "South Korea" not in shown


async def test_the_key_bar_offers_delete_only_in_the_history(
    folder: Path, library: Library
) -> None:
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=(160, 30)) as pilot:
        await settled(app, pilot)
        assert "d Delete" not in screen_text(app)
        assert "/ Filter" in screen_text(app) and "q Quit" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert "d Delete" in screen_text(app)


@pytest.mark.slow
async def test_counts_agree_once_the_long_reads_analysis_is_whole(
    folder: Path, library: Library, nlp: Any
) -> None:
    """History, library and panel: the same count, the final one (the history kept the
    count of the first partial results: 49 where the article has 108)."""
    cache = AnalysisCache(folder.parent / "cache.sqlite3")
    long_read = str(folder / "ebro-delta-long-read.txt")
    app = ReaderApp(load(long_read), library=library, cache=cache)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await screen.workers.wait_for_complete()
        await settled(app, pilot)
        assert screen.analysis is not None
        panel = len(screen.quotes_pane.quotes)
        assert f"Quotes {panel}" in screen_text(app)
    assert panel == screen.analysis.quote_count > 100
    (entry,) = library.history()
    assert entry.quote_count == panel
    app = ReaderApp(folder=folder, library=library, cache=cache)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(app, pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.facts[long_read].quotes == panel
        await pilot.press("h")
        await pilot.pause()
        assert table.facts[long_read].quotes == panel


async def test_over_an_article_escape_clears_the_filter_then_goes_back(library: Library) -> None:
    seed = frozen_seed()
    trams = load(str(SAMPLES / "lisbon-free-trams.txt"))
    library.record_open(str(SAMPLES / "lisbon-free-trams.txt"), trams)
    app = ReaderApp(seed.article, analysis=seed, library=library)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("h")
        await settled(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"tram", "enter")
        await pilot.pause()
        assert "match “tram”" in screen_text(app)
        await pilot.press("escape")  # the filter goes first
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and "match" not in screen_text(app)
        await pilot.press("escape")  # then back to the article
        await pilot.pause()
        assert app.screen is reader
