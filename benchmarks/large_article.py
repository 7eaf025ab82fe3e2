"""A 2 MB text article and a 5 MB saved page in the reader, as a person sees them in a terminal.

    python benchmarks/large_article.py [--runs 3] [--only text|html] [--analysis-timeout 900]
                                       [--paint-only] [--probe control|spawn]

Both inputs are generated from the sample articles (`inputs.py`) into a temporary folder. For
each, in one run, against the same anchor (a minimal Textual app with one `Static`):

- first paint: seconds from starting `python -m reader FILE` in a fresh 120x40 tmux session
  until the first words of the article's first paragraph are on screen (median of --runs);
  the time the loader alone takes on the same file is printed beside it (in process);
- key-to-screen latency: a key is sent with `tmux send-keys` and `tmux capture-pane -e` is
  polled until the article column (its left 78 cells, styles included, so a highlight change
  counts) differs; at the top, the middle and the bottom of the document, while the analysis
  runs (once its first results are listed) and again after it finished: j, k, page down
  (space), page up (b), n, n, p, G, g. The anchor: a minimal Textual app scrolling a line on
  `j` and `k` (20 keys), timed the same way in the same run. Screens are polled through one
  tmux client in control mode, every millisecond (`--probe spawn`: a `tmux` process per
  capture, back to back, as before; that keeps a core busy, which the reader then waits for);
- peak RSS: the reader process's VmHWM from /proc, after the analysis (or at the timeout), and
  the analysis child's, sampled while the analysis runs;
- quit: seconds from `q` mid-analysis until the process has exited.

Targets: first paint <= 1 s and <= 7x the anchor; every key <= 50 ms; peak RSS <= 400 MB;
quit <= 200 ms. The analysis cache is an empty temporary folder, so the analysis really runs.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import tempfile
import time
from pathlib import Path

from inputs import write_inputs
from terminal import (
    Pane,
    first_paint,
    median,
    minimal_app_command,
    reader_command,
    require_tmux,
    tmux_server_held,
)

#: The quotes panel's title once quotes are listed: "Quotes 12" or "Quotes 3/12".
LISTED = re.compile(r"Quotes [1-9]")
ARTICLE_CELLS = 78  # the article column at 120 columns; the sidebar (progress) is outside it
PAGE_LINES = 34


def first_words(path: Path) -> tuple[str, str, float, int]:
    """The first paragraph, its first words, the load time, and the wrapped line count."""
    from reader.load import load
    from reader.tui.text.line_index import wrap_article

    started = time.perf_counter()
    article = load(str(path))
    load_seconds = time.perf_counter() - started
    block = next(b for b in article.blocks if b.kind == "paragraph")
    paragraph = article.block_text(block)
    lines = len(wrap_article(article, 76))
    return paragraph, " ".join(paragraph.split()[:5]), load_seconds, lines


def children_peak_rss_mb(parent: int) -> float:
    """The largest VmHWM (MB) among the live child processes of `parent` (Linux /proc)."""
    peak = 0.0
    for status_file in Path("/proc").glob("[0-9]*/status"):
        try:
            status = status_file.read_text()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", status, re.M)
        hwm = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
        if ppid and hwm and int(ppid.group(1)) == parent:
            peak = max(peak, int(hwm.group(1)) / 1024)
    return peak


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))]


def anchor_key_latency(text_file: Path) -> list[float]:
    """Seconds per key (j, k alternately, 20 keys) in the minimal scrolling app."""
    pane = Pane(minimal_app_command(text_file, keys=True))
    words = " ".join(text_file.read_text(encoding="utf-8").split()[:3])
    try:
        pane.wait_for(lambda screen: words in " ".join(screen.split()))
        pane.settle(quiet=0.3)
        found = []
        for key in ["j", "k"] * 10:
            seconds = pane.key_latency(key, region=None)
            if seconds is not None:
                found.append(seconds)
            pane.settle(quiet=0.15)
        return found
    finally:
        pane.close()


def analysing(screen: str) -> bool:
    return "analysing" in screen


def measure_keys(pane: Pane, lines: int, phase: str) -> list[tuple[str, str, str, float | None]]:
    """(phase, place, key, seconds or None) for the keys at the top, middle and bottom."""
    rows: list[tuple[str, str, str, float | None]] = []

    def keys(place: str, sequence: list[str]) -> None:
        for key in sequence:
            rows.append((phase, place, key, pane.key_latency(key, region=ARTICLE_CELLS)))
            pane.settle(quiet=0.15, region=ARTICLE_CELLS)

    pane.send("g")
    pane.settle(quiet=0.2, region=ARTICLE_CELLS)
    keys("top", ["j", "k", "space", "b", "n", "n", "p"])
    pane.send("g")
    pages = max(1, lines // 2 // PAGE_LINES)
    while pages > 0:
        batch = min(pages, 200)
        pane.send(*["space"] * batch)
        pages -= batch
    pane.settle(quiet=0.3, region=ARTICLE_CELLS)
    keys("middle", ["j", "k", "space", "b", "n", "n", "p", "G"])
    pane.settle(quiet=0.2, region=ARTICLE_CELLS)
    keys("bottom", ["k", "j", "b", "space", "p", "p", "n", "g"])
    return rows


def run_one(path: Path, args: argparse.Namespace, scratch: Path) -> None:
    paragraph, words, load_seconds, lines = first_words(path)
    size_mb = path.stat().st_size / 2**20
    anchor_text = scratch / "anchor.txt"
    anchor_text.write_text(paragraph, encoding="utf-8")
    anchors, paints = [], []
    for run in range(args.runs):
        anchors.append(first_paint(minimal_app_command(anchor_text), words))
        cache = {"READER_CACHE_DIR": str(scratch / f"cache-{path.suffix}-{run}")}
        paints.append(first_paint(reader_command(path), words, env=cache))
    anchor, paint = median(anchors), median(paints)
    print(f"\n{path.name}: {size_mb:.1f} MB on disk, {lines} lines at 76 cells")
    print(f"  minimal app first paint     {1000 * anchor:7.0f} ms")
    print(
        f"  reader first paint          {1000 * paint:7.0f} ms   {paint / anchor:.1f}x the minimal"
        f" app   (targets: <= 1000 ms, <= 7x)"
    )
    print(f"  of which the loader alone   {1000 * load_seconds:7.0f} ms   (in process, same file)")
    print(
        "  runs (ms): anchor",
        [round(1000 * t) for t in anchors],
        "reader",
        [round(1000 * t) for t in paints],
    )

    if args.paint_only:
        return

    # Quit in the middle of the analysis.
    pane = Pane(reader_command(path), env={"READER_CACHE_DIR": str(scratch / "cache-quit")})
    pane.wait_for(lambda screen: words in " ".join(screen.split()))
    pane.wait_for(lambda screen: "analysing" in screen and "%" in screen, timeout=60)
    time.sleep(2.0)
    quit_seconds = pane.quit_time("q")
    pane.close()
    quit_text = "did not exit" if quit_seconds is None else f"{1000 * quit_seconds:.0f} ms"
    anchor_pane = Pane(minimal_app_command(anchor_text))
    anchor_pane.wait_for(lambda screen: words in " ".join(screen.split()))
    time.sleep(0.5)
    anchor_quit = anchor_pane.quit_time("q")
    anchor_pane.close()
    anchor_quit_text = "did not exit" if anchor_quit is None else f"{1000 * anchor_quit:.0f} ms"
    print(
        f"  quit mid-analysis           {quit_text:>10}   (target <= 200 ms;"
        f" the minimal app quits in {anchor_quit_text})"
    )

    anchor_keys = anchor_key_latency(anchor_text)
    # Keys during and after the analysis, and the peak memory.
    pane = Pane(reader_command(path), env={"READER_CACHE_DIR": str(scratch / "cache-keys")})
    rows: list[tuple[str, str, str, float | None]] = []
    try:
        pane.wait_for(lambda screen: words in " ".join(screen.split()))
        if analysing(pane.capture()):
            # Once the first results are listed, so that n and p have quotes to go to (before
            # that they only ring the bell, and the first partial result would be timed as
            # their answer).
            with contextlib.suppress(TimeoutError):
                pane.wait_for(lambda screen: LISTED.search(screen) is not None, timeout=60)
            rows += measure_keys(pane, lines, "during analysis")
        child_peak: list[float] = [0.0]
        sampled = [0.0]

        def done(screen: str) -> bool:
            if time.perf_counter() - sampled[0] > 0.5:  # /proc read twice a second at most
                sampled[0] = time.perf_counter()
                child_peak[0] = max(child_peak[0], children_peak_rss_mb(pane.pid))
            return not analysing(screen)

        try:
            analysis_seconds = pane.wait_for(done, timeout=args.analysis_timeout)
            finished = f"analysis done {analysis_seconds:.0f} s after start"
        except TimeoutError:
            finished = f"analysis still running after {args.analysis_timeout:.0f} s"
        if "done" in finished:
            rows += measure_keys(pane, lines, "after analysis")
        rss = pane.peak_rss_mb()
    finally:
        pane.close()
    print(f"  peak RSS (VmHWM)            {rss or 0:7.0f} MB   (target <= 400 MB; {finished})")
    print(
        f"  analysis child peak RSS     {child_peak[0]:7.0f} MB   (sampled while it ran; the"
        " child is a separate process)"
    )
    print("  key-to-screen latency, ms (None: the screen did not change within 2 s):")
    for phase in ("during analysis", "after analysis"):
        for place in ("top", "middle", "bottom"):
            cells = [
                f"{key}={'None' if s is None else round(1000 * s)}"
                for p, where, key, s in rows
                if p == phase and where == place
            ]
            if cells:
                print(f"    {phase:16} {place:7} " + "  ".join(cells))
    measured = [s for *_, s in rows if s is not None]
    if measured:
        print(
            f"    worst {1000 * max(measured):.0f} ms, 95th percentile"
            f" {1000 * percentile(measured, 0.95):.0f} ms, median {1000 * median(measured):.0f} ms"
            f" over {len(measured)} keys   (target <= 50 ms)"
        )
    if anchor_keys:
        print(
            f"    the minimal app (j/k): worst {1000 * max(anchor_keys):.0f} ms, median"
            f" {1000 * median(anchor_keys):.0f} ms over {len(anchor_keys)} keys"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("text", "html"))
    parser.add_argument("--analysis-timeout", type=float, default=900.0)
    parser.add_argument(
        "--paint-only", action="store_true", help="only the first paint (no quit, keys, RSS)"
    )
    parser.add_argument(
        "--probe",
        choices=("control", "spawn"),
        default="control",
        help="capture screens through one tmux control client (default), or a process each",
    )
    args = parser.parse_args()
    require_tmux()
    with tmux_server_held(probe=args.probe), tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        text_path, html_path = write_inputs(scratch / "inputs")
        for kind, path in (("text", text_path), ("html", html_path)):
            if args.only in (None, kind):
                run_one(path, args, scratch)


if __name__ == "__main__":
    main()
