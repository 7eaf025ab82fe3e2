"""The analysis cache: an article analysed once opens with its entities and quotes at once.

One SQLite file (stdlib `sqlite3`, WAL journal, a busy timeout, one short transaction per
write) in the user cache directory (`store.dirs.cache_dir`: platformdirs, or
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
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from reader.codec import decode_analysis, encode_analysis
from reader.model import Analysis, Article
from reader.store.db import StoreUnavailable, move_aside, open_database
from reader.store.dirs import cache_dir

__all__ = ["AnalysisCache", "analyzer_fingerprint", "article_key"]

CACHE_FILE = "analyses.sqlite3"
#: Total bytes of stored analyses kept; the least recently used go first beyond it.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: Shorter than the library's: the cache is looked in before the article's first paint.
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


#: The language models installed by an extra (`reader.analyze.languages.MODELS`), named here
#: so that the fingerprint is worked out without importing the analyser.
OPTIONAL_MODELS = ("fr_core_news_sm",)


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
        for parts, stat in sorted(_python_files(folder)):  # sub-packages too (entities/)
            digest.update(f"{'/'.join(parts)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    for package in OPTIONAL_MODELS:  # a model installed since finds entities it could not
        digest.update(f"{package}:{importlib.util.find_spec(package) is not None};".encode())
    return digest.hexdigest()[:16]


def _python_files(
    folder: str, parts: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], os.stat_result]]:
    """Each `*.py` under `folder` (as `Path.rglob` finds them: symlinked folders are not
    entered), as its path's parts below `folder` and its stat; with `os.scandir`, a third
    of what `rglob` and `Path.stat` cost on the way to the first paint."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                yield (*parts, entry.name), entry.stat()
            if entry.is_dir() and not entry.is_symlink():
                yield from _python_files(entry.path, (*parts, entry.name))


def article_key(article: Article) -> str:
    """The cache key of `article`: its clean text and blocks, under this analyser."""
    digest = hashlib.sha256(analyzer_fingerprint().encode())
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    digest.update(
        ";".join(f"{block.kind}:{block.start}:{block.end}" for block in article.blocks).encode()
    )
    return digest.hexdigest()


class AnalysisCache:
    """Analyses stored by article; every method returns quietly when the cache is unusable."""

    def __init__(self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.disabled_reason: str | None = None
        self._lock = threading.Lock()
        self._checked = False  # SQLite's quick check has passed on this file in this run

    @classmethod
    def default(cls) -> AnalysisCache:
        """The user's cache file (see `cache_dir`); a cache that stores nothing, and says
        why, when that folder cannot be named."""
        try:
            return cls(cache_dir() / CACHE_FILE)
        except StoreUnavailable as error:
            cache = cls(Path(CACHE_FILE))
            cache.disabled_reason = f"The analysis cache is off: {error}"
            return cache

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
        """Open through `open_database`, as the library is: a damaged file is moved aside
        and rebuilt, a busy or unwritable one is bypassed for the run. The quick check runs
        on the first open only (every operation opens a connection of its own)."""
        try:
            connection = open_database(
                self.path,
                SCHEMA,
                version=SCHEMA_VERSION,
                busy_timeout=BUSY_TIMEOUT_SECONDS,
                quick_check=not self._checked,
            )
        except StoreUnavailable as error:
            self.disabled_reason = str(error)
            return None
        self._checked = True
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
