"""The loader's shortcuts for large pages give exactly what the plain way gives.

Caption keys take a fast path for ASCII text, the blocks' cleaning is skipped when the page
holds nothing to clean, block keys are worked out once while captions are placed, and the
density scorer measures whole text lengths only for the elements it asks about; each is
checked here against the plain computation it stands for.
"""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from reader.load.page.blocks import key as _key
from reader.load.page.blocks import squash
from reader.load.page.captions import place_captions
from reader.load.page.combine import _cleaned
from reader.load.page.density import WholeTextLengths
from reader.model import BlockKind
from reader.sanitize import clean_text

KEY_SAMPLES = [
    "".join(chr(code) for code in range(128)),  # every ASCII character, controls included
    "The mayor's office -- said: 'No comment.' (2024) snake_case_name",
    "  Tabs\tand\nnewlines  ",
    "",
    "!!! ... ---",
    "Straße, Ǆemal and the ﬁrst café",  # casefold changes length; ligature; accent
    "“Curly quotes” — an em dash – an en dash",
    "e\u0301 combining accent, Ⅻ ² ½",
    "Ελληνικά ΣΊΣΥΦΟΣ, русский ТЕКСТ, 中文文本",
]


def plain_key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


@pytest.mark.parametrize("text", KEY_SAMPLES)
def test_a_caption_key_is_the_word_characters_casefolded(text: str) -> None:
    assert _key(text) == plain_key(text)


def plain_cleaned(blocks: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    """Each line squashed (a `\n` is a `<br>` the page made; a carriage return is not)."""
    return [
        (kind, "\n".join(squash(line) for line in clean_text(text.replace("\r", " ")).split("\n")))
        for kind, text in blocks
    ]


CLEAN_BLOCKS: list[tuple[BlockKind, str]] = [
    ("heading", "A headline"),
    ("paragraph", "A paragraph with “curly quotes” and a café."),
    ("caption", "A caption"),
    ("paragraph", "12 High Street\nDuluth"),
]
DIRTY_BLOCKS: list[list[tuple[BlockKind, str]]] = [
    [("paragraph", "Carriage\rreturn"), ("paragraph", "ok")],
    [("paragraph", "Colour \x1b[31mred\x1b[0m here"), ("paragraph", "ok")],
    [("paragraph", "OSC \x1b]52;c;payload\x07 gone"), ("paragraph", "C1 \x9b31m too")],
    [("paragraph", "bidi \u202eoverride\u202c here")],
    [("paragraph", "decomposed cafe\u0301"), ("paragraph", "\u0301 a mark first")],
    [("paragraph", "a NUL\x00 and a bell \x07 between words")],
]


def test_clean_blocks_come_through_unchanged() -> None:
    assert _cleaned(CLEAN_BLOCKS) == plain_cleaned(CLEAN_BLOCKS) == CLEAN_BLOCKS


@pytest.mark.parametrize("dirty", DIRTY_BLOCKS)
def test_blocks_with_anything_to_clean_are_cleaned_one_by_one(
    dirty: list[tuple[BlockKind, str]],
) -> None:
    blocks = CLEAN_BLOCKS + dirty
    cleaned = _cleaned(blocks)
    assert cleaned == plain_cleaned(blocks)
    assert cleaned != blocks


FIGURES_PAGE = """<html><body><article>
<p>The first paragraph of the story, long enough to be a block.</p>
<figure><img src="a.jpg">
<figcaption>The harbour at dawn, before the strike began.</figcaption></figure>
<p>The second paragraph of the story, also long enough.</p>
<figure><img src="b.jpg">
<figcaption>Crews gather at the pier gates on Thursday.</figcaption></figure>
<p>The third paragraph of the story closes the piece.</p>
</article></body></html>"""


def test_captions_placed_by_their_neighbours_each_stand_where_their_figure_stood() -> None:
    tree = lxml_html.document_fromstring(FIGURES_PAGE)
    paragraphs: list[tuple[BlockKind, str]] = [
        ("paragraph", "The first paragraph of the story, long enough to be a block."),
        ("paragraph", "The second paragraph of the story, also long enough."),
        ("paragraph", "The third paragraph of the story closes the piece."),
    ]

    placed = place_captions(paragraphs, tree, page=FIGURES_PAGE)

    assert placed == [
        paragraphs[0],
        ("caption", "The harbour at dawn, before the strike began."),
        paragraphs[1],
        ("caption", "Crews gather at the pier gates on Thursday."),
        paragraphs[2],
    ]


NESTED_PAGE = (
    "<html><body>"
    + '<div class="share">Share <a href="#">this</a>, tail. ' * 30
    + "<p>The story itself, <em>with</em> inline <!-- a comment --> markup.</p>"
    + "</div> after" * 30
    + "</body></html>"
)


def test_whole_text_lengths_are_the_text_content_lengths_asked_one_by_one_or_all_at_once() -> None:
    body = lxml_html.document_fromstring(NESTED_PAGE).find("body")
    assert body is not None
    lengths = WholeTextLengths(body)
    assert lengths.page_length == len(body.text_content())

    elements = [element for element in body.iter() if isinstance(element.tag, str)]
    answers = [(lengths.of(element), len(element.text_content())) for element in elements]

    assert all(given == expected for given, expected in answers)
    assert lengths.every_length is not None  # the nested asks passed the page: one pass
    assert lengths.of(body) == len(body.text_content())
