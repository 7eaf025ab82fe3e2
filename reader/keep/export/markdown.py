"""Markdown for people: the whole article with its analysis, or only the notes.

Each quote is cited by `citation.quote_citation`, as everywhere else.
"""

from __future__ import annotations

from reader.keep.export.citation import one_line as _one_line
from reader.keep.export.citation import quote_citation
from reader.model import ENTITY_GROUPS, Analysis, Article, Quote

_BLOCK_PREFIX = {"heading": "## ", "blockquote": "> ", "list_item": "- "}


def _metadata_line(article: Article) -> str:
    parts = [article.site, article.published, article.byline and f"by {article.byline}"]
    parts.append(_one_line(article.url or article.source))
    return " · ".join(part for part in parts if part)


def _quote_line(quote: Quote, article: Article) -> str:
    notes = [note for note in (quote.cue, quote.kind != "direct" and quote.kind) if note]
    return f"- {quote_citation(quote, article)}" + "".join(f" · {note}" for note in notes)


def analysis_to_markdown(analysis: Analysis) -> str:
    """The article body, then its entities by type, then its quotes grouped by speaker."""
    article = analysis.article
    lines = [f"# {_one_line(article.title or article.source)}", "", _metadata_line(article), ""]
    for block in article.blocks:
        text = article.block_text(block)
        if block.kind == "caption":
            lines.append(f"*{_one_line(text)}*")
        else:
            lines.append(_BLOCK_PREFIX.get(block.kind, "") + text)
        lines.append("")

    return "\n".join(lines) + "\n" + _entities_and_quotes(analysis)


def notes_to_markdown(analysis: Analysis) -> str:
    """Title and metadata, then the entities by type and the quotes by speaker, cited."""
    article = analysis.article
    lines = [f"# {_one_line(article.title or article.source)}", "", _metadata_line(article), ""]
    return "\n".join(lines) + "\n" + _entities_and_quotes(analysis)


def _entities_and_quotes(analysis: Analysis) -> str:
    lines = ["## Entities", ""]
    if not analysis.entities:
        lines += ["No entities found.", ""]
    for entity_type, label in ENTITY_GROUPS:
        group = [entity for entity in analysis.entities if entity.type == entity_type]
        if not group:
            continue
        lines += [f"### {label}", ""]
        for entity in group:
            aliases = [alias for alias in entity.aliases if alias != entity.name]
            also = f" (also: {', '.join(aliases)})" if aliases else ""
            count = len(entity.named_mentions)
            lines.append(f"- {entity.name}{also}: {count} mention{'' if count == 1 else 's'}")
        lines.append("")

    lines += ["## Quotes", ""]
    if not analysis.quotes:
        lines += ["No quotes found.", ""]
    speakers: dict[str, list[Quote]] = {}
    for quote in analysis.quotes:
        speakers.setdefault(quote.speaker or "Unattributed", []).append(quote)
    for speaker, quotes in speakers.items():
        lines += [f"### {speaker}", ""]
        lines += [_quote_line(quote, analysis.article) for quote in quotes]
        lines.append("")
    return "\n".join(lines)
