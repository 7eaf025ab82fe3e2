"""Highlights in a real library file: the version-2 library upgrades to 3 keeping its rows,
and two reader processes writing highlights at once lose none of them."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from reader.keep.highlights import new_highlight
from reader.model import Article
from reader.store.highlights import HighlightStore
from reader.store.library import FEEDS_SCHEMA, SCHEMA_VERSION, Library

ROUNDS = 40

#: The library as version 2 wrote it: history, corrections, state, and the feed tables.
LIBRARY_V2 = (
    """
CREATE TABLE history (
    source TEXT PRIMARY KEY, text_key TEXT NOT NULL, title TEXT, site TEXT, published TEXT,
    word_count INTEGER NOT NULL, quote_count INTEGER, opened_at REAL NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX history_by_text ON history (text_key);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT, text_key TEXT NOT NULL, kind TEXT NOT NULL,
    target TEXT NOT NULL, value TEXT NOT NULL, made_at REAL NOT NULL
);
CREATE INDEX corrections_by_text ON corrections (text_key);
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
    + FEEDS_SCHEMA
)


def story(number: int) -> Article:
    text = f"Story {number} begins here. It goes on a while. Then it ends."
    return Article.from_blocks(f"/tmp/story-{number}.txt", [("paragraph", text)], title=text[:8])


def test_a_version_2_library_gains_highlights_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for statement in LIBRARY_V2.split(";"):
        if statement.strip():
            old.execute(statement)
    old.execute(
        "INSERT INTO history (source, text_key, title, word_count, opened_at, position)"
        " VALUES ('https://example.org/a', 'k1', 'Old article', 300, 1.0, 42)"
    )
    old.execute(
        "INSERT INTO corrections (text_key, kind, target, value, made_at)"
        " VALUES ('k1', 'rename', 'person-x', 'X', 1.0)"
    )
    old.execute("INSERT INTO feeds (url, added_at) VALUES ('https://example.org/feed', 1.0)")
    old.execute("PRAGMA user_version=2")
    old.close()

    library = Library.open(path)
    assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    [entry] = library.history()
    assert (entry.source, entry.title, entry.position) == (
        "https://example.org/a",
        "Old article",
        42,
    )
    assert library.connection.execute("SELECT count(*) FROM corrections").fetchone()[0] == 1
    assert library.connection.execute("SELECT url FROM feeds").fetchone()[0].endswith("/feed")
    store = HighlightStore(library)
    kept = store.add(new_highlight(story(1), 0, 26, "a note", ("tag",)))
    assert store.for_article(story(1)) == [kept]
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def write_highlights(writer: int, library_path: str) -> None:
    library = Library.open(Path(library_path))
    store = HighlightStore(library)
    for number in range(ROUNDS):
        item = story(writer * 1000 + number)
        store.add(new_highlight(item, 0, 26, f"writer {writer} note {number}"))
    library.close()


def test_two_readers_writing_highlights_at_once_lose_none(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=write_highlights, args=(n, str(path))) for n in (1, 2)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
        assert process.exitcode == 0
    library = Library.open(path)
    notes = {h.note for h in HighlightStore(library).all()}
    expected = {f"writer {w} note {n}" for w in (1, 2) for n in range(ROUNDS)}
    assert notes == expected
    assert library.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
