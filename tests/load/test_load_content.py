"""Main-content extraction (`reader.load.content`): kinds, furniture, edges, retries, and
robustness on odd and oversized pages. Every page here is small inline HTML of our own."""

from __future__ import annotations

import random
import time

import pytest

from reader.load.page.combine import _looks_like_menu, combine, extract_blocks
from reader.load.page.density import density_blocks
from reader.load.page.parse import parse_html
from reader.load.page.trafilatura_blocks import trafilatura_blocks

KINDS = {"heading", "paragraph", "caption", "blockquote", "list_item"}


def prose(index: int) -> str:
    """A distinct sentence of article prose (extractors drop repeated paragraphs)."""
    return (
        f"Paragraph {index} of the report says the council met on Tuesday evening, "
        f"and that the vote on harbour wall number {index} was close, with {index} abstentions."
    )


def article_page(inner: str, before: str = "", after: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Harbour vote</title></head><body>"
        f"{before}<article>{inner}</article>{after}</body></html>"
    )


def texts(blocks: list[tuple[str, str]]) -> list[str]:
    return [text for _, text in blocks]


def timed(function, *args):  # any callable
    """The result and the CPU seconds it took: a busy machine stretches wall time, not this
    (these tests are `timing`: their bounds are wall-clock-like, and CPU time keeps them
    from failing on a shared machine)."""
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


# --- kinds ----------------------------------------------------------------------------------


STRUCTURED = article_page(
    f"<p>{prose(1)}</p>"
    "<h2>What the council decided about the wall</h2>"
    f"<p>{prose(2)}</p>"
    "<ul><li>Raise the wall by two metres before winter</li>"
    "<li>Open the north slipway to fishing boats again</li></ul>"
    "<blockquote><p>We cannot wait for another storm to decide this for us, said the mayor.</p>"
    "</blockquote>"
    f"<p>{prose(3)}</p>"
)


def test_headings_list_items_and_blockquotes_keep_their_kinds() -> None:
    blocks = extract_blocks(STRUCTURED)
    assert ("heading", "What the council decided about the wall") in blocks
    assert ("list_item", "Raise the wall by two metres before winter") in blocks
    assert ("list_item", "Open the north slipway to fishing boats again") in blocks
    quote = "We cannot wait for another storm to decide this for us, said the mayor."
    assert ("blockquote", quote) in blocks
    assert ("paragraph", prose(2)) in blocks
    assert texts(blocks).index(prose(1)) < texts(blocks).index(prose(3))  # reading order


def test_density_opinion_keeps_kinds_too() -> None:
    blocks = density_blocks(STRUCTURED)
    kinds = {kind for kind, _ in blocks}
    assert {"heading", "list_item", "blockquote", "paragraph"} <= kinds


# --- furniture ------------------------------------------------------------------------------

FURNITURE = [
    "Share this article",
    "Subscribe to our newsletter",
    "© 2024 Harbour Gazette Ltd. All rights reserved.",
    "Read more",
    "newsroom@harbour-gazette.example",
]


def test_furniture_lines_are_dropped_and_prose_kept() -> None:
    inner = "".join(f"<p>{prose(i)}</p>" for i in range(4))
    inner = inner.replace(f"<p>{prose(2)}</p>", f"<p>{FURNITURE[0]}</p><p>{prose(2)}</p>")
    inner += "".join(f"<p>{line}</p>" for line in FURNITURE[1:])
    page = article_page(inner)
    raw = texts(trafilatura_blocks(parse_html(page)))
    assert sum(line in raw for line in FURNITURE) >= 3  # the lines do reach the filter
    blocks = texts(extract_blocks(page))
    for line in FURNITURE:
        assert line not in blocks
    assert blocks == [prose(i) for i in range(4)]


# Lines from the extraction benchmark's pages that are not in their true article bodies.
PROMOTIONS = [
    "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing",
    "READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing",
    "Popular on IndieWire",
    "Sign Up: Stay on top of the latest breaking film and TV news! Sign up for our Email"
    " Newsletters here.",
    "Subscribe to the 9to5Toys YouTube Channel for all of the latest videos, reviews, and more!",
    "Click here to subscribe to The Paradigm Newsletter",
]
# ... and lines from the true bodies that look a little like them.
NOT_PROMOTIONS = [
    "Sign up for a Hulu ad-free account for $11.99 a month",
    "Read more about the plan in the council's own summary, published on Monday.",
    "You can also subscribe to this newsletter here.",
    "Click here to get more information or download this game.",
    "Most popular among commuters was the early ferry, the survey found.",
]


