"""`reader URL` as another feed reader's browser (newsboat: `browser "reader %u"`).

newsboat runs the browser through the shell in its own terminal and takes the terminal back
once it exits. Here a shell in a real pseudo-terminal runs `reader URL` (a page served on
127.0.0.1), `q` is pressed, and the shell, the caller, goes on: the exit status is 0, the
alternate screen was left and the terminal is back in its cooked mode (echo, canonical).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shlex
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from support.feed_server import Resource, feed_server

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "voa-korea-olympics-talks.txt"


def _read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                return wanted in seen
            if wanted in seen:
                return True
    return False


def test_reader_url_returns_to_its_caller_on_q_with_the_terminal_restored(
    tmp_path: Path,
) -> None:
    with feed_server() as server:
        server.routes["/story"] = Resource(SEED.read_bytes(), "text/plain; charset=utf-8")
        reader = shlex.join([sys.executable, "-m", "reader", server.url("/story")])
        script = f'{reader}; echo "caller got $?"; stty -a'
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "READER_DATA_DIR": str(tmp_path / "data"),
            "READER_CONFIG_DIR": str(tmp_path / "config"),
            "READER_CACHE_DIR": str(tmp_path / "cache"),
        }
        shell = subprocess.Popen(
            ["sh", "-c", script],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        seen = bytearray()
        try:
            assert _read_until(master, b"South Korea offered", seen, 60), bytes(seen[-2000:])
            os.write(master, b"q")
            assert _read_until(master, b"caller got 0", seen, 20), bytes(seen[-2000:])
            _read_until(master, b"\0never", seen, 1.0)  # stty's report
        finally:
            if shell.poll() is None:
                shell.kill()
            os.close(master)
        assert shell.wait(timeout=10) == 0
    after = bytes(seen[seen.index(b"caller got 0") - 200 :])
    assert b"\x1b[?1049l" in bytes(seen)  # the alternate screen was left
    report = after.split(b"caller got 0", 1)[1]
    assert b" icanon" in report and b" echo" in report  # cooked mode, as the caller left it
    assert b"-icanon" not in report and b" -echo " not in report


def test_reader_feeds_on_its_own_opens_the_feeds_screen(tmp_path: Path) -> None:
    from reader.feeds.parse import FeedItem, ParsedFeed
    from reader.feeds.store import FeedStore

    store = FeedStore.open(tmp_path / "data" / "library.sqlite3")
    feed, _ = store.add("https://wire.example/feed.xml", "Harbour Wire")
    parsed = ParsedFeed("Harbour Wire", None, [FeedItem("1", "Ferry strike ends", None)], 1)
    store.store_fetch(feed.id, parsed, etag=None, last_modified=None)
    store.close()
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_CONFIG_DIR": str(tmp_path / "config"),
        "READER_CACHE_DIR": str(tmp_path / "cache"),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "feeds"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    seen = bytearray()
    try:
        assert _read_until(master, b"Ferry strike ends", seen, 60), bytes(seen[-2000:])
        assert b"Harbour Wire" in seen
        os.write(master, b"q")
        deadline = time.monotonic() + 20
        while child.poll() is None and time.monotonic() < deadline:
            _read_until(master, b"\0never", seen, 0.05)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    assert child.wait(timeout=10) == 0
