"""The failure classes of title, byline, site and date seen on real pages, one small page of
our own per class: each candidate is checked against the others."""

from __future__ import annotations

import json

import lxml.html
import pytest

from reader.load.page import extract_html
from reader.load.page.metadata import PageMetadata, read_metadata

BODY = (
    "<p>The river authority opened the new flood gates on Monday after three years of work "
    "and a winter of delays caused by the high water that came in January.</p>"
    "<p>Engineers said the gates would protect four hundred homes in the lower town, and the "
    "first test closing went without a hitch before a crowd of residents.</p>"
)


def page(head: str = "", top: str = "", *, title: str = "Flood gates open") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        f"<article>{top}{BODY}</article></body></html>"
    )


def meta_of(html: str, url: str | None = None) -> PageMetadata:
    tree = lxml.html.document_fromstring(html)
    return read_metadata(tree, url=url, page=html, fill=False)


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def og(name: str, value: str) -> str:
    return f'<meta property="og:{name}" content="{value}">'


def meta(name: str, value: str) -> str:
    return f'<meta name="{name}" content="{value}">'


# ---------------------------------------------------------------- title


def test_the_printed_h1_beats_an_seo_headline_it_agrees_with() -> None:
    head = jsonld({"@type": "NewsArticle", "headline": "Disney+ glitches blamed on demand"})
    html = page(
        head,
        "<h1>‘We had some issues,’ exec says on Disney+ glitches</h1>",
        title="Disney+ glitches blamed on heavy demand - Los Angeles Times",
    )
    assert meta_of(html).title == "‘We had some issues,’ exec says on Disney+ glitches"


@pytest.mark.parametrize(
    "h1",
    ["Hi, I'm Nicolas.", "Allergies Health Center", "India Post", "엔터 미디어"],
)
def test_an_h1_that_agrees_with_nothing_is_a_header_not_the_headline(h1: str) -> None:
    html = page(
        og("site_name", "India Post"),
        f"<h1>{h1}</h1>",
        title="Pollen counts soar this spring | Allergies Health Center | India Post",
    )
    assert meta_of(html).title == "Pollen counts soar this spring"


def test_a_json_ld_headline_that_shares_no_word_with_the_title_loses() -> None:
    head = jsonld({"@type": "Article", "headline": "Wikimedia list article"})
    html = page(head, title="List of lighthouses in Norway - Wikipedia")
    assert meta_of(html).title == "List of lighthouses in Norway - Wikipedia"


def test_editorial_is_neither_the_title_nor_the_byline() -> None:
    head = og("title", "Editorial") + meta("author", "Editorial") + og("site_name", "The Guardian")
    html = page(
        head, title="The Guardian view on rail fares: a fair deal | Editorial | The Guardian"
    )
    found = meta_of(html)
    assert found.title == "The Guardian view on rail fares: a fair deal"
    assert found.byline is None


# ---------------------------------------------------------------- byline


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("TOM KRISHER, AP Auto Writer", "Tom Krisher"),  # in its own case
        ("Troy L. Smith, Cleveland.com", "Troy L. Smith"),
        ("Lucas Nolan22", "Lucas Nolan"),
        ("Jeff FoustMonday", "Jeff Foust"),
        ("Joe Wee Monday; February", "Joe Wee"),
        ("Jan Novák před 3 hodinami", "Jan Novák"),
        ("Maya Lindqvist and Tom Ure", "Maya Lindqvist and Tom Ure"),
        ("Theresa May", "Theresa May"),
        ("Charles M. Blow", "Charles M. Blow"),
    ],
)
def test_a_byline_keeps_the_names_and_drops_what_came_with_them(author: str, expected: str) -> None:
    assert meta_of(page(meta("author", author))).byline == expected


@pytest.mark.parametrize(
    ("author", "site"),
    [
        ("Charlie Wood, Business Insider", "Business Insider"),
        ("Finian Cunningham. Sputnik International", "Sputnik International"),
    ],
)
def test_a_byline_drops_the_outlet_after_the_name(author: str, site: str) -> None:
    html = page(meta("author", author), title=f"Flood gates open on the lower river | {site}")
    assert meta_of(html).byline == author.replace(".", ",").split(",")[0]


@pytest.mark.parametrize(
    "author",
    [
        "Reuters",
        "The Associated Press",
        "Telegraph Sport",
        "HNN Staff",
        "Practical Horseman Editorial Staff",
        "Detroit News wire services",
        "admin",
        "KWCHCIK",
        "Authority control",
        "J J",
        "Charles M",
        "Riverside Post",  # the site itself
        "Riverside Post News Weekly",
    ],
)
def test_a_byline_that_names_no_person_is_none(author: str) -> None:
    html = page(meta("author", author) + og("site_name", "Riverside Post"))
    assert meta_of(html, url="https://riversidepost.example/gates").byline is None


def test_the_site_as_the_byline_is_no_byline_even_with_no_site_name() -> None:
    html = page(meta("author", "CBS News"), title="Dramatic rescue caught on video")
    assert meta_of(html, url="https://www.cbsnews.com/news/rescue/").byline is None


