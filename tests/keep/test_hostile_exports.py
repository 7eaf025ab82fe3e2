"""Exports do what article text says, never what it would do: CSV cells that would be
formulas are neutralised (OWASP), Markdown is escaped so it renders as the text and holds no
HTML, image, link or heading; JSON keeps the text as it is."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re

from markdown_it import MarkdownIt

from reader.codec import analysis_to_dict
from reader.keep.export.csv import entities_csv, quotes_csv
from reader.keep.export.markdown import analysis_to_markdown, escape
from reader.model import Analysis, Article, Entity, Link, Mention, Quote

FORMULAS = ("=HYPERLINK(\"http://x.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A2)", "\tTAB", "\rCR")  # fmt: skip


def formula_analysis() -> Analysis:
    paragraphs = [f"{formula} is what she said." for formula in FORMULAS]
    article = Article.from_blocks("page.html", [("paragraph", p) for p in paragraphs],
                                  title=FORMULAS[0])  # fmt: skip
    quotes = []
    for number, block in enumerate(article.blocks):
        # The quote's text as a page could give it (a cell starting with a tab, say).
        quotes.append(Quote(f"q{number}", FORMULAS[number], block.start, block.start + 3))
    entity = Entity("org-x", FORMULAS[1], "ORG", (), (Mention(0, 3),))
    return Analysis(article, (entity,), tuple(quotes))


def test_csv_cells_that_would_be_formulas_are_neutralised() -> None:
    analysis = formula_analysis()
    for table in (quotes_csv([analysis]), entities_csv([analysis])):
        for row in csv.reader(io.StringIO(table, newline="")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    rows = list(csv.DictReader(io.StringIO(quotes_csv([analysis]), newline="")))
    assert [row["text"] for row in rows] == ["'" + formula for formula in FORMULAS]
    assert rows[0]["title"] == "'" + FORMULAS[0]
    assert rows[0]["start"] == "0"  # numbers are left alone
    # JSON keeps the raw text.
    data = json.loads(json.dumps(analysis_to_dict(analysis)))
    assert [quote["text"] for quote in data["quotes"]] == list(FORMULAS)


HOSTILE_PARAGRAPHS = [
    "# Not a heading, only a paragraph that starts with a hash",
    "<script>alert('x')</script> and <img src=x onerror=alert(1)> in the text",
    "A pixel ![t](https://track.example/p.gif) and a [link](https://evil.example) here",
    "Bare https://evil.example/path and www.evil.example and <https://evil.example>",
    "- not a list, 1. not a list either, *not emphasis*, _nor this_, `nor code`",
    "1. Nor this & that &amp; | a | table |",
    "    four spaces are not code",
    "===",
]


def rendered_text(markdown: str) -> tuple[str, str]:
    """The HTML CommonMark (with tables, strikethrough and bare links) makes of `markdown`,
    and the text a reader sees in it."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    try:
        parser = parser.enable("linkify")
        parser.options["linkify"] = True
    except Exception:  # linkify needs an optional package; the rest is still checked
        pass
    out = parser.render(markdown)
    return out, html.unescape(re.sub(r"<[^>]+>", "", out))


def test_escaped_markdown_reads_the_same_and_does_nothing() -> None:
    for paragraph in HOSTILE_PARAGRAPHS:
        out, seen = rendered_text(escape(paragraph))
        assert seen.strip() == paragraph.strip(), (paragraph, out)
        tags = set(re.findall(r"<(\w+)", out))
        assert tags <= {"p", "code"}, (paragraph, out)
        for code in re.findall(r"<code>(.*?)</code>", out):  # a bare address, and only that
            assert re.fullmatch(r"(?:https?://|www\.)\S+", html.unescape(code)), (paragraph, out)


def test_the_markdown_export_escapes_the_article() -> None:
    article = Article.from_blocks(
        "page.html",
        [("paragraph", paragraph) for paragraph in HOSTILE_PARAGRAPHS],
        title="<img src=https://track.example/t.gif>",
    )
    out, seen = rendered_text(analysis_to_markdown(Analysis(article)))
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert re.findall(r"<h1>", out) == ["<h1>"]  # only the export's own title
    for paragraph in HOSTILE_PARAGRAPHS:
        assert paragraph.strip() in seen


def test_a_bare_address_stays_readable_in_the_markdown_and_is_no_link() -> None:
    """The address is in the Markdown as it is (a terminal can open it, a reader can copy it),
    in a code span, which no renderer makes a link; `://` and `www.` are not escaped."""
    paragraph = "Read https://news.example/a/b?x=1&y=2, or www.news.example, or ann@news.example."
    markdown = escape(paragraph)
    for address in ("https://news.example/a/b?x=1&y=2", "www.news.example", "ann@news.example"):
        assert f"`{address}`" in markdown
    out, seen = rendered_text(markdown)
    assert "<a " not in out and seen.strip() == paragraph


def test_the_articles_own_links_are_markdown_links_to_cleaned_hrefs() -> None:
    text = "See the report, the (odd) page, a script and write to the desk."
    spans = {"the report": "https://news.example/report?a=1&b=2",
             "the (odd) page": "https://news.example/odd page(1)<x>",
             "a script": "javascript:alert(1)",
             "the desk": "mailto:desk@news.example"}  # fmt: skip
    links = tuple(
        Link(text.index(words), text.index(words) + len(words), href)
        for words, href in spans.items()
    )
    article = Article.from_blocks("page.html", [("paragraph", text)], title="Links")
    article = dataclasses.replace(article, links=links)
    out, seen = rendered_text(analysis_to_markdown(Analysis(article)))
    found = re.findall(r'<a href="([^"]*)">(.*?)</a>', out)
    assert [(html.unescape(href), label) for href, label in found] == [
        ("https://news.example/report?a=1&b=2", "the report"),
        ("https://news.example/oddpage%281%29%3Cx%3E", "the (odd) page"),
        ("mailto:desk@news.example", "the desk"),
    ]
    assert text in seen  # the text reads the same, links and all
    assert "javascript" not in out
