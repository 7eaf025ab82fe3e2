"""What the archive answers: quotes by words, speaker and date; the people across articles;
one person's quotes; its size. Reads only, no Textual.

Words are matched through the FTS5 index (each word a quoted token, all of them required, so
the reader's words are never taken for the query language); a speaker matches a person one of
whose names holds the given words whole ("kim" finds Kim Jong Un, not Kimberly). Dates are
the article's published date, or the day it was archived when it gave none.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from reader.archive.people import name_key
from reader.archive.store import QUOTE_FIELDS, Archive, quote_from_row
from reader.model import Article, Quote


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote from the archive, with where it came from."""

    quote: Quote
    article_id: int
    person_id: int | None
    source: str
    title: str | None
    site: str | None
    published: str | None
    url: str | None
    day: str

    @property
    def article(self) -> Article:
        """The article's metadata (not its text) as an `Article`, for a citation."""
        return Article(
            source=self.source, text="", blocks=(), title=self.title, site=self.site,
            published=self.published, url=self.url,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Person:
    """Someone (or an organisation, a place) named or quoted across the archive."""

    id: int
    name: str
    type: str
    articles: int
    quotes: int
    first_seen: str
    last_seen: str
    outlets: tuple[str, ...]
    """The outlets that named them most (all of them with `list_people(all_outlets=True)`)."""
    outlet_count: int


@dataclass(frozen=True, slots=True)
class ArchiveStats:
    articles: int
    quotes: int
    people: int
    size_bytes: int

    @property
    def bytes_per_article(self) -> int:
        return self.size_bytes // self.articles if self.articles else 0


def fts_query(words: str) -> str:
    """The reader's words as an FTS5 query: every word required, each a quoted token."""
    tokens = words.split()
    return " ".join('"' + token.replace('"', '""') + '"' for token in tokens)


def matching_people(archive: Archive, speaker: str) -> list[int]:
    """The people one of whose names holds the words of `speaker` whole."""
    key = name_key(speaker)
    if not key:
        return []
    rows = archive.read(
        "SELECT DISTINCT person_id FROM names WHERE ' ' || key || ' ' LIKE ?",
        (f"% {key} %",),
    )
    return sorted(int(str(row[0])) for row in rows)


def _quote_filter(
    archive: Archive,
    words: str,
    speaker: str | None,
    since: str | None,
    person_id: int | None,
) -> tuple[str, str, list[object]] | None:
    """The join, the WHERE clause and its parameters of a quote search; None when no quote
    can match (a speaker nobody is called)."""
    where: list[str] = []
    parameters: list[object] = []
    join = ""
    if fts_query(words):
        join = "JOIN quotes_fts f ON f.rowid = q.id"
        where.append("quotes_fts MATCH ?")
        parameters.append(fts_query(words))
    people: list[int] | None = None
    if speaker is not None:
        people = matching_people(archive, speaker)
    if person_id is not None:
        people = [person_id] if people is None else [p for p in people if p == person_id]
    if people is not None:
        if not people:
            return None
        where.append(f"q.person_id IN ({','.join('?' * len(people))})")
        parameters.extend(people)
    if since:
        where.append("q.day >= ?")
        parameters.append(since)
    return join, (f" WHERE {' AND '.join(where)}" if where else ""), parameters


def find_quotes(
    archive: Archive,
    words: str = "",
    *,
    speaker: str | None = None,
    since: str | None = None,
    person_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[FoundQuote]:
    """Quotes holding every one of `words`, said by `speaker` (or the person `person_id`),
    from articles of `since` (ISO date) on; oldest first, in article order; `limit` of them
    from the `offset`-th on (one person's come a page at a time from an index)."""
    found = _quote_filter(archive, words, speaker, since, person_id)
    if found is None:
        return []
    join, where, parameters = found
    fields = ", ".join(f"q.{name.strip()}" for name in QUOTE_FIELDS.split(","))
    sql = (
        f"SELECT {fields}, q.article_id, q.person_id, a.source, a.title, a.site,"
        f" a.published, a.url, q.day FROM quotes q {join}"
        " JOIN articles a ON a.id = q.article_id"
        + where
        + " ORDER BY q.day, q.article_id, q.start"
        + (f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else "")
    )
    width = len(QUOTE_FIELDS.split(","))
    return [
        FoundQuote(quote_from_row(row[:width]), *row[width:])
        for row in archive.read(sql, tuple(parameters))
    ]


def count_quotes(
    archive: Archive,
    words: str = "",
    *,
    speaker: str | None = None,
    since: str | None = None,
    person_id: int | None = None,
) -> int:
    """How many quotes `find_quotes` with the same arguments (and no limit) finds."""
    found = _quote_filter(archive, words, speaker, since, person_id)
    if found is None:
        return 0
    join, where, parameters = found
    rows = archive.read(f"SELECT COUNT(*) FROM quotes q {join}{where}", tuple(parameters))
    return int(str(rows[0][0]))


def quote_count(archive: Archive, person_id: int) -> int:
    """How many quotes `person_id` has (counted on the index)."""
    rows = archive.read("SELECT COUNT(*) FROM quotes WHERE person_id = ?", (person_id,))
    return int(str(rows[0][0]))


def list_people(
    archive: Archive, kinds: tuple[str, ...] = ("PERSON",), *, all_outlets: bool = False
) -> list[Person]:
    """Everyone named or quoted, most articles first: articles, quotes, first and last seen,
    the outlets (sites) that named them most (every one with `all_outlets`). Read from the
    tallies (`reader.archive.tally`)."""
    marks = ",".join("?" * len(kinds))
    every: dict[int, list[str]] = {}
    if all_outlets:
        for person, site in archive.read(
            "SELECT person_id, site FROM person_outlets WHERE site != '' ORDER BY person_id, site"
        ):
            every.setdefault(int(str(person)), []).append(str(site))
    rows = archive.read(
        "SELECT id, name, type, articles, quotes, first_seen, last_seen, outlets, outlet_count"
        f" FROM people WHERE type IN ({marks}) AND articles > 0",
        kinds,
    )
    people = [
        Person(
            id=pid,
            name=name,
            type=kind,
            articles=count,
            quotes=quotes,
            first_seen=first,
            last_seen=last,
            outlets=tuple(every.get(pid, ())) if all_outlets else tuple(json.loads(top)),
            outlet_count=outlet_count,
        )
        for pid, name, kind, count, quotes, first, last, top, outlet_count in rows
    ]
    people.sort(key=lambda p: (-p.articles, -p.quotes, p.name.casefold()))
    return people


def archive_stats(archive: Archive) -> ArchiveStats:
    def count(table: str) -> int:
        return int(str(archive.read(f"SELECT COUNT(*) FROM {table}")[0][0]))

    size = sum(
        os.path.getsize(path)
        for path in (
            archive.path,
            *(archive.path.with_name(archive.path.name + s) for s in ("-wal", "-shm")),
        )
        if path.exists()
    )
    return ArchiveStats(count("articles"), count("quotes"), count("people"), size)


def _text(value: object) -> str | None:
    return None if value is None else str(value)
