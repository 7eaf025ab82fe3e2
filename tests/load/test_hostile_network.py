"""Adversarial servers on 127.0.0.1 against `reader.load.fetch`, beyond `test_load_fetch.py`:
bombs in other wrappings, endless bodies and headers, lying lengths, escapes in what the
server says. Each must end in one clean sentence (a LoadError), quickly, within the caps."""

from __future__ import annotations

import gzip
import importlib
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from support.hostile_helpers import FORBIDDEN

from reader.errors import LoadError
from reader.load import load_url

PAGE = (
    b"<html><head><title>Harbour wall vote</title></head><body><article><p>The council voted "
    b"on Tuesday to rebuild the old harbour wall before the winter storms arrive.</p><p>"
    b"Engineers said the work would take three months.</p></article></body></html>"
)
CAP = 1 << 20  # the size cap the tests give the fetch


def deflate_bomb(size: int) -> bytes:
    return zlib.compress(b" " * size, 9)


def gzip_bomb(size: int) -> bytes:
    return gzip.compress(b" " * size, 9)


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # stdlib name
        pass

    def do_GET(self) -> None:  # stdlib name
        route = ROUTES.get(self.path)
        with suppress(BrokenPipeError, ConnectionResetError):
            if route is None:
                self.reply(404, b"", "text/html")
            else:
                route(self)

    def reply(
        self, status: int, body: bytes, kind: str | None, reason: str | None = None, **headers: str
    ) -> None:
        self.send_response(status, reason)
        if kind:
            self.send_header("Content-Type", kind)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def endless_chunks(handler: Hostile) -> None:
    """A chunked body that never ends, sent as fast as the client reads."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"<p>" + b"word " * 2000 + b"</p>"
    for _ in range(10_000):
        handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")


def endless_headers(handler: Hostile) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for number in range(1_000_000):
        handler.wfile.write(f"X-Padding-{number}: {'a' * 100}\r\n".encode())


def lying_length(handler: Hostile) -> None:
    handler.reply(200, PAGE, "text/html", Content_Length=str(len(PAGE) * 10))
    handler.wfile.flush()
    handler.close_connection = True


ROUTES: dict[str, Callable[[Hostile], None]] = {
    "/deflate-bomb": lambda h: h.reply(
        200,
        h.server.deflate,
        "text/html",  # type: ignore[attr-defined]
        Content_Encoding="deflate",
    ),
    "/double-gzip": lambda h: h.reply(
        200,
        gzip.compress(h.server.inner),
        "text/html",  # type: ignore[attr-defined]
        Content_Encoding="gzip",
    ),
    "/endless-chunks": endless_chunks,
    "/endless-headers": endless_headers,
    "/lying-length": lying_length,
    "/escape-reason": lambda h: h.reply(
        403, b"", "text/html", reason="Forbidden \x1b]0;pwned\x07\x1b[2J"
    ),
    "/escape-location": lambda h: h.reply(
        302, b"", "text/html", Location="ftp\x1b]52;c;cHduZWQ=\x07://x/"
    ),
    "/escape-type": lambda h: h.reply(200, b"x", "application/\x1b[31mevil\x1b]0;t\x07"),
    "/javascript": lambda h: h.reply(302, b"", "text/html", Location="javascript:alert(1)"),
    "/data": lambda h: h.reply(302, b"", "text/html", Location="data:text/html,<p>hi</p>"),
    "/escape-page": lambda h: h.reply(
        200,
        PAGE.replace(b"harbour", b"\x1b]52;c;eA==\x07harbour"),
        "text/html; charset=\x1b[2Jutf-8",
    ),
}


@contextmanager
def hostile_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    server.deflate = deflate_bomb(64 * CAP)  # type: ignore[attr-defined]
    server.inner = gzip_bomb(8 * CAP)  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with hostile_server() as url:
        yield url


def refused(url: str, **limits: float) -> str:
    started = time.monotonic()
    with pytest.raises(LoadError) as caught:
        load_url(url, max_bytes=CAP, deadline=limits.get("deadline", 5), read_timeout=2)
    assert time.monotonic() - started < limits.get("within", 6)
    message = str(caught.value)
    assert FORBIDDEN.search(message) is None, message
    assert "pwned" not in message and "cHduZWQ" not in message
    return message


def test_a_deflate_bomb_stops_at_the_cap(base: str) -> None:
    assert "larger than" in refused(f"{base}/deflate-bomb")


def test_a_gzip_inside_gzip_stops_at_the_loaders_cap(base: str, monkeypatch) -> None:
    """The fetch unpacks the transfer encoding; the page inside is gzip again, unpacked by
    the loader under its own cap (`decode.MAX_BYTES`, 64 MB), not the fetch's."""
    decode = importlib.import_module("reader.load.decode")
    monkeypatch.setattr(decode, "MAX_BYTES", 4 * CAP)
    assert "unpacks to more than" in refused(f"{base}/double-gzip")


def test_an_endless_chunked_body_stops_at_the_cap(base: str) -> None:
    assert "larger than" in refused(f"{base}/endless-chunks")


def test_endless_headers_stop(base: str) -> None:
    refused(f"{base}/endless-headers")


def test_a_body_shorter_than_its_length_is_one_sentence(base: str) -> None:
    refused(f"{base}/lying-length")


@pytest.mark.parametrize("path", ["/escape-reason", "/escape-location", "/escape-type"])
def test_escapes_in_what_the_server_says_stay_out_of_the_message(base: str, path: str) -> None:
    refused(f"{base}{path}")


@pytest.mark.parametrize("path", ["/javascript", "/data"])
def test_redirects_to_script_and_data_addresses_are_not_followed(base: str, path: str) -> None:
    """Refused; the sentence (today "… is not a valid web address") could name the redirect."""
    message = refused(f"{base}{path}")
    assert message.startswith(f"{base}{path} ")


def test_escapes_in_a_fetched_page_and_its_charset_are_removed(base: str) -> None:
    article = load_url(f"{base}/escape-page", max_bytes=CAP, deadline=5)
    assert "harbour wall" in article.text
    for value in (article.text, article.title, article.url):
        assert value is None or FORBIDDEN.search(value) is None


@pytest.mark.timing
def test_a_server_that_accepts_and_never_answers_hits_the_deadline() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    try:
        started = time.monotonic()
        with pytest.raises(LoadError):
            load_url(f"http://127.0.0.1:{port}/", deadline=1.5, read_timeout=30)
        assert time.monotonic() - started < 4
    finally:
        listener.close()
