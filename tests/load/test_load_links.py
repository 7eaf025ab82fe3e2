"""Links kept as spans over the text: HTML anchors and Markdown links, resolved and sanitised."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.codec import analysis_from_dict, analysis_to_dict
from reader.load.links import safe_href
from reader.load.markdown import extract_markdown
from reader.load.page import article_from_html
from reader.model import Analysis, Article

PAGE = (
    "<html><head><title>Harbour bridge opens</title><base href='/news/'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a> <a href='/bridge'>bridge</a></nav>"
    "<article><h1>Harbour bridge opens</h1>"
    "<p>The new <a href='story.html'>harbour bridge</a> opened to traffic on Saturday morning "
    "after four years of construction, said <a href='javascript:alert(1)'>the mayor</a> and "
    "<a href='mailto:press@example.org'>the press office</a>.</p>"
    "<p>Hundreds of residents walked across the bridge before the first cars were let on, see "
    "<a href='https://x.example/a\x1b]52;c;b\x07b'>this page</a>, <a href='data:text/html,hi'>"
    "that one</a> and <a href='//cdn.example/photos'>the photos</a>.</p></article>"
    "<footer><a href='/about'>About us</a></footer></body></html>"
)


def _spans(article: Article) -> list[tuple[str, str]]:
    return [(article.text[link.start : link.end], link.href) for link in article.links]


def test_html_links_are_spans_resolved_against_the_base() -> None:
    article = article_from_html(PAGE, "bridge.html", url="https://example.org/x/y.html")
    assert _spans(article) == [
        ("harbour bridge", "https://example.org/news/story.html"),
        ("the press office", "mailto:press@example.org"),
        ("this page", "https://x.example/ab"),
        ("the photos", "https://cdn.example/photos"),
    ]


def test_links_do_not_change_the_text() -> None:
    with_links = article_from_html(PAGE, "bridge.html", url="https://example.org/x/y.html")
    bare = article_from_html(
        PAGE.replace("<a ", "<span ").replace("</a>", "</span>"), "bridge.html"
    )
    assert bare.links == ()
    assert with_links.text == bare.text
    assert with_links.blocks == bare.blocks


def test_a_page_without_a_url_resolves_against_its_canonical_link() -> None:
    page = PAGE.replace(
        "<base href='/news/'>", "<link rel='canonical' href='https://c.example/s/a'>"
    )
    article = article_from_html(page, "bridge.html")
    assert _spans(article)[0] == ("harbour bridge", "https://c.example/s/story.html")


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,hi", None),
        ("file:///etc/passwd", None),
        ("#top", None),
        ("mailto:", None),
        ("https://a.example/\x07x\u202ey", "https://a.example/xy"),
        ("HTTPS://A.example/p", "https://A.example/p"),
        ("p/q", "https://base.example/dir/p/q"),
    ],
)
def test_only_http_https_and_mailto_are_kept_without_controls(
    href: str, expected: str | None
) -> None:
    assert safe_href(href, "https://base.example/dir/page") == expected


def test_an_href_with_no_host_is_dropped() -> None:
    assert safe_href("https://") is None
    assert safe_href("https:///path") is None


MARKDOWN = """---
url: https://example.org/news/a.html
---
# Harbour bridge opens

See <https://auto.example/x> and the [harbour bridge](bridge.html "The bridge"), the
**[bold link](https://b.example)**, the [ref link][r1], [Collapsed][] and [shortcut], but
not [undefined] and not [a script](javascript:void).

[r1]: https://ref.example/one
[collapsed]: <https://ref.example/two> "title"
[shortcut]: /three

## A [heading link](https://h.example)
"""


def test_markdown_inline_reference_and_autolinks_are_links() -> None:
    article = extract_markdown(MARKDOWN, "a.md")
    assert "[r1]:" not in article.text
    assert "[undefined]" in article.text
    assert _spans(article) == [
        ("https://auto.example/x", "https://auto.example/x"),
        ("harbour bridge", "https://example.org/news/bridge.html"),
        ("bold link", "https://b.example"),
        ("ref link", "https://ref.example/one"),
        ("Collapsed", "https://ref.example/two"),
        ("shortcut", "https://example.org/three"),
        ("heading link", "https://h.example"),
    ]


def test_marks_in_the_input_do_not_make_links() -> None:
    article = extract_markdown(
        "# T\n\nA \ue000\U000f0000fake\ue001 link and [a](https://a.example).\n", "a.md"
    )
    assert _spans(article) == [("a", "https://a.example")]
    assert "\ue000" not in article.text


def test_links_are_in_the_json_contract() -> None:
    article = extract_markdown(MARKDOWN, "a.md")
    data = analysis_to_dict(Analysis(article))
    assert data["links"][1] == {
        "start": article.links[1].start,
        "end": article.links[1].end,
        "href": "https://example.org/news/bridge.html",
    }
    assert analysis_from_dict(data).article == article
    del data["links"]  # a dict written before links were kept still reads
    assert analysis_from_dict(data).article == replace(article, links=())
