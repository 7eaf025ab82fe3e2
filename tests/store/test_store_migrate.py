"""Databases of an older schema version are upgraded in place, keeping every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.model import Article, Block
from reader.store.db import StoreUnavailable, open_database, transaction
from reader.store.library import FEEDS_SCHEMA, HIGHLIGHTS_SCHEMA, SCHEMA_VERSION, Library

NOTES = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"

#: The library's schema as version 1 wrote it, before feeds were kept.
LIBRARY_V1 = """
CREATE TABLE history (
    source TEXT PRIMARY KEY,
    text_key TEXT NOT NULL,
    title TEXT,
    site TEXT,
    published TEXT,
    word_count INTEGER NOT NULL,
    quote_count INTEGER,
    opened_at REAL NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX history_by_text ON history (text_key);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    text_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    value TEXT NOT NULL,
    made_at REAL NOT NULL
);
CREATE INDEX corrections_by_text ON corrections (text_key);
CREATE TABLE state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
"""


def test_an_older_version_is_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    first = open_database(path, NOTES, version=1)
    with transaction(first):
        first.execute("INSERT INTO notes (body) VALUES ('kept')")
    first.close()
    upgraded = open_database(
        path,
        NOTES + "; CREATE TABLE tags (name TEXT)",
        version=2,
        migrations={1: "CREATE TABLE tags (name TEXT)"},
    )
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [row[0] for row in upgraded.execute("SELECT body FROM notes")] == ["kept"]
    upgraded.execute("INSERT INTO tags VALUES ('new')")
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_failed_upgrade_keeps_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    first = open_database(path, NOTES, version=1)
    with transaction(first):
        first.execute("INSERT INTO notes (body) VALUES ('kept')")
    first.close()
    broken = {1: "CREATE TABLE tags (name TEXT); CREATE TABLE notes (x)"}
    with pytest.raises(StoreUnavailable, match="cannot upgrade"):
        open_database(path, NOTES, version=2, migrations=broken)
    again = open_database(path, NOTES, version=1)
    assert [row[0] for row in again.execute("SELECT body FROM notes")] == ["kept"]
    tables = {row[0] for row in again.execute("SELECT name FROM sqlite_master")}
    assert "tags" not in tables  # the upgrade's first step was rolled back with the rest
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_version_1_library_gains_the_feed_tables_and_keeps_history(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for statement in LIBRARY_V1.split(";"):
        old.execute(statement)
    old.execute(
        "INSERT INTO history (source, text_key, title, word_count, opened_at, position)"
        " VALUES ('https://example.org/a', 'k1', 'Old article', 300, 1.0, 42)"
    )
    old.execute("INSERT INTO state (key, value) VALUES ('last_folder', '/tmp/articles')")
    old.execute("PRAGMA user_version=1")
    old.close()

    library = Library.open(path)
    assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    [entry] = library.history()
    assert (entry.source, entry.title, entry.position) == (
        "https://example.org/a",
        "Old article",
        42,
    )
    assert library.get("last_folder") == "/tmp/articles"
    tables = {row[0] for row in library.connection.execute("SELECT name FROM sqlite_master")}
    assert {"feeds", "items", "highlights"} <= tables
    article = Article(source="x", text="Some text here.", blocks=(Block("paragraph", 0, 15),))
    library.record_open("https://example.org/b", article)  # the old tables still take writes
    assert len(library.history()) == 2
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_version_2_library_gains_the_read_percent_and_keeps_its_rows(tmp_path: Path) -> None:
    """Version 4 keeps how far each article was read; a version-2 file (through version 3's
    highlights) keeps its history, its places and its feeds, each article read 0% until it
    is read again."""
    path = tmp_path / "library.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for statement in (LIBRARY_V1 + ";" + FEEDS_SCHEMA).split(";"):
        if statement.strip():
            old.execute(statement)
    old.execute(
        "INSERT INTO history (source, text_key, title, word_count, quote_count, opened_at,"
        " position) VALUES ('https://example.org/a', 'k1', 'Old article', 300, 7, 1.0, 42)"
    )
    old.execute(
        "INSERT INTO feeds (url, title, added_at) VALUES ('https://example.org/feed', 'F', 1.0)"
    )
    old.execute("PRAGMA user_version=2")
    old.close()

    library = Library.open(path)
    assert library.connection.execute("PRAGMA user_version").fetchone()[0] == 4
    [entry] = library.history()
    assert (entry.title, entry.quote_count, entry.position, entry.read_percent) == (
        "Old article",
        7,
        42,
        0,
    )
    feeds = library.connection.execute("SELECT url FROM feeds").fetchall()
    assert feeds == [("https://example.org/feed",)]
    article = Article(source="x", text="Some text here.", blocks=(Block("paragraph", 0, 15),))
    library.record_open("https://example.org/b", article)
    library.save_position(article, 5, 60)
    library.save_position(article, 2, 30)  # read back up: still read 60%
    by_source = {entry.source: entry for entry in library.history()}
    assert by_source["https://example.org/b"].read_percent == 60
    assert by_source["https://example.org/b"].position == 2
    assert library.forget("https://example.org/a")
    assert [entry.source for entry in library.history()] == ["https://example.org/b"]
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_version_3_library_keeps_its_highlights_and_history_on_the_way_to_4(
    tmp_path: Path,
) -> None:
    path = tmp_path / "library.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    for statement in (LIBRARY_V1 + ";" + FEEDS_SCHEMA + ";" + HIGHLIGHTS_SCHEMA).split(";"):
        if statement.strip():
            old.execute(statement)
    old.execute(
        "INSERT INTO history (source, text_key, title, word_count, opened_at, position)"
        " VALUES ('https://example.org/a', 'k1', 'Old article', 300, 1.0, 42)"
    )
    old.execute(
        "INSERT INTO highlights (text_key, source, start_offset, end_offset, passage, made_at)"
        " VALUES ('k1', 'https://example.org/a', 0, 4, 'Some', 1.0)"
    )
    old.execute("PRAGMA user_version=3")
    old.close()

    library = Library.open(path)
    assert library.connection.execute("PRAGMA user_version").fetchone()[0] == 4
    [entry] = library.history()
    assert (entry.title, entry.position, entry.read_percent) == ("Old article", 42, 0)
    passages = library.connection.execute("SELECT passage FROM highlights").fetchall()
    assert passages == [("Some",)]
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
