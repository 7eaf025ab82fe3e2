"""The people screen on the generated archive, as a person sees it in a terminal (targets: it
opens in < 300 ms, keys within the 50 ms key bar).

    python benchmarks/people_screen.py [--archive FILE] [--articles 20000] [--runs 3]

The archive is the one `benchmarks/archive.py` builds (20,000 articles, 200,000 quotes, some
3,000 people): pass `--archive FILE` to reuse one built with `archive.py --keep FILE`, else
it is built first. In a 120x40 tmux session, timed from the same run:

- `P` in the library (a folder of one article) until the people are on screen: the screen's
  own opening (the archive opened, the people read, the first rows drawn), `--runs` times;
- `reader people` from the shell until the people are on screen (a first paint), and the
  anchor: the minimal Textual app's first paint (benchmarks/minimal_app.py);
- each key's latency (from `tmux send-keys` until the screen changes): j x 20, PgDn x 10,
  G, g, then `/` and a name typed into the filter, then `enter` on the top person (the
  quotes of the most quoted one, thousands) and j x 10, PgDn x 5 there, `escape` back.
Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from terminal import PYTHON, Pane, median, minimal_app_command, require_tmux, tmux_server_held

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OPEN_TARGET_MS = 300.0
KEY_TARGET_MS = 50.0


def environment(data: Path, folder: Path) -> dict[str, str]:
    return {
        "READER_DATA_DIR": str(data),
        "READER_CONFIG_DIR": str(folder / "config"),
        "READER_CACHE_DIR": str(folder / "cache"),
        "PATH": os.environ.get("PATH", ""),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="an archive built by archive.py --keep")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--probe", choices=("control", "spawn"), default="control")
    args = parser.parse_args()
    require_tmux()
    from archive import build

    from reader.archive.queries import archive_stats, list_people
    from reader.archive.store import Archive

    with tmux_server_held(probe=args.probe), tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        data = folder / "data"
        data.mkdir()
        built = args.archive or folder / "built.sqlite3"
        build(built, args.articles, 10, 3_000)
        (data / "archive.sqlite3").symlink_to(built.resolve())
        with Archive.open(built) as archive:
            stats = archive_stats(archive)
            top = list_people(archive)[0]
        env = environment(data, folder)
        articles = folder / "articles"
        articles.mkdir()
        (articles / "one.txt").write_text("One story.\n\nIt is short.", encoding="utf-8")
        top_row = top.name

        rows_on = []
        for _ in range(args.runs):
            pane = Pane([PYTHON, "-m", "reader", str(articles)], env=env)
            try:
                pane.wait_for(lambda screen: "One story" in screen or "one.txt" in screen)
                pane.settle()
                sent = time.perf_counter()
                pane.send("P")
                pane.wait_for(lambda screen: top_row in screen and "quoted" in screen)
                rows_on.append((time.perf_counter() - sent) * 1000)
            finally:
                pane.close()

        text_file = folder / "anchor.txt"
        text_file.write_text("People and what they said.", encoding="utf-8")
        anchor, paint = [], []
        for _ in range(args.runs):
            pane = Pane(minimal_app_command(text_file), env=env)
            try:
                anchor.append(pane.wait_for(lambda s: "People and what they said" in s) * 1000)
            finally:
                pane.close()
            pane = Pane([PYTHON, "-m", "reader", "people"], env=env)
            try:
                paint.append(pane.wait_for(lambda screen: top_row in screen) * 1000)
            finally:
                pane.close()

        latencies: dict[str, list[float]] = {"people": [], "filter": [], "quotes": []}
        slowest: dict[str, tuple[float, str]] = {}
        pane = Pane([PYTHON, "-m", "reader", "people"], env=env)
        try:
            pane.wait_for(lambda screen: top_row in screen)
            pane.settle()

            def keys(group: str, sequence: list[str]) -> None:
                for key in sequence:
                    seconds = pane.key_latency(key, region=None)
                    if seconds is not None:
                        latencies[group].append(seconds * 1000)
                        slowest[group] = max(slowest.get(group, (0.0, "")), (seconds * 1000, key))
                    pane.settle(quiet=0.1)

            keys("people", ["j"] * 20 + ["PageDown"] * 10 + ["G", "g"])
            keys("filter", ["/", *top.name.split()[-1][:5].lower(), "Enter"])
            keys("quotes", ["g", "Enter"] + ["j"] * 10 + ["PageDown"] * 5 + ["Escape"])
        finally:
            pane.close()

    print(
        f"people screen: {stats.articles:,} articles, {stats.quotes:,} quotes,"
        f" {stats.people:,} people; the top one ({top.name}) quoted {top.quotes:,} times"
    )
    worst = max(rows_on)
    print(
        f"  P in the library until the people are on screen: median {median(rows_on):.0f} ms,"
        f" worst {worst:.0f} ms"
        f" (target < {OPEN_TARGET_MS:g} ms: {'meets' if worst < OPEN_TARGET_MS else 'MISSES'})"
    )
    print(
        f"  reader people, first paint  {median(paint):6.0f} ms"
        f"  ({median(paint) / median(anchor):.2f}x the anchor)"
    )
    print(f"  anchor: minimal Textual app first paint {median(anchor):6.0f} ms")
    from textual import constants

    from reader.tui.runtime.quick_exit_driver import quick_exit_driver

    quick_exit_driver()  # what the reader sets the wait to
    print(
        f"  (escape includes the terminal's escape wait, {constants.ESCAPE_DELAY * 1000:.0f} ms:"
        " a lone ESC byte could begin an arrow key's sequence)"
    )
    every = [value for group in latencies.values() for value in group]
    for group, values in latencies.items():
        if values:
            print(
                f"  keys ({group:<7}) median {median(values):5.1f} ms, max {max(values):5.1f} ms"
                f" over {len(values)} (slowest: {slowest[group][1]})"
            )
    if every:
        verdict = "meets" if max(every) <= KEY_TARGET_MS else "MISSES"
        print(f"  every key: max {max(every):.1f} ms (target <= {KEY_TARGET_MS:g} ms: {verdict})")


if __name__ == "__main__":
    main()
