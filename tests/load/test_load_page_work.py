"""Work the page loader does not do twice or in vain, counted on the real code.

The density scorer searches each class value once per page, lxml.html's Python class lookup
is never called for the reader's trees, and trafilatura's HTML repair (a regex over the
whole page) runs only on a page that needs it; each shortcut is also checked against the
plain way it stands for. Counters wrap the real functions; nothing is replaced.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from trafilatura import utils as trafilatura_utils

from reader.load.page import class_words
from reader.load.page.class_words import ClassWords
from reader.load.page.density import density_blocks
from reader.load.page.markup import class_xpath
from reader.load.page.parse import needs_repair, parse_html

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


class CountingPattern:
    """A compiled regex that counts its searches and answers as the real one."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searches = 0

    def search(self, text: str) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text)


def furniture_page(repeats: int) -> str:
    """An article of `repeats` paragraphs and as many share boxes, all of one class each."""
    paragraphs = "".join(
        f'<p class="story-text">Paragraph {i} says the council met on Tuesday, and the vote '
        f"on wall {i} was close, with {i} abstentions.</p>"
        f'<div class="share-bar"><a href="/s{i}">Share</a></div>'
        for i in range(repeats)
    )
    return f'<html><body><div id="main" class="story-body">{paragraphs}</div></body></html>'


def test_the_density_scorer_searches_each_class_value_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counters = {}
    for name in ("UNLIKELY", "POSITIVE", "NEGATIVE"):
        for suffix in ("_RE", "_ASCII_RE"):
            counters[name + suffix] = CountingPattern(getattr(class_words, name + suffix))
            monkeypatch.setattr(class_words, name + suffix, counters[name + suffix])
    page = furniture_page(300)
    blocks = density_blocks(page, parse_html(page))
    assert len(blocks) == 300 and all("abstentions" in text for _, text in blocks)
    searches = {name: counter.searches for name, counter in counters.items()}
    # Three distinct class/id values, and a search of each per pattern: a handful, where
    # searching element by element made some 600. In ASCII, only the quick patterns.
    assert 0 < searches["UNLIKELY_ASCII_RE"] <= 6
    assert 0 < searches["POSITIVE_ASCII_RE"] + searches["NEGATIVE_ASCII_RE"] <= 12
    assert searches["UNLIKELY_RE"] == searches["POSITIVE_RE"] == searches["NEGATIVE_RE"] == 0


CLASS_VALUES = [
    "", " ", "story-body", "Share-Bar", "SOCIAL icons", "main-Content", "x-ad-break y",
    "pager", "pagination", "most-popular", "MostPopular", "read-more", "h-entry",
    "comment-list", "com-x", "footer", "Widget", "article-text", "post_body",
    "\u212aomment", "cooKie", "ſhare", "Ünlikely-menu", "menü", "İtem-related", "sıdebar",
]  # fmt: skip


@pytest.mark.parametrize("value", CLASS_VALUES)
def test_the_class_words_answer_as_the_case_blind_searches(value: str) -> None:
    words = ClassWords()
    unlikely = bool(value.strip()) and class_words.UNLIKELY_RE.search(value) is not None
    weight = (25 if class_words.POSITIVE_RE.search(value) else 0) - (
        25 if class_words.NEGATIVE_RE.search(value) else 0
    )
    assert words.unlikely(value) is unlikely
    assert words.weight(value) == weight
    assert (words.unlikely(value), words.weight(value)) == (unlikely, weight)  # memo


def test_the_quick_patterns_are_the_case_blind_ones_in_lower_case() -> None:
    for name in ("UNLIKELY", "POSITIVE", "NEGATIVE"):
        blind = getattr(class_words, name + "_RE")
        ascii_only = getattr(class_words, name + "_ASCII_RE")
        assert blind.flags & re.IGNORECASE and not ascii_only.flags & re.IGNORECASE
        assert ascii_only.pattern == blind.pattern == blind.pattern.lower()


def test_the_density_scorer_memo_lives_for_one_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second page pays for its own searches: no memo carries over between pages, so a
    benchmark's repeated page costs what its first reading cost."""
    counter = CountingPattern(class_words.UNLIKELY_ASCII_RE)
    monkeypatch.setattr(class_words, "UNLIKELY_ASCII_RE", counter)
    page = furniture_page(20)
    density_blocks(page, parse_html(page))
    first = counter.searches
    density_blocks(page, parse_html(page))
    assert first > 0 and counter.searches == 2 * first


