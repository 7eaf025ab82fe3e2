"""Fetch feeds: conditional GET, at most `MAX_HOSTS` hosts at a time, one sentence per problem.

Each feed is fetched with the reader's bounded fetch (`reader.load.fetch.fetch`: deadline,
size cap, redirect limit and loop check), sending `If-None-Match` and `If-Modified-Since`
from the last answer, so an unchanged feed costs a 304 and no parsing. The feeds of one host
are fetched one after another and at most `MAX_HOSTS` hosts at once, so no server sees more
than one request from the reader at a time. Fetching and parsing run in worker threads; the
results are stored by the calling thread (the one that owns the database connection), one
transaction per feed, as they arrive.

A feed that fails (broken, gone, refusing, looping) gets one sentence, kept on the feed and
returned, and the others still refresh. A permanent redirect (301, 308) moves the
subscription to the new address, and says so once. No Textual here.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from reader.errors import LoadError
from reader.feeds.discover import discover_feeds
from reader.feeds.parse import FEED_TYPES, ParsedFeed, parse_feed, show
from reader.feeds.store import Feed, FeedStore
from reader.load.fetch import FetchedPage as Fetched
from reader.load.fetch import fetch
from reader.load.fetch_errors import StatusError

#: Hosts fetched from at the same time.
MAX_HOSTS = 4
#: Largest feed accepted, counted after decompression.
FEED_MAX_BYTES = 8 * 1024 * 1024
#: Seconds for one feed's whole fetch.
FEED_DEADLINE = 20.0
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
    " text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"
)
_HTML = {"text/html", "application/xhtml+xml"}
#: What a feed served as text/html (servers do) starts with, where a page has <html>.
_FEED_START = re.compile(rb"^\s*(?:<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])", re.IGNORECASE)

Status = Literal["updated", "unchanged", "problem"]


class NotAFeed(LoadError):
    """The address gave a web page, not a feed."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What refreshing one feed did; `sentence` says it when there is something to say."""

    feed: Feed
    status: Status
    new: list[int] = field(default_factory=list)
    updated: int = 0
    sentence: str | None = None


