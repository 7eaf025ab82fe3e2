"""The reader's own database: history, reading places, corrections, remembered choices, and
highlights (their SQL is in `reader.store.highlights`).

One SQLite file in the user data directory (`reader.store.dirs.library_path`), opened through
`reader.store.db.open_database`. Every method raises `StoreUnavailable` when the database
cannot be used (busy in another reader, disk full); callers carry on without it. Use a
`Library` from one thread only. No Textual here.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.keep.corrections import Correction, text_key
from reader.model import Article
from reader.record import Record
from reader.store.db import StoreUnavailable, open_database, transaction
from reader.store.dirs import library_path

SCHEMA_VERSION = 4
#: Feeds, their items (by GUID), read state and fetch metadata (`reader.feeds.store`).
FEEDS_SCHEMA = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    site TEXT,
    folder TEXT,
    added_at REAL NOT NULL,
    etag TEXT,
    last_modified TEXT,
    checked_at REAL,
    problem TEXT
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id INTEGER NOT NULL REFERENCES feeds (id),
    guid TEXT NOT NULL,
    title TEXT,
    link TEXT,
    author TEXT,
    published TEXT,
    summary TEXT,
    enclosure TEXT,
    seen_at REAL NOT NULL,
    updated_at REAL,
    read INTEGER NOT NULL DEFAULT 0,
    analysis TEXT,
    UNIQUE (feed_id, guid)
);
CREATE INDEX items_by_feed ON items (feed_id, published)
"""
#: Highlights and their notes (`reader.store.highlights`): a passage by its offsets into the
#: text whose hash is `text_key`, and the passage itself (to list, export, and to tell when
#: the text changed).
HIGHLIGHTS_SCHEMA = """
CREATE TABLE highlights (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    text_key TEXT NOT NULL,
    source TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    passage TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    title TEXT,
    url TEXT,
    site TEXT,
    published TEXT,
    made_at REAL NOT NULL
);
CREATE INDEX highlights_by_text ON highlights (text_key);
CREATE INDEX highlights_by_source ON highlights (source)
"""
SCHEMA = (
    """
CREATE TABLE history (
    source TEXT PRIMARY KEY,
    text_key TEXT NOT NULL,
    title TEXT,
    site TEXT,
    published TEXT,
    word_count INTEGER NOT NULL,
    quote_count INTEGER,
    opened_at REAL NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    read_percent INTEGER NOT NULL DEFAULT 0
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
);
"""
    + FEEDS_SCHEMA
    + ";"
    + HIGHLIGHTS_SCHEMA
)
#: Version 4: how far each article in the history was read, in percent.
READ_PERCENT = "ALTER TABLE history ADD COLUMN read_percent INTEGER NOT NULL DEFAULT 0"
#: `MIGRATIONS[n]` upgrades a library of schema version n to n + 1, keeping its rows.
MIGRATIONS = {1: FEEDS_SCHEMA, 2: HIGHLIGHTS_SCHEMA, 3: READ_PERCENT}

#: Sources that cannot be opened again, so history does not list them.
UNREPEATABLE_SOURCES = ("-",)


def source_key(source: str) -> str:
    """A source as history keeps it: URLs and "-" as they are, files by absolute path."""
    if source == "-" or "://" in source:
        return source
    return str(Path(source).expanduser().absolute())


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class HistoryEntry(Record):
    """An article opened before, as it was when last opened."""

    source: str
    title: str | None
    site: str | None
    published: str | None
    word_count: int
    quote_count: int | None
    opened_at: float
    position: int
    read_percent: int = 0
    """How far the article was read, in percent: the furthest the view got."""


