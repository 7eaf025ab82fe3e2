"""The analysis child ends when the reader that started it is killed (SIGKILL: no clean-up
runs in the parent), instead of running on with its model and parse."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: A parent that starts the real analysis child on a long article and prints its pid.
PARENT = textwrap.dedent(
    """
    import asyncio, os, sys
    from reader.analyze.worker import analyse_in_child
    from reader.model import Article

    article = Article.from_blocks(
        "x", [("paragraph", "Ann Lee said the council would meet again next week. " * 40)] * 400
    )

    async def main():
        real = asyncio.create_subprocess_exec

        async def spy(*args, **kwargs):
            child = await real(*args, **kwargs)
            print(child.pid, flush=True)
            return child

        asyncio.create_subprocess_exec = spy
        await analyse_in_child(article, progress=lambda fraction: None)

    asyncio.run(main())
    """
)


def gone(pid: int) -> bool:
    """Not running: no such process, or a zombie waiting for its new parent to reap it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


def test_the_child_exits_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    try:
        time.sleep(0.5)  # the child has started its work
        assert not gone(child)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 2.5
        while not gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert gone(child), "the analysis child outlived its parent"
    finally:
        if not gone(child):
            os.kill(child, signal.SIGKILL)
