"""What the hostile-input tests check on every article and analysis, and hostile strings.

The forbidden characters are written out here on their own (not imported from
`reader.sanitize`), so a mistake in the sanitiser cannot hide itself from the tests.
"""

from __future__ import annotations

import re

from reader.model import BLOCK_SEPARATOR, Analysis, Article

#: What must never reach the screen: C0 but tab and newline, DEL, C1, bidi embeddings,
#: overrides and isolates, lone surrogates. (ESC is in C0, so no escape sequence survives.)
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

#: Terminal escapes a hostile page might carry: clipboard write, window titles, clear screen,
#: colour, a DCS query, 8-bit CSI and OSC, a bidi override, a NUL, a bell.
ESCAPES = (
    "\x1b]52;c;cHduZWQgY2xpcGJvYXJk\x07",
    "\x1b]0;pwned title\x07",
    "\x1b]2;pwned window\x1b\\",
    "\x1b[2J",
    "\x1b[31;1m",
    "\x1bP1$qm\x1b\\",
    "\x9b2J",
    "\x9d0;eight-bit\x9c",
    "\u202e",
    "\u2066",
    "\x00",
    "\x07",
    "\x7f",
)

#: Rich / Textual markup that must show literally.
MARKUP = ("[bold]", "[link=https://x.example]", "[/]", "[red on blue]", "[/bold]", "[@click=quit]")


def check_article(article: Article) -> None:
    """The invariants every loaded article keeps."""
    text = article.text
    assert article.blocks, "an article has at least one block"
    pieces = [text[block.start : block.end] for block in article.blocks]
    assert BLOCK_SEPARATOR.join(pieces) == text, "blocks tile the text with blank lines"
    for before, after in zip(article.blocks, article.blocks[1:], strict=False):
        assert after.start == before.end + len(BLOCK_SEPARATOR)
    for piece in pieces:
        assert piece and piece == piece.strip()
    for name in ("text", "title", "byline", "site", "url", "published"):
        value = getattr(article, name)
        if value is not None:
            assert isinstance(value, str)
            found = FORBIDDEN.search(value)
            assert found is None, f"{name} holds {found.group()!r}"
    if article.published is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)


def check_analysis(analysis: Analysis) -> None:
    """Every offset inside the text; every quote's text is the text at its offsets."""
    text = analysis.article.text
    for entity in analysis.entities:
        assert FORBIDDEN.search(entity.name) is None
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert FORBIDDEN.search(quote.speaker) is None