class Library:
    """History, reading places, corrections and small remembered values, in one database."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open (or create) the library at `path`, by default in the user data directory."""
        path = path if path is not None else library_path()
        connection = open_database(path, SCHEMA, version=SCHEMA_VERSION, migrations=MIGRATIONS)
        return cls(connection, path)

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        try:
            with transaction(self.connection) as connection:
                yield connection
        except sqlite3.Error as error:
            raise StoreUnavailable(f"cannot write {self.path}: {error}") from error

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreUnavailable(f"cannot read {self.path}: {error}") from error

    # -- history and reading places -----------------------------------------------------

    def record_open(self, source: str, article: Article) -> None:
        """Note that `source` was opened now; its place is kept if its text is unchanged.

        A file name that is not UTF-8 (it holds surrogates) cannot be kept in the database
        as it is, so it is not kept in the history at all."""
        if source in UNREPEATABLE_SOURCES or not _is_utf8(source):
            return
        source = source_key(source)
        key = text_key(article)
        with self._writing() as db:
            db.execute(
                """
                INSERT INTO history (source, text_key, title, site, published, word_count,
                                     opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET
                    position = CASE WHEN text_key = excluded.text_key THEN position ELSE 0 END,
                    read_percent = CASE WHEN text_key = excluded.text_key
                                        THEN read_percent ELSE 0 END,
                    quote_count = CASE WHEN text_key = excluded.text_key
                                       THEN quote_count ELSE NULL END,
                    text_key = excluded.text_key, title = excluded.title, site = excluded.site,
                    published = excluded.published, word_count = excluded.word_count,
                    opened_at = excluded.opened_at
                """,
                (
                    source,
                    key,
                    article.title,
                    article.site,
                    article.published,
                    article.word_count,
                    time.time(),
                ),
            )

    def history(self, limit: int = 500) -> list[HistoryEntry]:
        """Articles opened before, the most recent first."""
        rows = self._read(
            "SELECT source, title, site, published, word_count, quote_count, opened_at, position,"
            " read_percent FROM history ORDER BY opened_at DESC LIMIT ?",
            (limit,),
        )
        return [HistoryEntry(*row) for row in rows]  # type: ignore[arg-type]

    def save_position(self, article: Article, offset: int, percent: int | None = None) -> None:
        """Remember where reading got to: the text offset at the top of the view, and (with
        `percent`, how far the view is scrolled) how far the article was read: the furthest."""
        with self._writing() as db:
            db.execute(
                "UPDATE history SET position = ?,"
                " read_percent = MAX(read_percent, COALESCE(?, 0)) WHERE text_key = ?",
                (max(0, offset), percent, text_key(article)),
            )

    def forget(self, source: str) -> bool:
        """Take `source` out of the history (its corrections stay); whether it was there."""
        with self._writing() as db:
            cursor = db.execute("DELETE FROM history WHERE source = ?", (source,))
        return cursor.rowcount > 0

    def position(self, article: Article) -> int:
        """Where reading of this text last got to (0 if never)."""
        rows = self._read(
            "SELECT position FROM history WHERE text_key = ? ORDER BY opened_at DESC LIMIT 1",
            (text_key(article),),
        )
        return int(rows[0][0]) if rows else 0  # type: ignore[call-overload]

    def save_quote_count(self, article: Article, count: int) -> None:
        with self._writing() as db:
            db.execute(
                "UPDATE history SET quote_count = ? WHERE text_key = ?",
                (count, text_key(article)),
            )

    def quote_counts(self) -> dict[str, int]:
        """Quote counts of analysed articles, by source."""
        rows = self._read("SELECT source, quote_count FROM history WHERE quote_count IS NOT NULL")
        return {str(source): int(count) for source, count in rows}  # type: ignore[call-overload]

    # -- corrections --------------------------------------------------------------------

    def corrections(self, article: Article) -> list[Correction]:
        """This article's corrections, in the order they were made."""
        rows = self._read(
            "SELECT kind, target, value FROM corrections WHERE text_key = ? ORDER BY id",
            (text_key(article),),
        )
        return [Correction(*row) for row in rows]  # type: ignore[arg-type]

    def add_correction(self, article: Article, correction: Correction) -> None:
        with self._writing() as db:
            db.execute(
                "INSERT INTO corrections (text_key, kind, target, value, made_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    text_key(article),
                    correction.kind,
                    correction.target,
                    correction.value,
                    time.time(),
                ),
            )

    def undo_correction(self, article: Article) -> Correction | None:
        """Forget this article's latest correction; return it (None if there was none)."""
        key = text_key(article)
        rows = self._read(
            "SELECT id, kind, target, value FROM corrections WHERE text_key = ?"
            " ORDER BY id DESC LIMIT 1",
            (key,),
        )
        if not rows:
            return None
        row_id, *fields = rows[0]
        with self._writing() as db:
            db.execute("DELETE FROM corrections WHERE id = ?", (row_id,))
        return Correction(*fields)  # type: ignore[arg-type]

    # -- remembered values --------------------------------------------------------------

    def choice(self, name: str, configured: str | None) -> str | None:
        """The value last chosen in the app for `name`, unless the config changed since.

        A choice made in the app (a theme, a reading width) is remembered together with the
        config's value at the time; once the config says something else, the config wins.
        """
        chosen = self.get(f"choice.{name}")
        if chosen is None or self.get(f"choice.{name}.config") != (configured or ""):
            return configured
        return chosen

    def remember_choice(self, name: str, value: str, configured: str | None) -> None:
        self.set(f"choice.{name}", value)
        self.set(f"choice.{name}.config", configured or "")

    def get(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM state WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set(self, key: str, value: str | None) -> None:
        with self._writing() as db:
            if value is None:
                db.execute("DELETE FROM state WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO state (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
