"""Property tests: every loader, on any input, returns a clean Article or raises ReaderError.

Quick runs (50 examples each) are part of the suite; `pytest -m fuzz` runs 10,000 each.
"""

from __future__ import annotations

import io

from hypothesis import strategies as st
from support.fuzz_profiles import HTML, TEXT, quick_and_long
from support.hostile_helpers import check_article

from reader.errors import ReaderError
from reader.load import extract_bytes, load
from reader.load.markdown import extract_markdown
from reader.load.page import extract_html
from reader.load.text import extract_text
from reader.sanitize import clean_text


def check_clean_text(text: str) -> None:
    from support.hostile_helpers import FORBIDDEN

    cleaned = clean_text(text)
    assert FORBIDDEN.search(cleaned) is None
    assert clean_text(cleaned) == cleaned  # cleaning twice changes nothing


def check_text(text: str) -> None:
    try:
        article = extract_text(text, "story.txt")
    except ReaderError:
        return
    check_article(article)


def check_markdown(text: str) -> None:
    try:
        article = extract_markdown(text, "story.md")
    except ReaderError:
        return
    check_article(article)


def check_html(page: str, encoding: str) -> None:
    try:
        article = extract_html(page.encode(encoding, "surrogatepass"), "page.html")
    except ReaderError:
        return
    check_article(article)


def check_bytes(data: bytes, hint: str | None) -> None:
    try:
        article = extract_bytes(data, "source", kind_hint=hint)
    except ReaderError:
        return
    check_article(article)


def check_stdin(prefixed: tuple[bytes, bytes]) -> None:
    """Bytes behind a byte-order mark or a gzip magic number, or behind nothing."""
    try:
        article = load("-", stdin=io.BytesIO(prefixed[0] + prefixed[1]))
    except ReaderError:
        return
    check_article(article)


ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-32"])
HINTS = st.sampled_from(["html", "text", "markdown", None])
BYTES = st.binary(max_size=2000) | HTML.map(lambda s: s.encode("utf-8", "surrogatepass"))
PREFIXED = st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x1f\x8b"]), BYTES)

test_clean_text_quick, test_clean_text_long = quick_and_long(check_clean_text, st.text())
test_text_quick, test_text_long = quick_and_long(check_text, TEXT)
test_markdown_quick, test_markdown_long = quick_and_long(check_markdown, TEXT)
test_html_quick, test_html_long = quick_and_long(check_html, HTML, ENCODINGS)
test_bytes_quick, test_bytes_long = quick_and_long(check_bytes, BYTES, HINTS)
test_stdin_quick, test_stdin_long = quick_and_long(check_stdin, PREFIXED)
