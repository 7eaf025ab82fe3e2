"""A real HTTP server on 127.0.0.1 for the feed tests, whose routes a test sets as it goes.

Each route is a `Resource` (a body, its type, validators, a status, headers) or a function of
the request handler. A resource with an ETag or a Last-Modified date answers a matching
conditional request with 304, as a real server does. Every request is recorded (path and
headers), and the most requests in flight at once is kept, so tests can check politeness.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Resource:
    body: bytes
    content_type: str | None = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Route = Resource | Callable[["FeedHandler"], None]


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for seen, headers in self.requests if seen == path]


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FeedServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        server = self.server
        headers = {name.lower(): value for name, value in self.headers.items()}
        with server.lock:
            server.requests.append((self.path, headers))
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
            gauge = COUNTERS.get(id(server))
            if gauge is not None:
                gauge.enter()
        try:
            route = server.routes.get(self.path)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if route is None:
                    self.send(404, b"not here", "text/plain")
                elif isinstance(route, Resource):
                    self.serve(route, headers)
                else:
                    route(self)
        finally:
            with server.lock:
                server.in_flight -= 1
                if gauge is not None:
                    gauge.leave()

    def serve(self, resource: Resource, headers: dict[str, str]) -> None:
        if resource.delay:
            time.sleep(resource.delay)
        validators: dict[str, str] = dict(resource.headers)
        if resource.etag:
            validators["ETag"] = resource.etag
        if resource.last_modified:
            validators["Last-Modified"] = resource.last_modified
        unchanged = (resource.etag and headers.get("if-none-match") == resource.etag) or (
            resource.last_modified and headers.get("if-modified-since") == resource.last_modified
        )
        if unchanged and resource.status == 200:
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send(resource.status, resource.body, resource.content_type, **validators)

    def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", "text/html", Location=location)


class Gauge:
    """Requests in flight across several servers (several hosts) at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


COUNTERS: dict[int, Gauge] = {}


@contextmanager
def feed_server(gauge: Gauge | None = None) -> Iterator[FeedServer]:
    server = FeedServer()
    if gauge is not None:
        COUNTERS[id(server)] = gauge
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        COUNTERS.pop(id(server), None)
        server.shutdown()
        server.server_close()


def rss(title: str, items: list[tuple[str, str, str]], *, extra: str = "") -> bytes:
    """An RSS 2.0 feed: `items` are (guid, title, link)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
        f"<title>{title}</title><link>https://news.example/</link>{extra}",
    ]
    for number, (guid, item_title, link) in enumerate(items):
        day = 1 + number % 28
        parts.append(
            f"<item><guid>{guid}</guid><title>{item_title}</title><link>{link}</link>"
            f"<pubDate>Mon, {day:02d} Mar 2026 08:{number % 60:02d}:00 GMT</pubDate>"
            f"<description>Summary of {item_title}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()
