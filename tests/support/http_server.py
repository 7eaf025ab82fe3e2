"""A real HTTP server on 127.0.0.1 for the fetch tests: one route per behaviour under test.

Friendly routes serve articles (HTML, text, Markdown, gzip, deflate, Latin-1); hostile ones
redirect in loops or to other schemes, trickle bytes, stall, lie about types or send a
gzip bomb. Every handler runs in its own daemon thread, so a slow route never blocks another.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_TITLE = "Harbour Bridge Opens After Four Years"
ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    f"<title>{ARTICLE_TITLE} | Bay Courier</title></head><body>"
    f"<article><h1>{ARTICLE_TITLE}</h1><p>The new harbour bridge opened to traffic on "
    "Saturday morning after four years of construction and two long delays.</p>"
    "<p>Hundreds of residents walked across it before the first cars were let on, and the "
    "mayor cut a ribbon at the northern end while a brass band played.</p></article>"
    "</body></html>"
)
LATIN1_HTML = (
    "<html><head><title>Caf\xe9 society returns to the old quarter</title></head><body>"
    "<article><p>The caf\xe9s of the old quarter reopened this week, and their owners say "
    "the first customers came back before the chairs were even set out on the pavement.</p>"
    "<p>\xabWe missed them,\xbb said one owner, pouring a caf\xe9 cr\xe8me for a regular.</p>"
    "</article></body></html>"
)
TEXT_ARTICLE = (
    "Harbour bridge opens\n\n"
    "The new harbour bridge opened to traffic on Saturday morning after four years of "
    "construction and two long delays.\n\n"
    "Hundreds of residents walked across it before the first cars were let on.\n"
)
MARKDOWN_ARTICLE = (
    "# Harbour bridge opens\n\n"
    "The new harbour bridge opened to traffic on Saturday morning after four years of "
    "construction and two long delays.\n\n"
    "## The ceremony\n\nThe mayor cut a ribbon at the northern end.\n"
)
#: Linked pages, for following links in the reader: one links to two (relative), to a page
#: that is not there and to a mail address; two links back to one.
LINKED_ONE_TITLE = "Tram Line Reaches the Harbour"
LINKED_TWO_TITLE = "Harbour Residents Welcome the First Trams"
LINKED_ONE_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    f"<title>{LINKED_ONE_TITLE}</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<article><h1>{LINKED_ONE_TITLE}</h1><p>The city's new tram line reached the harbour on "
    "Monday, and <a href='two'>residents welcomed the first trams</a> with a street party "
    "that lasted well into the evening.</p><p>The next stage, to the airport, is "
    "<a href='/missing'>still being planned</a>, said the transport office, which answers "
    "questions <a href='mailto:trams@example.org'>by mail</a> until the end of the month.</p>"
    + "".join(
        f"<p>Paragraph {n} of the long report on the tram line describes the stops, the "
        "timetable and the works that closed the harbour road for most of the summer.</p>"
        for n in range(1, 30)
    )
    + "</article></body></html>"
)
LINKED_TWO_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    f"<title>{LINKED_TWO_TITLE}</title></head><body>"
    f"<article><h1>{LINKED_TWO_TITLE}</h1><p>Hundreds of harbour residents lined the street "
    "on Monday to welcome the first trams, two years after the works began.</p><p>Read how "
    "<a href='one'>the line reached the harbour</a> in our earlier report, which followed "
    "the works from the first day.</p></article></body></html>"
)
#: The gzip bomb's size once inflated; tests cap far below it.
BOMB_INFLATED = 64 * 1024 * 1024


def _bomb() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    parts = [compressor.compress(block) for _ in range(BOMB_INFLATED // len(block))]
    return b"".join(parts) + compressor.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bomb = b""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass  # keep the test output clean

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self.send(404, b"<html><body>Not here</body></html>", "text/html")
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)  # a hostile route's client gives up: that is the point

    def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", "text/html", Location=location)


def _trickle(handler: Handler, *, interval: float = 1.0) -> None:
    """Headers at once, then the body one byte a second, for a minute."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(60):
        handler.wfile.write(b"<")
        handler.wfile.flush()
        time.sleep(interval)


