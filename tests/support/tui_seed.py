"""Helpers for the TUI tests: the seed article with a frozen analysis, and the screen as text.

`tui_seed_analysis.json` is the real `analyze()` output for the seed (the JSON contract of
`reader.codec.analysis_to_dict`), frozen so that layout snapshots and widget tests do not
depend on the analyser's later changes or on timing. Regenerate it with
`python tests/support/tui_seed.py`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.app import App

from reader.codec import analysis_to_dict
from reader.model import Analysis, Article, Block, Entity, Link, Mention, Quote

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "sample_articles"
SEED = SAMPLES / "voa-korea-olympics-talks.txt"
FROZEN = HERE / "tui_seed_analysis.json"


def _span(span: dict[str, int] | None) -> tuple[int, int] | None:
    return (span["start"], span["end"]) if span is not None else None


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an `Analysis` from its JSON contract (`reader.codec.analysis_to_dict`)."""
    article = Article(
        source=data["source"],
        text=data["text"],
        blocks=tuple(Block(b["kind"], b["start"], b["end"]) for b in data["blocks"]),
        title=data["title"],
        byline=data["byline"],
        site=data["site"],
        published=data["published"],
        url=data["url"],
        lang=data.get("lang"),
        links=tuple(Link(k["start"], k["end"], k["href"]) for k in data.get("links", ())),
    )
    entities = tuple(
        Entity(
            e["id"],
            e["name"],
            e["type"],
            tuple(e["aliases"]),
            tuple(Mention(m["start"], m["end"], m.get("kind", "name")) for m in e["mentions"]),
        )
        for e in data["entities"]
    )
    quotes = tuple(
        Quote(
            q["id"],
            q["text"],
            q["start"],
            q["end"],
            q["speaker"],
            q["speaker_id"],
            q["kind"],
            q["cue"],
            _span(q.get("speaker_span")),
            q.get("confidence", 0.0),
        )
        for q in data["quotes"]
    )
    return Analysis(article, entities, quotes)


def frozen_seed() -> Analysis:
    """The seed article and its analysis as frozen in `tui_seed_analysis.json`."""
    return analysis_from_dict(json.loads(FROZEN.read_text(encoding="utf-8")))


def screen_text(app: App[Any]) -> str:
    """What the terminal shows now, as plain text lines (the active screen's composition)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


if __name__ == "__main__":
    from reader.analyze import analyze
    from reader.load import load

    # Loaded by its path from the repository root, so the frozen "source" names no machine.
    analysis = analyze(load(str(SEED.relative_to(SEED.parents[1]))))
    FROZEN.write_text(
        json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {FROZEN.name}: {len(analysis.entities)} entities, {len(analysis.quotes)} quotes")
