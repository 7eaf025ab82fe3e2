"""`reader feeds ...`: subscribe, import and export OPML, remove, list and refresh feeds.

`reader feeds` on its own opens the feeds screen. Every problem is one sentence on stderr
and a non-zero exit status; a refresh prints one sentence per feed that failed and still
refreshes the others.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.store.db import StoreUnavailable

if TYPE_CHECKING:
    from reader.feeds.store import FeedStore

DESCRIPTION = """\
Follow news feeds (RSS, Atom, JSON Feed) and read each item's full article.

  reader feeds                   open the feeds screen
  reader feeds add URL           subscribe; a site's address finds the feed it announces
  reader feeds import FILE.opml  subscribe to every feed an OPML file lists
  reader feeds export [FILE]     write the subscriptions as OPML 2.0 (default: stdout)
  reader feeds remove URL|TITLE  unsubscribe (its items and read state go too)
  reader feeds list              the feeds with their unread and total counts
  reader feeds refresh           fetch every feed now (conditional GET)

Feeds, items and read state are kept in the library database in the data directory."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader feeds",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add = commands.add_parser("add", help="subscribe to a feed (or a site's announced feed)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--folder", metavar="NAME", help="file the feed in this folder")
    opml = commands.add_parser("import", help="subscribe to the feeds of an OPML file")
    opml.add_argument("file", metavar="FILE.opml")
    export = commands.add_parser("export", help="write the subscriptions as OPML 2.0")
    export.add_argument("file", nargs="?", metavar="FILE", help="default: standard output")
    remove = commands.add_parser("remove", help="unsubscribe from a feed")
    remove.add_argument("feed", metavar="URL|TITLE")
    commands.add_parser("list", help="the feeds with their unread and total counts")
    refresh = commands.add_parser("refresh", help="fetch every feed now")
    refresh.add_argument(
        "--prefetch",
        type=int,
        default=0,
        metavar="N",
        help="then fetch and analyse up to N new items' articles into the cache (default: 0)",
    )
    parser.add_argument("--config", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    return parser


def run_feeds(argv: Sequence[str]) -> int:
    options = build_parser().parse_args(list(argv))
    from reader.feeds.store import FeedStore

    if options.command is None:
        return open_screen(options.config, options.no_cache)
    try:
        store = FeedStore.open()
    except StoreUnavailable as error:
        return fail(f"The feeds cannot be kept this time ({error}).")
    try:
        return COMMANDS[options.command](store, options)
    except StoreUnavailable as error:
        return fail(f"The feeds database is not available ({error}); try again.")
    except ReaderError as error:
        return fail(str(error))
    finally:
        store.close()


def fail(message: str) -> int:
    from reader.sanitize import clean_text

    print(f"reader: {' '.join(clean_text(message).split())}", file=sys.stderr)
    return 1


def say(message: str) -> None:
    from reader.sanitize import clean_text

    print(" ".join(clean_text(message).split()))


def add(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.feeds.refresh import subscribe

    feed, outcome = subscribe(store, options.url, folder=options.folder)
    if outcome is None:
        say(f"Already subscribed: {feed.name} ({feed.url}).")
        return 0
    if outcome.sentence:
        print(f"reader: {outcome.sentence}", file=sys.stderr)
    say(f"Subscribed to {feed.name}: {feed.total:,} items ({feed.url}).")
    return 0


def import_opml(store: FeedStore, options: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.feeds.opml import read_opml

    try:
        data = Path(options.file).expanduser().read_bytes()
    except OSError as error:
        return fail(f"{options.file} cannot be read ({error.strerror}); check the path.")
    subscriptions = read_opml(data, options.file)
    if not subscriptions:
        return fail(f"{options.file} lists no feeds (no outline with an xmlUrl).")
    added = 0
    for subscription in subscriptions:
        _, new = store.add(
            subscription.url, subscription.title, subscription.site, subscription.folder
        )
        added += new
    known = len(subscriptions) - added
    also = f" ({known} already subscribed)" if known else ""
    say(
        f"Imported {added} feeds{also}; 'reader feeds refresh' (or R in the feeds screen)"
        " fetches them."
    )
    return 0


def export_opml(store: FeedStore, options: argparse.Namespace) -> int:
    from pathlib import Path

    from reader.feeds.opml import Subscription, write_opml

    document = write_opml(
        [Subscription(feed.url, feed.title, feed.site, feed.folder) for feed in store.feeds()]
    )
    if options.file is None:
        sys.stdout.write(document)
        return 0
    try:
        Path(options.file).expanduser().write_text(document, encoding="utf-8")
    except OSError as error:
        return fail(f"{options.file} cannot be written ({error.strerror}); check the path.")
    return 0


def remove(store: FeedStore, options: argparse.Namespace) -> int:
    if not store.remove(options.feed):
        return fail(f"No feed {options.feed} is subscribed; 'reader feeds list' shows them.")
    say(f"Unsubscribed from {options.feed}.")
    return 0


def list_feeds(store: FeedStore, options: argparse.Namespace) -> int:
    for feed in store.feeds():
        folder = f"[{feed.folder}] " if feed.folder else ""
        problem = f"  ({feed.problem})" if feed.problem else ""
        say(f"{feed.unread:>5} / {feed.total:<5} {folder}{feed.name}  {feed.url}{problem}")
    return 0


def refresh_all(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.feeds.refresh import refresh

    outcomes = refresh(store)
    status = 0
    for outcome in outcomes:
        if outcome.sentence:
            print(f"reader: {outcome.sentence}", file=sys.stderr)
        if outcome.status == "problem":
            status = 1
    new = sum(len(outcome.new) for outcome in outcomes)
    failed = sum(outcome.status == "problem" for outcome in outcomes)
    trouble = f", {failed} could not be refreshed" if failed else ""
    say(f"Refreshed {len(outcomes)} feeds: {new:,} new items{trouble}.")
    if options.prefetch > 0 and new:
        from reader.archive.ingest import open_archive
        from reader.feeds.prefetch import prefetch
        from reader.store.cache import AnalysisCache

        fresh = [item_id for outcome in outcomes for item_id in outcome.new]
        archive, problem = open_archive()
        if problem:
            print(f"reader: {problem}", file=sys.stderr)
        cache = AnalysisCache.default()
        done = prefetch(store, fresh, cache, limit=options.prefetch, archive=archive)
        if archive is not None:
            archive.close()
        say(f"Prefetched {done} of them: their articles open with their analysis.")
    return status


def open_screen(config: str | None, no_cache: bool = False) -> int:
    """The feeds screen, in the terminal; with no feeds yet, one sentence saying how to add."""
    from reader.feeds.store import FeedStore

    try:
        store = FeedStore.open()
        empty = not store.feeds()
        store.close()
    except StoreUnavailable as error:
        return fail(f"The feeds cannot be kept this time ({error}).")
    if empty:
        return fail("no feeds yet; subscribe with 'reader feeds add URL' or 'import FILE.opml'.")
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return fail("the feeds screen needs a terminal; 'reader feeds list' prints the feeds.")
    from reader.store.cache import AnalysisCache
    from reader.tui.launch import Launch

    Launch.prepare(config).run_feeds(cache=None if no_cache else AnalysisCache.default())
    return 0


COMMANDS = {
    "add": add,
    "import": import_opml,
    "export": export_opml,
    "remove": remove,
    "list": list_feeds,
    "refresh": refresh_all,
}


def feed_sources(urls: Sequence[str]) -> list[tuple[str, str | None]]:
    """`reader extract --feed URL`: each item's article address, or the feed's one problem."""
    from reader.feeds.refresh import fetch_feed

    sources: list[tuple[str, str | None]] = []
    for url in urls:
        try:
            _, parsed = fetch_feed(url)
        except ReaderError as error:
            sources.append((url, str(error)))
            continue
        for item in parsed.items if parsed is not None else ():
            if item.link:
                sources.append((item.link, None))
    return sources
