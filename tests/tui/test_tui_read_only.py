"""The reader with a data folder it may not write: it opens the article, says in one line
that history and places won't be kept, and keeps nothing.

Root ignores file modes, and the suite may run as root, so the reader runs (the real app,
driven by Pilot, as `reader FILE` starts it: `Launch.prepare`, then `Launch.app`) in a
forked child that has given up root for the `nobody` user; without root or without that
user the test is skipped and says why.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.tui_seed import frozen_seed, screen_text

from reader.store.library import Library

SIZE = (120, 40)


def nobody() -> int:
    import pwd

    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        pytest.skip("no 'nobody' user to run the reader as")


@pytest.fixture
def data() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("needs root to run the reader as another user (setuid)")
    base = Path(tempfile.mkdtemp(prefix="reader-ro-"))
    base.chmod(0o755)
    yield base / "data"
    for item in base.rglob("*"):
        item.chmod(0o755)
    shutil.rmtree(base)


async def read_the_seed() -> dict[str, Any]:
    """Start the reader on the seed as `reader FILE` does, read a little, quit."""
    from reader.tui.launch import Launch

    seed = frozen_seed()
    launch = Launch.prepare()
    app = launch.app(article=seed.article, analysis=seed)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "space")
        await pilot.pause()
        shown = screen_text(app)
        notes = [notification.message for notification in app._notifications]
        await pilot.press("q")
    return {"screen": shown, "notes": notes, "launch": launch.notices}


def run_as_nobody(data: Path) -> dict[str, Any]:
    """`read_the_seed` in a forked child that has become `nobody` (the interpreter is already
    loaded: `nobody` may not be allowed to start this one); what it saw, or how it failed."""
    uid = nobody()
    asyncio.run(read_the_seed())  # as root, in the test's own folders: every module is read
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        outcome: dict[str, Any] = {"crashed": "no outcome"}
        try:
            os.close(read)
            os.setgid(uid)
            os.setuid(uid)
            os.environ["READER_DATA_DIR"] = str(data)
            os.environ["READER_CONFIG_DIR"] = str(data / "config")
            os.environ["READER_CACHE_DIR"] = str(data / "cache")
            outcome = asyncio.run(read_the_seed())
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            outcome = {"crashed": f"{type(error).__name__}: {error}"}
        finally:
            os.write(write, json.dumps(outcome).encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        outcome = json.loads(pipe.read().decode())
    os.waitpid(pid, 0)
    return outcome


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("library", ["none yet", "one kept before"])
def test_a_read_only_data_folder_opens_the_article_says_so_once_and_keeps_nothing(
    data: Path, library: str
) -> None:
    data.mkdir()
    if library == "one kept before":
        kept = Library.open(data / "library.sqlite3")
        kept.close()
    for item in [*data.rglob("*")]:
        item.chmod(0o444)
    data.chmod(0o555)
    before = files_in(data)
    outcome = run_as_nobody(data)
    assert "crashed" not in outcome, outcome["crashed"]
    seed = frozen_seed().article
    first = seed.block_text(seed.blocks[0])[:30]
    assert first in outcome["screen"] or seed.title in outcome["screen"]
    told = [note for note in outcome["notes"] if "not kept" in note]
    assert len(told) == 1, outcome["notes"]  # one line, not one per keystroke
    assert "History" in told[0] and "\n" not in told[0]
    assert files_in(data) == before  # nothing written, nothing moved aside
