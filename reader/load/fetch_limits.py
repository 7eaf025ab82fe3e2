"""The bounds of one fetch: a deadline for the whole of it, and a body cap that counts
decoded bytes (see `reader.load.fetch`)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from typing import Any

from reader.errors import LoadError
from reader.load.fetch_errors import WHAT_TO_DO, deadline_error, show, too_large

#: Bytes read from the socket at a time.
CHUNK = 64 * 1024


class Watchdog:
    """Enforces the total deadline: past it, every socket the fetch opened is shut down.

    httpx bounds each operation (connect, one read) but not their sum. The sockets are
    collected through httpcore's trace hook; shutting one down wakes a blocked `recv` at
    once, and `fired` tells the fetch that the deadline, not the server, ended it.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._started = time.monotonic()

    def __enter__(self) -> Watchdog:
        self._started = time.monotonic()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shutdown(sock)

    def check(self, url: str) -> None:
        if self.fired or time.monotonic() - self._started > self.seconds:
            self.fired = True
            raise deadline_error(url, self.seconds)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def read_body(response: Any, url: str, watchdog: Watchdog, max_bytes: int) -> bytes:
    """The body, decompressed here so the cap counts decoded bytes (see the docstring)."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder = BodyDecoder(encoding, url)
    length = response.headers.get("content-length", "")
    if encoding == "identity" and length.isdigit() and int(length) > max_bytes:
        raise too_large(url, max_bytes)
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw(CHUNK):
        watchdog.check(url)
        for piece in decoder.feed(chunk, max_bytes - size + 1):
            size += len(piece)
            if size > max_bytes:
                raise too_large(url, max_bytes)
            parts.append(piece)
    return b"".join(parts)


class BodyDecoder:
    """Content-Encoding undone chunk by chunk, never inflating more than asked for."""

    def __init__(self, encoding: str, url: str) -> None:
        self.encoding = encoding
        self._zlib: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = None  # zlib-wrapped or raw: decided by the first bytes
        elif encoding not in ("identity", ""):
            raise LoadError(
                f"{show(url)} came compressed as {show(encoding)}, which the reader does "
                f"not unpack; {WHAT_TO_DO}."
            )

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        if self.encoding in ("identity", ""):
            yield chunk
            return
        if self._zlib is None:
            # RFC 1950 header: compression method 8 and a check value divisible by 31.
            wrapped = len(chunk) >= 2 and chunk[0] & 0x0F == 8
            raw = not (wrapped and (chunk[0] << 8 | chunk[1]) % 31 == 0)
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        data = chunk
        while data and room > 0:
            piece = self._zlib.decompress(data, room)
            room -= len(piece)
            yield piece
            data = self._zlib.unconsumed_tail
            if self._zlib.eof:
                return