FORM_PAGE = (
    "<html><body><form action='/s'><label>Name</label><input name='q'>"
    "<select><option>One</option></select><textarea>Text</textarea></form>"
    "<p>A <b>bold</b> line.</p><div><span>Some</span> text</div></body></html>"
)


def test_the_parser_gives_lxml_html_classes_without_its_python_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []
    python_lookup = lxml_html.HtmlElementClassLookup.lookup

    def counted(self: Any, *args: Any) -> Any:
        calls.append(args)
        return python_lookup(self, *args)

    monkeypatch.setattr(lxml_html.HtmlElementClassLookup, "lookup", counted)
    tree = parse_html(FORM_PAGE)
    assert tree is not None
    ours = [(element.tag, type(element)) for element in tree.iter()]
    copied = [(element.tag, type(element)) for element in copy.copy(tree).iter()]
    assert calls == []  # neither walking our tree nor a copy of it asked the Python lookup
    plain = lxml_html.document_fromstring(FORM_PAGE)
    assert ours == copied == [(element.tag, type(element)) for element in plain.iter()]
    assert calls  # lxml.html's own parser does ask it: the counter counts
    assert dict(ours)["form"] is lxml_html.FormElement
    assert dict(ours)["input"] is lxml_html.InputElement


REPAIR_CASES = [
    ("<!DOCTYPE html>\n<html><body><p>Clean page</p></body></html>", False),
    ("<html><body><p>No declaration, clean</p></body></html>", False),
    # trafilatura's doctype fix looks for the word in the first 50 characters, and adds a
    # line break to a page of one line
    ("<html><body><p>Says doctype, one line</p></body></html>", True),
    ("<!DOCTYPE html><html><body><p>Doctype, one line</p></body></html>", True),
    (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>x</p></body></html>',
        True,
    ),
    ("<!doctype html>\n<html/>\n<body><p>Self-closing html</p></body>", True),
    ("<html><body><p>A vertical tab \x0b here</p></body></html>", True),
    ("<html><body><p>A NUL \x00 and an escape \x1b</p></body></html>", True),
    ("<html><body><p>A noncharacter \ufffe here</p></body></html>", True),
    ("<html><body><p>And \uffff here</p></body></html>", True),
    ("<html><body><p>Tabs\tnew\nlines\r and “quotes” é 中文 \U0001f600</p></body></html>", False),
]


@pytest.mark.parametrize(("page", "faulty"), REPAIR_CASES)
def test_the_repair_check_knows_when_trafilatura_would_change_the_page(
    page: str, faulty: bool
) -> None:
    repaired = trafilatura_utils.repair_faulty_html(page, page[:50].lower())
    found = needs_repair(page, page.encode("utf-8", "replace"))
    assert found is faulty
    if not found:  # the repair would have changed nothing
        assert repaired == page


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.html")), ids=lambda path: path.name)
def test_a_clean_page_is_not_repaired(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = sample.read_text(encoding="utf-8")
    calls = []
    repair = trafilatura_utils.repair_faulty_html

    def counted(html: str, beginning: str) -> str:
        calls.append(html)
        return repair(html, beginning)

    monkeypatch.setattr(trafilatura_utils, "repair_faulty_html", counted)
    tree = parse_html(page)
    assert tree is not None and calls == []
    assert repair(page, page[:50].lower()) == page  # the repair would have been a no-op
    faulty = page.replace("<body", "<body data-x='\x0b'", 1)
    assert parse_html(faulty) is not None and len(calls) == 1


def test_a_class_query_finds_what_the_unguarded_one_finds() -> None:
    page = (
        "<html><body><div class='byline'>By A</div><p class=' x  byline '>By B</p>"
        "<span id='byline'>no</span><p class='bylines'>no</p><p>By C</p></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    unguarded = "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]"
    found = tree.xpath(class_xpath("byline"))
    assert found == tree.xpath(unguarded)
    assert [element.text for element in found] == ["By A", "By B"]


def test_trafilatura_is_not_asked_for_a_text_nothing_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the body's tree is read from trafilatura: it is not also written out as text."""
    from trafilatura import core as trafilatura_core

    from reader.load.page.trafilatura_blocks import trafilatura_blocks

    calls = []
    to_text = trafilatura_core.xmltotxt

    def counted(*args: Any, **kwargs: Any) -> str:
        calls.append(args)
        return to_text(*args, **kwargs)

    monkeypatch.setattr(trafilatura_core, "xmltotxt", counted)
    page = furniture_page(12)
    blocks = trafilatura_blocks(parse_html(page))
    assert sum("abstentions" in text for _, text in blocks) == 12
    assert calls == []
