"""Feeds, items, read state and fetch metadata, in the library database.

The tables (`feeds`, `items`) are part of the library's schema (`reader.store.library`,
version 2, migrated from version 1). An item is known by its feed and its GUID: a refresh
that brings an edited item updates it in place (its read state kept), never adds it twice.
Each feed's items are written in one transaction, so losing power mid-refresh loses
nothing already stored: every feed is either as before or fully refreshed. Methods raise
`StoreUnavailable` when the database cannot be used. One thread only. No Textual here.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.feeds.parse import FeedItem, ParsedFeed
from reader.store.db import StoreUnavailable
from reader.store.library import Library


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription, with what the last fetch learned and its item counts."""

    id: int
    url: str
    title: str | None
    site: str | None
    folder: str | None
    etag: str | None
    last_modified: str | None
    checked_at: float | None
    problem: str | None
    unread: int = 0
    total: int = 0

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class Item:
    """A stored feed item and its read state; `analysis` once its article was analysed."""

    id: int
    feed_id: int
    guid: str
    title: str | None
    link: str | None
    author: str | None
    published: str | None
    summary: str | None
    enclosure: str | None
    read: bool
    feed_title: str | None = None
    analysis: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def speakers(self) -> list[str]:
        return list((self.analysis or {}).get("speakers", ()))

    @property
    def entities(self) -> list[str]:
        return list((self.analysis or {}).get("entities", ()))

    @property
    def quote_count(self) -> int | None:
        return (self.analysis or {}).get("quotes")


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one fetch of a feed changed."""

    new: list[int]
    updated: int


_FEED_COLUMNS = "id, url, title, site, folder, etag, last_modified, checked_at, problem"
_ITEM_COLUMNS = (
    "items.id, feed_id, guid, items.title, link, author, published, summary, enclosure,"
    " read, feeds.title, analysis"
)
_CONTENT = ("title", "link", "author", "published", "summary", "enclosure")


class FeedStore:
    """The feeds and their items, kept in the library database."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.connection = library.connection
        self.path = library.path

    @classmethod
    def open(cls, path: Path | None = None) -> FeedStore:
        return cls(Library.open(path))

    def close(self) -> None:
        self.library.close()

    def _writing(self) -> AbstractContextManager[sqlite3.Connection]:
        """One transaction on the library's connection, as the library writes its own."""
        return self.library._writing()

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.Error as error:
            raise StoreUnavailable(f"cannot read {self.path}: {error}") from error

    # -- subscriptions ------------------------------------------------------------------

    def add(
        self,
        url: str,
        title: str | None = None,
        site: str | None = None,
        folder: str | None = None,
    ) -> tuple[Feed, bool]:
        """Subscribe to `url`; returns the feed and whether it is new."""
        existing = self.feed(url)
        if existing is not None:
            return existing, False
        with self._writing() as db:
            db.execute(
                "INSERT INTO feeds (url, title, site, folder, added_at) VALUES (?, ?, ?, ?, ?)",
                (url, title, site, folder, time.time()),
            )
        added = self.feed(url)
        assert added is not None
        return added, True

    def remove(self, url: str) -> bool:
        """Unsubscribe from `url` (by address, or by title when one feed has it)."""
        feed = self.feed(url) or self._by_title(url)
        if feed is None:
            return False
        with self._writing() as db:
            db.execute("DELETE FROM items WHERE feed_id = ?", (feed.id,))
            db.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
        return True

    def _by_title(self, title: str) -> Feed | None:
        matches = [feed for feed in self.feeds() if feed.title == title]
        return matches[0] if len(matches) == 1 else None

    def feed(self, url: str) -> Feed | None:
        return self._one_feed("url = ?", url)

    def feed_by_id(self, feed_id: int) -> Feed | None:
        return self._one_feed("id = ?", feed_id)

    def _one_feed(self, where: str, value: object) -> Feed | None:
        rows = self._read(
            f"SELECT {_FEED_COLUMNS},"
            " (SELECT COUNT(*) FROM items WHERE feed_id = feeds.id AND read = 0),"
            " (SELECT COUNT(*) FROM items WHERE feed_id = feeds.id)"
            f" FROM feeds WHERE {where}",
            (value,),
        )
        return Feed(*rows[0]) if rows else None

    def feeds(self) -> list[Feed]:
        """Every feed, by folder then name, with its unread and total item counts."""
        counts = {
            feed_id: (unread, total)
            for feed_id, unread, total in self._read(
                "SELECT feed_id, SUM(read = 0), COUNT(*) FROM items GROUP BY feed_id"
            )
        }
        feeds = [
            Feed(*row, *counts.get(row[0], (0, 0)))  # type: ignore[call-arg]  # row: columns
            for row in self._read(f"SELECT {_FEED_COLUMNS} FROM feeds")
        ]
        return sorted(feeds, key=lambda f: ((f.folder or "").lower(), f.name.lower(), f.id))

    # -- fetch results ------------------------------------------------------------------

    def store_fetch(
        self,
        feed_id: int,
        parsed: ParsedFeed,
        *,
        etag: str | None,
        last_modified: str | None,
        url: str | None = None,
    ) -> Stored:
        """Store one fetch of a feed, all of it or nothing: new items added, edited ones
        updated in place (by GUID), the feed's title and validators noted. `url` moves it."""
        now = time.time()
        known = {
            row[0]: row[1:]
            for row in self._read(
                "SELECT guid, title, link, author, published, summary, enclosure, id"
                " FROM items WHERE feed_id = ?",
                (feed_id,),
            )
        }
        fresh: list[FeedItem] = []
        changed: list[tuple[object, ...]] = []
        seen: set[str] = set()
        for item in parsed.items:
            if item.guid in seen:
                continue  # a feed that lists one GUID twice: the first (newest) counts
            seen.add(item.guid)
            content = tuple(getattr(item, name) for name in _CONTENT)
            before = known.get(item.guid)
            if before is None:
                fresh.append(item)
            elif tuple(before[:-1]) != content:
                changed.append((*content, now, before[1] != item.link, before[-1]))
        with self._writing() as db:
            db.executemany(
                "INSERT INTO items (feed_id, guid, title, link, author, published, summary,"
                " enclosure, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (feed_id, item.guid, *(getattr(item, n) for n in _CONTENT), now)
                    for item in fresh
                ],
            )
            db.executemany(
                "UPDATE items SET title = ?, link = ?, author = ?, published = ?, summary = ?,"
                " enclosure = ?, updated_at = ?,"
                " analysis = CASE WHEN ? THEN NULL ELSE analysis END WHERE id = ?",
                changed,
            )
            db.execute(
                "UPDATE feeds SET title = COALESCE(?, title), site = COALESCE(?, site),"
                " etag = ?, last_modified = ?, checked_at = ?, problem = NULL,"
                " url = COALESCE(?, url) WHERE id = ?",
                (parsed.title, parsed.site, etag, last_modified, now, url, feed_id),
            )
            guids = [item.guid for item in fresh]
            new_ids = [
                row[0]
                for start in range(0, len(guids), 500)
                for row in db.execute(
                    "SELECT id FROM items WHERE feed_id = ? AND guid IN"
                    f" ({','.join('?' * len(guids[start : start + 500]))})",
                    (feed_id, *guids[start : start + 500]),
                )
            ]
        return Stored(new_ids, len(changed))

    def note_unchanged(
        self, feed_id: int, etag: str | None, last_modified: str | None, url: str | None = None
    ) -> None:
        """The server said 304: nothing new; keep (or learn) the validators."""
        with self._writing() as db:
            db.execute(
                "UPDATE feeds SET etag = COALESCE(?, etag),"
                " last_modified = COALESCE(?, last_modified), checked_at = ?, problem = NULL,"
                " url = COALESCE(?, url) WHERE id = ?",
                (etag, last_modified, time.time(), url, feed_id),
            )

    def note_problem(self, feed_id: int, sentence: str) -> None:
        with self._writing() as db:
            db.execute(
                "UPDATE feeds SET problem = ?, checked_at = ? WHERE id = ?",
                (sentence, time.time(), feed_id),
            )

    def url_taken(self, url: str, feed_id: int) -> bool:
        return bool(self._read("SELECT 1 FROM feeds WHERE url = ? AND id != ?", (url, feed_id)))

    # -- items and read state -----------------------------------------------------------

    def items(self, feed_id: int | None = None, *, limit: int | None = None) -> list[Item]:
        """Items of one feed (or of all), the newest first."""
        where = "WHERE feed_id = ?" if feed_id is not None else ""
        parameters: list[object] = [feed_id] if feed_id is not None else []
        sql = (
            f"SELECT {_ITEM_COLUMNS} FROM items JOIN feeds ON feeds.id = items.feed_id {where}"
            " ORDER BY COALESCE(published, '') DESC, seen_at DESC, items.id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(limit)
        return [_item(row) for row in self._read(sql, parameters)]

    def item(self, item_id: int) -> Item | None:
        rows = self._read(
            f"SELECT {_ITEM_COLUMNS} FROM items JOIN feeds ON feeds.id = items.feed_id"
            " WHERE items.id = ?",
            (item_id,),
        )
        return _item(rows[0]) if rows else None

    def set_read(self, item_id: int, read: bool = True) -> None:
        with self._writing() as db:
            db.execute("UPDATE items SET read = ? WHERE id = ?", (int(read), item_id))

    def set_analysis(self, item_id: int, summary: dict[str, Any]) -> None:
        """Note what an item's article holds (quote count, speakers, entities) for the list
        and its filter."""
        with self._writing() as db:
            db.execute(
                "UPDATE items SET analysis = ? WHERE id = ?",
                (json.dumps(summary, ensure_ascii=False), item_id),
            )


def _item(row: tuple[Any, ...]) -> Item:
    *fields, read, feed_title, analysis = row
    try:
        summary = json.loads(analysis) if analysis else None
    except ValueError:
        summary = None
    analysis = summary if isinstance(summary, dict) else None
    return Item(*fields, bool(read), feed_title, analysis)  # type: ignore[call-arg]  # columns
