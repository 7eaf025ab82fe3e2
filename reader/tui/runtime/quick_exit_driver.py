"""Textual's Linux driver, with an input thread that ends as soon as input is disabled.

Textual's input thread waits for the terminal in 100 ms polls and, once told to stop, waits
100 ms more for stray input; the app joins it before it restores the terminal, so quitting
took a fifth of a second before anything else happened. Here the thread also watches a pipe
that `disable_input` writes to: it wakes and ends at once.

The `escape` key is a lone ESC byte, which is also how an arrow key's sequence (ESC [ A)
begins, so the parser waits `ESCDELAY` for more before it reports the key. Textual waits
100 ms, and only notices the wait is over at its next 100 ms poll: `escape` (out of a filter,
back a step) came 100-200 ms late, two to four times the key bar. Here the wait is
`ESCAPE_DELAY_MS` (25 ms, what ncurses programs are usually given: a key's bytes come in one
write, from a local terminal or over SSH), and the thread wakes when it is over. `ESCDELAY`
in the environment still wins, as it does for Textual and ncurses. Everything else is
Textual's.

It builds on Textual's private parser modules, so it is optional: `quick_exit_driver()` gives
None (the app then uses Textual's own driver) when they are not there as expected, and the
module itself imports them only inside that function.
"""

from __future__ import annotations

import contextlib
import functools
import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.driver import Driver

#: How long a lone ESC waits for the rest of a sequence before it is the `escape` key, in ms.
ESCAPE_DELAY_MS = 25
#: The input thread's poll while nothing is pending, in seconds (Textual's).
POLL_SECONDS = 0.1


@functools.cache
def quick_exit_driver() -> type[Driver] | None:
    """`QuickExitDriver`, or None when Textual's internals differ from those it was written
    for (a private module or name moved): the stock driver is used then."""
    try:
        from textual import constants
        from textual._parser import ParseError
        from textual._time import get_time
        from textual._xterm_parser import XTermParser
        from textual.drivers.linux_driver import LinuxDriver

        for name in ("run_input_thread", "disable_input", "close", "process_message"):
            if not callable(getattr(LinuxDriver, name, None)):
                return None
        if not hasattr(XTermParser(False), "_timeout_time"):
            return None
        if "ESCDELAY" not in os.environ:
            constants.ESCAPE_DELAY = ESCAPE_DELAY_MS / 1000  # type: ignore[misc]
        return _make_driver(LinuxDriver, XTermParser, ParseError, get_time)
    except Exception:  # any failure to build it leaves Textual's own driver in charge
        return None


def poll_timeout(due: float | None, now: float) -> float:
    """How long the input thread may wait for the terminal: until a pending escape wait is
    over (`due`, on the parser's clock), else one ordinary poll."""
    if due is None:
        return POLL_SECONDS
    return min(POLL_SECONDS, max(0.0, due - now))


def _make_driver(
    linux_driver: Any, xterm_parser: Any, parse_error: Any, get_time: Callable[[], float]
) -> type[Driver]:
    """The driver class, built on the Textual classes handed in."""

    class QuickExitDriver(linux_driver):
        """`LinuxDriver` whose input thread a pipe wakes when input is disabled."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._wake_read, self._wake_write = os.pipe()
            os.set_blocking(self._wake_read, False)
            os.set_blocking(self._wake_write, False)

        def disable_input(self) -> None:
            if not self.exit_event.is_set() and self._wake_write >= 0:
                with contextlib.suppress(OSError):  # a full pipe is already a wake-up
                    os.write(self._wake_write, b"!")
            super().disable_input()

        def close(self) -> None:
            super().close()
            for fd in (self._wake_read, self._wake_write):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._wake_read = self._wake_write = -1  # a closed number may be reused: never again

        def _drain_wake_pipe(self) -> None:
            with contextlib.suppress(OSError):
                while os.read(self._wake_read, 64):
                    pass

        def run_input_thread(self) -> None:
            """Read the terminal and post its events until input is disabled (Textual 8's loop,
            with the wake-up pipe, and woken when an escape wait is over)."""
            self._drain_wake_pipe()  # a wake-up left from an earlier stop (suspend, resume)
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ, "terminal")
            selector.register(self._wake_read, selectors.EVENT_READ, "wake")
            parser = xterm_parser(self._debug)
            decode = getincrementaldecoder("utf-8")().decode
            try:
                while not self.exit_event.is_set():
                    timeout = poll_timeout(parser._timeout_time, get_time())
                    ready = selector.select(timeout)
                    if any(key.data == "wake" for key, _ in ready):
                        break
                    if ready:
                        data = decode(os.read(self.fileno, 1024 * 4))
                        if not data:
                            break  # the input is a pipe, and it closed
                        for event in parser.feed(data):
                            self.process_message(event)
                    for event in parser.tick():
                        self.process_message(event)
            finally:
                selector.close()
                with contextlib.suppress(EOFError, parse_error):
                    for _event in parser.feed(""):
                        pass

    return QuickExitDriver
