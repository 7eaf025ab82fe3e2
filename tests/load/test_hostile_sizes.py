"""Hostile pages at the sizes issue 15 names: a 40 MB attribute, a 62 MB gzip page, a menu
line built to make a pattern backtrack. Each is timed against an anchor from the same run
(lxml parsing the same bytes), never against a clock; `benchmarks/hostile.py` prints the
absolute figures and peak RSS."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.http_server import serve_bytes

from reader.load import load
from reader.load.page.parse import MAX_ATTRIBUTE_CHARS, bounded_page

MB = 1024 * 1024
SENTENCE = "The council voted on Tuesday to rebuild the old harbour wall before winter."
#: How many times lxml's own parse of the bytes a load may take (they took 60-100 times).
RATIO = 12


def page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Harbour wall</title>{head}</head><body><article>"
        f"<h1>Harbour wall</h1>{body}<p>{SENTENCE}</p><p>{SENTENCE} Again.</p>"
        "</article></body></html>"
    )


def best_of(run: Callable[[], object], times: int = 2) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def lxml_parse(data: bytes) -> float:
    """The anchor: lxml parsing `data` as a page, the least any loader of it must do."""
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True)
    return best_of(lambda: lxml_html.document_fromstring(data, parser=parser))


@pytest.mark.slow
@pytest.mark.parametrize(
    "where",
    [
        '<p data-props="{v}">First.</p>',
        '<p>First <a href="https://x.example/{v}">more</a>.</p>',
        '<figure><img src="a.jpg" alt="{v}"><figcaption>Photo</figcaption></figure>',
        "<p title={v}>First.</p>",
    ],
)
def test_a_40_mb_attribute_value_is_dropped_and_the_page_read(tmp_path: Path, where: str) -> None:
    data = page(where.format(v="A" * (40 * MB))).encode()
    path = tmp_path / "attribute.html"
    path.write_bytes(data)
    loaded: list[Any] = []
    took = best_of(lambda: loaded.append(load(str(path), detect_language=False)), 1)
    article = loaded[0]
    assert SENTENCE in article.text and "AAAA" not in article.text
    assert any(f"over {MAX_ATTRIBUTE_CHARS:,} characters left out" in s for s in article.limits)
    anchor = lxml_parse(data)
    assert took < RATIO * anchor, f"load {took:.2f}s, lxml parse {anchor:.2f}s"


def big_page(shape: str, size: int) -> bytes:
    """A page of about `size` bytes, its last paragraphs after the bulk."""
    room = size - len(page("")) - 200
    if shape == "paragraphs":
        unit = f"<p>{SENTENCE}</p>\n"
        body = unit * (room // len(unit))
    elif shape == "one paragraph":
        body = "<p>" + (SENTENCE + " ") * (room // (len(SENTENCE) + 1)) + "</p>"
    else:
        body = " " * room
    return page(body).encode()


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["paragraphs", "one paragraph", "padding"])
def test_a_62_mb_gzip_page_costs_what_the_cap_lets_through(tmp_path: Path, shape: str) -> None:
    """Past the caps (16 MB of markup, slow searches past 4 million characters) the cost of a
    page stops growing: 62 MB costs about what 15 MB does (it took four to nine times as
    long), and what was cut is said."""
    took, articles = [], []
    for size in (15 * MB, 62 * MB):
        data = big_page(shape, size)
        path = tmp_path / f"big-{size}.html.gz"
        path.write_bytes(gzip.compress(data, 1))
        took.append(best_of(lambda p=path: articles.append(load(str(p), detect_language=False)), 1))  # type: ignore[misc]  # noqa: E501
    for article in articles:
        assert SENTENCE in article.text
    limits = articles[1].limits
    if shape == "padding":  # made one line break, and then the page fits: it costs the unpacking
        anchor = lxml_parse(data)  # and a scan or two, no more than parsing the whole of it
        assert took[1] < RATIO * anchor, f"load {took[1]:.2f}s, lxml parse {anchor:.2f}s"
        return
    assert any("only its first 16 MB were read" in s for s in limits), limits
    assert any("in the page's metadata only" in s for s in limits), limits
    assert took[1] < 2.5 * took[0], f"15 MB: {took[0]:.2f}s, 62 MB: {took[1]:.2f}s"


def test_a_page_just_under_the_fetch_cap_comes_gzip_over_http_and_is_read() -> None:
    unit = f"<p>{SENTENCE}</p>\n"
    data = page(unit * (8 * MB // len(unit))).encode()
    with serve_bytes(gzip.compress(data, 1), content_encoding="gzip") as url:
        article = load(url, detect_language=False)
    assert article.text.count(SENTENCE) > 1000


def test_bounded_page_is_linear_on_near_misses() -> None:
    """Values and white-space runs just short of the cap, over and over, and `=` or quotes
    without end: each character is looked at a bounded number of times."""
    short = MAX_ATTRIBUTE_CHARS - 1
    shapes = [
        lambda n: f'<p a="{"x" * short}">' * n,
        lambda n: ("=" + "x" * 100) * (n * 600),
        lambda n: '="' * (n * 30_000),
        lambda n: ("x" + " " * short) * n,
        lambda n: "<p>" + "=x" * (n * 30_000),
    ]
    for make in shapes:
        small, large = make(16), make(64)
        bounded_page(small)
        one = best_of(lambda s=small: bounded_page(s), 3)  # type: ignore[misc]
        four = best_of(lambda s=large: bounded_page(s), 3)  # type: ignore[misc]
        assert four < 8 * max(one, 0.02), f"n: {one:.4f}s, 4n: {four:.4f}s"


MENU_ITEMS = ["World news", "Science", "A", "Arts & Culture", "x" * 30]


@pytest.mark.parametrize("separator", [" | ", "  |  ", " |  | ", " • ", " / ", "|", " |"])
@pytest.mark.parametrize("ending", ["", " and more than thirty letters of a sentence here", " |"])
def test_menu_lines_of_every_shape_are_linear(separator: str, ending: str) -> None:
    """The 170-character menu line with twelve `|`, and lines like it built to make the
    menu pattern backtrack: separators doubled or without spaces, items short and long, an
    ending that fails the match late. The match time grows with the line, not faster."""
    from reader.load.text_lines import _MENU_LINE, MAX_FURNITURE_LINE

    def line(count: int) -> str:
        items = [MENU_ITEMS[i % len(MENU_ITEMS)] for i in range(count)]
        return separator.join(items) + ending

    twelve = line(13)
    assert twelve.count("|") >= 12 or "|" not in separator

    def seconds(text: str) -> float:
        return best_of(lambda: [_MENU_LINE.match(text) for _ in range(20)], 3)

    count = 12
    while len(line(4 * count)) <= MAX_FURNITURE_LINE:  # as long as the pattern is shown
        count *= 2
    count //= 2
    one, four = seconds(line(count)), seconds(line(4 * count))
    assert four < 8 * max(one, 0.002), f"{len(line(count))} chars: {one:.4f}s, x4: {four:.4f}s"
