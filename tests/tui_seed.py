"""Helpers for the TUI tests: a hand-built seed article and analysis, and the screen as text."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from reader.model import Analysis, Article, Entity, Mention, Quote

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "voa-korea-olympics-talks.txt"


def seed_article() -> Article:
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n")]
    body = [p for p in paragraphs[4:] if p and not p.startswith(("•", "XS", "VOA News"))]
    body = [p.split("\n")[0] for p in body]
    parts = [("paragraph", p) for p in body if not p.startswith("The Voice of America")]
    parts[0] = ("caption", parts[0][1])
    parts[6] = ("caption", parts[6][1])
    return Article.from_blocks(
        "voa-korea-olympics-talks.txt",
        parts,
        title="South Korea Offers Talks With Rival North Over Winter Olympics",
        site="VOA",
    )


def _find_all(text: str, word: str) -> tuple[Mention, ...]:
    mentions, start = [], text.find(word)
    while start >= 0:
        mentions.append(Mention(start, start + len(word)))
        start = text.find(word, start + len(word))
    return tuple(mentions)


def seed_analysis(article: Article) -> Analysis:
    text = article.text
    entities = (
        Entity("kim-jong-un", "Kim Jong Un", "PERSON", ("Kim",), _find_all(text, "Kim")),
        Entity("donald-trump", "Donald Trump", "PERSON", ("Trump",), _find_all(text, "Trump")),
        Entity(
            "grant-newsham", "Grant Newsham", "PERSON", ("Newsham",), _find_all(text, "Newsham")
        ),
        Entity(
            "jfss",
            "Japan Forum for Strategic Studies",
            "ORG",
            (),
            _find_all(text, "Japan Forum for Strategic Studies"),
        ),
        Entity("south-korea", "South Korea", "PLACE", (), _find_all(text, "South Korea")),
        Entity("seoul", "Seoul", "PLACE", (), _find_all(text, "Seoul")),
    )
    quotes = []
    for number, (words, speaker, speaker_id, kind) in enumerate(
        [
            ("Sanctions and 'other' pressures", "Donald Trump", "donald-trump", "direct"),
            ("somehow reaching a deal", "Grant Newsham", "grant-newsham", "partial"),
            ("There's even a sense", "Grant Newsham", "grant-newsham", "direct"),
            ("It's not surprising", "Grant Newsham", "grant-newsham", "direct"),
            ("always on the desk in my office", "Kim Jong Un", "kim-jong-un", "partial"),
        ]
    ):
        start = text.find(words)
        end = text.find('"', start + len(words)) if kind == "direct" else start + len(words)
        quotes.append(
            Quote(f"q{number + 1}", text[start:end], start, end, speaker, speaker_id, kind, "said")
        )
    return Analysis(article, entities, tuple(quotes))


def screen_text(app: App[object]) -> str:
    """What the terminal shows now, as plain text lines (the active screen's composition)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
