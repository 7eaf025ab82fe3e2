"""The analysis's caps: how much of an article the analysis reads, and the note that says so.

Analysis time grows with the tokens spaCy parses and, for speakers, with the quotes in one
paragraph; a hostile page can hold a million of either in one paragraph. So:

- a block gives spaCy at most `MAX_BLOCK_TOKENS` tokens (the rest of that block is not
  analysed), an article at most `MAX_ARTICLE_CHARS` characters (the blocks after are not);
- a block with more than `MAX_QUOTE_MARKS` quotation marks is not analysed at all: spaCy is
  not given it (10,000 tokens of quote marks took spaCy 5 s) and its marks are not paired.
  The marks are counted first, up to the cap, in one linear pass.

Tokens are counted here as spaCy roughly makes them (a word, or one punctuation mark), in one
linear pass. `analysis_limits` says in one sentence which caps an article reaches; it needs
no model, so the reader and `reader extract` can say it without running the analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.model import Article

MAX_BLOCK_TOKENS = 10_000
MAX_ARTICLE_CHARS = 5_000_000
MAX_QUOTE_MARKS = 5_000

_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTE_MARK = re.compile(r"``|''|’’|[\"“”„«»]")  # as `quotes.MARK`


def parsed_lengths(article: Article) -> Iterator[tuple[int, int]]:
    """(block index, how many of its characters spaCy is given), for each block given any."""
    for index, block in enumerate(article.blocks):
        if block.start >= MAX_ARTICLE_CHARS:
            return
        text = article.text[block.start : min(block.end, MAX_ARTICLE_CHARS)]
        if too_many_quote_marks(text):
            continue
        length = len(text)
        if length > MAX_BLOCK_TOKENS:  # no more characters than the cap: no count needed
            for count, token in enumerate(_TOKEN.finditer(text), start=1):
                if count > MAX_BLOCK_TOKENS:
                    length = token.start()
                    break
        yield index, length


def too_many_quote_marks(text: str) -> bool:
    """More than `MAX_QUOTE_MARKS` quotation marks in one block (counted up to the cap)."""
    for count, _ in enumerate(_QUOTE_MARK.finditer(text), start=1):
        if count > MAX_QUOTE_MARKS:
            return True
    return False


def quote_capped(article: Article) -> set[int]:
    """The blocks with more than `MAX_QUOTE_MARKS` quotation marks: not analysed."""
    return {
        index
        for index, block in enumerate(article.blocks)
        if block.start < MAX_ARTICLE_CHARS and too_many_quote_marks(article.block_text(block))
    }


def analysis_limits(article: Article) -> list[str]:
    """One sentence per cap the analysis of `article` reaches (none for most articles)."""
    notes = []
    lengths = dict(parsed_lengths(article))
    capped = quote_capped(article)
    cut = sum(
        1
        for index, block in enumerate(article.blocks)
        if index not in capped and lengths.get(index, 0) < block.end - block.start
    )
    if cut:
        notes.append(
            f"Analysis limit: {cut} block{'' if cut == 1 else 's'} of the text "
            f"went past the cap ({MAX_BLOCK_TOKENS:,} tokens a paragraph, "
            f"{MAX_ARTICLE_CHARS:,} characters an article) and {'was' if cut == 1 else 'were'} "
            "analysed only in part."
        )
    if marks := len(capped):
        notes.append(
            f"Analysis limit: {marks} paragraph{'' if marks == 1 else 's'} with more than "
            f"{MAX_QUOTE_MARKS:,} quotation marks {'was' if marks == 1 else 'were'} not "
            "analysed (no quotes or names were looked for in "
            f"{'it' if marks == 1 else 'them'})."
        )
    return notes
