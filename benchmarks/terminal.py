"""Drive a program in a real terminal (tmux) and time what a person would see.

Every timing here is wall-clock from the moment we act (start the program, send a key) to the
moment `tmux capture-pane` shows the result, polled as fast as tmux answers (about every 2–5 ms).
The figures therefore include tmux's own overhead, equally for the program and for its anchor.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.cells import cell_len

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_ESCAPE = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")


@contextmanager
def tmux_server_held() -> Iterator[None]:
    """Keep tmux's server up for the whole benchmark, with an idle session of our own.

    Each run's session is killed once its screen is read; when that is the server's last
    session the server exits, and a run starting just then (ours, or another benchmark's on
    the same server) fails with "server exited unexpectedly".
    """
    name = f"bench-hold-{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "sleep 86400"], check=True)
    try:
        yield
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        raise SystemExit("these benchmarks need tmux on PATH")
    compile_sources()


def compile_sources() -> None:
    """Byte-compile the reader's modules, as an installed package is.

    Without this (say, with PYTHONDONTWRITEBYTECODE set, or a fresh checkout), every run would
    compile the package from source, a cost a user's installed reader never pays.
    """
    import compileall

    compileall.compile_dir(str(REPO / "reader"), quiet=1)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


class Pane:
    """One program running alone in a detached tmux session of a fixed size."""

    _count = 0

    def __init__(
        self,
        command: Sequence[str],
        *,
        width: int = 120,
        height: int = 40,
        env: dict[str, str] | None = None,
    ) -> None:
        Pane._count += 1
        self.name = f"bench-{os.getpid()}-{Pane._count}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        line = f"cd {shlex.quote(str(REPO))} && exec env {exports} {shlex.join(command)}"
        self.started = time.perf_counter()
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                str(height),
                line,
            ],
            check=True,
        )
        self.pid = int(_tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").split()[0])

    def capture(self, *, styles: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", self.name]
        if styles:
            args.append("-e")
        return _tmux(*args)

    def wait_for(
        self, condition: Callable[[str], bool], *, timeout: float = 60.0, styles: bool = False
    ) -> float:
        """Seconds from `self.started` until `condition(screen)` holds; raise on timeout."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if condition(self.capture(styles=styles)):
                return time.perf_counter() - self.started
        raise TimeoutError(f"screen never matched within {timeout} s:\n{self.capture()}")

    def settle(
        self, *, quiet: float = 0.3, timeout: float = 120.0, region: int | None = None
    ) -> None:
        """Wait until the screen (its left `region` cells) stays the same for `quiet` s."""
        last = self.region(region)
        still_since = time.perf_counter()
        deadline = still_since + timeout
        while time.perf_counter() < deadline:
            time.sleep(0.02)
            now = self.region(region)
            if now != last:
                last, still_since = now, time.perf_counter()
            elif time.perf_counter() - still_since >= quiet:
                return

    def region(self, cells: int | None) -> str:
        """The screen with styles, each row cut to its first `cells` cells (all, if None)."""
        screen = self.capture(styles=True)
        if cells is None:
            return screen
        return "\n".join(left_cells(row, cells) for row in screen.splitlines())

    def key_latency(self, key: str, *, region: int | None, timeout: float = 2.0) -> float | None:
        """Seconds from sending `key` until the region changes; None if it never did."""
        before = self.region(region)
        sent = time.perf_counter()
        _tmux("send-keys", "-t", self.name, key)
        deadline = sent + timeout
        while time.perf_counter() < deadline:
            if self.region(region) != before:
                return time.perf_counter() - sent
        return None

    def send(self, *keys: str) -> None:
        _tmux("send-keys", "-t", self.name, *keys)

    def peak_rss_mb(self) -> float | None:
        """The program's peak resident set (VmHWM) so far, in MB."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
        return int(match.group(1)) / 1024 if match else None

    def alive(self) -> bool:
        """Whether the program still runs (an exited one that tmux has not reaped yet, a
        zombie, has finished: its terminal is restored, its memory freed)."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return False
        return re.search(r"^State:\s+Z", status, re.M) is None

    def quit_time(self, key: str, *, timeout: float = 10.0) -> float | None:
        """Seconds from sending `key` until the program has exited; None if it did not."""
        sent = time.perf_counter()
        _tmux("send-keys", "-t", self.name, key)
        while time.perf_counter() - sent < timeout:
            if not self.alive():
                return time.perf_counter() - sent
            time.sleep(0.002)
        return None

    def close(self) -> None:
        _tmux("kill-session", "-t", self.name)


def left_cells(row: str, cells: int) -> str:
    """The first `cells` cells of a captured row, keeping its style escapes."""
    out: list[str] = []
    used = 0
    position = 0
    while position < len(row) and used < cells:
        match = _ESCAPE.match(row, position)
        if match:
            out.append(match.group())
            position = match.end()
            continue
        out.append(row[position])
        used += cell_len(row[position])
        position += 1
    return "".join(out)


def first_paint(command: Sequence[str], words: str, *, env: dict[str, str] | None = None) -> float:
    """Seconds from starting `command` until `words` are on screen."""
    pane = Pane(command, env=env)
    try:
        return pane.wait_for(lambda screen: words in " ".join(screen.split()))
    finally:
        pane.close()


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def minimal_app_command(text_file: Path) -> list[str]:
    """The anchor: a Textual app with one `Static` showing the text in `text_file`."""
    return [PYTHON, str(REPO / "benchmarks" / "minimal_app.py"), str(text_file)]


def reader_command(source: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "reader", *extra, str(source)]
