"""Small hand-made analyses for the archive's tests: one person quoted, others named."""

from __future__ import annotations

from reader.model import Analysis, Article, Entity, Mention, Quote


def story(
    number: int,
    speaker: str = "Kim Jong Un",
    words: str = "We will talk",
    *,
    site: str = "VOA News",
    published: str = "2026-01-01",
    aliases: tuple[str, ...] = (),
    also_named: str = "Moon Jae-in",
) -> Analysis:
    """Story `number`: `speaker` says `words`, and `also_named` is named, not quoted."""
    text = f"Story {number}. “{words},” said {speaker}. {also_named} listened."
    article = Article.from_blocks(
        f"story-{number}.txt",
        [("paragraph", text)],
        title=f"Story {number}",
        site=site,
        published=published,
        url=f"https://news.example/{number}",
    )
    start = text.index(words)
    at = text.index(speaker, start + len(words))
    other = text.index(also_named)
    person = Entity("e1", speaker, "PERSON", aliases, (Mention(at, at + len(speaker)),))
    named = Entity("e2", also_named, "PERSON", (), (Mention(other, other + len(also_named)),))
    quote = Quote(
        "q1", words, start, start + len(words), speaker, "e1", "direct", "said",
        (at, at + len(speaker)), 0.9,
    )  # fmt: skip
    return Analysis(article, (person, named), (quote,))
