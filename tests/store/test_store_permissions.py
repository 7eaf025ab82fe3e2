"""A library that cannot be read or written for its permissions (a read-only data folder,
an unreadable database) is reported and left alone, never moved aside as if damaged.

Root ignores file modes, and the suite may run as root, so each check runs in a forked
child that has given up root for the `nobody` user (`os.setuid`); without root (nothing to
give up) or without a `nobody` user, the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store.db import StoreUnavailable
from reader.store.library import Library


def nobody() -> int:
    import pwd

    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        pytest.skip("no 'nobody' user to run the check as")


@pytest.fixture
def folder() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("needs root to run the check as another user (setuid)")
    path = Path(tempfile.mkdtemp(prefix="reader-perm-"))
    path.chmod(0o755)
    yield path
    for item in [path, *path.iterdir()]:
        item.chmod(0o755)
    shutil.rmtree(path)


def run_as_nobody(database: Path) -> str:
    """Open the library in a forked child that has become `nobody` (the interpreter is
    already loaded: `nobody` may not be allowed to start this one), and say what happened."""
    uid = nobody()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        outcome = "crashed"
        try:
            os.close(read)
            os.setgid(uid)
            os.setuid(uid)
            try:
                Library.open(database).history()
            except StoreUnavailable as error:
                outcome = f"unavailable: {error}"
            else:
                outcome = "opened"
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            outcome = f"crashed: {type(error).__name__}: {error}"
        finally:
            os.write(write, outcome.encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        outcome = pipe.read().decode()
    os.waitpid(pid, 0)
    return outcome


def make_library(folder: Path) -> Path:
    database = folder / "library.sqlite3"
    library = Library.open(database)
    library.close()
    for item in folder.iterdir():
        item.chmod(0o644)
    return database


def test_an_unreadable_library_is_reported_and_left_alone(folder: Path) -> None:
    database = make_library(folder)
    database.chmod(0o000)
    before = sorted(item.name for item in folder.iterdir())
    outcome = run_as_nobody(database)
    assert outcome.startswith("unavailable:") and "left as it is" in outcome, outcome
    assert sorted(item.name for item in folder.iterdir()) == before  # nothing moved aside


def test_a_read_only_data_folder_is_reported_and_left_alone(folder: Path) -> None:
    database = make_library(folder)
    for item in folder.iterdir():
        item.chmod(0o444)
    folder.chmod(0o555)
    before = sorted(item.name for item in folder.iterdir())
    outcome = run_as_nobody(database)
    assert outcome.startswith(("unavailable:", "opened")), outcome
    assert sorted(item.name for item in folder.iterdir()) == before
