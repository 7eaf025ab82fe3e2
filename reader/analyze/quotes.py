"""Quotations: pair the double quote marks of each paragraph, then tell speech from scare quotes.

Only text is read here; speakers are found in `speakers.py` with the parse.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from reader.model import Article, Block
from reader.scripts import word_count

#: Blocks that can hold quotations (captions and headings repeat or label, they do not report).
QUOTE_BLOCKS = frozenset({"paragraph", "blockquote", "list_item"})

#: The marks of many languages: English "…" and “…”, German „…“, French «…», and the corner
#: brackets of Chinese and Japanese, 「…」 (『…』 inside them, or alone).
MARK = re.compile(r"``|''|’’|[\"“”„«»「」『』]")
OPENERS = frozenset({'"', "“", "„", "«", "``", "「", "『"})
CLOSERS_FOR = {
    '"': frozenset({'"', "”", "’’", "''", "“"}),
    "“": frozenset({"”", '"', "’’", "''", "“"}),
    "„": frozenset({"“", "”", '"'}),
    "«": frozenset({"»"}),
    "「": frozenset({"」"}),
    "『": frozenset({"』"}),
    "``": frozenset({"''", "’’", '"', "”"}),
    "”": frozenset({"”", '"'}),
}
SENTENCE_END = frozenset(".?!…:;。！？：；")
# Ends in punctuation followed by nothing but non-word characters. Written so that each
# character is scanned from one mark only (`[.?!…]\W*$` rescanned the whole tail from
# every mark: a quote of 50,000 dots took 34 s).
TERMINAL = re.compile(r"[.?!…,;:—。！？，；：、-][^\w.?!…,;:—。！？，；：、-]*$")
INNER_SENTENCE_BREAK = re.compile(r"[.?!…]['’\"”)]?\s+['‘\"“(]?[A-Z0-9]")
FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|us|me|you|You|your|Your)\b"
)
NAMING_CUE = re.compile(
    r"(?:so-called|so called|known as|nicknamed|dubbed|titled|entitled|named|"
    r"the (?:words?|terms?|phrases?|slogans?|motto|hashtag|label|headline)|"
    r"(?:tagline|slogan|motto|hashtag|headline)\W*(?:such as|like|is|was|reads|read)?\W*"
    r"|(?:the|a|an|old) sayings?\W*(?:such as|like|is|was|goes)?\W*"
    r"|sayings (?:such as|like)\W*"
    r"|the use of|the word)(?:\s+(?:the|a|an))?\s*$",
    re.IGNORECASE,
)
#: Words that make a short quoted phrase a modifier when they stand before it:
#: his "tough on China" stance, a "phase one" deal.
MODIFIER_DETERMINERS = frozenset(
    {"a", "an", "the", "his", "her", "its", "their", "our", "your", "my"}
)
NOT_NOUNS = frozenset(
    {
        "with",
        "to",
        "of",
        "in",
        "on",
        "for",
        "at",
        "by",
        "from",
        "as",
        "and",
        "or",
        "but",
        "is",
        "was",
        "are",
        "were",
        "that",
        "which",
        "who",
        "than",
        "if",
        "when",
        "because",
        "so",
    }
)
HEADLINE_MIN_CONTENT = 4
SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with"}
)


@dataclass(slots=True)
class QuoteSpan:
    """The words inside one pair of marks (possibly across paragraphs)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark (None when left open)
    blocks: list[int]  # indices of the blocks it spans
    kind: str = "partial"
    words: int = 0

    def text(self, article: Article) -> str:
        return article.text[self.start : self.end]


