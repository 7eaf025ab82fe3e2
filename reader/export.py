"""Exports of an analysis that need no terminal: Markdown for people."""

from __future__ import annotations

from reader.model import ENTITY_GROUPS, Analysis, Article, Quote

_BLOCK_PREFIX = {"heading": "## ", "blockquote": "> ", "list_item": "- "}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _metadata_line(article: Article) -> str:
    parts = [article.site, article.published, article.byline and f"by {article.byline}"]
    parts.append(article.url or article.source)
    return " · ".join(part for part in parts if part)


def _quote_line(quote: Quote) -> str:
    cue = f" ({quote.cue})" if quote.cue else ""
    kind = "" if quote.kind == "direct" else f" [{quote.kind}]"
    return f"- “{_one_line(quote.text)}”{cue}{kind}"


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

    lines += ["## Entities", ""]
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
            lines.append(f"- {entity.name}{also}: {len(entity.mentions)} mentions")
        lines.append("")

    lines += ["## Quotes", ""]
    if not analysis.quotes:
        lines += ["No quotes found.", ""]
    speakers: dict[str, list[Quote]] = {}
    for quote in analysis.quotes:
        speakers.setdefault(quote.speaker or "Unattributed", []).append(quote)
    for speaker, quotes in speakers.items():
        lines += [f"### {speaker}", ""]
        lines += [_quote_line(quote) for quote in quotes]
        lines.append("")
    return "\n".join(lines)
