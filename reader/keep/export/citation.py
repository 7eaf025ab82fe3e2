"""How a quote is cited wherever it goes (Markdown, CSV, the clipboard, the quote card).

`“…” — Speaker, Title, Site, Date, URL`, leaving out what the article does not say. A citation
never puts words in a mouth: a quote with no speaker cites as `“…” — unattributed (officers),
Title, …` (the unnamed speaker's words in brackets when the article gives them), never with
the headline where the speaker goes; reported (indirect) speech is never put inside quote
marks, it cites as `Jerzy Malek said that …`.
"""

from __future__ import annotations

import functools
import unicodedata

from reader.model import Article, Quote
from reader.sanitize import clean_text


@functools.lru_cache(maxsize=4096)
def one_line(text: str) -> str:
    """`text` cleaned and on one line (a source such as a file name was never cleaned).

    Kept for the latest few thousand texts: a list of quotes cites the same titles, sites
    and addresses over and over (`reader quotes` cites thousands at a time). Most texts are
    already clean, and are seen so at C speed: printable (no control, format, bidi or
    surrogate character, no whitespace but the space), composed, and with no space to
    collapse, they are what `clean_text` and the join would give back."""
    if (
        text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and unicodedata.is_normalized("NFC", text)
    ):
        return text
    return " ".join(clean_text(text).split())


def unnamed_speaker(quote: Quote) -> str | None:
    """The words of an unnamed speaker the cue holds: "officers" of "officers said", "a
    source" of "according to a source"; None when the cue names nobody."""
    cue = one_line(quote.cue or "")
    if cue.startswith("according to "):
        return cue[len("according to ") :] or None
    words = cue.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[0].islower() else None


def attribution_label(quote: Quote) -> str:
    """The speaker's name, or `unattributed (officers)` / `unattributed`."""
    if quote.speaker:
        return one_line(quote.speaker)
    unnamed = unnamed_speaker(quote)
    return f"unattributed ({unnamed})" if unnamed else "unattributed"


def citation_parts(quote: Quote, article: Article) -> list[str]:
    """Who said it and where: speaker (or "unattributed"), title, site, date, URL."""
    parts = [article.title, article.site, article.published, article.url]
    return [attribution_label(quote), *(one_line(part) for part in parts if part)]


def quote_citation(quote: Quote, article: Article) -> str:
    """`“…” — Speaker, Title, Site, Date, URL`: the quote whole, on one line, with its source.

    Reported speech has no quote marks: `Speaker said that …, Title, Site, Date, URL`."""
    if quote.kind == "indirect":
        where = ", ".join(
            one_line(p) for p in (article.title, article.site, article.published, article.url) if p
        )
        said = one_line(quote.cue or "said")
        if said.startswith("according"):
            said = "said"
        who = one_line(quote.speaker) if quote.speaker else f"An {attribution_label(quote)} source"
        reported = f"{who} {said} that {one_line(quote.text)}"
        return f"{reported} — {where}" if where else reported
    return f"“{one_line(quote.text)}” — {', '.join(citation_parts(quote, article))}"


def source_citation(
    title: str | None, site: str | None, published: str | None, url: str | None
) -> str:
    """`Title, Site, Date, URL` on one line, leaving out what is not known (a passage's
    citation, which names no speaker)."""
    return ", ".join(one_line(part) for part in (title, site, published, url) if part)
