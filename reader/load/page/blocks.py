"""The blocks a page is cut into, and how blocks found by different means are compared."""

from __future__ import annotations

import re

from reader.model import BlockKind

#: A page's content: `(kind, text)` in reading order.
Blocks = list[tuple[BlockKind, str]]

WORD_RE = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Words only, for comparing blocks found by different means."""
    return " ".join(WORD_RE.findall(text))


def squash(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (`str.split` and `\\s` agree on
    what whitespace is; splitting is several times faster than a substitution)."""
    return " ".join(text.split())


#: Where the page had a `<br>`, while a block's text is gathered: LINE SEPARATOR, which
#: means just that (a page that writes one gets a line break too), is never the page's
#: source formatting (its newlines and spaces are squashed), and lxml accepts it.
BREAK = "\u2028"


def squash_lines(text: str, mark: str = BREAK) -> str:
    """`squash` on each line of `text`, lines cut at `mark`: a line break the page made
    (`<br>`) stays as one `\n`, two or more with nothing between them (`<br><br>`) as a
    blank line, which `split_paragraphs` makes two blocks. No break at either end."""
    if mark not in text:
        return squash(text)
    out: list[str] = []
    blank = False
    for piece in text.split(mark):
        piece = squash(piece)
        if not piece:
            blank = bool(out)
            continue
        if out:
            out.append("\n\n" if blank else "\n")
        out.append(piece)
        blank = False
    return "".join(out)


def split_paragraphs(blocks: Blocks) -> Blocks:
    """Each block cut at its blank lines (`<br><br>` inside one element): one block each."""
    if not any("\n\n" in text for _, text in blocks):
        return blocks
    return [(kind, part) for kind, text in blocks for part in text.split("\n\n")]


_NON_WORD = re.compile(r"\W+")
# The ASCII characters `\W` matches: for ASCII text, deleting these bytes is the same as the
# regex, and about ten times faster on a page of thousands of paragraphs.
_ASCII_NON_WORD = bytes(code for code in range(128) if _NON_WORD.match(chr(code)))


def key(text: str) -> str:
    """`text` reduced to its word characters, casefolded: for comparing blocks and captions
    whatever their spacing, punctuation and case."""
    if text.isascii():  # casefold is lower for ASCII
        return text.encode("ascii").translate(None, _ASCII_NON_WORD).decode("ascii").lower()
    return _NON_WORD.sub("", text).casefold()
