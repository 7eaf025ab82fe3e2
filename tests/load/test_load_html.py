"""Saved web pages: main content, block kinds, captions once, chrome out, metadata, charsets."""

from __future__ import annotations

import json

import pytest

from reader.errors import LoadError
from reader.load import extract_bytes
from reader.load.page import content_blocks, extract_html
from reader.load.page.titles import strip_site_suffix

BODY = [
    "The harbour authority of Port Alder voted on Tuesday to close the old ferry terminal, "
    "ending more than a century of crossings from the town's waterfront.",
    "Officials said the terminal's pilings had rotted beyond repair and that a new landing "
    "would be built two kilometres north, near the rail station, by the end of next year.",
    "\u201cWe owe the town a crossing it can rely on,\u201d said harbour master Ines Varga, "
    "who has run the service since 2009.",
    "Some residents said they would miss the old building, whose clock tower has stood over "
    "the harbour since the ferry company opened it to passengers.",
    "The authority expects the new landing to carry twice as many passengers once the larger "
    "boats ordered last spring arrive from the shipyard.",
]
CAPTION = "The old ferry terminal in Port Alder, seen from the water on March 2, 2024."


def page(head: str = "", *, title_tag: str = "Ferry Terminal Will Close | Alder Gazette") -> str:
    """A news page with the usual chrome around one article."""
    paragraphs = "\n".join(f"<p>{text}</p>" for text in BODY[:2])
    rest = "\n".join(f"<p>{text}</p>" for text in BODY[2:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title_tag}</title>{head}</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
By continuing you accept our use of cookies. <button>Accept all</button></p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Ferry Terminal Will Close</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email this article</a></div>
{paragraphs}
<figure><img src="terminal.jpg" alt=""><figcaption>{CAPTION}
<span class="credit">Photo: Lena Okafor/Alder Gazette</span></figcaption></figure>
<h2>A new landing</h2>
{rest}
</article></main>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Council approves budget for harbour dredging</a></li>
<li><a href="/b">Fishing fleet returns early after storm warning</a></li></ul></aside>
<footer><p>&copy; 2024 Alder Gazette. All rights reserved.</p></footer>
</body></html>"""


def load_page(html: str, **kwargs: str) -> object:
    return extract_html(html.encode("utf-8"), "page.html", **kwargs)


def test_body_has_the_paragraphs_and_no_chrome() -> None:
    article = load_page(page())
    paragraphs = [article.block_text(b) for b in article.blocks if b.kind == "paragraph"]
    assert paragraphs == BODY
    for chrome in ("cookies", "Share on", "Related stories", "Council approves", "Home",
                   "All rights reserved", "Photo: Lena"):
        assert chrome not in article.text


def test_heading_and_caption_kept_as_their_kinds_once() -> None:
    article = load_page(page())
    kinds = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert ("heading", "A new landing") in kinds
    captions = [text for kind, text in kinds if kind == "caption"]
    assert captions == [CAPTION]
    assert article.text.count(CAPTION) == 1
    # the caption stands where the figure stood: after the second paragraph
    assert kinds.index(("caption", CAPTION)) == 2
    # the headline is the title, not repeated as the first block
    assert kinds[0] == ("paragraph", BODY[0])


def test_blockquote_and_list_items() -> None:
    html = page().replace(
        f"<p>{BODY[3]}</p>",
        "<blockquote><p>The crossing is part of who we are here.</p></blockquote>"
        "<ul><li>Last sailing: the first Sunday of May.</li>"
        "<li>Temporary buses will run from the rail station.</li></ul>" + f"<p>{BODY[3]}</p>",
    )
    article = load_page(html)
    kinds = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert ("blockquote", "The crossing is part of who we are here.") in kinds
    assert ("list_item", "Last sailing: the first Sunday of May.") in kinds
    assert ("list_item", "Temporary buses will run from the rail station.") in kinds


def test_block_offsets_point_into_the_text() -> None:
    article = load_page(page())
    assert article.text == "\n\n".join(article.block_text(b) for b in article.blocks)


def test_metadata_from_json_ld() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Alder Gazette"},
            {
                "@type": "NewsArticle",
                "headline": "Ferry Terminal Will Close After 110 Years",
                "author": [{"@type": "Person", "name": "Ruth Abernathy"},
                           {"@type": "Person", "name": "Tomas Lind"}],
                "datePublished": "2024-03-05T08:30:00+01:00",
                "publisher": {"@type": "Organization", "name": "Alder Gazette"},
                "url": "https://gazette.example/ferry-terminal",
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = load_page(page(head))
    # The printed <h1> agrees with the JSON-LD headline, and is what the reader sees.
    assert article.title == "Ferry Terminal Will Close"
    assert article.byline == "Ruth Abernathy and Tomas Lind"
    assert article.published == "2024-03-05"
    assert article.site == "Alder Gazette"
    assert article.url == "https://gazette.example/ferry-terminal"


def test_metadata_from_opengraph_and_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Ferry Terminal Will Close - Alder Gazette">'
        '<meta property="og:site_name" content="Alder Gazette">'
        '<meta name="author" content="By Ruth Abernathy">'
        '<meta property="article:published_time" content="2024-03-05T08:30:00Z">'
        '<meta property="og:url" content="https://gazette.example/ferry">'
    )
    article = load_page(page(head))
    assert article.title == "Ferry Terminal Will Close"
    assert article.byline == "Ruth Abernathy"
    assert article.published == "2024-03-05"
    assert article.site == "Alder Gazette"
    assert article.url == "https://gazette.example/ferry"


def test_metadata_from_time_element_and_visible_byline() -> None:
    html = page().replace(
        "<h1>Ferry Terminal Will Close</h1>",
        '<h1>Ferry Terminal Will Close</h1><p class="byline">By <a rel="author" '
        'href="/staff/ruth">Ruth Abernathy</a></p><time datetime="2024-03-05">March 5</time>',
    )
    article = load_page(html)
    assert article.byline == "Ruth Abernathy"
    assert article.published == "2024-03-05"
    assert article.title == "Ferry Terminal Will Close"
    assert "Ruth Abernathy" not in article.text


def test_metadata_from_microdata() -> None:
    html = page().replace(
        "<article>",
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<meta itemprop="datePublished" content="2023-11-30">'
        '<span itemprop="author" itemscope><span itemprop="name">Tomas Lind</span></span>',
    )
    article = load_page(html)
    assert article.published == "2023-11-30"
    assert article.byline == "Tomas Lind"


def test_url_argument_is_the_fallback_url() -> None:
    article = load_page(page(), url="https://example.org/story")
    assert article.url == "https://example.org/story"


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [
        ("Ferry Terminal Will Close | Alder Gazette", None, "Ferry Terminal Will Close"),
        ("Ferry Terminal Will Close - Alder Gazette", "Alder Gazette", "Ferry Terminal Will Close"),
        ("Ferry Terminal Will Close – The Alder Gazette", "Alder Gazette",
         "Ferry Terminal Will Close"),
        ("Alder Gazette | Ferry Terminal Will Close", "Alder Gazette",
         "Ferry Terminal Will Close"),
        ("Kim Jong-un - a profile of the leader", None, "Kim Jong-un - a profile of the leader"),
        ("Ferry Terminal Will Close", "Alder Gazette", "Ferry Terminal Will Close"),
    ],
)
def test_site_suffix_stripped_from_titles(raw: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(raw, site) == expected


def test_cp1252_page_declared_in_meta() -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    html = html.replace("harbour master", "Caf\u00e9 owner and harbour master")
    article = extract_html(html.encode("cp1252"), "page.html")
    assert "\u201cWe owe the town a crossing it can rely on,\u201d said Caf\u00e9 owner" in (
        article.text
    )


def test_latin1_label_is_read_as_cp1252() -> None:
    html = page().replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    )
    article = extract_html(html.encode("cp1252"), "page.html")
    assert "\u201cWe owe the town" in article.text  # curly quotes are cp1252-only bytes


def test_undeclared_cp1252_page_is_detected() -> None:
    html = page().replace('<meta charset="utf-8">', "")
    html = html.replace("Some residents", "Some r\u00e9sidents of the caf\u00e9 quarter")
    article = extract_html(html.encode("cp1252"), "page.html")
    assert "\u201cWe owe the town" in article.text
    assert "r\u00e9sidents of the caf\u00e9 quarter" in article.text


def test_charset_argument_wins_over_meta() -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="utf-8">')
    data = html.replace("harbour master", "caf\u00e9 owner").encode("cp1252")
    article = extract_html(data, "page.html", charset="windows-1252")
    assert "caf\u00e9 owner" in article.text


def test_utf8_bom_and_utf16_bom() -> None:
    html = page()
    for data in (b"\xef\xbb\xbf" + html.encode("utf-8"), html.encode("utf-16")):
        article = extract_html(data, "page.html")
        assert BODY[2] in article.text
        assert not article.text.startswith("\ufeff")


def test_terminal_control_is_removed_from_text_and_metadata() -> None:
    html = page('<meta name="author" content="Ruth\x1b[31m Abernathy">').replace(
        "rotted beyond repair", "rotted \x1b]0;pwned\x07beyond repair\u202e"
    )
    article = load_page(html)
    assert "\x1b" not in article.text and "\u202e" not in article.text
    assert "rotted beyond repair" in article.text
    assert article.byline == "Ruth Abernathy"


def test_page_without_article_text_is_refused() -> None:
    html = (
        "<html><head><title>Index</title></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(LoadError, match=r"^No article text found in page\.html; .*\.$"):
        load_page(html)


def test_content_blocks_is_one_swappable_step() -> None:
    blocks = content_blocks(page())
    assert ("paragraph", BODY[0]) in blocks
    assert all(kind in {"heading", "paragraph", "caption", "blockquote", "list_item"}
               for kind, _ in blocks)


def test_extract_bytes_sniffs_html_without_a_hint() -> None:
    article = extract_bytes(page().encode(), "-", kind_hint=None)
    assert article.title == "Ferry Terminal Will Close"
    assert BODY[0] in article.text
