"""The analysis cache: an article analysed once opens with its entities and quotes at once.

One SQLite file (stdlib `sqlite3`, WAL journal, a busy timeout, one short transaction per
write) in the user cache directory (`platformdirs.user_cache_dir("article-reader")`, or
`READER_CACHE_DIR`). The key is a hash of the article's clean text and block layout together
with the analyser's version and a fingerprint of its rules, so a changed analyser never shows
an old result. The value is the entities and quotes as compressed JSON.

The cache is a convenience, never a reason to fail: a file that is not a database or is
damaged is moved aside (`.corrupt-<time>`) and rebuilt; a busy or unwritable cache is bypassed
for the run; an entry that does not decode is dropped. The total size is bounded; the least
recently used entries go first.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.model import Analysis, Article, Entity, Mention, Quote
from reader.store.db import move_aside

APP_NAME = "article-reader"
CACHE_FILE = "analyses.sqlite3"
#: Total bytes of stored analyses kept; the least recently used go first beyond it.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
BUSY_TIMEOUT_SECONDS = 1.0
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (
    key TEXT PRIMARY KEY,
    payload BLOB NOT NULL,
    size INTEGER NOT NULL,
    used REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS analyses_by_use ON analyses (used)
"""


def cache_dir() -> Path:
    """Where the cache lives: `READER_CACHE_DIR`, else the user cache directory."""
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


@functools.cache
def analyzer_fingerprint() -> str:
    """A digest of the analyser's sources (names, sizes and modification times).

    `ANALYZER_VERSION` lives in the package's `__init__.py`, so a new version changes the
    digest too. The package is found without being imported: importing it costs tens of
    milliseconds, and the cache is looked up before the article's first paint.
    """
    spec = importlib.util.find_spec("reader.analyze")
    folders = spec.submodule_search_locations if spec is not None else None
    digest = hashlib.sha256(b"reader.analyze;")
    for folder in folders or ():
        for path in sorted(Path(folder).glob("*.py")):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    """The cache key of `article`: its clean text and blocks, under this analyser."""
    digest = hashlib.sha256(analyzer_fingerprint().encode())
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    digest.update(
        ";".join(f"{block.kind}:{block.start}:{block.end}" for block in article.blocks).encode()
    )
    return digest.hexdigest()


def encode_analysis(analysis: Analysis) -> bytes:
    """The entities and quotes of `analysis` (not the article: the key stands for it)."""
    data = {
        "entities": [
            [
                entity.id,
                entity.name,
                entity.type,
                list(entity.aliases),
                [[mention.start, mention.end] for mention in entity.mentions],
                entity.description,
            ]
            for entity in analysis.entities
        ],
        "quotes": [
            [q.id, q.text, q.start, q.end, q.speaker, q.speaker_id, q.kind, q.cue]
            for q in analysis.quotes
        ],
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 1)


def decode_analysis(article: Article, payload: bytes) -> Analysis:
    """The inverse of `encode_analysis`, for `article`; raises ValueError on a bad payload."""
    try:
        data: dict[str, Any] = json.loads(zlib.decompress(payload))
        entities = tuple(
            Entity(
                id=entity_id,
                name=name,
                type=kind,
                aliases=tuple(aliases),
                mentions=tuple(Mention(start, end) for start, end in mentions),
                description=description,
            )
            for entity_id, name, kind, aliases, mentions, description in data["entities"]
        )
        quotes = tuple(Quote(*fields) for fields in data["quotes"])
    except (zlib.error, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"unreadable cache entry: {error}") from error
    length = len(article.text)
    spans = [(m.start, m.end) for e in entities for m in e.mentions]
    spans += [(q.start, q.end) for q in quotes]
    if any(not 0 <= start <= end <= length for start, end in spans):
        raise ValueError("cache entry does not fit the article")
    return Analysis(article=article, entities=entities, quotes=quotes)


