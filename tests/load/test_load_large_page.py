"""A saved page of several megabytes: the density scorer alone finds the article (quickly)."""

from __future__ import annotations

import re
from pathlib import Path

from reader.load.page.combine import DENSITY_ONLY_CHARS, extract_blocks

CLYDE = Path(__file__).resolve().parents[2] / "sample_articles" / "clyde-ferry-strike.html"


def test_a_page_above_the_threshold_keeps_the_story_and_drops_the_chrome() -> None:
    page = CLYDE.read_text(encoding="utf-8")
    match = re.search(r'(<div class="story-body">)(.*?)(\n      </div>\n)', page, re.S)
    assert match is not None
    body = match.group(2)
    repeats = DENSITY_ONLY_CHARS // len(body) + 1
    large = page[: match.end(1)] + body * repeats + page[match.start(3) :]
    assert len(large) > DENSITY_ONLY_CHARS

    blocks = extract_blocks(large)
    text = "\n".join(text for _, text in blocks)
    walkout = "Ferry crews on the Firth of Clyde walked off the job on Thursday morning"
    assert text.count(walkout) == repeats
    assert "We use cookies" not in text
    assert "Accept all cookies" not in text
