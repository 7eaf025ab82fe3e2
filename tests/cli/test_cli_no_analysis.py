"""`reader extract --no-analysis`: the metadata and the text as JSON, without the NLP, and
`--format text`, which looks for nothing it does not print."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "voa-korea-olympics-talks.txt"

#: A saved page whose date is written only in its text: the date search finds it.
DATED_IN_TEXT = (
    "<html><head><title>Gates open on the lower river</title></head><body><article>"
    "<h1>Gates open on the lower river</h1><p class='meta'>publiziert am 30. Juli 2018</p>"
    "<p>The river authority opened the new flood gates on Monday after three years of work "
    "and a winter of delays caused by the high water that came in January.</p>"
    "<p>Engineers said the gates would protect four hundred homes in the lower town.</p>"
    "</article></body></html>"
)

#: Runs `reader extract` in this process, then prints which heavy modules it imported.
PROBE = """
import json, sys
from reader.cli import main
status = main(sys.argv[1:])
sys.stdout.flush()
watched = ("spacy", "reader.analyze.orchestrate", "dateparser", "reader.load.language",
           "reader.load.page.dates", "reader.load.page.printed_dates")
loaded = [name for name in watched if name in sys.modules]
print("\\n" + json.dumps({"status": status, "loaded": loaded}))
"""


def probe(*args: str) -> tuple[str, dict]:
    """`reader extract ARGS` in a fresh process: its output and what it imported."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "extract", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    output, _, report = result.stdout.rstrip("\n").rpartition("\n")
    return output, json.loads(report)


def test_no_analysis_gives_metadata_and_text_and_never_starts_spacy() -> None:
    output, report = probe(str(SEED), "--format", "json", "--no-analysis", "--no-cache")
    assert report == {"status": 0, "loaded": ["reader.load.language"]}  # no NLP
    data = json.loads(output)
    assert data["analysis"] is None
    assert data["entities"] == [] and data["quotes"] == []
    assert data["title"] == "South Korea Offers Talks With Rival North Over Winter Olympics"
    assert data["lang"] == "en"
    assert "South Korea offered Tuesday to hold high-level talks" in data["text"]


def test_no_analysis_with_jsonl_gives_one_line_per_source(tmp_path: Path) -> None:
    page = tmp_path / "gates.html"
    page.write_text(DATED_IN_TEXT, encoding="utf-8")
    output, report = probe(str(SEED), str(page), "--format", "jsonl", "--no-analysis")
    assert "spacy" not in report["loaded"]
    lines = [json.loads(line) for line in output.splitlines()]
    assert [line["analysis"] for line in lines] == [None, None]
    assert lines[1]["published"] == "2018-07-30"  # the metadata is all there


def test_no_analysis_is_refused_where_the_format_is_the_analysis() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(SEED), "-f", "csv", "--no-analysis"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--no-analysis leaves csv without its entities and quotes" in result.stderr


def test_text_format_searches_no_date_and_detects_no_language(tmp_path: Path) -> None:
    page = tmp_path / "gates.html"
    page.write_text(DATED_IN_TEXT, encoding="utf-8")
    output, report = probe(str(page), "--format", "text")
    assert "opened the new flood gates" in output
    assert report == {"status": 0, "loaded": []}  # neither the date search nor the language


def test_without_date_search_the_loader_leaves_the_date_alone(tmp_path: Path) -> None:
    from reader.load import load

    page = tmp_path / "gates.html"
    page.write_text(DATED_IN_TEXT, encoding="utf-8")
    assert load(str(page), detect_language=False).published == "2018-07-30"
    assert load(str(page), detect_language=False, date_search=False).published is None


def test_the_date_in_the_text_is_found_without_dateparser(tmp_path: Path) -> None:
    page = tmp_path / "gates.html"
    page.write_text(DATED_IN_TEXT, encoding="utf-8")
    output, report = probe(str(page), "--format", "json", "--no-analysis")
    assert json.loads(output)["published"] == "2018-07-30"
    assert "dateparser" not in report["loaded"]
    assert "reader.load.page.printed_dates" in report["loaded"]  # it was searched for


def test_the_date_search_never_hands_the_text_to_dateparser(tmp_path: Path) -> None:
    # htmldate's extensive search gives this line to dateparser, which reads every locale
    # it knows on first use (seconds on some pages); the bounded search does without.
    page = tmp_path / "desk.html"
    page.write_text(
        DATED_IN_TEXT.replace("publiziert am 30. Juli 2018", "Desk | November 20 15:23 2019"),
        encoding="utf-8",
    )
    output, report = probe(str(page), "--format", "json", "--no-analysis")
    assert json.loads(output)["text"]
    assert "reader.load.page.dates" in report["loaded"]
    assert "dateparser" not in report["loaded"]
