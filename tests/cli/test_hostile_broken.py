"""Broken input through the `reader` command: a readable article where there is one, else one
sentence on stderr and exit status 1; never a traceback, never a hang."""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BODY = (
    "The council voted on Tuesday to rebuild the old harbour wall before the winter storms. "
    "Engineers said the work would take three months and close the promenade to walkers."
)
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour wall vote</title>"
    f"</head><body><article><h1>Harbour wall vote</h1><p>{BODY}</p><p>{BODY}</p>"
    "</article></body></html>"
)


def reader(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),  # the output must be valid UTF-8
        result.stderr.decode("utf-8"),
    )


def assert_read(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stdout


def assert_one_sentence(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: "), result.stderr
    assert lines[0].rstrip().endswith("."), lines[0]
    assert "\x1b" not in lines[0]
    for word in words:
        assert word in lines[0]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# ---------------------------------------------------------------- readable despite damage


def test_stray_nul_bytes_in_a_text_are_dropped(tmp_path: Path) -> None:
    damaged = BODY.replace("wall", "wa\x00ll")
    data = f"Harbour wall vote\n\n{BODY}\x00\n\n{damaged}\n".encode()
    result = reader("extract", write(tmp_path, "story.txt", data), "--format", "text")
    assert_read(result, "harbour wall")
    assert "\x00" not in result.stdout


def test_stray_nul_bytes_in_a_page_are_dropped(tmp_path: Path) -> None:
    data = PAGE.replace("<p>", "<p>\x00", 1).encode()
    assert_read(reader("extract", write(tmp_path, "page.html", data), "--format", "text"), BODY)


def test_invalid_utf8_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    data = PAGE.encode().replace(b"harbour", b"harb\xff\xfeour", 1)
    result = reader("extract", write(tmp_path, "page.html", data), "--format", "text")
    assert_read(result, "Engineers said")


def test_mixed_encodings_are_read(tmp_path: Path) -> None:
    """UTF-8 and Latin-1 in one file (a page pasted together from two sources)."""
    data = (
        PAGE.replace(
            "</article>",
            "<p>Caf\u00e9 owners w\u00e9re pleased, the mayor said on "
            "Tuesday evening at the town hall.</p></article>",
        )
        .encode()
        .replace("w\u00e9re".encode(), b"w\xe9re")
    )
    result = reader("extract", write(tmp_path, "page.html", data), "--format", "text")
    assert_read(result, "Engineers said")


def test_truncated_html_keeps_what_arrived(tmp_path: Path) -> None:
    data = PAGE.encode()[: PAGE.index("</p>") + 2]  # cut inside the first closing tag
    result = reader("extract", write(tmp_path, "page.html", data), "--format", "text")
    assert_read(result, "harbour wall")


def test_truncated_html_is_analysed(tmp_path: Path) -> None:
    data = PAGE.encode()[:-40]
    result = reader("extract", write(tmp_path, "page.html", data), "--format", "json")
    assert_read(result)
    assert json.loads(result.stdout)["title"] == "Harbour wall vote"


def test_a_truncated_gzip_page_is_one_sentence(tmp_path: Path) -> None:
    data = gzip.compress(PAGE.encode())[:-20]
    result = reader("extract", write(tmp_path, "page.html.gz", data), "--format", "text")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    if result.returncode == 1:
        assert_one_sentence(result, "page.html.gz")


def test_escapes_in_a_file_name_do_not_reach_the_terminal(tmp_path: Path) -> None:
    name = "x\x1b]0;pwned\x07.html"
    result = reader("extract", str(tmp_path / name), "--format", "text")
    assert_one_sentence(result, "does not exist")


# ---------------------------------------------------------------- no article: one sentence


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.html", b"", ["empty"]),
        ("blank.txt", b" \n\t\n  \n", ["empty"]),
        ("nul.txt", b"\x00" * 4096, ["binary"]),
        ("random.html", bytes(random.Random(7).randrange(256) for _ in range(20_000)), []),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(200), ["PNG"]),
        ("program.txt", b"\x7fELF\x02\x01\x01" + bytes(500), ["program"]),
        ("utf16.txt", "no byte-order mark".encode("utf-16-le") * 50, []),
        ("tags.html", b"<html><body><div></div></body></html>", ["No article"]),
        ("comment.html", b"<!-- " + b"x" * 5000, []),
        ("markup.md", b"---\ntitle: x\n---\n# Only a heading\n", ["Markdown"]),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_no_article_is_one_sentence_and_status_1(
    tmp_path: Path, name: str, data: bytes, words: list[str]
) -> None:
    result = reader("extract", write(tmp_path, name, data), "--format", "text")
    assert_one_sentence(result, *words)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02" * 1000, b"\x1f\x8b\x08\x00garbage", b"%PDF-1.7\n"],
    ids=["empty", "binary", "bad-gzip", "pdf"],
)
def test_standard_input_without_an_article_is_one_sentence(data: bytes) -> None:
    assert_one_sentence(reader("extract", "-", "--format", "text", stdin=data), "standard input")


def test_standard_input_with_escapes_is_read_clean() -> None:
    data = PAGE.replace(BODY, "\x1b]52;c;cHduZWQ=\x07" + BODY + "\x1b[2J", 1).encode()
    result = reader("extract", "-", "--format", "json", stdin=data)
    assert_read(result, "harbour wall")
    assert "\\u001b" not in result.stdout and "\x1b" not in result.stdout
    assert "cHduZWQ" not in result.stdout


def test_the_reader_itself_refuses_broken_input_before_any_screen(tmp_path: Path) -> None:
    result = reader(write(tmp_path, "empty.html", b""))
    assert_one_sentence(result, "empty")
    assert result.stdout == ""
