"""Refreshing feeds: 50 local feeds of 50 items each, prefetch off (issue target: < 2 s).

    python benchmarks/feeds.py [--feeds 50] [--items 50] [--hosts 5] [--repeat 3]

A real HTTP server on 127.0.0.1 (one per "host", each on its own port) serves the feeds,
with ETags. Three refreshes are timed, each into a fresh library database:

- first: every feed new, every item parsed and stored (the worst case: a first import);
- again: the same feeds refreshed with their ETags, every one answering 304;
- edited: every feed changed (one new item, one edited title), parsed and stored again.

The figure is the wall time of `reader.feeds.refresh.refresh` (fetch, parse and store), the
best of --repeat, and the target applies to the first refresh.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TARGET_SECONDS = 2.0


def make_feed(host: int, number: int, items: int, edition: int) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
        f"<title>Local feed {host}-{number}</title><link>https://news{host}.example/</link>",
    ]
    for item in range(items + edition):
        title = f"Story {item} of feed {number}" + (" (updated)" if edition and item == 0 else "")
        parts.append(
            f"<item><guid isPermaLink='false'>{host}-{number}-{item}</guid><title>{title}</title>"
            f"<link>https://news{host}.example/{number}/{item}.html</link>"
            f"<pubDate>Mon, 02 Mar 2026 {item % 24:02d}:{item % 60:02d}:00 GMT</pubDate>"
            "<description>&lt;p&gt;A paragraph of summary, as feeds carry it, with a "
            "&lt;a href='https://example.org'&gt;link&lt;/a&gt; in it.&lt;/p&gt;</description>"
            "<author>desk@news.example (The Desk)</author></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    feeds: dict[str, tuple[bytes, str]] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        key = f"{self.server.server_address[1]}{self.path}"
        body, etag = self.feeds.get(key, (b"", ""))
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(count: int) -> tuple[list[ThreadingHTTPServer], list[str]]:
    servers = []
    for _ in range(count):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers, [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]


def publish(bases: list[str], feeds: int, items: int, edition: int) -> list[str]:
    urls = []
    for number in range(feeds):
        host = number % len(bases)
        base = bases[host]
        port = base.rsplit(":", 1)[1]
        Handler.feeds[f"{port}/feed{number}.xml"] = (
            make_feed(host, number, items, edition),
            f'"e{edition}"',
        )
        urls.append(f"{base}/feed{number}.xml")
    return urls


def timed_refresh(store: object) -> tuple[float, int, int]:
    from reader.feeds.refresh import refresh

    started = time.perf_counter()
    outcomes = refresh(store)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    problems = [o.sentence for o in outcomes if o.status == "problem"]
    if problems:
        sys.exit(f"feeds benchmark: a feed failed: {problems[0]}")
    return (
        elapsed,
        sum(len(o.new) for o in outcomes),
        sum(o.status == "unchanged" for o in outcomes),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=5, help="local servers (default: 5)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from reader.feeds.refresh import MAX_HOSTS
    from reader.feeds.store import FeedStore

    servers, bases = serve(args.hosts)
    best: dict[str, float] = {}
    counts: dict[str, int] = {}
    try:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as folder:
                store = FeedStore.open(Path(folder) / "library.sqlite3")
                for url in publish(bases, args.feeds, args.items, 0):
                    store.add(url)
                for name, edition in (("first", 0), ("again", 0), ("edited", 1)):
                    if edition:
                        publish(bases, args.feeds, args.items, edition)
                    elapsed, new, unchanged = timed_refresh(store)
                    best[name] = min(best.get(name, elapsed), elapsed)
                    counts[name] = new if name != "again" else unchanged
                publish(bases, args.feeds, args.items, 0)
                store.close()
    finally:
        for server in servers:
            with contextlib.suppress(Exception):
                server.shutdown()
                server.server_close()
    print(
        f"feeds refresh: {args.feeds} feeds x {args.items} items on {args.hosts} local hosts,"
        f" at most {MAX_HOSTS} at a time, prefetch off; best of {args.repeat}"
    )
    print(f"  first refresh (all new)    {best['first']:.2f} s  {counts['first']:,} items stored")
    print(f"  again (304 Not Modified)   {best['again']:.2f} s  {counts['again']} feeds unchanged")
    print(f"  edited (1 new, 1 changed)  {best['edited']:.2f} s  {counts['edited']} new items")
    verdict = "meets" if best["first"] < TARGET_SECONDS else "MISSES"
    print(f"  target: first refresh < {TARGET_SECONDS:g} s: {verdict}")


if __name__ == "__main__":
    main()
