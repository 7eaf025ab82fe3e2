"""The archive from the command line, run as a user runs it: `reader extract --save`, then
`reader quotes`, `reader archive ...` and `reader people ...`, each in a subprocess, on the
real SQLite file in the test's data folder."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from support.archive_helpers import story

from reader.archive.store import Archive
from reader.store.dirs import archive_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "voa-korea-olympics-talks.txt"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


def one_sentence(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("reader: ")
    for word in words:
        assert word in line, line
    return line


def test_extract_save_archives_and_quotes_finds_by_speaker_and_words() -> None:
    saved = run("extract", "--save", "--format", "text", str(SEED))
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.strip()  # the extraction is printed as without --save
    found = run("quotes", "--speaker", "trump", "--format", "json")
    assert found.returncode == 0, found.stderr
    quotes = json.loads(found.stdout)
    assert quotes and {q["speaker"] for q in quotes} == {"Donald Trump"}
    for quote in quotes:
        assert "Donald Trump" in quote["citation"]
        assert "South Korea Offers Talks" in quote["citation"]
    words = json.loads(run("quotes", "nuclear program", "-f", "json").stdout)
    assert words and all(
        "nuclear" in q["text"].lower() and "program" in q["text"].lower() for q in words
    )
    # Saving the same article again keeps it once.
    assert run("extract", "--save", "-f", "text", str(SEED)).returncode == 0
    again = json.loads(run("quotes", "--speaker", "trump", "-f", "json").stdout)
    assert len(again) == len(quotes)


def test_since_speaker_and_the_formats_keep_text_as_data() -> None:
    with Archive.open(archive_path()) as archive:
        archive.add(story(1, "Ana Ruiz", "=HYPERLINK(evil) now", published="2025-01-10"))
        archive.add(story(2, "Ana Ruiz", "<script>x</script> now", published="2025-03-01"))
        archive.add(story(3, "Ben Ode", "nothing now", published="2025-05-01"))
    since = json.loads(run("quotes", "now", "--since", "2025-02-01", "-f", "json").stdout)
    assert [q["speaker"] for q in since] == ["Ana Ruiz", "Ben Ode"]
    table = run("quotes", "--speaker", "ana ruiz", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [row["text"] for row in rows] == ["'=HYPERLINK(evil) now", "<script>x</script> now"]
    assert rows[0]["citation"].startswith("“=HYPERLINK")  # inside the cell, not at its start
    markdown = run("quotes", "--speaker", "ruiz", "-f", "markdown").stdout
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert markdown.count("\n- ") == 1 and markdown.startswith("- ")
    text = run("quotes", "--speaker", "Ruiz").stdout.splitlines()
    assert text[0].startswith("“=HYPERLINK(evil) now” — Ana Ruiz, Story 1, VOA News, 2025-01-10")
    assert run("quotes", "--speaker", "Ruiz", "--since", "2026-01-01").returncode == 1


def test_bad_input_is_one_sentence() -> None:
    dated = run("quotes", "x", "--since", "last week")  # argparse: the usage, then the error
    assert dated.returncode == 2 and "Traceback" not in dated.stderr
    assert "expected a date as YYYY-MM-DD" in dated.stderr.splitlines()[-1]
    one_sentence(run("quotes"), "--speaker")
    one_sentence(run("archive", "import", "/nonexistent/file.jsonl"), "cannot read")
    bad = ROOT / "pyproject.toml"
    one_sentence(run("archive", "import", str(bad)), "line 1")
    one_sentence(run("people", "split", "999", "--article", "1"), "999")


def test_an_unusable_archive_is_one_sentence_and_extract_still_prints(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    result = run(
        "extract", "--save", "-f", "text", str(SEED), env={"READER_DATA_DIR": str(blocker)}
    )
    assert "South Korea" in result.stdout
    one_sentence(result, "archive is not available")


def test_stats_vacuum_and_the_export_round_trip(tmp_path: Path) -> None:
    with Archive.open(archive_path()) as archive:
        for number in range(5):
            archive.add(story(number, "Kim Jong Un", site=f"Outlet {number % 2}"))
        archive.add(story(9, "Kim Jong Un", site="Outlet 9"))
    kim = next(p for p in json.loads(run("people", "list", "-f", "json").stdout)
               if p["name"] == "Kim Jong Un")  # fmt: skip
    assert kim["articles"] == 6 and kim["quotes"] == 6
    last = json.loads(run("quotes", "--speaker", "kim", "-f", "json").stdout)[-1]["article_id"]
    assert run("people", "split", str(kim["id"]), "--article", str(last)).returncode == 0

    stats = run("archive", "stats").stdout
    assert "articles      6" in stats and "quotes        6" in stats and "per article" in stats
    assert run("archive", "vacuum").returncode == 0

    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run("archive", "export", str(first)).returncode == 0
    empty = {"READER_DATA_DIR": str(tmp_path / "elsewhere")}
    imported = run("archive", "import", str(first), env=empty)
    assert imported.returncode == 0 and "6 articles" in imported.stdout
    assert run("archive", "export", str(second), env=empty).returncode == 0
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    # The split came along: two Kim Jong Uns, one with the last article only.
    moved = json.loads(run("people", "list", "-f", "json", env=empty).stdout)
    assert sorted(p["articles"] for p in moved if p["name"] == "Kim Jong Un") == [1, 5]


def test_quotes_prints_the_oldest_hundred_and_says_how_to_have_the_rest() -> None:
    from reader.archive.cli import DEFAULT_LIMIT

    with Archive.open(archive_path()) as archive:
        for number in range(DEFAULT_LIMIT + 5):
            day = f"2025-{1 + number // 28:02d}-{1 + number % 28:02d}"
            archive.add(story(number, "Ana Ruiz", f"Said {number}", published=day))
    shown = run("quotes", "--speaker", "ruiz")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == DEFAULT_LIMIT
    assert lines[0].startswith("“Said 0”") and lines[-1].startswith(f"“Said {DEFAULT_LIMIT - 1}”")
    [said] = shown.stderr.strip().splitlines()
    assert said == "reader: 5 more quotes not shown; --limit 0 prints all of them."
    every = run("quotes", "--speaker", "ruiz", "--limit", "0", "-f", "json")
    assert every.returncode == 0 and every.stderr == ""
    assert [q["text"] for q in json.loads(every.stdout)] == [
        f"Said {n}" for n in range(DEFAULT_LIMIT + 5)
    ]
    two = run("quotes", "--speaker", "ruiz", "--limit", "2", "-f", "csv")
    assert "103 more quotes" in two.stderr
    assert len(list(csv.DictReader(io.StringIO(two.stdout)))) == 2
    exact = run("quotes", "--speaker", "ruiz", "--limit", str(DEFAULT_LIMIT + 5))
    assert exact.stderr == "" and len(exact.stdout.splitlines()) == DEFAULT_LIMIT + 5
    one_sentence(run("quotes", "--speaker", "ruiz", "--limit", "-1"), "--limit")