def find_quote_spans(article: Article, *, skip: Collection[int] = ()) -> list[QuoteSpan]:
    """Every double-quoted stretch in the article's quote-bearing blocks, in text order; the
    blocks in `skip` are passed over, and a quote left open before one is dropped."""
    spans: list[QuoteSpan | None] = []
    blocks = article.blocks
    carried: tuple[int, str, list[int]] | None = None  # (start, opener, block indices)
    for index, block in enumerate(blocks):
        if block.kind not in QUOTE_BLOCKS:
            continue
        if index in skip:
            carried = None
            continue
        text = article.block_text(block)
        position = 0
        state: tuple[int, str, list[int]] | None = None
        if carried is not None:
            reopen = MARK.match(text)
            if reopen and reopen.group(0) in OPENERS | {"”"}:
                state = (carried[0], carried[1], [*carried[2], index])
                position = reopen.end()
            else:
                spans.append(_close_open(article, carried))
            carried = None
        for match in MARK.finditer(text, position):
            mark = match.group(0)
            at = block.start + match.start()
            if state is None:
                if _opens(text, match.start(), mark):
                    state = (block.start + match.end(), mark, [index])
            else:
                start, opener, indices = state
                if mark in CLOSERS_FOR.get(opener, CLOSERS_FOR['"']) and _may_close(
                    text, match.start(), mark
                ):
                    span = _make_span(article, start, at, state[0] - len(opener), at, indices)
                    if span is not None:
                        spans.append(span)
                    state = None
        if state is not None:
            following = _next_quote_block(article, index)
            if following is not None:
                carried = state
            else:
                spans.append(_close_open(article, state))
    if carried is not None:
        spans.append(_close_open(article, carried))
    return [span for span in spans if span is not None and span.end > span.start]


def _opens(text: str, i: int, mark: str) -> bool:
    if mark in {"»", "''", "’’", "」", "』"}:
        return False
    if mark == "”":  # a closing mark used as an opener: only where a word follows
        return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and not text[i + 1].isspace()
    if mark == '"' and i > 0 and text[i - 1].isdigit():  # 5'11" - an inch mark
        return False
    return i + len(mark) < len(text)


def _may_close(text: str, i: int, mark: str) -> bool:
    if mark == "“":  # an opening mark used as a closer: only where no word follows
        after = text[i + 1 : i + 2]
        return not after or not after.isalnum()
    return True


def _next_quote_block(article: Article, index: int) -> int | None:
    for following in range(index + 1, len(article.blocks)):
        kind = article.blocks[following].kind
        if kind == "caption":
            continue
        return following if kind in QUOTE_BLOCKS else None
    return None


def _close_open(article: Article, state: tuple[int, str, list[int]]) -> QuoteSpan | None:
    start, opener, indices = state
    block = article.blocks[indices[-1]]
    return _make_span(article, start, block.end, start - len(opener), None, indices)


def _make_span(
    article: Article,
    start: int,
    end: int,
    open_mark: int,
    close_mark: int | None,
    indices: list[int],
) -> QuoteSpan | None:
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return QuoteSpan(start, end, open_mark, close_mark, list(indices))


# ---------------------------------------------------------------------------------------------
# Direct or partial


def classify(article: Article, span: QuoteSpan, previous: QuoteSpan | None = None) -> str:
    """ "direct" for a full sentence of speech, "partial" for a fragment in the narrator's."""
    block = article.blocks[span.blocks[0]]
    if _continues(article, span, previous):
        return "direct"
    inner = article.text[span.start : span.end]
    before = _text_before(article, block.start, span.open_mark)
    at_sentence_start = not before or before[-1] in SENTENCE_END
    after_comma = bool(before) and before[-1] in ",—–-"
    starts_capital = _starts_capital(inner)
    ends_terminal = bool(TERMINAL.search(inner))
    span.words = word_count(inner)  # each character, in Chinese or Japanese
    if INNER_SENTENCE_BREAK.search(inner) or len(span.blocks) > 1:
        return "direct"
    if at_sentence_start and (starts_capital or ends_terminal):
        return "direct"
    if starts_capital and after_comma:
        return "direct"
    if starts_capital and ends_terminal and span.words >= 3 and not _is_title_case(inner):
        return "direct"
    return "partial"


