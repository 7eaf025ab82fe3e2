"""How a quote is cited wherever it goes (Markdown, CSV, the clipboard, the quote card).

`“…” — Speaker, Title, Site, Date, URL`, leaving out what the article does not say.
"""

from __future__ import annotations

from reader.model import Article, Quote
from reader.sanitize import clean_text


def one_line(text: str) -> str:
    """`text` cleaned and on one line (a source such as a file name was never cleaned)."""
    return " ".join(clean_text(text).split())


def citation_parts(quote: Quote, article: Article) -> list[str]:
    """Who said it and where: speaker, title, site, date, URL (those that are known)."""
    parts = [quote.speaker, article.title, article.site, article.published, article.url]
    return [one_line(part) for part in parts if part]


def quote_citation(quote: Quote, article: Article) -> str:
    """`“…” — Speaker, Title, Site, Date, URL`: the quote whole, on one line, with its source."""
    cited = ", ".join(citation_parts(quote, article))
    words = f"“{one_line(quote.text)}”"
    return f"{words} — {cited}" if cited else words
