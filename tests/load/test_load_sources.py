"""`reader.load.load`: paths, suffixes, stdin, sniffing, and one-sentence errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import LoadError
from reader.load import extract_bytes, kind_for_name, load

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "voa-korea-olympics-talks.txt"
TITLE = "South Korea Offers Talks With Rival North Over Winter Olympics"
PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour Bridge Opens | Bay Courier</title></head><body>"
    "<article><h1>Harbour Bridge Opens</h1><p>The new harbour bridge opened to traffic on "
    "Saturday morning after four years of construction and two long delays.</p>"
    "<p>Hundreds of residents walked across it before the first cars were let on, and the "
    "mayor cut a ribbon at the northern end.</p></article></body></html>"
)


def one_sentence(message: str) -> bool:
    """One sentence: ends with a full stop, no line breaks, no traceback text."""
    return (
        message.endswith(".")
        and "\n" not in message
        and "Traceback" not in message
        and message.count(". ") == 0
    )


def test_seed_loads_from_its_path() -> None:
    assert load(str(SEED)).title == TITLE


def test_stdin_text_is_sniffed_as_scraped_text() -> None:
    article = load("-", stdin=io.BytesIO(SEED.read_bytes()))
    assert article.title == TITLE
    assert article.source == "-"


def test_stdin_html_is_sniffed_as_a_page() -> None:
    article = load("-", stdin=io.BytesIO(PAGE.encode()))
    assert article.title == "Harbour Bridge Opens"
    assert article.text.startswith("The new harbour bridge opened")


def test_unknown_suffix_sniffs_the_content(tmp_path: Path) -> None:
    saved = tmp_path / "story.download"
    saved.write_text(PAGE, encoding="utf-8")
    assert load(str(saved)).title == "Harbour Bridge Opens"
    plain = tmp_path / "story"
    plain.write_bytes(SEED.read_bytes())
    assert load(str(plain)).title == TITLE


def test_gzipped_page_is_unpacked(tmp_path: Path) -> None:
    import gzip

    saved = tmp_path / "story.html.gz"
    saved.write_bytes(gzip.compress(PAGE.encode()))
    assert kind_for_name(str(saved)) == "html"
    assert load(str(saved)).title == "Harbour Bridge Opens"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.txt", "text"),
        ("a.md", "markdown"),
        ("a.pdf", None),
        ("a", None),
    ],
)
def test_kind_for_name(name: str, kind: str | None) -> None:
    assert kind_for_name(name) == kind


def test_cp1252_text_file_is_detected(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("Moon Jae-in", "Mo\u00ebn Jae-in")
    saved = tmp_path / "seed-cp1252.txt"
    saved.write_bytes(text.encode("cp1252"))
    article = load(str(saved))
    assert "Seoul\u2019s overture" in article.text  # the curly apostrophe, byte 0x92
    assert "Mo\u00ebn Jae-in" in article.text


def test_charset_argument_is_used_first() -> None:
    data = "Caf\u00e9 owners said on Monday that the new rules would hurt trade.".encode("cp1252")
    article = extract_bytes(data, "x.txt", kind_hint="text", charset="windows-1252")
    assert article.text.startswith("Caf\u00e9 owners")


# ---------------------------------------------------------------- errors


def expect_error(source: str, pattern: str, **kwargs: object) -> str:
    with pytest.raises(LoadError) as caught:
        load(source, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert one_sentence(message), message
    assert pattern in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.html")
    message = expect_error(path, "does not exist")
    assert path in message


def test_directory(tmp_path: Path) -> None:
    expect_error(str(tmp_path), "is a folder")


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions are not enforced here",
)
def test_no_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("text", encoding="utf-8")
    locked.chmod(0)
    try:
        expect_error(str(locked), "permission denied")
    finally:
        locked.chmod(0o600)


def test_empty_file_and_whitespace_only(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    expect_error(str(empty), "is empty")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"  \n\n\t ")
    expect_error(str(blank), "is empty")


def test_empty_stdin() -> None:
    message = expect_error("-", "is empty", stdin=io.BytesIO(b""))
    assert message.startswith("standard input")


def test_binary_input_with_nul_bytes(tmp_path: Path) -> None:
    data = tmp_path / "data.txt"
    data.write_bytes(b"\x00\x01\x02binary\x00\xff" * 200)
    expect_error(str(data), "binary data")


def test_binary_input_mostly_control_bytes(tmp_path: Path) -> None:
    data = tmp_path / "noise.html"
    data.write_bytes(bytes(range(1, 32)) * 100 + b"<p>hi</p>")
    expect_error(str(data), "binary data")


def test_known_binary_format_is_named(tmp_path: Path) -> None:
    pdf = tmp_path / "paper.html"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    expect_error(str(pdf), "a PDF document")


def test_undecodable_bytes(tmp_path: Path) -> None:
    data = tmp_path / "garbled.txt"
    data.write_bytes(bytes(range(0x80, 0x100)) * 20)
    expect_error(str(data), "character encoding")


def test_no_article_text(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    expect_error(str(page), "No article text found")


def test_import_is_cheap() -> None:
    code = (
        "import sys, reader.load\n"
        "heavy = {'trafilatura', 'lxml', 'bs4', 'charset_normalizer', 'spacy', 'textual',"
        " 'py3langid'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_text_file_loads_without_the_page_pipeline_or_the_unspaced_class() -> None:
    """What the reader's first paint waits for: a text file needs neither the page pipeline's
    modules and regexes, nor `html`, nor the class of unspaced scripts (1.5 ms to compile) for
    English with curly quotes and bullets. A page still finds them on first use."""
    code = (
        "import sys, reader.load, reader.scripts\n"
        f"article = reader.load.load({str(SEED)!r}, detect_language=False)\n"
        "assert article.word_count > 100 and not article.text.isascii()\n"
        "page = {'reader.load.page.' + name for name in ('extract', 'combine', 'density',"
        " 'metadata', 'markup', 'parse', 'links', 'trafilatura_blocks')} | {'html'}\n"
        "print(sorted(page & set(sys.modules)), reader.scripts._unspaced.cache_info().currsize)\n"
        "from reader.load.page import extract_html\n"
        f"extract_html({PAGE.encode()!r}, 'page.html')\n"
        "print(sorted(page - set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[] 0", "[]"]


def test_the_declared_charset_is_read_from_meta_tags_and_the_xml_declaration() -> None:
    from reader.load.decode import declared_html_charset

    assert declared_html_charset(b'<html><head><meta charset="latin-1">') == "cp1252"
    assert (
        declared_html_charset(b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>")
        == "koi8-r"
    )
    xhtml = b'<?xml version="1.0" encoding="ISO-8859-15"?>\n<html><head><title>x</title>'
    assert declared_html_charset(xhtml) == "iso8859-15"
    assert declared_html_charset(b"<html><head><title>no charset</title>") is None