def _text_before(article: Article, start: int, mark: int) -> str:
    """How the block's text before the opening mark ends, less spaces and quote marks.

    Only the last stretch of the block is read when that is enough (the caller looks at
    the last character): slicing from the block's start for every quote made a paragraph
    with many quotes quadratic.
    """
    for window in (max(start, mark - 200), start):
        before = article.text[window:mark].rstrip().rstrip("\"“”„«»「」『』'’").rstrip()
        if before or window == start:
            return before
    return ""


def _continues(article: Article, span: QuoteSpan, previous: QuoteSpan | None) -> bool:
    """`"If you build it," she said, "they will come."`: the second half of a split sentence."""
    if previous is None or previous.close_mark is None or previous.kind != "direct":
        return False
    if previous.blocks[-1] != span.blocks[0]:
        return False
    gap = article.text[previous.close_mark + 1 : span.open_mark]
    before = article.text[previous.start : previous.end].rstrip()
    return len(gap) <= 60 and gap.rstrip().endswith(",") and before.endswith((",", "—", "–"))


def is_naming(article: Article, span: QuoteSpan) -> bool:
    """A name, label or title introduced as such: so-called "X", known as "X", the word "X"."""
    block = article.blocks[span.blocks[0]]
    before = article.text[max(block.start, span.open_mark - 30) : span.open_mark]
    return bool(NAMING_CUE.search(before)) and len(span.text(article).split()) <= 10


def is_modifier(article: Article, span: QuoteSpan) -> bool:
    """A short quoted phrase used as an adjective: his "tough on China" stance."""
    if span.close_mark is None or len(span.text(article).split()) > 4:
        return False
    text = article.text
    before = text[max(0, span.open_mark - 12) : span.open_mark].split()
    after = text[span.close_mark + 1 : span.close_mark + 20]
    word_after = re.match(r" ([a-z][a-z-]+)\b", after)
    return (
        bool(before)
        and before[-1].lower() in MODIFIER_DETERMINERS
        and word_after is not None
        and word_after.group(1) not in NOT_NOUNS
    )


def is_headline_case(inner: str) -> bool:
    """Every content word capitalised, several of them: a sign, a title, a slogan
    ("Less Money on Testing, More Money on Students.", "We’re Not Gonna Take It")."""
    words = [w.strip(".,;:!?'’\"()") for w in inner.split()]
    content = [w for w in words if w and w.lower() not in SMALL_WORDS]
    return (
        len(content) >= HEADLINE_MIN_CONTENT
        and len(words) <= 12
        and all(w[0].isupper() or w[0].isdigit() for w in content)
    )


def _starts_capital(inner: str) -> bool:
    """Starts as a sentence does: with a capital, a digit, or a letter of a script without
    case (Chinese, Japanese, Arabic, Hebrew), where every letter may start one."""
    for ch in inner:
        if ch.isalpha():
            return ch.isupper() or not ch.islower()
        if ch.isdigit():
            return True
    return False


def _is_title_case(inner: str) -> bool:
    words = [w.strip(".,;:!?'’\"()") for w in inner.split()]
    content = [w for w in words if w and w.lower() not in SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def looks_like_name_or_title(inner: str) -> bool:
    """Short Title Case words without a sentence end: a nickname or a work's title. A
    single period or comma at the end may be the sentence's, set inside the marks
    (the opening bars of “Rolling Down The River.”)."""
    stripped = inner.strip()
    if stripped.endswith((",", ".")) and not stripped.endswith(".."):
        stripped = stripped[:-1]
    words = stripped.split()
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return (
        len(words) <= 8
        and len(content) >= 2
        and _is_title_case(stripped)
        and not TERMINAL.search(stripped)
        and not FIRST_PERSON.search(stripped)
    )


def has_first_person(inner: str) -> bool:
    return bool(FIRST_PERSON.search(inner))


def block_of(article: Article, offset: int) -> Block | None:
    for block in article.blocks:
        if block.start <= offset <= block.end:
            return block
    return None
