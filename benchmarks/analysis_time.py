"""How much our analysis rules add to spaCy's own pipeline time, on the sample articles.

    python benchmarks/analysis_time.py [--repeat N]

For each sample: the best of N runs of the spaCy pass over the article's blocks
(`parse_article`, the same call `analyze` makes) and the best of N runs of our rules on that
parse (`analyze_parsed`); the overhead is rules / spaCy. The goal is at most 25%.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from reader.analyze import analyze_parsed, load_model, parse_article
from reader.load import load

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time spaCy against our rules.")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_model()
    total_spacy = total_rules = 0.0
    print(f"{'sample':36} {'chars':>7} {'spaCy s':>8} {'rules s':>8} {'overhead':>8}")
    paths = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in ARTICLE_SUFFIXES]
    for path in paths:
        if path.name.lower().startswith("readme"):
            continue
        article = load(str(path))
        chunks = parse_article(article)
        spacy_time = best_of(args.repeat, lambda article=article: parse_article(article))
        rules_time = best_of(
            args.repeat, lambda article=article, chunks=chunks: analyze_parsed(article, chunks)
        )
        total_spacy += spacy_time
        total_rules += rules_time
        share = rules_time / spacy_time
        print(
            f"{path.name:36} {len(article.text):7} {spacy_time:8.3f} {rules_time:8.3f} {share:8.1%}"
        )
    print(
        f"{'all':36} {'':7} {total_spacy:8.3f} {total_rules:8.3f} {total_rules / total_spacy:8.1%}"
    )


if __name__ == "__main__":
    main()
