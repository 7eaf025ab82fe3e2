"""The archive's file: every article analysed, kept with its quotes, entities and people.

One SQLite file in the data folder (`reader.store.dirs.archive_path`), opened through
`reader.store.db.open_database` (WAL, a busy timeout, damaged files moved aside, the schema
migrated). Each article is written in one short transaction; archiving the same clean text
again replaces its rows in place (keyed by `text_key`, as the library keys corrections), so
its first-archived time stays. The reader's corrections are applied before anything is kept.
Every method raises `StoreUnavailable` when the file cannot be used; callers carry on. Use an
`Archive` from one thread only. No Textual here.

Durability: the file is in WAL mode with `synchronous=NORMAL` (`store.db`): a commit is not
synced to disk by itself, so a power cut can lose the last articles archived (never damage
the file); each is archived again the next time it is opened, which is durable enough for a
reader's archive. A commit copies the WAL back into the file (a checkpoint) only once it holds
`CHECKPOINT_PAGES`; the reader's archiver checkpoints when it has nothing else to do
(`checkpoint`), and SQLite does when the last connection closes, so adding an article
seldom pays for one.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.archive.people import entity_keys, is_merged
from reader.archive.schema import MIGRATIONS, SCHEMA, SCHEMA_VERSION
from reader.archive.tally import refresh_people, tally, untally
from reader.keep.corrections import Correction, apply_corrections, text_key
from reader.model import Analysis, Article, Block, Entity, Link, Mention, Quote
from reader.store.db import StoreUnavailable, open_database, transaction
from reader.store.dirs import archive_path

#: WAL pages (4 KB each) past which a commit checkpoints by itself: SQLite's 1,000 made every
#: twentieth article or so copy 4 MB back into the file while it was being added.
CHECKPOINT_PAGES = 10_000


class Archive:
    """Articles, quotes, entities and people across everything the reader analysed."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None, *, check: bool = True) -> Archive:
        """The archive at `path` (default: the data folder's), created if it is missing.

        `check=False` skips SQLite's quick check (a second on an archive of 20,000 articles),
        for the commands that only read and answer at once (`reader quotes`, the people
        screen): damage found while reading is still `StoreUnavailable`, one sentence. The
        writers check (the reader's archiver, `extract --save`, `archive vacuum`)."""
        where = path or archive_path()
        connection = open_database(
            where, SCHEMA, version=SCHEMA_VERSION, migrations=MIGRATIONS, quick_check=check
        )
        connection.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        return cls(connection, where)

    def close(self) -> None:
        self.connection.close()

    def checkpoint(self) -> int:
        """Copy what the WAL holds back into the file, as far as readers allow (PASSIVE: it
        never waits for them, nor holds a writer up); the pages copied (0 when the file is
        busy or unusable: the next checkpoint copies them). For idle moments."""
        try:
            row = self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return 0
        return 0 if row is None or row[0] else int(row[2])

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; a locked or unwritable file is `StoreUnavailable`."""
        try:
            with transaction(self.connection) as db:
                yield db
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(f"cannot write the archive {self.path}: {error}") from error

    def read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            raise StoreUnavailable(f"cannot read the archive {self.path}: {error}") from error

    # -- adding -----------------------------------------------------------------------

    def add(
        self,
        analysis: Analysis,
        corrections: Iterable[Correction] = (),
        *,
        archived: tuple[float, float] | None = None,
        people: dict[str, int] | None = None,
    ) -> int:
        """Keep `analysis` (with `corrections` applied first) and return its article's id.

        `archived` (first, last) and `people` (entity id -> person id) are for an import,
        which carries them from the archive it came from."""
        corrections = list(corrections)
        analysis = apply_corrections(analysis, corrections)
        # A renamed entity is who the reader named: its old name (kept as an alias for the
        # article's own mentions) must not merge it with the person it was taken for.
        renamed = {c.target for c in corrections if c.kind == "rename"}
        article = analysis.article
        key = text_key(article)
        now = time.time()
        with self.writing() as db:
            article_id, day, touched = self._put_article(db, article, key, archived or (now, now))
            splits = dict(
                db.execute(
                    "SELECT entity_id, person_id FROM splits WHERE text_key = ?", (key,)
                ).fetchall()
            )
            chosen = {**splits, **(people or {})}
            owners = {
                entity.id: self._entity_row(
                    db, article_id, entity, chosen.get(entity.id), entity.id in renamed
                )
                for entity in analysis.entities
            }
            for quote in analysis.quotes:
                self._quote_row(db, article_id, day, quote, owners)
            db.execute(
                "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes"
                " WHERE article_id = ?",
                (article_id,),
            )
            touched |= tally(db, article_id, day, article.site or "")
            refresh_people(db, touched)
        return article_id

    def _put_article(
        self, db: sqlite3.Connection, article: Article, key: str, archived: tuple[float, float]
    ) -> tuple[int, str, set[int]]:
        """The article's rows written (replacing its old rows and their tallies); its id, its
        day, and the people its old rows named."""
        blocks = json.dumps([[b.kind, b.start, b.end] for b in article.blocks])
        links = json.dumps([[link.start, link.end, link.href] for link in article.links])
        found = db.execute(
            "SELECT a.id, a.title, t.text, a.first_archived FROM articles a"
            " JOIN texts t ON t.article_id = a.id WHERE a.text_key = ?",
            (key,),
        ).fetchone()
        touched: set[int] = set()
        first = archived[0] if found is None else float(found[3])
        day = article.published or time.strftime("%Y-%m-%d", time.gmtime(first))
        meta = (
            article.source, article.url, article.title, article.byline, article.site,
            article.published, article.lang, day,
        )  # fmt: skip
        if found is None:
            cursor = db.execute(
                "INSERT INTO articles (text_key, source, url, title, byline, site, published,"
                " lang, day, first_archived, last_archived)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, *meta, *archived),
            )
            article_id = int(cursor.lastrowid or 0)
        else:
            article_id = int(found[0])
            touched = untally(db, article_id)
            self._forget_rows(db, article_id, found[1], found[2])
            db.execute(
                "UPDATE articles SET source = ?, url = ?, title = ?, byline = ?, site = ?,"
                " published = ?, lang = ?, day = ?, last_archived = ? WHERE id = ?",
                (*meta, archived[1], article_id),
            )
        db.execute(
            "INSERT OR REPLACE INTO texts (article_id, text, blocks, links) VALUES (?, ?, ?, ?)",
            (article_id, article.text, blocks, links),
        )
        db.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (article_id, article.title or "", article.text),
        )
        return article_id, day, touched

    @staticmethod
    def _forget_rows(db: sqlite3.Connection, article_id: int, title: str, text: str) -> None:
        """An article's quotes, entities and index rows out, before they are written anew."""
        db.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, text)"
            " VALUES ('delete', ?, ?, ?)",
            (article_id, title or "", text),
        )
        db.execute(
            "INSERT INTO quotes_fts (quotes_fts, rowid, text)"
            " SELECT 'delete', id, text FROM quotes WHERE article_id = ?",
            (article_id,),
        )
        db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))

    def _entity_row(
        self,
        db: sqlite3.Connection,
        article_id: int,
        entity: Entity,
        person: int | None,
        renamed: bool = False,
    ) -> int | None:
        if person is None and is_merged(entity):
            aliases = () if renamed else entity.aliases
            person = self._person_for(db, entity.type, entity.name, aliases)
        db.execute(
            "INSERT INTO entities (article_id, entity_id, person_id, type, name, aliases,"
            " mentions, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id, entity.id, person, entity.type, entity.name,
                json.dumps(list(entity.aliases)),
                json.dumps([[m.start, m.end, m.kind] for m in entity.mentions]),
                entity.description,
            ),
        )  # fmt: skip
        return person

    def _quote_row(
        self,
        db: sqlite3.Connection,
        article_id: int,
        day: str,
        quote: Quote,
        owners: dict[str, int | None],
    ) -> None:
        person = owners.get(quote.speaker_id) if quote.speaker_id else None
        if person is None and quote.speaker:
            # A speaker known only by the name the quote gives (no entity, or one that is
            # not merged across articles, such as a name taken for a date) is still
            # someone: found or made by that name, so the people list has them.
            person = self._person_for(db, "PERSON", quote.speaker, ())
        span = quote.speaker_span or (None, None)
        db.execute(
            'INSERT INTO quotes (article_id, quote_id, start, "end", text, speaker,'
            " speaker_entity, person_id, kind, cue, speaker_start, speaker_end, confidence, day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id, quote.id, quote.start, quote.end, quote.text, quote.speaker,
                quote.speaker_id, person, quote.kind, quote.cue, span[0], span[1],
                quote.confidence, day,
            ),
        )  # fmt: skip

    @staticmethod
    def _person_for(
        db: sqlite3.Connection, kind: str, name: str, aliases: Iterable[str]
    ) -> int | None:
        """The person who owns one of the keys of `name` and `aliases`, or a new one; its
        keys not yet owned are given to it."""
        keys = entity_keys(name, aliases)
        if not keys:
            return None
        person = None
        for key in keys:
            row = db.execute(
                "SELECT person_id FROM names WHERE type = ? AND key = ? ORDER BY person_id LIMIT 1",
                (kind, key),
            ).fetchone()
            if row is not None:
                person = int(row[0])
                break
        if person is None:
            cursor = db.execute("INSERT INTO people (name, type) VALUES (?, ?)", (name, kind))
            person = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT OR IGNORE INTO names (type, key, person_id) VALUES (?, ?, ?)",
            [(kind, key, person) for key in keys],
        )
        return person

    # -- reading an article back --------------------------------------------------------

    def article_ids(self) -> list[int]:
        return [int(str(row[0])) for row in self.read("SELECT id FROM articles ORDER BY id")]

    def analysis(self, article_id: int) -> Analysis | None:
        """The article as it was archived, with its entities and quotes: no network needed."""
        row = self.read(
            "SELECT a.source, t.text, t.blocks, t.links, a.title, a.byline, a.site, a.published,"
            " a.url, a.lang FROM articles a JOIN texts t ON t.article_id = a.id WHERE a.id = ?",
            (article_id,),
        )
        if not row:
            return None
        source, text, blocks, links, title, byline, site, published, url, lang = row[0]
        article = Article(
            source=str(source),
            text=str(text),
            blocks=tuple(Block(k, s, e) for k, s, e in json.loads(str(blocks))),
            title=_text_or_none(title),
            byline=_text_or_none(byline),
            site=_text_or_none(site),
            published=_text_or_none(published),
            url=_text_or_none(url),
            links=tuple(Link(s, e, h) for s, e, h in json.loads(str(links))),
            lang=_text_or_none(lang),
        )
        entities = tuple(
            Entity(
                id=str(entity_id),
                name=str(name),
                type=str(kind),  # type: ignore[arg-type]
                aliases=tuple(json.loads(str(aliases))),
                mentions=tuple(Mention(s, e, k) for s, e, k in json.loads(str(mentions))),
                description=_text_or_none(description),
            )
            for entity_id, name, kind, aliases, mentions, description in self.read(
                "SELECT entity_id, name, type, aliases, mentions, description FROM entities"
                " WHERE article_id = ? ORDER BY id",
                (article_id,),
            )
        )
        quotes = tuple(
            quote_from_row(row)
            for row in self.read(
                f"SELECT {QUOTE_FIELDS} FROM quotes WHERE article_id = ? ORDER BY id",
                (article_id,),
            )
        )
        return Analysis(article, entities, quotes)

    def entity_people(self, article_id: int) -> dict[str, int]:
        """Entity id -> person id, for one article's merged entities."""
        return {
            str(entity): int(str(person))
            for entity, person in self.read(
                "SELECT entity_id, person_id FROM entities"
                " WHERE article_id = ? AND person_id IS NOT NULL",
                (article_id,),
            )
        }

    def archived_times(self, article_id: int) -> tuple[float, float]:
        first, last = self.read(
            "SELECT first_archived, last_archived FROM articles WHERE id = ?", (article_id,)
        )[0]
        return float(str(first)), float(str(last))


QUOTE_FIELDS = (
    'quote_id, text, start, "end", speaker, speaker_entity, kind, cue, speaker_start,'
    " speaker_end, confidence"
)


def quote_from_row(row: tuple[Any, ...]) -> Quote:
    """A `Quote` from the columns `QUOTE_FIELDS` names, in that order."""
    quote_id, text, start, end, speaker, speaker_id, kind, cue, s_start, s_end, sure = row
    return Quote(
        quote_id, text, start, end, speaker, speaker_id, kind, cue,
        (s_start, s_end) if s_start is not None else None, sure,
    )  # fmt: skip


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