def _slow_headers(handler: Handler) -> None:
    """The status line and headers themselves one byte a second."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 100:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(1.0)


def _stall(handler: Handler) -> None:
    time.sleep(10)
    handler.send(200, ARTICLE_HTML.encode(), "text/html")


def _chain(handler: Handler) -> None:
    """/chain?n=3 redirects three times, then lands on the article."""
    hops = int(handler.path.partition("n=")[2] or 0)
    handler.redirect(f"/chain?n={hops - 1}" if hops > 0 else "/article", 301)


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/article": lambda h: h.send(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
    "/linked/one": lambda h: h.send(200, LINKED_ONE_HTML.encode(), "text/html; charset=utf-8"),
    "/linked/two": lambda h: h.send(200, LINKED_TWO_HTML.encode(), "text/html; charset=utf-8"),
    "/latin1": lambda h: h.send(200, LATIN1_HTML.encode("cp1252"), "text/html; charset=ISO-8859-1"),
    "/untyped": lambda h: h.send(200, ARTICLE_HTML.encode(), None),
    "/text": lambda h: h.send(200, TEXT_ARTICLE.encode(), "text/plain; charset=utf-8"),
    "/markdown": lambda h: h.send(200, MARKDOWN_ARTICLE.encode(), "text/markdown"),
    "/gzip": lambda h: h.send(
        200, gzip.compress(ARTICLE_HTML.encode()), "text/html", Content_Encoding="gzip"
    ),
    "/deflate": lambda h: h.send(
        200, zlib.compress(ARTICLE_HTML.encode()), "text/html", Content_Encoding="deflate"
    ),
    "/brotli": lambda h: h.send(200, b"\x0b\x02\x80", "text/html", Content_Encoding="br"),
    "/bomb": lambda h: h.send(200, h.bomb, "text/html", Content_Encoding="gzip"),
    "/big": lambda h: h.send(200, b"<p>" + b"word " * 400_000 + b"</p>", "text/html"),
    "/pdf": lambda h: h.send(200, b"%PDF-1.7\n...", "application/pdf"),
    "/png": lambda h: h.send(200, b"\x89PNG\r\n\x1a\n", "image/png"),
    "/octet": lambda h: h.send(200, b"\x00\x01\x02", "application/octet-stream"),
    "/empty": lambda h: h.send(200, b"", "text/html"),
    "/missing": lambda h: h.send(404, b"<html><body>Not found</body></html>", "text/html"),
    "/broken": lambda h: h.send(500, b"<html><body>Oops</body></html>", "text/html"),
    "/forbidden": lambda h: h.send(403, b"<html><body>No</body></html>", "text/html"),
    "/chain": _chain,
    "/loop-a": lambda h: h.redirect("/loop-b"),
    "/loop-b": lambda h: h.redirect("/loop-a"),
    "/to-ftp": lambda h: h.redirect("ftp://127.0.0.1/article.html"),
    "/to-file": lambda h: h.redirect("file:///etc/passwd", 307),
    "/trickle": _trickle,
    "/slow-headers": _slow_headers,
    "/stall": _stall,
}


@contextmanager
def serve() -> Iterator[str]:
    """Run the server in a thread; yields its base URL, like http://127.0.0.1:PORT."""
    Handler.bomb = Handler.bomb or _bomb()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve_bytes(body: bytes, *, content_encoding: str | None = None) -> Iterator[str]:
    """Serve `body` as an HTML page (with `content_encoding`, already encoded) at the URL
    yielded, from a server on 127.0.0.1 of its own."""

    class One(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
            pass

        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if content_encoding is not None:
                self.send_header("Content-Encoding", content_encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), One)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/page.html"
    finally:
        server.shutdown()
        server.server_close()