def test_promotion_lines_are_dropped_and_lookalike_prose_kept() -> None:
    inner = "".join(f"<p>{prose(i)}</p>" for i in range(3))
    inner += "".join(f"<p>{line}</p>" for line in PROMOTIONS + NOT_PROMOTIONS)
    blocks = texts(extract_blocks(article_page(inner)))
    for line in PROMOTIONS:
        assert line not in blocks
    for line in NOT_PROMOTIONS:
        assert line in blocks


def test_long_paragraph_that_starts_like_furniture_is_kept() -> None:
    long_line = "Subscribe " + prose(7)
    blocks = texts(extract_blocks(article_page(f"<p>{prose(1)}</p><p>{long_line}</p>")))
    assert long_line in blocks


# --- the confirmed region -------------------------------------------------------------------


def test_unconfirmed_short_blocks_outside_the_confirmed_run_are_dropped() -> None:
    edge_prose = (
        "This standfirst is long enough to be prose: it runs to well over fifteen words "
        "and tells the reader what the story is about."
    )
    primary = [
        ("heading", "Most read"),
        ("paragraph", "Teaser: storm closes ferry route"),
        ("paragraph", edge_prose),
        ("paragraph", prose(1)),
        ("paragraph", "Pictured: the harbour at dawn"),  # unconfirmed, inside the run
        ("paragraph", prose(2)),
        ("heading", "More stories"),
        ("paragraph", "Teaser: new bakery opens"),
    ]
    second = [("paragraph", prose(1)), ("paragraph", prose(2))]
    kept = texts(combine(primary, second))
    assert kept == [edge_prose, prose(1), "Pictured: the harbour at dawn", prose(2)]


def test_a_block_inside_a_longer_confirmed_block_counts_as_confirmed() -> None:
    primary = [("heading", "Most read"), ("paragraph", "the vote on harbour wall number 3")]
    second = [("paragraph", prose(3))]
    assert texts(combine(primary, second)) == ["the vote on harbour wall number 3"]


def test_without_a_second_opinion_the_primary_blocks_stand() -> None:
    primary = [("heading", "Most read"), ("paragraph", prose(1))]
    assert combine(primary, []) == primary
    assert combine(primary, [("paragraph", "nothing in common here at all")]) == primary


# --- retries in full mode -------------------------------------------------------------------


def test_menu_and_flattened_page_shapes() -> None:
    menu = [("list_item", f"Item {i}") for i in range(30)]
    assert _looks_like_menu(menu)
    assert not _looks_like_menu([("paragraph", prose(i)) for i in range(30)])
    assert _looks_like_menu([("paragraph", " ".join(prose(i) for i in range(20)))])
    assert not _looks_like_menu([("paragraph", prose(1))])


def test_link_menu_from_fast_mode_is_redone_in_full_mode() -> None:
    body = "".join(f"{prose(i)}<br><br>" for i in range(15))
    items = "".join(f"<li>Item {i}</li>" for i in range(40))
    page = (
        f"<html><body><div class='article-body'><ul>{items}</ul></div>"
        f"<table><tr><td>{body}</td></tr></table></body></html>"
    )
    assert _looks_like_menu(trafilatura_blocks(parse_html(page)))  # fast mode: the menu
    joined = " ".join(texts(extract_blocks(page)))
    assert prose(0) in joined and prose(14) in joined
    assert "Item 3" not in joined


def test_flattened_page_from_fast_mode_is_redone_in_full_mode() -> None:
    body = "".join(f"{prose(i)}<br><br>" for i in range(15))
    links = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(40))
    page = f"<html><body><div><ul>{links}</ul></div><font>{body}</font></body></html>"
    fast = trafilatura_blocks(parse_html(page))
    assert len(fast) == 1 and _looks_like_menu(fast)  # the whole page in one block
    blocks = texts(extract_blocks(page))
    assert len(blocks) > 1
    assert not any("Section 3" in text for text in blocks)
    assert prose(0) in " ".join(blocks)


# --- never raises ---------------------------------------------------------------------------

_RANDOM = random.Random(20240611)
JUNK = {
    "empty": "",
    "whitespace": " \n\t ",
    "broken markup": "<<<>>> </p></div><!-- <? <a href=",
    "control bytes": "\x00\x01\x1b[31m\x7f\x00",
    "random bytes": bytes(_RANDOM.randrange(256) for _ in range(5000)).decode("latin-1"),
    "bytes repr": repr(bytes(_RANDOM.randrange(256) for _ in range(3000))),
    "processing instruction only": "<?php echo 'hi'; ?>",
    "declaration only": '<?xml version="1.0" encoding="utf-8"?>',
}


