"""Small helpers for the analysis tests: build an article from paragraphs and analyse it."""

from __future__ import annotations

from reader.analyze import analyze
from reader.model import Analysis, Article, Entity, Quote


def analyse_paragraphs(*paragraphs: str, source: str = "test.txt") -> Analysis:
    article = Article.from_blocks(source, [("paragraph", p) for p in paragraphs])
    return analyze(article)


def entity_named(analysis: Analysis, name: str, entity_type: str | None = None) -> Entity:
    found = [
        e
        for e in analysis.entities
        if e.name == name and (entity_type is None or e.type == entity_type)
    ]
    names = [(e.name, e.type) for e in analysis.entities]
    assert len(found) == 1, f"{name} ({entity_type}) not found once among {names}"
    return found[0]


def quote_starting(analysis: Analysis, words: str) -> Quote:
    found = [q for q in analysis.quotes if q.text.startswith(words)]
    texts = [q.text[:40] for q in analysis.quotes]
    assert len(found) == 1, f"no single quote starts with {words!r} among {texts}"
    return found[0]
