"""Open the reader's SQLite databases so that a damaged or busy file never stops the reader.

Every database (the library and the analysis cache) is opened through `open_database`: WAL
journal, a busy timeout, and a schema version in `PRAGMA user_version`. A database of an
older version is upgraded in place, in one transaction, by the `migrations` its owner gives
(the statements that take version N to N + 1), so its rows are kept; an upgrade that fails
leaves the file as it was and the store unavailable. A file that is not a database, fails
SQLite's quick check, or carries an unknown schema version (newer, or older with no path up)
is moved aside (kept next to the original with a `.corrupt-<time>` suffix, so nothing is
destroyed) and a fresh database is created. A database that stays locked longer than the
timeout raises `StoreUnavailable`; callers then work without it for this run.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from reader.sanitize import clean_name

BUSY_TIMEOUT_SECONDS = 2.0


class StoreUnavailable(Exception):
    """The database cannot be used right now (locked, unwritable); carry on without it.

    The message names a path, so it is cleaned as it is made (`sanitize.clean_name`)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(clean_name(arg) if isinstance(arg, str) else arg for arg in args))


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL companions) to `<name>.corrupt-<time>`, keeping
    it for inspection; the next open creates a fresh one."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}.{counter}")
        counter += 1
    if path.exists():
        path.replace(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


def _is_locked(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _connect(
    path: Path,
    schema: str,
    version: int,
    busy_timeout: float,
    quick_check: bool,
    migrations: Mapping[int, str],
) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        if quick_check and connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick check failed")
        found = connection.execute("PRAGMA user_version").fetchone()[0]
        if found == 0:
            with transaction(connection):
                for statement in _statements(schema):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version={int(version)}")
        elif 0 < found < version and all(step in migrations for step in range(found, version)):
            try:
                with transaction(connection):
                    for step in range(found, version):
                        for statement in _statements(migrations[step]):
                            connection.execute(statement)
                    connection.execute(f"PRAGMA user_version={int(version)}")
            except sqlite3.Error as error:
                # Not moved aside: the rows are intact, only the upgrade failed.
                raise StoreUnavailable(
                    f"cannot upgrade {path} from version {found}: {error}"
                ) from error
        elif found != version:
            raise sqlite3.DatabaseError(f"schema version {found}, expected {version}")
    except BaseException:
        connection.close()
        raise
    return connection


def _statements(schema: str) -> list[str]:
    return [part.strip() for part in schema.split(";") if part.strip()]


def open_database(
    path: Path,
    schema: str,
    *,
    version: int = 1,
    busy_timeout: float | None = None,
    quick_check: bool = True,
    migrations: Mapping[int, str] | None = None,
) -> sqlite3.Connection:
    """Open or create the database at `path` with `schema` (statements separated by `;`).

    `migrations[n]` holds the statements that upgrade a database of version n to n + 1.

    `busy_timeout` defaults to `BUSY_TIMEOUT_SECONDS`. `quick_check=False` skips SQLite's
    quick check, for a caller that opens the same file again and again and has checked it
    on its first open (the analysis cache).
    """
    timeout = BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"cannot create {path.parent}: {error.strerror}") from error
    for attempt in range(2):
        try:
            return _connect(path, schema, version, timeout, quick_check, migrations or {})
        except sqlite3.OperationalError as error:
            if _is_locked(error):
                raise StoreUnavailable(f"{path} is busy in another reader") from error
            # Permissions, a read-only folder or disk, a missing folder: the file may be
            # perfectly sound, so it is reported and left alone. Only damage (below, a
            # DatabaseError that is not an OperationalError) moves a file aside.
            raise StoreUnavailable(
                f"cannot open {path} ({error}); the file is left as it is"
            ) from error
        except sqlite3.DatabaseError as error:
            if attempt or not path.exists():
                raise StoreUnavailable(f"cannot open {path}: {error}") from error
            move_aside(path)
    raise StoreUnavailable(f"cannot open {path}")  # pragma: no cover - loop always returns


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A short write transaction: BEGIN IMMEDIATE, COMMIT, or ROLLBACK on any error."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if _is_locked(error):
            raise StoreUnavailable("the database is busy in another reader") from error
        raise
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
