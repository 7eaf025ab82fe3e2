"""The `reader` command, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "voa-korea-olympics-talks.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def assert_one_sentence_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: ")
    for word in words:
        assert word in lines[0]


def test_version() -> None:
    from reader import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reader {__version__}"


def test_help_names_the_sources_and_extract() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in (".html", ".txt", "standard input", "reader extract"):
        assert word in result.stdout


def test_extract_help_lists_every_format() -> None:
    result = run("extract", "--help")
    assert result.returncode == 0
    for name in ("json", "jsonl", "markdown", "text"):
        assert name in result.stdout


def test_missing_file_is_one_sentence_and_status_1(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.html"
    assert_one_sentence_error(run(str(missing)), "nowhere.html")
    assert_one_sentence_error(run("extract", str(missing)), "nowhere.html")


def test_directory_is_one_sentence_and_status_1(tmp_path: Path) -> None:
    assert_one_sentence_error(run(str(tmp_path)), tmp_path.name)


def test_empty_and_binary_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_sentence_error(run("extract", str(empty), "--format", "text"), "empty.txt")
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 64)
    assert_one_sentence_error(run("extract", str(binary), "--format", "text"), "photo.html")


def test_no_source_at_a_terminal_says_what_to_do() -> None:
    # With no SOURCE and nothing piped in, the reader reads standard input: empty here.
    result = run(stdin=b"")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def seed_json() -> dict:
    result = run("extract", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_extract_json_follows_the_contract(seed_json: dict) -> None:
    data = seed_json
    assert set(data) == {
        "source", "title", "byline", "site", "published", "url", "limits", "lang",
        "text", "blocks", "links", "marks", "analysis", "entities", "quotes",
    }
    assert data["analysis"] == {"entities": len(data["entities"]), "quotes": len(data["quotes"])}
    assert data["limits"] == []  # no cap reached on an ordinary article
    assert data["lang"] == "en"
    text = data["text"]
    for link in data["links"]:
        assert 0 <= link["start"] < link["end"] <= len(text)
        assert link["href"].startswith(("http://", "https://", "mailto:"))
    assert data["title"] == "South Korea Offers Talks With Rival North Over Winter Olympics"
    assert text == "\n\n".join(text[b["start"] : b["end"]] for b in data["blocks"])
    for block in data["blocks"]:
        assert block["kind"] in {"heading", "paragraph", "caption", "blockquote", "list_item"}
    for entity in data["entities"]:
        assert entity["type"] in {"PERSON", "ORG", "PLACE", "DATE", "OTHER"}
        assert entity["mentions"], entity
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
    assert data["quotes"]
    for quote in data["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["kind"] in {"direct", "partial", "indirect"}
        if quote["speaker_id"] is not None:
            ids = {entity["id"]: entity["name"] for entity in data["entities"]}
            assert ids[quote["speaker_id"]] == quote["speaker"]


def test_extract_text_is_the_body_without_title_or_captions(seed_json: dict) -> None:
    result = run("extract", str(SEED), "--format", "text")
    assert result.returncode == 0, result.stderr
    body = result.stdout
    assert body.startswith("South Korea offered Tuesday to hold high-level talks")
    assert "Offers Talks With Rival North" not in body
    assert "FILE - The Pyeongchang" not in body
    assert "Rocket man now wants to talk" in body


def test_extract_jsonl_gives_one_object_per_source_in_order(tmp_path: Path) -> None:
    other = tmp_path / "note.txt"
    other.write_text(
        "A Quiet Day In The Harbour\n\n"
        'The harbour master, Ana Ruiz, said the boats were safe. "We have seen worse," she said.\n',
        encoding="utf-8",
    )
    result = run("extract", str(SEED), str(other), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["source"].endswith("voa-korea-olympics-talks.txt")
    assert second["source"].endswith("note.txt")
    assert [q["text"] for q in second["quotes"]] == ["We have seen worse,"]


def test_extract_keeps_going_after_a_bad_source(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "gone.txt"), str(SEED), "--format", "text")
    assert result.returncode == 1
    assert "gone.txt" in result.stderr
    assert "South Korea offered Tuesday" in result.stdout


def test_extract_reads_standard_input() -> None:
    page = (
        b"<html><head><title>Harbour Reopens | The Coast Post</title></head><body><article>"
        b"<h1>Harbour Reopens</h1><p>The harbour reopened on Monday after a week of storms, "
        b"and the first boats went out at dawn.</p><p>Fishermen said the catch was good and "
        b"that prices at the market held steady through the morning.</p></article></body></html>"
    )
    result = run("extract", "-", "--format", "text", stdin=page)
    assert result.returncode == 0, result.stderr
    assert "The harbour reopened on Monday" in result.stdout


def test_extract_markdown_has_body_entities_and_quotes() -> None:
    result = run("extract", str(SEED), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# South Korea Offers Talks With Rival North Over Winter Olympics")
    assert "## Entities" in out and "## Quotes" in out
    assert "### Grant Newsham" in out
    assert "Kim Jong Un" in out


def test_global_options_work_before_and_after_a_subcommand(tmp_path: Path) -> None:
    """`reader --config PATH extract ...`, as the README writes it, reaches `extract`; so do
    `--config=PATH`, `--no-cache`, and the options after the subcommand's name."""
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n', encoding="utf-8")
    expected = run("extract", "--format", "text", str(SEED))
    assert expected.returncode == 0, expected.stderr
    for args in (
        ("--config", str(config), "extract", "--format", "text", str(SEED)),
        (f"--config={config}", "--no-cache", "extract", "--format", "text", str(SEED)),
        ("extract", "--config", str(config), "--format", "text", str(SEED)),
    ):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout == expected.stdout
        assert result.stderr == ""
    missing = run("--config", str(tmp_path / "none.toml"), "extract", "--format", "text", str(SEED))
    assert missing.returncode == 0
    assert missing.stdout == expected.stdout
    assert (
        missing.stderr.strip()
        == f"reader: No config file at {tmp_path / 'none.toml'}; using the default settings."
    )
    listed = run("--config", str(config), "feeds", "list")
    assert listed.returncode == 0, listed.stderr
