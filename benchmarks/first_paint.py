"""First paint of the seed article against a minimal Textual app, as a person sees it.

    python benchmarks/first_paint.py [--runs 5]

Each run starts the program in a fresh 120x40 tmux session and polls `tmux capture-pane` until
the first words of the seed's first paragraph are on screen. The anchor (a Textual app with one
`Static` holding that paragraph) and the reader alternate, run by run, so that machine noise
falls on both. The reader runs with an empty analysis cache (its worker starts spaCy while the
article paints) and again with the analysis cached from a previous open.
Target: reader / anchor <= 1.6 (medians).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from terminal import (
    first_paint,
    median,
    minimal_app_command,
    reader_command,
    require_tmux,
    tmux_server_held,
)

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "voa-korea-olympics-talks.txt"


def first_words(source: Path, count: int = 6) -> tuple[str, str]:
    """The seed's first paragraph and its first `count` words."""
    from reader.load import load

    article = load(str(source))
    block = next(b for b in article.blocks if b.kind == "paragraph")
    paragraph = article.block_text(block)
    return paragraph, " ".join(paragraph.split()[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    require_tmux()
    paragraph, words = first_words(SEED)
    with tmux_server_held(), tempfile.TemporaryDirectory() as scratch:
        text_file = Path(scratch) / "paragraph.txt"
        text_file.write_text(paragraph, encoding="utf-8")
        warm_cache = str(Path(scratch) / "warm-cache")
        anchor, cold, warm = [], [], []
        first_paint(reader_command(SEED), words, env={"READER_CACHE_DIR": warm_cache})
        for run in range(args.runs):
            anchor.append(first_paint(minimal_app_command(text_file), words))
            empty = str(Path(scratch) / f"empty-{run}")
            cold.append(first_paint(reader_command(SEED), words, env={"READER_CACHE_DIR": empty}))
            warm.append(
                first_paint(reader_command(SEED), words, env={"READER_CACHE_DIR": warm_cache})
            )
    base = median(anchor)
    print(f"first paint, median of {args.runs} runs (120x40 tmux), words: {words!r}")
    print(f"  minimal Textual app (one Static)   {1000 * base:7.0f} ms   1.00x")
    for label, times in (
        ("reader, seed, empty cache", cold),
        ("reader, seed, cached analysis", warm),
    ):
        value = median(times)
        print(f"  {label:34} {1000 * value:7.0f} ms   {value / base:.2f}x   (target <= 1.6x)")
    print("  runs (ms): anchor", [round(1000 * t) for t in anchor])
    print("             empty ", [round(1000 * t) for t in cold])
    print("             cached", [round(1000 * t) for t in warm])


if __name__ == "__main__":
    main()
