"""Markdown files: headings, paragraphs, block quotes and list items as blocks."""

from __future__ import annotations

from pathlib import Path

from reader.load import load
from reader.load.markdown import extract_markdown

STORY = """# Orchard Town Wins Regional Cider Prize

The cider makers of *Kelby* took the **regional prize** on Saturday, beating
forty other entries from across the county.

## How they did it

> "We picked late and pressed slowly," said head maker Anouk Vries.
> "That is the whole secret."

The winning blend used three apple varieties:

- Kingston Black, for body
- Dabinett, for tannin
* [Ellis Bitter](https://example.org/ellis), for sharpness

1. First round: blind tasting.
2. Final round: judges' panel.

![Barrels in the Kelby cellar](barrels.jpg)

The prize comes with a grant for a new press.
"""


def kinds(text: str) -> list[tuple[str, str]]:
    article = extract_markdown(text, "story.md")
    return [(b.kind, article.block_text(b)) for b in article.blocks]


def test_first_level_one_heading_is_the_title() -> None:
    article = extract_markdown(STORY, "story.md")
    assert article.title == "Orchard Town Wins Regional Cider Prize"
    assert "Orchard Town Wins" not in article.text


def test_blocks_and_kinds() -> None:
    assert kinds(STORY) == [
        ("paragraph", "The cider makers of Kelby took the regional prize on Saturday, beating "
                      "forty other entries from across the county."),
        ("heading", "How they did it"),
        ("blockquote", "\"We picked late and pressed slowly,\" said head maker Anouk Vries. "
                       "\"That is the whole secret.\""),
        ("paragraph", "The winning blend used three apple varieties:"),
        ("list_item", "Kingston Black, for body"),
        ("list_item", "Dabinett, for tannin"),
        ("list_item", "Ellis Bitter, for sharpness"),
        ("list_item", "First round: blind tasting."),
        ("list_item", "Final round: judges' panel."),
        ("caption", "Barrels in the Kelby cellar"),
        ("paragraph", "The prize comes with a grant for a new press."),
    ]


def test_front_matter_gives_metadata() -> None:
    text = (
        "---\ntitle: Cider Prize\nauthor: Jo Marsh\ndate: 2024-09-14\nsite: County Echo\n---\n\n"
        "# Cider Prize\n\nKelby's cider makers won the county prize.\n"
    )
    article = extract_markdown(text, "story.md")
    assert (article.title, article.byline, article.published, article.site) == (
        "Cider Prize", "Jo Marsh", "2024-09-14", "County Echo"
    )
    assert article.text == "Kelby's cider makers won the county prize."


def test_setext_headings_and_snake_case_survive() -> None:
    text = "Cider Prize\n===========\n\nThe file is named cider_prize_notes.txt today.\n"
    article = extract_markdown(text, "story.md")
    assert article.title == "Cider Prize"
    assert article.text == "The file is named cider_prize_notes.txt today."


def test_md_suffix_goes_to_markdown(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    article = load(str(path))
    assert article.title == "Orchard Town Wins Regional Cider Prize"
    assert any(b.kind == "blockquote" for b in article.blocks)