class AnalysisCache:
    """Analyses stored by article; every method returns quietly when the cache is unusable."""

    def __init__(self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.disabled_reason: str | None = None
        self._lock = threading.Lock()

    @classmethod
    def default(cls) -> AnalysisCache:
        """The user's cache file (see `cache_dir`)."""
        return cls(cache_dir() / CACHE_FILE)

    # -- public -------------------------------------------------------------------------

    def get(self, article: Article) -> Analysis | None:
        """The stored analysis of `article`, or None (not stored, or the cache is unusable)."""
        if self.disabled_reason is None and not self.path.exists():
            return None  # nothing stored yet: creating the file can wait for the first `put`
        key = article_key(article)
        with self._connection() as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT payload FROM analyses WHERE key = ?", (key,)
            ).fetchone()
            if row is None:
                return None
            try:
                analysis = decode_analysis(article, row[0])
            except ValueError:
                connection.execute("DELETE FROM analyses WHERE key = ?", (key,))
                return None
            with contextlib.suppress(sqlite3.OperationalError):  # busy: the time can wait
                connection.execute("UPDATE analyses SET used = ? WHERE key = ?", (time.time(), key))
            return analysis

    def put(self, analysis: Analysis) -> None:
        """Store `analysis` for its article, then evict the least recently used beyond the bound."""
        self.put_payload(analysis.article, encode_analysis(analysis))

    def put_payload(self, article: Article, payload: bytes) -> None:
        """Store an analysis of `article` already encoded (`encode_analysis`), as the analysis
        process sends it: encoding thousands of quotes again would hold the interpreter lock
        for tens of milliseconds, just as the reader starts to use the whole analysis."""
        key = article_key(article)
        if len(payload) > self.max_bytes:
            return
        with self._connection() as connection:
            if connection is None:
                return
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute(
                    "INSERT OR REPLACE INTO analyses (key, payload, size, used)"
                    " VALUES (?, ?, ?, ?)",
                    (key, payload, len(payload), time.time()),
                )
                self._evict(connection)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def keys(self) -> list[str]:
        """Every stored key, least recently used first (for tests and maintenance)."""
        with self._connection() as connection:
            if connection is None:
                return []
            return [row[0] for row in connection.execute("SELECT key FROM analyses ORDER BY used")]
        return []

    # -- internals ----------------------------------------------------------------------

    def _evict(self, connection: sqlite3.Connection) -> None:
        total = connection.execute("SELECT COALESCE(SUM(size), 0) FROM analyses").fetchone()[0]
        if total <= self.max_bytes:
            return
        for key, size in connection.execute(
            "SELECT key, size FROM analyses ORDER BY used"
        ).fetchall():
            if total <= self.max_bytes:
                break
            connection.execute("DELETE FROM analyses WHERE key = ?", (key,))
            total -= size

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection | None]:
        """A fresh connection for one operation (any thread), or None when the cache is off.

        A damaged file is moved aside and rebuilt; a busy or unwritable one is bypassed.
        """
        if self.disabled_reason is not None:
            yield None
            return
        with self._lock:
            connection = self._open_or_rebuild()
            if connection is None:
                yield None
                return
            try:
                yield connection
            except sqlite3.DatabaseError as error:
                connection.close()
                self._give_up_or_rebuild(error)
            finally:
                connection.close()

    def _open_or_rebuild(self) -> sqlite3.Connection | None:
        for attempt in range(2):
            try:
                return self._open()
            except sqlite3.DatabaseError as error:
                self._give_up_or_rebuild(error)
                if attempt:
                    self.disabled_reason = f"cannot rebuild {self.path}: {error}"
            except OSError as error:
                self.disabled_reason = f"cannot use {self.path}: {error}"
            if self.disabled_reason is not None:
                return None
        return None  # pragma: no cover - the loop returns

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:  # a new file (creating twice at once is harmless)
                connection.executescript(SCHEMA)
                connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"schema version {version}, expected {SCHEMA_VERSION}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _give_up_or_rebuild(self, error: sqlite3.DatabaseError) -> None:
        """Busy or read-only: bypass for this run. Damaged: move it aside (next use rebuilds)."""
        message = str(error).lower()
        unavailable = ("locked", "busy", "readonly", "read-only", "unable to open")
        if isinstance(error, sqlite3.OperationalError) and any(
            word in message for word in unavailable
        ):
            self.disabled_reason = f"{self.path} is unavailable: {error}"
            return
        try:
            move_aside(self.path)
        except OSError as move_error:
            self.disabled_reason = f"{self.path} is damaged and cannot be moved: {move_error}"

