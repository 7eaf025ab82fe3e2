"""The feeds screen with 10,000 items, as a person sees it in a terminal (target: keys <= 50 ms).

    python benchmarks/feeds_screen.py [--feeds 20] [--items 500] [--probe control|spawn]

A library database is filled with --feeds feeds of --items items each (the most a feed keeps
is 500) in a temporary data folder, then `python -m reader feeds` runs in a 120x40 tmux
session. Timed: the first paint (until the first item's title is on screen), then each key's
latency (from `tmux send-keys` until the screen changes) for j x 20, PgDn x 10, G, g, k x 5,
in the items list showing all 10,000 items (the "All feeds" row). Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from terminal import PYTHON, Pane, median, require_tmux, tmux_server_held

TARGET_MS = 50.0


def fill(data: Path, feeds: int, items: int) -> str:
    from reader.feeds.parse import FeedItem, ParsedFeed
    from reader.feeds.store import FeedStore

    store = FeedStore.open(data / "library.sqlite3")
    first = ""
    for number in range(feeds):
        feed, _ = store.add(f"https://news{number}.example/feed.xml", f"Local feed {number}")
        parsed = ParsedFeed(
            title=f"Local feed {number}",
            site=f"https://news{number}.example/",
            items=[
                FeedItem(
                    guid=f"{number}-{item}",
                    title=f"Story {item} of feed {number}: the council votes on the harbour plan",
                    link=f"https://news{number}.example/{item}.html",
                    published=f"2026-03-{1 + item % 28:02d}T{item % 24:02d}:{number:02d}:00Z",
                    summary="A paragraph of summary.",
                )
                for item in range(items)
            ],
            listed=items,
        )
        store.store_fetch(feed.id, parsed, etag=None, last_modified=None)
    first = store.items(limit=1)[0].title or ""
    store.close()
    return first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--probe", choices=("control", "spawn"), default="control")
    args = parser.parse_args()
    require_tmux()
    with tmux_server_held(probe=args.probe), tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        data.mkdir()
        first = fill(data, args.feeds, args.items)
        env = {
            "READER_DATA_DIR": str(data),
            "READER_CONFIG_DIR": str(Path(folder) / "config"),
            "READER_CACHE_DIR": str(Path(folder) / "cache"),
            "PATH": os.environ.get("PATH", ""),
        }
        pane = Pane([PYTHON, "-m", "reader", "feeds"], env=env)
        try:
            paint = pane.wait_for(lambda screen: first[:40] in screen, timeout=60)
            pane.settle()
            keys = ["j"] * 20 + ["PageDown"] * 10 + ["G", "g"] + ["j"] * 5 + ["k"] * 5
            latencies = []
            for key in keys:
                seconds = pane.key_latency(key, region=None)
                if seconds is not None:
                    latencies.append(seconds * 1000)
                pane.settle(quiet=0.1)
        finally:
            pane.close()
    total = args.feeds * args.items
    print(f"feeds screen: {args.feeds} feeds, {total:,} items, 120x40 tmux")
    print(f"  first paint                {paint:.2f} s")
    if latencies:
        print(
            f"  key to screen: median {median(latencies):.1f} ms, max {max(latencies):.1f} ms"
            f" over {len(latencies)} keys (target <= {TARGET_MS:g} ms):"
            f" {'meets' if max(latencies) <= TARGET_MS else 'MISSES'}"
        )


if __name__ == "__main__":
    main()
