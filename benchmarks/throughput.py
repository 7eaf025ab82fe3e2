"""Analysis throughput against raw spaCy, and `reader extract --jobs` against one process.

    python benchmarks/throughput.py [--repeat 3] [--copies 4] [--jobs 2] [--runs 3]

1. Same texts, same run: the sample articles' blocks through raw `nlp.pipe` (the model alone),
   against `reader.analyze.analyze` on the same articles (the model plus our rules). Best of
   --repeat; throughput ratio = raw time / our time. Target >= 0.8.
2. `reader extract DIR --format jsonl --no-cache` on a folder of --copies copies of every
   sample (each copy a different file), with --jobs 1 and --jobs N, wall-clock in a subprocess
   (model loading included, as a user pays it), --runs times each, alternating; medians.
   Target on 2 cores: jobs-N speed-up >= 1.7.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_articles"


def sample_paths() -> list[Path]:
    return [
        path
        for path in sorted(SAMPLES.iterdir())
        if path.suffix in (".txt", ".html") and not path.name.lower().startswith("readme")
    ]


def best_of(repeat: int, run) -> float:  # noqa: ANN001 - a zero-argument callable
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def analysis_against_spacy(repeat: int) -> None:
    from reader.analyze import analyze, load_model
    from reader.analyze.nlp import BATCH_SIZE
    from reader.load import load

    nlp = load_model()
    articles = [load(str(path)) for path in sample_paths()]
    texts = [article.block_text(block) for article in articles for block in article.blocks]
    list(nlp.pipe(texts[:20]))  # warm up
    raw = best_of(repeat, lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)))
    ours = best_of(repeat, lambda: [analyze(article) for article in articles])
    chars = sum(len(text) for text in texts)
    print(f"analysis throughput, {len(articles)} articles, {chars} characters, best of {repeat}")
    print(f"  raw spaCy nlp.pipe        {raw:6.2f} s  {chars / raw / 1000:6.1f} k chars/s")
    print(f"  reader.analyze.analyze    {ours:6.2f} s  {chars / ours / 1000:6.1f} k chars/s")
    print(f"  ratio (ours / raw)        {raw / ours:6.2f}x   (target >= 0.8)")


def extract_jobs(copies: int, jobs: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles"
        articles.mkdir()
        for copy in range(copies):
            for path in sample_paths():
                shutil.copy(path, articles / f"{copy:02d}-{path.name}")
        env = {**os.environ, "READER_CACHE_DIR": str(Path(folder) / "cache")}
        runs_of: dict[int, list[float]] = {1: [], jobs: []}
        outputs = {}
        for count in [1, jobs] * runs:
            command = [
                sys.executable,
                "-m",
                "reader",
                "extract",
                str(articles),
                "--format",
                "jsonl",
                "--no-cache",
                "--jobs",
                str(count),
            ]
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            runs_of[count].append(time.perf_counter() - started)
            outputs[count] = result.stdout
            if result.returncode != 0:
                print(
                    f"  --jobs {count} failed ({result.returncode}): {result.stderr.strip()[-300:]}"
                )
        files = len(list(articles.iterdir()))
    times = {count: statistics.median(values) for count, values in runs_of.items()}
    same = "identical" if outputs[1] == outputs[jobs] else "DIFFERENT"
    print(
        f"reader extract, {files} files, --format jsonl --no-cache, {os.cpu_count()} CPUs,"
        f" median of {runs}"
    )
    print(f"  --jobs 1                  {times[1]:6.2f} s  {files / times[1]:5.2f} files/s")
    print(
        f"  --jobs {jobs}                  {times[jobs]:6.2f} s  {files / times[jobs]:5.2f} files/s"
    )
    print(
        f"  speed-up                  {times[1] / times[jobs]:6.2f}x   (target >= 1.7 on 2 cores;"
        f" output {same})"
    )
    for count, values in runs_of.items():
        print(f"  runs (s), --jobs {count}: {[round(value, 2) for value in values]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from terminal import compile_sources

    compile_sources()
    analysis_against_spacy(args.repeat)
    extract_jobs(args.copies, args.jobs, args.runs)


if __name__ == "__main__":
    main()
