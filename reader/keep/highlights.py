"""Highlights: passages of an article the reader kept, each with an optional note and tags.

A highlight is kept by its text offsets and the hash of the article's clean text
(`corrections.text_key`), as corrections are, so it survives re-wrapping (offsets are into the
text, never into screen lines) and is found again when the article is reopened from another
path. It also keeps the passage itself, so that it can be listed and exported without the
article, and so that a highlight whose article text changed is recognised and left undrawn
instead of being drawn at offsets that now mean other words (`fitting`). No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.keep.corrections import text_key
from reader.model import Article
from reader.sanitize import clean_text

#: A tag typed in a note: `#word` (letters, digits, `-`, `_`, `/`).
_TAG = re.compile(r"(?<!\S)#([\w/-]+)")


@dataclass(frozen=True, slots=True)
class Highlight:
    """One kept passage `[start, end)` of the article whose text hashes to `text_key`."""

    start: int
    end: int
    passage: str
    text_key: str
    source: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    made_at: float = 0.0
    id: int | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def article_title(self) -> str:
        return self.title or self.source or "untitled"


def new_highlight(
    article: Article, start: int, end: int, note: str = "", tags: Iterable[str] = ()
) -> Highlight:
    """A highlight of `article.text[start:end]` (trimmed of white space at both ends)."""
    text = article.text
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ValueError("an empty passage cannot be kept")
    return Highlight(
        start=start,
        end=end,
        passage=text[start:end],
        text_key=text_key(article),
        source=article.source,
        note=note.strip(),
        tags=tuple(dict.fromkeys(tags)),
        title=article.title,
        url=article.url,
        site=article.site,
        published=article.published,
    )


def note_and_tags(answer: str | None) -> tuple[str, tuple[str, ...]]:
    """What the note prompt's answer holds: the note, and the `#tags` typed in it (taken out
    of the note, in the order typed, each once)."""
    answer = answer or ""
    tags = tuple(dict.fromkeys(tag.lower() for tag in _TAG.findall(answer)))
    note = " ".join(_TAG.sub("", answer).split())
    return note, tags


def note_prompt_value(highlight: Highlight) -> str:
    """The note with its tags, as the prompt shows them for editing."""
    return " ".join([highlight.note, *(f"#{tag}" for tag in highlight.tags)]).strip()


def fits(highlight: Highlight, article: Article, key: str | None = None) -> bool:
    """Whether `highlight` still marks the same words in `article`: the same text (by hash)
    and the same passage at its offsets."""
    key = key if key is not None else text_key(article)
    return (
        highlight.text_key == key
        and 0 <= highlight.start < highlight.end <= len(article.text)
        and article.text[highlight.start : highlight.end] == highlight.passage
    )


def fitting(
    highlights: Iterable[Highlight], article: Article
) -> tuple[list[Highlight], list[Highlight]]:
    """`highlights` split into those drawn (in text order) and those whose text changed."""
    key = text_key(article)
    drawn: list[Highlight] = []
    changed: list[Highlight] = []
    for highlight in highlights:
        (drawn if fits(highlight, article, key) else changed).append(highlight)
    drawn.sort(key=lambda h: (h.start, h.end))
    return drawn, changed


def changed_notice(changed: Sequence[Highlight]) -> str | None:
    """One line for the highlights not drawn because the article's text changed."""
    if not changed:
        return None
    count = len(changed)
    which = "highlight was" if count == 1 else "highlights were"
    return (
        f"{count} {which} made on an earlier version of this article; its text changed, so "
        "they are not drawn (they stay in the highlights list)."
    )


def one_line(text: str) -> str:
    """`text` cleaned of terminal controls and on one line."""
    return " ".join(clean_text(text).split())


def matches(highlight: Highlight, query: str) -> bool:
    """Whether `highlight` matches the filter `query`: every word appears in its passage,
    note or article title (case-insensitive), and every `tag:x` is one of its tags."""
    haystack = " ".join(
        part for part in (highlight.passage, highlight.note, highlight.title, highlight.source)
        if part
    ).casefold()  # fmt: skip
    tags = {tag.casefold() for tag in highlight.tags}
    for term in query.split():
        if term.casefold().startswith("tag:"):
            wanted = term[4:].lstrip("#").casefold()
            if wanted and wanted not in tags:
                return False
        elif term.casefold() not in haystack:
            return False
    return True


def step_index(spans: Sequence[tuple[int, int]], current: int | None, top: int, step: int) -> int:
    """The highlight `'` goes to: the next (`step` 1) or previous (-1) after `current`, or
    with none current the first from offset `top` on (the last before it). Out of range
    (`len(spans)` or -1) when there is none that way."""
    if current is not None:
        return current + step
    if step > 0:
        return next((n for n, (start, _) in enumerate(spans) if start >= top), len(spans))
    before = [n for n, (start, _) in enumerate(spans) if start < top]
    return before[-1] if before else -1