def test_an_organisation_as_the_json_ld_author_gives_way_to_the_printed_byline() -> None:
    head = jsonld(
        {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Al-Bawaba"}}
    )
    html = page(head, "<p class='byline'>By Maya Lindqvist</p>")
    assert meta_of(html).byline == "Maya Lindqvist"


def test_a_printed_by_line_keeps_an_initial() -> None:
    html = page(top="<p class='meta'>By Charles M. Blow</p>")
    assert meta_of(html).byline == "Charles M. Blow"


def test_a_one_word_json_ld_person_is_a_name() -> None:
    head = jsonld(
        {
            "@graph": [
                {"@type": "BlogPosting", "headline": "Flood gates open", "author": {"@id": "#r"}},
                {"@type": ["Person"], "@id": "#r", "name": "Regan"},
            ]
        }
    )
    assert meta_of(page(head)).byline == "Regan"
    assert meta_of(page(meta("author", "Regan"))).byline is None  # a bare meta: a handle


# ---------------------------------------------------------------- site


@pytest.mark.parametrize(
    ("head", "title", "url", "expected"),
    [
        (
            og("site_name", "WSJ")
            + jsonld({"@type": "NewsArticle", "publisher": {"name": "Wall Street Journal"}}),
            "Flood gates open - WSJ",
            "https://www.wsj.com/articles/gates",
            "Wall Street Journal",
        ),
        (
            '<meta property="al:android:app_name" content="NYTimes">',
            "Flood gates open - The New York Times",
            "https://www.nytimes.com/2019/11/18/gates.html",
            "The New York Times",
        ),
        (
            og("site_name", "detroitnews"),
            "Flood gates open | The Detroit News",
            "https://eu.detroitnews.com/story/gates",
            "The Detroit News",
        ),
        (
            og("site_name", "LinkNaija | Nigeria's popular news platform"),
            "Flood gates open",
            "https://www.linknaija.com/2018/08/gates.html",
            "LinkNaija",
        ),
        (
            og("site_name", "U.S."),
            "Flood gates open - Reuters",
            "https://www.reuters.com/a",
            "Reuters",
        ),
        (
            meta("twitter:site", "@SputnikInt"),
            "Flood gates open - Sputnik International",
            "https://sputniknews.com/columnists/gates/",
            "Sputnik International",
        ),
        (
            "",
            "About the gates – Vortex Cannon Entertainment",
            "https://vortexcannon.org/a/",
            "Vortex Cannon Entertainment",
        ),
        ("", "Flood gates open", "https://gto-normativy.ru/gates/", "gto-normativy.ru"),
    ],
)
def test_the_site_name_is_the_candidate_others_confirm(
    head: str, title: str, url: str, expected: str
) -> None:
    assert meta_of(page(head, title=title), url=url).site == expected


# ---------------------------------------------------------------- date


def stamp(value: str) -> str:
    return jsonld({"@type": "NewsArticle", "datePublished": value})


def test_a_small_hours_utc_time_is_the_day_before_where_the_url_says_so() -> None:
    url = "https://www.latimes.com/business/story/2019-11-19/gates"
    assert meta_of(page(stamp("2019-11-20T01:53:14Z")), url=url).published == "2019-11-19"
    # Without the page's word for it, the timestamp's own day stands.
    assert meta_of(page(stamp("2019-11-20T01:53:14Z"))).published == "2019-11-20"
    # An afternoon time is the same day everywhere the paper could be.
    assert meta_of(page(stamp("2019-11-20T15:53:14Z")), url=url).published == "2019-11-20"


def test_the_printed_date_or_a_local_timestamp_gives_the_local_day() -> None:
    printed = page(
        stamp("2019-11-19T00:04:00Z"), "<time class='timestamp'>Nov. 18, 2019 7:04 pm ET</time>"
    )
    assert meta_of(printed).published == "2019-11-18"
    local = page(stamp("2019-11-20T05:57:50Z") + meta("sailthru.date", "2019-11-19 21:57:00 -0800"))
    assert meta_of(local).published == "2019-11-19"


def test_json_ld_date_published_beats_article_published_time() -> None:
    head = stamp("2019-11-15T15:09:20Z") + (
        '<meta property="article:published_time" content="2019-11-18T21:19:27Z">'
    )
    assert meta_of(page(head)).published == "2019-11-15"


def test_last_updated_is_not_the_publication_date() -> None:
    updated = "<p>Last updated: <time datetime='2019-11-20T10:00:00Z'>Nov 20, 2019</time></p>"
    assert meta_of(page(top=updated)).published is None
    marked = "<time class='updated' datetime='2019-11-20'>Nov 20</time>"
    assert meta_of(page(top=marked)).published is None
    published = "<p>Published <time datetime='2019-11-18'>Nov 18</time></p>"
    assert meta_of(page(top=published + updated)).published == "2019-11-18"


def test_the_classes_hold_through_the_loader() -> None:
    html = page(
        og("site_name", "TheHill")
        + jsonld({"@type": "NewsArticle", "publisher": {"name": "The Hill"}, "author": "admin"})
        + meta("author", "STEVE PEOPLES, AP National Political Writer"),
        "<h1>Flood gates open on the lower river</h1>",
        title="Flood gates open on the lower river | TheHill",
    )
    article = extract_html(html.encode(), "gates.html", url="https://thehill.com/homenews/gates")
    assert article.title == "Flood gates open on the lower river"
    assert article.site == "The Hill"
    assert article.byline == "Steve Peoples"  # in its own case
