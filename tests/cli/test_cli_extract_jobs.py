"""`reader extract --jobs N` (several processes, output in order) and `--no-cache`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"


def run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "READER_CACHE_DIR": str(cache)},
    )


def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in (
        "lisbon-free-trams.txt",
        "voa-korea-olympics-talks.txt",
        "clyde-ferry-strike.html",
    ):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "broken.html").write_bytes(b"")
    return folder


@pytest.mark.slow
def test_jobs_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    one = run("extract", str(folder), "-f", "jsonl", "--no-cache", cache=tmp_path / "c1")
    two = run(
        "extract", str(folder), "-f", "jsonl", "--jobs", "2", "--no-cache", cache=tmp_path / "c2"
    )
    assert one.returncode == two.returncode == 1  # the empty page fails, the others print
    assert one.stdout == two.stdout
    sources = [json.loads(line)["source"] for line in two.stdout.splitlines()]
    assert [Path(s).name for s in sources] == [
        "clyde-ferry-strike.html",
        "lisbon-free-trams.txt",
        "voa-korea-olympics-talks.txt",
    ]
    assert one.stderr == two.stderr and "broken.html" in two.stderr


@pytest.mark.slow
def test_extract_stores_analyses_and_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    seed = str(SAMPLES / "voa-korea-olympics-talks.txt")
    cache = tmp_path / "cache"
    untouched = run("extract", seed, "-f", "jsonl", "--no-cache", cache=cache)
    assert untouched.returncode == 0 and not cache.exists()
    first = run("extract", seed, "-f", "jsonl", cache=cache)
    assert (cache / "analyses.sqlite3").exists()
    again = run("extract", seed, "-f", "jsonl", cache=cache)
    assert first.stdout == again.stdout == untouched.stdout


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    result = run("extract", str(SAMPLES), "--jobs", "0", cache=tmp_path)
    assert result.returncode == 2 and "--jobs" in result.stderr
