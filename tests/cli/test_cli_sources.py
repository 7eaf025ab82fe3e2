"""Every kind of source through the `reader` command in a subprocess: folders, several
sources, URLs from a real local server, and each error of the issue's list as one sentence."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.http_server import ARTICLE_TITLE, closed_port, serve

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{title} was the story of the week, and residents of the town spoke of little else "
    "at the market on Saturday morning.</p><p>The council will meet again next month to "
    "decide what happens next, a spokesman said.</p></article></body></html>"
)


def run(
    *args: str, stdin: bytes = b"", prefix: tuple[str, ...] = (), limits: str = "pass"
) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` in a subprocess; `limits` is Python run first (smaller fetch limits)."""
    code = f"import sys, reader.load.fetch as f; {limits}; from reader.cli import main; "
    code += "sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [*prefix, sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def one_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit status 1, nothing on stdout, one `reader: ...` sentence on stderr naming `words`."""
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("reader: ") and line.endswith("."), line
    for word in words:
        assert word in line, line
    return line


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles out of name order, plus files and a sub-folder that are not articles."""
    (tmp_path / "c-third.md").write_text(
        "# Third story\n\nThe third story is a Markdown file with a heading and a paragraph "
        "long enough to count as an article body.\n",
        encoding="utf-8",
    )
    (tmp_path / "a-first.html").write_text(PAGE.format(title="First story"), encoding="utf-8")
    (tmp_path / "b-second.txt").write_text(
        "Second story\n\nThe second story is plain text, written in paragraphs that are long "
        "enough to be an article body.\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.html").write_text(PAGE.format(title="Hidden"), encoding="utf-8")
    nested = tmp_path / "nested"
    nested.mkdir()
    (nested / "d-nested.html").write_text(PAGE.format(title="Nested story"), encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- folders and several sources


def test_extract_folder_prints_its_articles_by_name_not_recursing(folder: Path) -> None:
    result = run("extract", str(folder), "--format", "text")
    assert result.returncode == 0, result.stderr
    first = result.stdout.index("First story was the story")
    second = result.stdout.index("The second story is plain text")
    third = result.stdout.index("The third story is a Markdown file")
    assert first < second < third
    assert "Nested story" not in result.stdout
    assert "Hidden" not in result.stdout


def test_extract_folder_skips_a_readme_and_licences_by_their_content(folder: Path) -> None:
    """A README made of headings, tables and code, and licences (with or without a suffix),
    are not articles: only the three stories are printed, and nothing on stderr."""
    shutil.copy(SAMPLES / "README.md", folder / "README.md")
    licence = (
        "MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted, free of "
        "charge, to any person obtaining a copy of this software.\n"
    )
    (folder / "LICENSE").write_text(licence, encoding="utf-8")
    (folder / "LICENSE.txt").write_text(licence, encoding="utf-8")
    (folder / "NOTES.md").write_text(
        "# Notes\n\n- one\n- two\n- three\n\n```\nmake test\nmake bench\n```\n", encoding="utf-8"
    )
    result = run("extract", str(folder), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    sources = [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()]
    assert sources == ["a-first.html", "b-second.txt", "c-third.md"]


def test_several_sources_in_order_as_jsonl_with_a_bad_one_among_them(
    folder: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.html"
    result = run(
        "extract",
        str(folder / "b-second.txt"),
        str(missing),
        str(folder / "a-first.html"),
        "--format",
        "jsonl",
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records[0]["source"].endswith("b-second.txt")
    assert records[1]["title"] == "First story"
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "gone.html" in errors[0] and "Traceback" not in result.stderr


def test_folder_with_no_articles_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    one_error(run("extract", str(tmp_path)), "holds no article files")


def test_reader_on_a_folder_without_articles_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    one_error(run(str(tmp_path)), str(tmp_path), "holds no article files")


# ---------------------------------------------------------------- file errors


def test_missing_file(tmp_path: Path) -> None:
    one_error(run("extract", str(tmp_path / "gone.html")), "gone.html", "does not exist")


def test_folder_named_where_a_file_is_expected(tmp_path: Path) -> None:
    odd = tmp_path / "looks-like.html"
    odd.mkdir()
    # `reader extract` reads a folder's articles, `load` itself refuses a folder.
    code = "from reader.load import load; load(" + repr(str(odd)) + ")"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "looks-like.html is a folder" in result.stderr
    one_error(run(str(odd)), "looks-like.html", "holds no article files")


@pytest.mark.skipif(
    os.geteuid() == 0 and shutil.which("setpriv") is None,
    reason="root reads every file; setpriv is needed to drop that power",
)
def test_no_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text(PAGE.format(title="Locked"), encoding="utf-8")
    locked.chmod(0)
    # root ignores file modes: run it without the capabilities that let it.
    prefix = (
        ("setpriv", "--bounding-set=-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
    )
    one_error(run("extract", str(locked), prefix=prefix), "locked.html", "permission denied")


def test_empty_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    one_error(run("extract", str(empty), "--format", "text"), "empty.html", "is empty")
    one_error(run("extract", "-", "--format", "text"), "standard input", "is empty")


def test_binary_input(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 16)
    one_error(run("extract", str(pdf), "--format", "text"), "report.txt", "PDF")
    one_error(
        run("extract", "-", "--format", "text", stdin=b"\x00\x01\x02binary" * 100),
        "standard input",
        "binary",
    )


def test_undecodable_bytes(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(
        ("Café ".encode() + "naïve ".encode("cp1252") + "こんにちは".encode("shift_jis")) * 100
    )
    one_error(run("extract", str(mixed), "--format", "text"), "mixed.txt", "character encoding")


# ---------------------------------------------------------------- URLs


def test_extract_url(base: str) -> None:
    result = run("extract", f"{base}/chain?n=2", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The new harbour bridge opened")
    assert ARTICLE_TITLE not in result.stdout


def test_extract_url_json_keeps_the_final_url(base: str) -> None:
    result = run("extract", f"{base}/chain?n=1", "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["url"] == f"{base}/article"
    assert article["title"] == ARTICLE_TITLE


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing", ["/missing", "404"]),
        ("/broken", ["/broken", "500"]),
        ("/pdf", ["/pdf", "application/pdf"]),
        ("/to-file", ["/to-file", "does not follow"]),
        ("/loop-a", ["/loop-a", "loop"]),
    ],
)
def test_url_errors(base: str, path: str, words: list[str]) -> None:
    one_error(run("extract", f"{base}{path}", "--format", "text"), *words)


def test_url_errors_in_the_reader_path_too(base: str) -> None:
    one_error(run(f"{base}/missing"), "/missing", "404")


def test_refused_schemes() -> None:
    one_error(run("extract", "ftp://example.org/story.html"), "ftp://", "http and https")
    one_error(run("file:///etc/hostname"), "file://", "http and https")


def test_refused_connection() -> None:
    url = f"http://127.0.0.1:{closed_port()}/story"
    one_error(run("extract", url, "--format", "text"), url, "refused")


def test_timeout_at_the_total_deadline(base: str) -> None:
    result = run("extract", f"{base}/trickle", "--format", "text", limits="f.DEADLINE = 1.5")
    one_error(result, "/trickle", "longer than 1.5 seconds")


def test_timeout_when_the_server_goes_silent(base: str) -> None:
    result = run("extract", f"{base}/stall", "--format", "text", limits="f.READ_TIMEOUT = 0.5")
    one_error(result, "/stall", "timed out")
