"""The language detector's accuracy and speed on the paragraphs of the benchmark pages.

    python benchmarks/language.py [--data DIR] [--min-chars 40]

Each saved page of the article-extraction benchmark that declares its language
(`<html lang="pt-BR">`) is read by the reader's own loader; every paragraph of at least
--min-chars characters is given to `reader.load.language.detect_language`, and so is the
article as a whole. The truth is the page's declared language (its primary subtag: "pt-BR"
counts as "pt"); a page that declares none is left out. A paragraph whose best guess is
less likely than `MIN_CONFIDENCE` gets no language (the reader then reads it as English);
it counts as wrong, and the accuracy of the guesses made and of the best guess alone are
printed beside. A declaration can be wrong (a page
declared "de" may be in English): the pages where the whole-article guess disagrees are listed
so that a reader can tell the detector's errors from the page's.

Speed: the model's first read (once per process) and the time per paragraph (median, and
characters a second over all paragraphs).
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
DECLARED = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def declared_language(page: bytes) -> str | None:
    match = DECLARED.search(page[:20_000])
    return match.group(1).decode().lower() if match else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-chars", type=int, default=40)
    args = parser.parse_args()

    from reader.errors import LoadError
    from reader.load import extract_bytes
    from reader.load import language as detector

    started = time.perf_counter()
    detector.detect_language("A first call reads the model.")
    model_read = time.perf_counter() - started

    pages = sorted((args.data / "html").glob("*.html.gz"))
    per_language: Counter[str] = Counter()
    right: Counter[str] = Counter()
    undecided = top_right = 0
    articles = articles_right = 0
    disagreements: list[tuple[str, str, str]] = []
    timings: list[float] = []
    characters = 0
    skipped = 0
    for path in pages:
        data = gzip.decompress(path.read_bytes())
        truth = declared_language(data)
        if truth is None:
            skipped += 1
            continue
        try:
            article = extract_bytes(data, path.name, kind_hint="html")
        except LoadError:
            skipped += 1
            continue
        for block in article.blocks:
            if block.kind != "paragraph" or block.end - block.start < args.min_chars:
                continue
            text = article.block_text(block)
            started = time.perf_counter()
            guess = detector.detect_language(text)
            timings.append(time.perf_counter() - started)
            characters += len(text)
            per_language[truth] += 1
            right[truth] += guess == truth
            undecided += guess is None
            top_right += detector.guess_language(text)[0] == truth
        whole = detector.detect_language(article.text)
        articles += 1
        articles_right += whole == truth
        if whole != truth:
            disagreements.append((path.name[:12], truth, str(whole)))

    paragraphs = sum(per_language.values())
    print(f"pages with a declared language: {articles} (left out: {skipped})")
    print(f"paragraphs of >= {args.min_chars} characters: {paragraphs}")
    decided = paragraphs - undecided
    print(
        f"paragraph accuracy: {sum(right.values()) / paragraphs:.3f} "
        f"(undecided, below {detector.MIN_CONFIDENCE}, counted wrong: {undecided}); "
        f"of those decided {sum(right.values()) / decided:.3f}; "
        f"the best guess, however unlikely: {top_right / paragraphs:.3f}"
    )
    print(f"article accuracy:   {articles_right / articles:.3f} ({articles_right}/{articles})")
    print("per declared language (paragraphs right / paragraphs):")
    for language, count in per_language.most_common():
        print(f"  {language}: {right[language]}/{count} = {right[language] / count:.3f}")
    print(f"model read: {model_read * 1000:.0f} ms (once per process)")
    print(
        f"per paragraph: median {statistics.median(timings) * 1e6:.0f} us, "
        f"{characters / sum(timings) / 1e6:.2f} M characters a second"
    )
    if disagreements:
        print("pages whose whole text is not in the declared language (page, declared, found):")
        for name, truth, found in disagreements:
            print(f"  {name}  {truth} -> {found}")


if __name__ == "__main__":
    main()