@dataclass(frozen=True, slots=True)
class _Fetch:
    """A feed fetched and parsed in a worker, waiting to be stored."""

    feed: Feed
    page: Fetched | None = None
    parsed: ParsedFeed | None = None
    problem: str | None = None


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def fetch_feed(
    url: str, *, etag: str | None = None, last_modified: str | None = None
) -> tuple[Fetched, ParsedFeed | None]:
    """GET the feed at `url`, conditionally; the parsed feed, or None on a 304."""
    headers = {"Accept": _ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    page = fetch(
        url, headers=headers, accept=FEED_TYPES, max_bytes=FEED_MAX_BYTES, deadline=FEED_DEADLINE
    )
    if page.status == 304:
        return page, None
    if page.media_type in _HTML and not _FEED_START.search(page.data[:2048]):
        raise NotAFeed(
            f"{show(url)} is a web page, not a feed; give its feed's address, or add the page"
            " with 'reader feeds add' to find the feed it announces."
        )
    return page, parse_feed(page.data, page.url, page.media_type)


def _fetch_one(feed: Feed) -> _Fetch:
    try:
        page, parsed = fetch_feed(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except StatusError as error:
        if error.status == 410:
            return _Fetch(
                feed,
                problem=f"{show(feed.url)} is gone (410 Gone): its site has ended it; remove it"
                f" with 'reader feeds remove {show(feed.url)}'.",
            )
        return _Fetch(feed, problem=str(error))
    except LoadError as error:
        return _Fetch(feed, problem=str(error))
    except Exception as error:  # noqa: BLE001 - one broken feed never stops the others
        return _Fetch(feed, problem=f"{show(feed.url)} could not be read ({type(error).__name__}).")
    return _Fetch(feed, page, parsed)


def refresh(
    store: FeedStore,
    feeds: Iterable[Feed] | None = None,
    *,
    max_hosts: int = MAX_HOSTS,
    on_outcome: Callable[[Outcome, int, int], None] | None = None,
    cancelled: threading.Event | None = None,
) -> list[Outcome]:
    """Refresh `feeds` (default: all); one `Outcome` per feed, in the order they finished.

    `on_outcome(outcome, done, total)` is called in this thread after each feed is stored.
    Setting `cancelled` stops handing out feeds; those already fetched are still stored.
    """
    chosen = list(store.feeds() if feeds is None else feeds)
    by_host: dict[str, list[Feed]] = {}
    for feed in chosen:
        by_host.setdefault(host_of(feed.url), []).append(feed)
    results: queue.Queue[_Fetch | None] = queue.Queue()

    def fetch_host(host_feeds: list[Feed]) -> None:
        for feed in host_feeds:
            if cancelled is not None and cancelled.is_set():
                break
            results.put(_fetch_one(feed))
        results.put(None)

    outcomes: list[Outcome] = []
    hosts_left = len(by_host)
    with ThreadPoolExecutor(max_workers=max(1, max_hosts), thread_name_prefix="feeds") as pool:
        for host_feeds in by_host.values():
            pool.submit(fetch_host, host_feeds)
        while hosts_left:
            fetched = results.get()
            if fetched is None:
                hosts_left -= 1
                continue
            outcome = _store(store, fetched)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome, len(outcomes), len(chosen))
    return outcomes


def _store(store: FeedStore, fetched: _Fetch) -> Outcome:
    feed = fetched.feed
    if fetched.problem is not None or fetched.page is None:
        sentence = fetched.problem or f"{show(feed.url)} could not be fetched."
        store.note_problem(feed.id, sentence)
        return Outcome(feed, "problem", sentence=sentence)
    page = fetched.page
    notes: list[str] = []
    new_url: str | None = None
    if page.moved and page.url != feed.url:
        if store.url_taken(page.url, feed.id):
            notes.append(
                f"{show(feed.url)} moved to {show(page.url)}, which is also subscribed; remove"
                f" one with 'reader feeds remove {show(feed.url)}'."
            )
        else:
            new_url = page.url
            notes.append(
                f"{show(feed.url)} moved for good to {show(page.url)}; the subscription now"
                " follows the new address."
            )
    if fetched.parsed is None:
        store.note_unchanged(feed.id, page.etag, page.last_modified, new_url)
        return Outcome(feed, "unchanged", sentence=" ".join(notes) or None)
    parsed = fetched.parsed
    if parsed.capped:
        notes.append(
            f"{show(feed.url)} lists {parsed.listed:,} items; the first {len(parsed.items):,}"
            " are kept."
        )
    stored = store.store_fetch(
        feed.id, parsed, etag=page.etag, last_modified=page.last_modified, url=new_url
    )
    return Outcome(feed, "updated", stored.new, stored.updated, " ".join(notes) or None)


def subscribe(
    store: FeedStore, url: str, *, folder: str | None = None
) -> tuple[Feed, Outcome | None]:
    """Add the feed at `url`; a web page is searched for the feed it announces. The feed is
    fetched once, so its items are there at once. Raises LoadError with one sentence."""
    existing = store.feed(url)
    if existing is not None:
        return existing, None
    try:
        requested = url
        page, parsed = fetch_feed(url)
    except NotAFeed:
        requested, page, parsed = _discovered(url)
    feed_url = page.url if page.moved else requested
    feed, added = store.add(feed_url, parsed.title if parsed else None, folder=folder)
    if not added or parsed is None:
        return feed, None
    outcome = _store(store, _Fetch(feed, page, parsed))
    return store.feed_by_id(feed.id) or feed, outcome


def _discovered(url: str) -> tuple[str, Fetched, ParsedFeed | None]:
    page = fetch(url, accept=FEED_TYPES, max_bytes=FEED_MAX_BYTES, deadline=FEED_DEADLINE)
    text = page.data.decode(page.charset or "utf-8", errors="replace")
    found = discover_feeds(text, page.url)
    if not found:
        raise LoadError(
            f'{show(url)} is a web page that announces no feed (no <link rel="alternate">'
            " of a feed type); give the feed's address instead."
        )
    return (found[0], *fetch_feed(found[0]))
