"""The passage selected on the reading screen (`v`), grown and shrunk by sentences and words.

Offsets are into `Article.text`, never into screen lines, so a selection survives re-wrapping.
Sentences are found by `sentencex` (Wikimedia's rule-based segmenter, for some 300
languages), one block at a time and only for the blocks a selection reaches; a block's end
always ends a sentence. A word is a run of non-space characters, its punctuation with it.
No Textual here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from reader.model import Article

Span = tuple[int, int]

_WORD = re.compile(r"\S+")


def _sentences_of(text: str, start: int, end: int, lang: str) -> list[Span]:
    """The sentences of `text[start:end]`, as spans of `text` trimmed of white space."""
    from sentencex import get_sentence_boundaries

    found: list[Span] = []
    for boundary in get_sentence_boundaries(lang, text[start:end]):
        first, last = start + boundary["start_index"], start + boundary["end_index"]
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if last > first:
            found.append((first, last))
    return found or ([(start, end)] if end > start else [])


class Passages:
    """Sentence and word steps over one article's text, its sentences found block by block
    as they are first needed (and kept)."""

    def __init__(self, article: Article, *, one_block: bool = False) -> None:
        """`one_block`: a selection never leaves the block it starts in (while the focus
        filter hides blocks, the next block shown need not be the next in the text)."""
        self.article = article
        self.one_block = one_block
        self.text = article.text
        self.blocks = [block for block in article.blocks if block.end > block.start]
        self._starts = [block.start for block in self.blocks]
        self._sentences: dict[int, list[Span]] = {}

    def _block_at(self, offset: int) -> int:
        """The block holding `offset`, or the next one after a gap."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.blocks[index].end:
            return index
        return index + 1

    def sentences(self, index: int) -> list[Span]:
        found = self._sentences.get(index)
        if found is None:
            block = self.blocks[index]
            lang = self.article.lang or "en"
            found = self._sentences[index] = _sentences_of(self.text, block.start, block.end, lang)
        return found

    def _sentences_from(self, offset: int) -> Iterator[Span]:
        """Every sentence that ends after `offset`, in order."""
        for index in range(self._block_at(offset), len(self.blocks)):
            for sentence in self.sentences(index):
                if sentence[1] > offset:
                    yield sentence

    def sentence_from(self, offset: int) -> Span | None:
        """The first sentence that starts at or after `offset` (else the one holding it)."""
        holding = None
        for sentence in self._sentences_from(offset):
            if sentence[0] >= offset:
                return sentence
            holding = holding or sentence
        return holding

    def grown(self, span: Span, step: int, *, by_word: bool = False) -> Span | None:
        """`span` with its end moved one sentence (or word) on (`step` 1) or back (-1);
        None when it cannot move (the end of the text, or down to one sentence or word)."""
        start, end = span
        if step > 0:
            limit = len(self.text)
            if self.one_block and self.blocks:
                limit = self.blocks[min(self._block_at(start), len(self.blocks) - 1)].end
            if by_word:
                word = _WORD.search(self.text, end, limit)
                return (start, word.end()) if word else None
            following = next((s for s in self._sentences_from(end) if s[1] > end), None)
            return (start, following[1]) if following and following[1] <= limit else None
        if by_word:
            ends = [m.end() for m in _WORD.finditer(self.text, start, end)]
        else:
            index = self._block_at(start)
            last = self._block_at(max(start, end - 1))
            ends = [
                s[1]
                for i in range(index, min(last, len(self.blocks) - 1) + 1)
                for s in self.sentences(i)
                if start < s[1] <= end
            ]
        shorter = [e for e in ends if e < end]
        return (start, shorter[-1]) if shorter else None


def word_span(text: str, first: int, second: int) -> Span | None:
    """The words from offset `first` to `second` (either order), whole: a mouse drag."""
    start, end = min(first, second), max(first, second)
    words = [m.span() for m in _WORD.finditer(text, max(0, start - 200), min(len(text), end + 200))]
    touched = [w for w in words if w[1] > start and w[0] <= end]
    if not touched:
        return None
    return touched[0][0], touched[-1][1]
