"""The wrapped layout of an article: which slice of `Article.text` sits on each screen line.

Built once per reading width (and rebuilt on resize), so that the article view can render any
line on demand without wrapping the whole document again. Pure Python and Rich's cell
widths only: no Textual, so it can be tested and timed on its own.
"""

from __future__ import annotations

import functools
import re
import time
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len

from reader.model import Article, Block
from reader.record import Record

#: What a screen line holds; the article view styles each kind differently.
LineKind = Literal["heading", "paragraph", "caption", "blockquote", "list_item", "blank"]

#: Cells of indent before the text of a blockquote or list item line.
INDENT = 2

_WORD = re.compile(r"\S+\s*")
#: Any character that is not exactly one cell wide (or is a tab or a line break): text without
#: them (Latin scripts, general punctuation such as dashes and curly quotes) takes the fast path.
_NOT_ONE_CELL = re.compile(r"[^\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e]")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Line(Record):
    """One screen line: `text[start:end]`, with the block kind it belongs to.

    `first` is True on the first line of a block (where a list item gets its bullet).
    """

    start: int
    end: int
    kind: LineKind
    first: bool = False

    def offset_at(self, text: str, column: int) -> int | None:
        """The offset of the character at cell `column` of this line's words, None off them."""
        if self.kind == "blank" or column < 0:
            return None
        used = 0
        for offset in range(self.start, self.end):
            used += cell_len(text[offset])
            if used > column:
                return offset
        return None

    @property
    def indent(self) -> int:
        return INDENT if self.kind in ("blockquote", "list_item") else 0


class LineIndex:
    """Every screen line of an article wrapped to `width` cells, with offset lookups.

    An index made by `LineIndex.lazy` wraps blocks only as lines are asked for (in order, from
    the top), so the first screen of a long article is on screen before the rest is wrapped;
    `wrap_more` lets the view wrap the rest in small steps between keys. `len()`, `lines` and
    an offset beyond the wrapped part wrap whatever they need first, so every answer is the
    same as a fully wrapped index's.
    """

    def __init__(self, lines: list[Line], width: int) -> None:
        self._lines = lines
        self.width = width
        self._starts = [line.start for line in lines]
        self._text = ""
        self._blocks: tuple[Block, ...] = ()
        self._next_block = 0

    @classmethod
    def lazy(cls, article: Article, width: int) -> LineIndex:
        """An index of `article` at `width` with nothing wrapped yet."""
        index = cls([], max(width, INDENT + 8))
        index._text = article.text
        index._blocks = tuple(article.blocks)
        return index

    # -- how much is wrapped --------------------------------------------------------------

    @property
    def complete(self) -> bool:
        return self._next_block >= len(self._blocks)

    @property
    def wrapped(self) -> int:
        """Lines wrapped so far (all of them once `complete`)."""
        return len(self._lines)

    def estimated_length(self) -> int:
        """The line count: exact when complete, else extrapolated from the part wrapped."""
        if self.complete:
            return len(self._lines)
        done = self._blocks[self._next_block - 1].end if self._next_block else 0
        rest = len(self._text) - done
        per_char = len(self._lines) / done if done else 1 / max(1, self.width - 10)
        return len(self._lines) + round(rest * per_char) + len(self._blocks) - self._next_block

    def wrap_more(self, blocks: int) -> bool:
        """Wrap up to `blocks` more blocks; True once everything is wrapped."""
        for _ in range(blocks):
            if self.complete:
                break
            self._wrap_next_block()
        return self.complete

    def wrap_for(self, seconds: float) -> bool:
        """Wrap blocks for about `seconds`; True once everything is wrapped."""
        deadline = time.perf_counter() + seconds
        while not self.wrap_more(16) and time.perf_counter() < deadline:
            pass
        return self.complete

    def scroll_height(self, view_height: int) -> int:
        """The height to scroll over: the line count, estimated while the wrap goes on (never
        short of the lines wrapped and a screen below them)."""
        height = self.estimated_length()
        if not self.complete:
            height = max(height, self.wrapped + view_height)
        return height

    def finish(self) -> None:
        while not self.complete:
            self._wrap_next_block()

    def has_line(self, number: int) -> bool:
        """Whether line `number` exists, wrapping up to it if needed."""
        while number >= len(self._lines) and not self.complete:
            self._wrap_next_block()
        return 0 <= number < len(self._lines)

    def _wrap_next_block(self) -> None:
        number = self._next_block
        block = self._blocks[number]
        new = _wrap_block(self._text, block, self.width)
        if number:
            new.insert(0, Line(block.start, block.start, "blank"))
        self._lines.extend(new)
        self._starts.extend(line.start for line in new)
        self._next_block = number + 1

    # -- the lines --------------------------------------------------------------------------

    @property
    def lines(self) -> list[Line]:
        self.finish()
        return self._lines

    def __len__(self) -> int:
        """The number of lines: this wraps the whole text (use `is_empty` to ask for none)."""
        self.finish()
        return len(self._lines)

    @property
    def is_empty(self) -> bool:
        """Whether the index has no line at all; wraps at most the first block, never the rest."""
        return not self.has_line(0)

    def __getitem__(self, index: int) -> Line:
        if index < 0:
            self.finish()
        else:
            self.has_line(index)
        return self._lines[index]

    def line_at(self, offset: int) -> int:
        """The number of the text line holding character `offset` (never a blank line)."""
        while not self.complete and (not self._starts or self._starts[-1] <= offset):
            self._wrap_next_block()
        index = bisect_right(self._starts, offset) - 1
        index = max(0, min(index, len(self._lines) - 1))
        # A blank separator shares its start with the next block's end; prefer text lines.
        while index > 0 and self._lines[index].kind == "blank":
            index -= 1
        return index

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """The first and last line numbers of the span `[start, end)`."""
        first = self.line_at(start)
        last = self.line_at(max(start, end - 1))
        return first, last


def wrap_article(article: Article, width: int) -> LineIndex:
    """Wrap every block of `article` to `width` cells, a blank line between blocks."""
    index = LineIndex.lazy(article, width)
    index.finish()
    return index


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
