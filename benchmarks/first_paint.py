"""First paint of the seed article against a minimal Textual app, as a person sees it.

    python benchmarks/first_paint.py [--runs 5]

Each run starts the program in a fresh 120x40 tmux session and polls `tmux capture-pane` until
the first words of the seed's first paragraph are on screen. The anchor (a Textual app with one
`Static` holding that paragraph) and the reader alternate, run by run, so that machine noise
falls on both. The reader runs with an empty analysis cache (its worker starts spaCy while the
article paints) and again with the analysis cached from a previous open.
Target: reader / anchor <= 1.6 (medians).

    python benchmarks/first_paint.py --runs 9 --against ../other-checkout

With `--against`, the reader of another checkout (an older commit, say) runs too, from its
own directory so that it runs its own code, interleaved run by run with ours and the anchor:
both readers' ratios come from the same run, and so does ours / theirs.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from terminal import (
    REPO,
    compile_sources,
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
    parser.add_argument(
        "--against", type=Path, help="another checkout whose reader runs beside ours"
    )
    args = parser.parse_args()
    require_tmux()
    other: Path | None = args.against.resolve() if args.against else None
    if other is not None:
        if not (other / "reader" / "__main__.py").exists():
            raise SystemExit(f"{other} is not a checkout of the reader (no reader/__main__.py)")
        compile_sources(other)
    paragraph, words = first_words(SEED)
    with tmux_server_held(), tempfile.TemporaryDirectory() as scratch:
        text_file = Path(scratch) / "paragraph.txt"
        text_file.write_text(paragraph, encoding="utf-8")
        warm_cache = str(Path(scratch) / "warm-cache")
        trees = {"this checkout": REPO} | ({"other checkout": other} if other else {})
        anchor: list[float] = []
        rows: dict[str, list[float]] = {}
        for number, (tree_label, root) in enumerate(trees.items()):
            warm_env = {"READER_CACHE_DIR": f"{warm_cache}-{number}"}
            first_paint(reader_command(SEED), words, env=warm_env, cwd=root)
            rows[f"{tree_label}, empty cache"] = []
            rows[f"{tree_label}, cached analysis"] = []
        for run in range(args.runs):
            anchor.append(first_paint(minimal_app_command(text_file), words))
            for number, (tree_label, root) in enumerate(trees.items()):
                empty = {"READER_CACHE_DIR": str(Path(scratch) / f"empty-{number}-{run}")}
                warm_env = {"READER_CACHE_DIR": f"{warm_cache}-{number}"}
                for row, env in (("empty cache", empty), ("cached analysis", warm_env)):
                    seconds = first_paint(reader_command(SEED), words, env=env, cwd=root)
                    rows[f"{tree_label}, {row}"].append(seconds)
    base = median(anchor)
    print(f"first paint, median of {args.runs} runs (120x40 tmux), words: {words!r}")
    if other is not None:
        print(f"  other checkout: {other}")
    print(f"  minimal Textual app (one Static)   {1000 * base:7.0f} ms   1.00x")
    for label, times in rows.items():
        value = median(times)
        print(f"  {label:34} {1000 * value:7.0f} ms   {value / base:.2f}x   (target <= 1.6x)")
    if other is not None:
        for row in ("empty cache", "cached analysis"):
            ours = median(rows[f"this checkout, {row}"])
            theirs = median(rows[f"other checkout, {row}"])
            print(f"  this / other checkout, {row}: {ours / theirs:.2f}x")
    print("  runs (ms): anchor", [round(1000 * t) for t in anchor])
    for label, times in rows.items():
        print(f"    {label:34}", [round(1000 * t) for t in times])


if __name__ == "__main__":
    main()
