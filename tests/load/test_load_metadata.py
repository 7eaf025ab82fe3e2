"""Title, byline, site and date of small pages of our own, one metadata source at a time."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from reader.load.page import extract_html
from reader.load.page.metadata import PageMetadata, fill_missing, read_metadata
from reader.load.values import iso_date

BODY = (
    "<p>The river authority opened the new flood gates on Monday after three years of work "
    "and a winter of delays caused by the high water that came in January.</p>"
    "<p>Engineers said the gates would protect four hundred homes in the lower town, and the "
    "first test closing went without a hitch before a crowd of residents.</p>"
)


def page(head: str = "", body_top: str = "", *, title: str = "Flood Gates Open") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        f"<article>{body_top}{BODY}</article></body></html>"
    )


def meta_of(html: str, **kwargs: Any) -> PageMetadata:
    return read_metadata(lxml.html.document_fromstring(html), page=html, **kwargs)


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_article_gives_every_field() -> None:
    head = jsonld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "Not This"},
                {
                    "@type": "NewsArticle",
                    "headline": "Flood gates open on the lower river",
                    "author": [{"@type": "Person", "name": "Maya Lindqvist"}, {"name": "Tom Ure"}],
                    "datePublished": "2024-02-05T09:30:00+01:00",
                    "dateModified": "2024-02-07T10:00:00+01:00",
                    "publisher": {"@type": "Organization", "name": "Riverside Post"},
                    "mainEntityOfPage": {"@id": "https://post.example/flood-gates"},
                },
            ],
        }
    )
    meta = meta_of(page(head + '<meta property="og:title" content="OG loses">'))
    assert meta.title == "Flood gates open on the lower river"
    assert meta.byline == "Maya Lindqvist and Tom Ure"
    assert meta.published == "2024-02-05"
    assert meta.site == "Riverside Post"
    assert meta.url == "https://post.example/flood-gates"


def test_opengraph_and_article_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Flood gates open - Riverside Post">'
        '<meta property="og:site_name" content="Riverside Post">'
        '<meta property="article:published_time" content="2024-02-05T08:00:00Z">'
        '<meta property="og:url" content="https://post.example/gates">'
    )
    meta = meta_of(page(head))
    assert meta.title == "Flood gates open"
    assert meta.site == "Riverside Post"
    assert meta.published == "2024-02-05"
    assert meta.url == "https://post.example/gates"


@pytest.mark.parametrize("name", ["author", "dc.creator", "parsely-author", "byl"])
def test_meta_author(name: str) -> None:
    meta = meta_of(page(f'<meta name="{name}" content="By Maya Lindqvist">'))
    assert meta.byline == "Maya Lindqvist"


def test_meta_author_that_is_a_profile_link_is_not_a_name() -> None:
    html = page('<meta name="author" content="https://social.example/maya">', "<p>By Tom Ure</p>")
    assert meta_of(html).byline == "Tom Ure"


def test_time_elements_pubdate_first_then_inside_the_article() -> None:
    html = (
        "<html><head><title>Flood Gates Open</title></head><body>"
        '<header><time datetime="2024-03-01">Today</time></header>'
        f'<article><time datetime="2024-02-05T09:00">5 Feb</time>{BODY}</article></body></html>'
    )
    assert meta_of(html).published == "2024-02-05"
    with_pubdate = html.replace("<header>", '<header><time pubdate datetime="2024-01-30"></time>')
    assert meta_of(with_pubdate).published == "2024-01-30"


def test_microdata_author_and_date() -> None:
    top = (
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Maya Lindqvist</span><span>Science editor</span></div>'
        '<meta itemprop="datePublished" content="2024-02-05">'
    )
    meta = meta_of(page(body_top=top))
    assert meta.byline == "Maya Lindqvist"
    assert meta.published == "2024-02-05"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Maya Lindqvist", "Maya Lindqvist"),
        ("By MAYA LINDQVIST and Tom Ure, Reuters", "Maya Lindqvist and Tom Ure"),  # in its own case
        ("by Anna van der Berg | Feb. 5, 2024", "Anna van der Berg"),
        ("By Maya Lindqvist Updated February 5, 2024", "Maya Lindqvist"),
    ],
)
def test_visible_by_line(line: str, expected: str) -> None:
    assert meta_of(page(body_top=f"<p class='meta'>{line}</p>")).byline == expected


def test_by_in_a_sentence_is_not_a_byline() -> None:
    top = "<p>By the time the water rose, the gates were shut.</p>"
    meta = read_metadata(lxml.html.document_fromstring(page(body_top=top)), fill=False)
    assert meta.byline is None


def test_byline_class_element() -> None:
    top = '<div class="story byline">By Maya Lindqvist | February 5, 2024</div>'
    assert meta_of(page(body_top=top)).byline == "Maya Lindqvist"


def test_date_from_the_url_path() -> None:
    meta = meta_of(page(), url="https://post.example/2024/02/05/flood-gates-open")
    assert meta.published == "2024-02-05"
    canonical = '<link rel="canonical" href="https://post.example/news/2023-11-19-gates">'
    assert meta_of(page(canonical)).published == "2023-11-19"


def test_published_date_beats_modified() -> None:
    head = (
        '<meta property="article:modified_time" content="2024-02-09">'
        '<meta name="pubdate" content="2024-02-05">'
    )
    assert meta_of(page(head)).published == "2024-02-05"
    only_modified = '<meta property="article:modified_time" content="2024-02-09">'
    assert meta_of(page(only_modified)).published == "2024-02-09"


@pytest.mark.parametrize(
    ("title", "site_meta", "expected_title", "expected_site"),
    [
        ("Flood Gates Open | Riverside Post", "", "Flood Gates Open", "Riverside Post"),
        ("Flood Gates Open - Riverside Post", "Riverside Post", "Flood Gates Open", None),
        ("Riverside Post :: Flood Gates Open", "Riverside Post", "Flood Gates Open", None),
        ("Flood Gates Open — riversidepost.com", "Riverside Post", "Flood Gates Open", None),
        ("Gates - the long wait is over", "", "Gates - the long wait is over", None),
    ],
)
def test_site_name_suffixes(
    title: str, site_meta: str, expected_title: str, expected_site: str | None
) -> None:
    head = f'<meta property="og:site_name" content="{site_meta}">' if site_meta else ""
    meta = meta_of(page(head, title=title).replace("<h1>", ""), fill=False)
    assert meta.title == expected_title
    assert meta.site == (expected_site or site_meta or None)


def test_title_falls_back_to_h1_then_title() -> None:
    tab = "Flood Gates Open Today"
    h1 = "<h1>The flood gates open at last</h1>"
    html = f"<html><head><title>{tab} | Post</title></head><body>{h1}</body>"
    assert meta_of(html, fill=False).title == "The flood gates open at last"
    assert meta_of(html.replace(h1, ""), fill=False).title == tab
    # An <h1> that shares no word with the <title> is the site's header, not the headline.
    header = html.replace(h1, "<h1>Hi, I'm Nicolas.</h1>")
    assert meta_of(header, fill=False).title == tab


def test_cheap_sources_win_and_the_slow_finders_fill_only_gaps() -> None:
    # trafilatura's author finder would read the .author-name box; the meta tag comes first.
    top = '<div class="author-name">Someone Else</div>'
    html = page('<meta name="author" content="Maya Lindqvist">', top)
    assert meta_of(html).byline == "Maya Lindqvist"
    # Without any cheap source, the slow finder finds the box.
    assert meta_of(page(body_top=top)).byline == "Someone Else"


def test_filling_finds_the_byline_and_leaves_the_tree_as_it_was() -> None:
    html = page(body_top='<div class="author-name">Maya Lindqvist</div>')
    tree = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(tree)
    filled = read_metadata(tree, page=html, fill=False)
    fill_missing(filled, tree)
    assert filled.byline == "Maya Lindqvist"
    assert lxml.html.tostring(tree) == before


def test_handles_are_not_bylines() -> None:
    assert meta_of(page(body_top='<div class="author-name">admin</div>')).byline is None


def test_metadata_through_the_loader() -> None:
    head = '<meta name="author" content="Maya Lindqvist"><meta name="date" content="2024-02-05">'
    article = extract_html(page(head, title="Flood Gates Open | Riverside Post").encode(), "x.html")
    assert (article.title, article.byline, article.site, article.published) == (
        "Flood Gates Open",
        "Maya Lindqvist",
        "Riverside Post",
        "2024-02-05",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-02-05T09:30:00Z", "2024-02-05"),
        ("20240205", "2024-02-05"),
        ("February 5th, 2024", "2024-02-05"),
        ("5 Feb 2024", "2024-02-05"),
        ("1850-01-01", None),
        ("soon", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw) == expected
