"""The shared SQLite opener survives damaged and busy databases and loses nothing it kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store.db import StoreUnavailable, open_database, transaction

SCHEMA = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"


def add_note(connection: sqlite3.Connection, body: str) -> None:
    with transaction(connection):
        connection.execute("INSERT INTO notes (body) VALUES (?)", (body,))


def notes(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT body FROM notes ORDER BY id")]


def test_creates_the_schema_in_wal_mode(tmp_path: Path) -> None:
    connection = open_database(tmp_path / "sub" / "store.db", SCHEMA, version=3)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 3
    add_note(connection, "kept")
    connection.close()
    again = open_database(tmp_path / "sub" / "store.db", SCHEMA, version=3)
    assert notes(again) == ["kept"]


def test_a_file_that_is_not_a_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"this is not a database at all" * 100)
    connection = open_database(path, SCHEMA)
    assert notes(connection) == []
    add_note(connection, "fresh")
    kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"this is not a database")


def test_a_truncated_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    connection = open_database(path, SCHEMA)
    for index in range(500):
        add_note(connection, f"note {index} " + "x" * 200)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    rebuilt = open_database(path, SCHEMA)
    add_note(rebuilt, "after")
    assert notes(rebuilt) == ["after"]
    assert any(".corrupt-" in p.name for p in tmp_path.iterdir())


def test_an_unknown_schema_version_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_database(path, SCHEMA, version=1).close()
    connection = open_database(path, SCHEMA + "; CREATE TABLE extra (x)", version=2)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_locked_database_is_reported_not_waited_on_forever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.store.db as db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 0.1)
    path = tmp_path / "store.db"
    first = open_database(path, SCHEMA)
    second = open_database(path, SCHEMA)
    first.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreUnavailable):
        add_note(second, "blocked")
    first.execute("ROLLBACK")
    add_note(second, "later")
    assert notes(first) == ["later"]


def test_a_failed_write_keeps_earlier_records(tmp_path: Path) -> None:
    connection = open_database(tmp_path / "store.db", SCHEMA)
    add_note(connection, "first")
    with pytest.raises(sqlite3.IntegrityError), transaction(connection):
        connection.execute("INSERT INTO notes (body) VALUES (?)", ("second",))
        connection.execute("INSERT INTO notes (body) VALUES (NULL)")
    assert notes(connection) == ["first"]
