"""Quotes and entities as CSV (RFC 4180, a header row, UTF-8), one row per quote or entity.

Quotes: `id, speaker, kind, cue, start, end, text`, then the citation fields `title, site,
published, url, source` and the whole `citation` line, so that one row stands on its own.
Entities: `id, name, type, aliases` (joined by "; "), `mentions` (a count), `first_start`,
then `title, source`. Several articles go in one table; `source` tells them apart.

A text cell that a spreadsheet would take for a formula (one starting with `=`, `+`, `-`,
`@`, a tab or a carriage return: `=HYPERLINK(…)`, `+cmd|' /C calc'!A0`) is neutralised as
OWASP recommends, with a single quote in front (`'=HYPERLINK(…)`); numbers are left alone.
JSON keeps the text as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.keep.export.citation import quote_citation
from reader.model import Analysis

QUOTE_COLUMNS = (
    "id", "speaker", "kind", "cue", "start", "end", "text",
    "title", "site", "published", "url", "source", "citation",
)  # fmt: skip
ENTITY_COLUMNS = ("id", "name", "type", "aliases", "mentions", "first_start", "title", "source")


#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """`value` as a CSV cell: None is empty, and text that would start a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def table(columns: tuple[str, ...], rows: Iterable[Iterable[object]]) -> str:
    """A CSV table: the header row `columns`, then `rows`, every cell through `cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def quotes_csv(analyses: Iterable[Analysis]) -> str:
    """Every quote of every analysis, in article order."""
    return table(
        QUOTE_COLUMNS,
        (
            (
                quote.id,
                quote.speaker,
                quote.kind,
                quote.cue,
                quote.start,
                quote.end,
                quote.text,
                article.title,
                article.site,
                article.published,
                article.url,
                article.source,
                quote_citation(quote, article),
            )  # fmt: skip
            for analysis in analyses
            for article in (analysis.article,)
            for quote in analysis.quotes
        ),
    )


def entities_csv(analyses: Iterable[Analysis]) -> str:
    """Every entity of every analysis, in the analysis's order."""
    return table(
        ENTITY_COLUMNS,
        (
            (
                entity.id,
                entity.name,
                entity.type,
                "; ".join(alias for alias in entity.aliases if alias != entity.name),
                len(entity.named_mentions),
                entity.first_position,
                analysis.article.title,
                analysis.article.source,
            )  # fmt: skip
            for analysis in analyses
            for entity in analysis.entities
        ),
    )
