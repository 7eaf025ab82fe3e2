"""The reader in a real terminal (a pseudo-terminal): it paints, and `q` ends the process; when
the Textual internals the quick-exit driver builds on are missing, Textual's own driver runs."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from support.tui_seed import SEED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")


def _read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the terminal closed: the program ended
                return wanted in seen
            if wanted in seen:
                return True
    return False


def _run_in_terminal(command: list[str], tmp_path: Path) -> tuple[int, float, bytes]:
    """Run `command` in a 120x40 pseudo-terminal until it paints the seed, press `q` while the
    analysis runs, and wait for it to end: its exit code, the seconds from `q` to the end,
    and all it wrote."""
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
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = bytearray()
    try:
        assert _read_until(master, b"South Korea offered", seen, 30), bytes(seen[-2000:])
        _read_until(master, b"analysing", seen, 10)  # quit while the analysis runs
        os.write(master, b"q")
        pressed = time.monotonic()
        while child.poll() is None and time.monotonic() - pressed < 10:
            _read_until(master, b"\0never", seen, 0.01)  # keep the terminal drained
        quit_seconds = time.monotonic() - pressed
        _read_until(master, b"\0never", seen, 0.2)  # what it wrote after the app closed
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    return child.wait(), quit_seconds, bytes(seen)


@pytest.mark.timing
def test_q_in_a_real_terminal_ends_the_reader_at_once(tmp_path: Path) -> None:
    returncode, quit_seconds, _ = _run_in_terminal(
        [sys.executable, "-m", "reader", str(SEED)], tmp_path
    )
    assert returncode == 0
    assert quit_seconds < 1.0  # the benchmark holds it to 200 ms; tests run on busy machines


#: The reader with the private parser module the quick-exit driver imports made unimportable
#: (as if a Textual release had moved it); Textual's own driver is loaded first, as it is.
_WITHOUT_PRIVATE_PARSER = """
import sys
import textual.drivers.linux_driver
sys.modules["textual._xterm_parser"] = None
from reader.load import load
from reader.tui.app import ReaderApp
from reader.tui.runtime.quick_exit_driver import quick_exit_driver
app = ReaderApp(load(sys.argv[1]))
app.run()
driver = app.driver_class
print(f"quick-exit: {quick_exit_driver()}; driver: {driver.__module__}.{driver.__name__}")
"""


def test_without_textuals_private_parser_the_stock_driver_runs_the_reader(
    tmp_path: Path,
) -> None:
    returncode, _, seen = _run_in_terminal(
        [sys.executable, "-c", _WITHOUT_PRIVATE_PARSER, str(SEED)], tmp_path
    )
    assert returncode == 0, seen[-2000:]
    assert b"quick-exit: None; driver: textual.drivers.linux_driver.LinuxDriver" in seen


def test_with_textuals_internals_the_quick_exit_driver_is_used() -> None:
    from textual.drivers.linux_driver import LinuxDriver

    from reader.tui.app import _quick_exit_driver

    driver = _quick_exit_driver()
    assert driver is not None and driver.__name__ == "QuickExitDriver"
    assert issubclass(driver, LinuxDriver) and driver is not LinuxDriver


_ESCAPE_WAIT = """
from textual import constants
from reader.tui.runtime.quick_exit_driver import quick_exit_driver
assert quick_exit_driver() is not None
print(constants.ESCAPE_DELAY)
"""


@pytest.mark.parametrize(("escdelay", "seconds"), [(None, 0.025), ("80", 0.08)])
def test_escape_waits_25_ms_for_a_sequence_unless_escdelay_says(
    escdelay: str | None, seconds: float
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ESCDELAY"}
    if escdelay is not None:
        env["ESCDELAY"] = escdelay
    result = subprocess.run(
        [sys.executable, "-c", _ESCAPE_WAIT], capture_output=True, text=True, env=env, check=True
    )
    assert float(result.stdout) == seconds


def test_the_input_thread_wakes_when_an_escape_wait_is_over() -> None:
    from reader.tui.runtime.quick_exit_driver import POLL_SECONDS, poll_timeout

    assert poll_timeout(None, 5.0) == POLL_SECONDS  # nothing pending: Textual's poll
    assert poll_timeout(5.02, 5.0) == pytest.approx(0.02)  # a lone ESC: its wait's end
    assert poll_timeout(4.9, 5.0) == 0.0  # already over: report it now
    assert poll_timeout(9.0, 5.0) == POLL_SECONDS
