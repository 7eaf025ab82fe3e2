"""The wrapped layout of an article: which slice of `Article.text` sits on each screen line.

Built once per reading width (and rebuilt on resize), so that the article view can render any
line on demand without wrapping the whole document again. Pure Python and Rich's cell
widths only: no Textual, so it can be tested and timed on its own.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len

from reader.model import Article, Block

#: What a screen line holds; the article view styles each kind differently.
LineKind = Literal["heading", "paragraph", "caption", "blockquote", "list_item", "blank"]

#: Cells of indent before the text of a blockquote or list item line.
INDENT = 2

_WORD = re.compile(r"\S+\s*")
#: Any character that is not exactly one cell wide (or is a tab or a line break): text without
#: them (Latin scripts, general punctuation such as dashes and curly quotes) takes the fast path.
_NOT_ONE_CELL = re.compile(r"[^\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e]")


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: `text[start:end]`, with the block kind it belongs to.

    `first` is True on the first line of a block (where a list item gets its bullet).
    """

    start: int
    end: int
    kind: LineKind
    first: bool = False

    @property
    def indent(self) -> int:
        return INDENT if self.kind in ("blockquote", "list_item") else 0


class LineIndex:
    """Every screen line of an article wrapped to `width` cells, with offset lookups."""

    def __init__(self, lines: list[Line], width: int) -> None:
        self.lines = lines
        self.width = width
        self._starts = [line.start for line in lines]

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index: int) -> Line:
        return self.lines[index]

    def line_at(self, offset: int) -> int:
        """The number of the text line holding character `offset` (never a blank line)."""
        index = bisect_right(self._starts, offset) - 1
        index = max(0, min(index, len(self.lines) - 1))
        # A blank separator shares its start with the next block's end; prefer text lines.
        while index > 0 and self.lines[index].kind == "blank":
            index -= 1
        return index

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """The first and last line numbers of the span `[start, end)`."""
        first = self.line_at(start)
        last = self.line_at(max(start, end - 1))
        return first, last


def wrap_article(article: Article, width: int) -> LineIndex:
    """Wrap every block of `article` to `width` cells, a blank line between blocks."""
    width = max(width, INDENT + 8)
    lines: list[Line] = []
    for number, block in enumerate(article.blocks):
        if number:
            lines.append(Line(block.start, block.start, "blank"))
        lines.extend(_wrap_block(article.text, block, width))
    return LineIndex(lines, width)


def _wrap_block(text: str, block: Block, width: int) -> list[Line]:
    kind = block.kind
    available = width - (INDENT if kind in ("blockquote", "list_item") else 0)
    lines: list[Line] = []
    position = block.start
    # Keep the block's own line breaks (verse, addresses); wrap each piece.
    for piece in text[block.start : block.end].split("\n"):
        for start, end in wrap_offsets(piece, available):
            lines.append(Line(position + start, position + end, kind, first=not lines))
        position += len(piece) + 1
    return lines or [Line(block.start, block.end, kind, first=True)]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` cells, as `(start, end)` offsets per line.

    Trailing spaces are not counted in a line; a word longer than the width is cut.
    """
    if not text.strip():
        return [(0, len(text))]
    if text.isascii() and len(text) <= width:
        return [(0, len(text.rstrip()))]
    if width >= 2 and "  " not in text and not _NOT_ONE_CELL.search(text):
        return _wrap_single_cells(text, width)
    return _wrap_words(text, width)


def _wrap_words(text: str, width: int) -> list[tuple[int, int]]:
    """The greedy wrap word by word, measuring each word's cells."""
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = 0
    used = 0
    for match in _WORD.finditer(text):
        word_start = match.start()
        word = match.group().rstrip()
        word_end = word_start + len(word)
        word_cells = len(word) if word.isascii() else cell_len(word)
        if line_start < 0:
            line_start = word_start
        elif used + 1 + word_cells <= width:
            used += 1 + word_cells
            line_end = word_end
            continue
        else:
            lines.append((line_start, line_end))
            line_start = word_start
        # The word starts a new line; cut it if it is wider than the line.
        while word_cells > width:
            cut = _cut_at_cells(text, word_start, word_end, width)
            lines.append((word_start, cut))
            word_start = cut
            word_cells = cell_len(text[word_start:word_end])
        line_start = word_start
        line_end = word_end
        used = word_cells
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines


@functools.cache
def _ascii_line(width: int) -> re.Pattern[str]:
    """One wrapped line: the most whole words that fit in `width`, else `width` of one word."""
    return re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?!\S)|\S{{{width}}}")


def _wrap_single_cells(text: str, width: int) -> list[tuple[int, int]]:
    """`wrap_offsets` for single-spaced text of one-cell characters, at C speed:
    the regular expression finds each line's longest run of whole words, so a 4 MB article
    wraps in a few hundredths of a second."""
    return [match.span() for match in _ascii_line(width).finditer(text)]


def _cut_at_cells(text: str, start: int, end: int, width: int) -> int:
    """The offset after the most characters of `text[start:end]` that fit in `width` cells."""
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > width:
            return max(index, start + 1)
    return end
