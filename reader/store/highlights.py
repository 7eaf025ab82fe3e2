"""Highlights and their notes, in the library database.

The table (`highlights`) is part of the library's schema (`reader.store.library`, version 3,
migrated from version 2). Every write is one short transaction on the library's connection
(`BEGIN IMMEDIATE`, WAL, a busy timeout), so two readers open on one library each add their
highlights without losing the other's. Methods raise `StoreUnavailable` when the database
cannot be used. One thread only. No Textual here.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from typing import Any

from reader.keep.corrections import text_key
from reader.keep.highlights import Highlight
from reader.model import Article
from reader.store.db import StoreUnavailable
from reader.store.library import UNREPEATABLE_SOURCES, Library, source_key

_COLUMNS = (
    "id, text_key, source, start_offset, end_offset, passage, note, tags, title, url, site,"
    " published, made_at"
)


def _highlight(row: tuple[Any, ...]) -> Highlight:
    (row_id, key, source, start, end, passage, note, tags, title, url, site, published,
     made_at) = row  # fmt: skip
    return Highlight(
        start=int(start),
        end=int(end),
        passage=str(passage),
        text_key=str(key),
        source=str(source),
        note=str(note),
        tags=tuple(str(tags).split()),
        title=title,
        url=url,
        site=site,
        published=published,
        made_at=float(made_at),
        id=int(row_id),
    )


class HighlightStore:
    """The highlights, kept in the library database."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.connection = library.connection
        self.path = library.path

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Highlight]:
        try:
            rows = self.connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreUnavailable(f"cannot read {self.path}: {error}") from error
        return [_highlight(row) for row in rows]

    def add(self, highlight: Highlight) -> Highlight:
        """Keep `highlight`; returns it with its id and the time it was made."""
        made_at = time.time()
        source = source_key(highlight.source) if highlight.source else ""
        with self.library._writing() as db:
            cursor = db.execute(
                f"INSERT INTO highlights ({_COLUMNS.removeprefix('id, ')})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    highlight.text_key,
                    source,
                    highlight.start,
                    highlight.end,
                    highlight.passage,
                    highlight.note,
                    " ".join(highlight.tags),
                    highlight.title,
                    highlight.url,
                    highlight.site,
                    highlight.published,
                    made_at,
                ),
            )
        return dataclasses.replace(highlight, id=cursor.lastrowid, made_at=made_at, source=source)

    def for_article(self, article: Article) -> list[Highlight]:
        """This article's highlights: those of its text, and those made on another version
        of the text at the same source (which `keep.highlights.fitting` leaves undrawn)."""
        where, parameters = "text_key = ?", [text_key(article)]
        if article.source and article.source not in UNREPEATABLE_SOURCES:
            where += " OR source = ?"
            parameters.append(source_key(article.source))
        return self._read(
            f"SELECT {_COLUMNS} FROM highlights WHERE {where} ORDER BY start_offset, id",
            tuple(parameters),
        )

    def all(self) -> list[Highlight]:
        """Every highlight, the newest first."""
        return self._read(f"SELECT {_COLUMNS} FROM highlights ORDER BY made_at DESC, id DESC")

    def get(self, highlight_id: int) -> Highlight | None:
        found = self._read(f"SELECT {_COLUMNS} FROM highlights WHERE id = ?", (highlight_id,))
        return found[0] if found else None

    def delete(self, highlight_id: int) -> None:
        with self.library._writing() as db:
            db.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))

    def set_note(self, highlight_id: int, note: str, tags: tuple[str, ...]) -> None:
        with self.library._writing() as db:
            db.execute(
                "UPDATE highlights SET note = ?, tags = ? WHERE id = ?",
                (note.strip(), " ".join(tags), highlight_id),
            )
