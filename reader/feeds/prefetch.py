"""Prefetch: new items' full articles fetched, extracted and analysed ahead of reading.

Each article goes into the analysis cache (so opening the item shows its entities and
quotes at first paint), into the archive (`reader.archive`: its quotes are found with
`reader quotes` and on the people screen), and a short summary of it (quote count,
speakers, entities) onto the item, for the list and the `e:` / `q:` filter. At most
`PER_REFRESH` items a refresh, the newest first. The feeds screen runs it as
`python -m reader.feeds.prefetch` in a process of its own at low priority (`os.nice`), so
the analysis never competes with the UI for the interpreter; `reader feeds refresh
--prefetch N` runs it in the command. An item whose article cannot be fetched is skipped
(it is fetched again when opened). No Textual here.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.feeds.search import analysis_summary
from reader.feeds.store import FeedStore
from reader.store.db import StoreUnavailable

if TYPE_CHECKING:
    from reader.archive.store import Archive
    from reader.store.cache import AnalysisCache

#: Items prefetched after one refresh.
PER_REFRESH = 10
#: Niceness the prefetch process takes: below the reader, below most of the desktop.
NICENESS = 10


def prefetch(
    store: FeedStore,
    item_ids: Sequence[int],
    cache: AnalysisCache,
    *,
    limit: int = PER_REFRESH,
    on_item: Callable[[int], None] | None = None,
    archive: Archive | None = None,
) -> int:
    """Fetch, extract and analyse up to `limit` of `item_ids`, each kept in `archive` too
    (with the reader's corrections); returns how many were done. An archive that fails is
    said once on stderr and left alone; the prefetch goes on."""
    from reader.archive.ingest import keep
    from reader.load import load
    from reader.pipeline import analysis_for

    done = 0
    for item_id in item_ids:
        if done >= limit:
            break
        item = store.item(item_id)
        if item is None or not item.link or item.analysis is not None:
            continue
        try:
            analysis = analysis_for(load(item.link), cache)
        except ReaderError:
            continue
        store.set_analysis(item_id, analysis_summary(analysis))
        if archive is not None and (problem := keep(archive, analysis, store.library)):
            print(f"reader: {problem}", file=sys.stderr)
            archive = None
        done += 1
        if on_item is not None:
            on_item(item_id)
    return done


def command(library: Path, cache: Path, item_ids: Sequence[int], limit: int) -> list[str]:
    """The command line of a low-priority prefetch process."""
    return [
        sys.executable,
        "-m",
        "reader.feeds.prefetch",
        "--library",
        str(library),
        "--cache",
        str(cache),
        "--limit",
        str(limit),
        *map(str, item_ids),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.feeds.prefetch")
    parser.add_argument("--library", required=True, help="the library database")
    parser.add_argument("--cache", help="the analysis cache (default: the user's)")
    parser.add_argument("--archive", help="the archive (default: the user's)")
    parser.add_argument("--limit", type=int, default=PER_REFRESH)
    parser.add_argument("items", nargs="*", type=int)
    options = parser.parse_args(argv)
    with contextlib.suppress(OSError, AttributeError):  # not on every platform
        os.nice(NICENESS)
    from reader.store.cache import AnalysisCache

    try:
        store = FeedStore.open(Path(options.library))
    except StoreUnavailable as error:
        print(f"reader: no prefetch ({error}).", file=sys.stderr)
        return 1
    from reader.archive.ingest import open_archive

    archive, problem = open_archive(Path(options.archive) if options.archive else None)
    if problem:
        print(f"reader: {problem}", file=sys.stderr)
    try:
        cache = AnalysisCache(Path(options.cache)) if options.cache else AnalysisCache.default()
        prefetch(store, options.items, cache, limit=options.limit, archive=archive)
    except StoreUnavailable as error:
        print(f"reader: the prefetch stopped ({error}).", file=sys.stderr)
        return 1
    finally:
        store.close()
        if archive is not None:
            archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