@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk_gives_no_blocks_and_never_raises(name: str) -> None:
    assert extract_blocks(JUNK[name]) == []


def test_a_page_that_is_only_a_menu_gives_no_article() -> None:
    links = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30))
    blocks = extract_blocks(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    assert all(kind in KINDS for kind, _ in blocks)
    assert len(" ".join(texts(blocks)).split()) <= 60  # at most the menu's words


def test_lone_surrogates_do_not_stop_the_paragraph() -> None:
    blocks = texts(extract_blocks(article_page(f"<p>Lone \ud800 surrogate. {prose(1)}</p>")))
    assert len(blocks) == 1 and blocks[0].endswith(prose(1))


# --- XML declaration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "declaration",
    ['<?xml version="1.0" encoding="utf-8"?>', "<?xml version='1.0' encoding='ISO-8859-1'?>"],
)
def test_short_page_with_an_xml_declaration_as_str(declaration: str) -> None:
    sentence = "Café owners met on Tuesday, and the council listened to every one of them."
    page = f"{declaration}\n<html><body><p>{sentence}</p></body></html>"
    assert texts(extract_blocks(page)) == [sentence]


# --- bounded work ---------------------------------------------------------------------------

ARTICLE = "".join(f"<p>{prose(i)}</p>" for i in range(5))


def assert_article_found(blocks: list[tuple[str, str]]) -> None:
    joined = " ".join(texts(blocks))
    for i in range(5):
        assert prose(i) in joined


@pytest.mark.timing
def test_deep_nesting_is_walked_without_recursion() -> None:
    # 1,500 levels: past Python's recursion limit and libxml2's default cap of 256.
    page = "<html><body>" + "<div>" * 1500 + ARTICLE + "</div>" * 1500 + "</body></html>"
    blocks, seconds = timed(extract_blocks, page)
    assert_article_found(blocks)
    assert seconds < 2


@pytest.mark.timing
def test_nesting_beyond_the_parser_limit_keeps_the_rest_of_the_page() -> None:
    deep = "<div>" * 20_000 + "deep" + "</div>" * 20_000
    page = f"<html><body>{deep}<article>{ARTICLE}</article></body></html>"
    blocks, seconds = timed(extract_blocks, page)
    assert_article_found(blocks)
    assert seconds < 2


@pytest.mark.timing
def test_unclosed_tags_by_the_thousand_keep_their_text() -> None:
    page = "<html><body>" + "<font>" * 5000 + ARTICLE + "</body></html>"
    blocks, seconds = timed(extract_blocks, page)
    assert_article_found(blocks)
    assert seconds < 2


@pytest.mark.timing
def test_a_line_over_ten_megabytes_does_not_cut_the_page_short() -> None:
    # libxml2's default cap on one text or attribute is 10 MB; past it the page ended there.
    image = f'<img src="data:image/png;base64,{"A" * 11_000_000}">'
    rest = "".join(f"<p>{prose(i)}</p>" for i in range(1, 5))
    page = article_page(f"<p>{prose(0)}</p>{image}{rest}")
    blocks, seconds = timed(extract_blocks, page)
    assert_article_found(blocks)
    assert seconds < 2


@pytest.mark.timing
def test_many_tiny_paragraphs_take_linear_time() -> None:
    page = article_page("".join(f"<p>Item {i} is short, and new.</p>" for i in range(4000)))
    blocks, seconds = timed(extract_blocks, page)
    assert len(blocks) == 4000
    assert seconds < 2


@pytest.mark.timing
def test_confirming_many_blocks_is_not_blocks_times_text() -> None:
    primary = [("paragraph", f"menu entry {i} alpha") for i in range(20_000)]
    second = [("paragraph", f"story line {i} beta gamma delta") for i in range(20_000)]
    _, seconds = timed(combine, primary, second)
    assert seconds < 1  # one substring search per block would scan 20,000 x 700 kB


@pytest.mark.timing
def test_furniture_check_skips_long_texts() -> None:
    # A long run of '@' is the worst case for the e-mail pattern's backtracking.
    line = "a@" * 200_000
    blocks, seconds = timed(extract_blocks, article_page(f"<p>{prose(1)}</p><p>{line}</p>"))
    assert prose(1) in texts(blocks)
    assert seconds < 2
