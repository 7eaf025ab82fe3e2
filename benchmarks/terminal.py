"""Drive a program in a real terminal (tmux) and time what a person would see.

Every timing here is wall-clock from the moment we act (start the program, send a key) to the
moment `tmux capture-pane` shows the result. The figures include tmux's own overhead, equally
for the program and for its anchor.

Inside `tmux_server_held()`, commands go to tmux through one client in control mode
(`tmux -C`): a capture is a line written down a pipe, about 0.1 ms, and screens are polled
every millisecond. Outside it (or with `probe="spawn"`), each command starts a `tmux` process,
2-3 ms of CPU each: polled back to back, that alone kept one of two cores busy, and the
program timed waited for the CPU behind its own stopwatch.
"""

from __future__ import annotations

import contextlib
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


POLL_SECONDS = 0.001  # between two captures while waiting for a screen to change


class ControlClient:
    """One tmux client in control mode: each command is a line on its stdin, and its answer
    comes back between `%begin` and `%end` lines, with no process started per command."""

    def __init__(self, session: str) -> None:
        self.process = subprocess.Popen(
            ["tmux", "-C", "attach-session", "-t", session],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin = self.process.stdin
        self.stdout = self.process.stdout
        self.count = 0

    def run(self, *args: str) -> str:
        """The output of the tmux command `args` (its error message, if it failed)."""
        # Each command is followed by a marker: attaching answers with a block of its own,
        # sooner or later, and the command's answer is the last block before the marker.
        self.count += 1
        marker = f"marker-{self.count}"
        self.stdin.write(f"{shlex.join(args)}\ndisplay-message -p {marker}\n".encode())
        self.stdin.flush()
        answer = ""
        while True:
            block = self._answer()
            if block == marker + "\n":
                return answer
            answer = block

    def _answer(self) -> str:
        """The next block of command output."""
        number: bytes | None = None
        output: list[bytes] = []
        while True:
            line = self.stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client exited")
            if number is None:
                if line.startswith(b"%begin "):
                    number = line.split()[2]
                continue  # a notification (%session-changed, %output, ...)
            if line.startswith((b"%end ", b"%error ")) and line.split()[2] == number:
                return b"".join(output).decode("utf-8", "replace")
            output.append(line)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.stdin.close()
        self.process.wait(timeout=5)


_control: ControlClient | None = None


@contextmanager
def tmux_server_held(*, probe: str = "control") -> Iterator[None]:
    """Keep tmux's server up for the whole benchmark, with an idle session of our own, and
    (`probe="control"`) send every command through one control-mode client attached to it.

    Each run's session is killed once its screen is read; when that is the server's last
    session the server exits, and a run starting just then (ours, or another benchmark's on
    the same server) fails with "server exited unexpectedly".
    """
    global _control
    name = f"bench-hold-{os.getpid()}"
    for _attempt in range(20):
        # A server on its way out (another benchmark's last session was just killed) may
        # still take the session, then exit under it: made again until it holds.
        new_session("-d", "-s", name, "sleep 86400")
        try:
            if probe == "control":
                _control = ControlClient(name)
                _control.run("has-session", "-t", name)
            elif subprocess.run(["tmux", "has-session", "-t", name]).returncode != 0:
                raise RuntimeError("the session went with its server")
            break
        except (RuntimeError, OSError):
            if _control is not None:
                _control.process.kill()
                _control = None
            subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)
            time.sleep(0.1)
    else:
        raise SystemExit("tmux's server would not keep a session; is another tmux exiting?")
    try:
        yield
    finally:
        if _control is not None:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                _control.close()
            _control = None
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)
        _wait_for_server_exit()


def _wait_for_server_exit(timeout: float = 2.0) -> None:
    """Return once tmux's server has exited, or holds other sessions (it stays then)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        result = subprocess.run(["tmux", "list-sessions"], capture_output=True, text=True)
        if (result.returncode == 0 and result.stdout.strip()) or "no server" in result.stderr:
            return
        time.sleep(0.02)


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        raise SystemExit("these benchmarks need tmux on PATH")
    compile_sources()


def compile_sources(root: Path = REPO) -> None:
    """Byte-compile the reader's modules (of the tree at `root`), as an installed package is.

    Without this (say, with PYTHONDONTWRITEBYTECODE set, or a fresh checkout), every run would
    compile the package from source, a cost a user's installed reader never pays.
    """
    import compileall

    compileall.compile_dir(str(root / "reader"), quiet=1)


def new_session(*args: str) -> None:
    """`tmux new-session ARGS`, again if it met a server on its way out (the last session of
    a benchmark that just ended was killed, and its server was exiting)."""
    for _attempt in range(10):
        result = subprocess.run(["tmux", "new-session", *args], capture_output=True, text=True)
        if result.returncode == 0:
            return
        if "server exited unexpectedly" not in result.stderr:
            break
        time.sleep(0.1)
    raise subprocess.CalledProcessError(result.returncode, result.args, stderr=result.stderr)


def _tmux(*args: str) -> str:
    if _control is not None:
        return _control.run(*args)
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _poll_pause() -> None:
    """Between two captures: none with a process per capture (it takes milliseconds itself)."""
    if _control is not None:
        time.sleep(POLL_SECONDS)


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
        cwd: Path = REPO,
    ) -> None:
        Pane._count += 1
        self.name = f"bench-{os.getpid()}-{Pane._count}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        line = f"cd {shlex.quote(str(cwd))} && exec env {exports} {shlex.join(command)}"
        self.started = time.perf_counter()
        new_session("-d", "-s", self.name, "-x", str(width), "-y", str(height), line)
        self.pid = int(_tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").split()[0])
        self._last_screen: str | None = None
        self._last_region = ""

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
            _poll_pause()
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
        if screen != self._last_screen:  # cutting 40 rows takes a millisecond or two
            self._last_screen = screen
            self._last_region = "\n".join(left_cells(row, cells) for row in screen.splitlines())
        return self._last_region

    def key_latency(self, key: str, *, region: int | None, timeout: float = 2.0) -> float | None:
        """Seconds from sending `key` until the region changes; None if it never did."""
        before = self.region(region)
        sent = time.perf_counter()
        _tmux("send-keys", "-t", self.name, key)
        deadline = sent + timeout
        while time.perf_counter() < deadline:
            if self.region(region) != before:
                return time.perf_counter() - sent
            _poll_pause()
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


def first_paint(
    command: Sequence[str], words: str, *, env: dict[str, str] | None = None, cwd: Path = REPO
) -> float:
    """Seconds from starting `command` (in the directory `cwd`) until `words` are on screen."""
    pane = Pane(command, env=env, cwd=cwd)
    try:
        return pane.wait_for(lambda screen: words in " ".join(screen.split()))
    finally:
        pane.close()


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def minimal_app_command(text_file: Path, *, keys: bool = False) -> list[str]:
    """The anchor: a Textual app with one `Static` showing the text in `text_file` (with
    `keys`, repeated in a `VerticalScroll` that `j` and `k` scroll)."""
    flag = ["--keys"] if keys else []
    return [PYTHON, str(REPO / "benchmarks" / "minimal_app.py"), *flag, str(text_file)]


def reader_command(source: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "reader", *extra, str(source)]
