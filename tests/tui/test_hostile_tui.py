"""A hostile article in the real app: markup shows literally, escapes never reach the screen
or the clipboard, and nothing raises a MarkupError.

The article comes from a file through the real loader. The analysis is real where spaCy can
be made to find it (quotes with markup in their words); the names of people are what spaCy
decides, so one test gives the app an analysis whose entity and speaker names carry markup,
as data, to reach the panels' titles and the notifications.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from support.hostile_helpers import FORBIDDEN
from support.tui_seed import screen_text

from reader.codec import analysis_to_dict
from reader.keep.export.citation import quote_citation
from reader.keep.export.csv import entities_csv, quotes_csv
from reader.keep.export.markdown import analysis_to_markdown
from reader.load import load
from reader.model import Analysis, Article, Entity, Mention, Quote
from reader.sanitize import clean_text
from reader.tui.app import ReaderApp
from reader.tui.dialogs.help import HelpScreen

SIZE = (160, 50)

TITLE = "Harbour [bold]wall[/bold] vote [link=https://x.example]here[/link]"
BYLINE = "Ann [red on blue]Lee[/]"
PARAGRAPHS = [
    "The council [bold]voted[/bold] on Tuesday to rebuild the old harbour wall before the "
    "winter storms \x1b]52;c;cHduZWQgY2xpcGJvYXJk\x07arrive.",
    '"We cannot wait [/] another [red on blue]winter[/], the sea will not wait for us," said '
    "Mayor Ruth Okafor \x1b]0;pwned title\x07at the meeting.",
    "Engineers said the work [link=https://x.example]would take[/link] three months \x1b[2J"
    "and close the promenade \u202eto walkers\u202c.",
    '"The wall is older than the town hall, and [@click=app.quit]it shows[/]," said '
    "Peter Lang, the chief engineer.",
]
MARKUP_SEEN = (
    "[bold]voted[/bold]",
    "[/] another [red on blue]winter[/]",
    "[link=https://x.example]",
)


def hostile_file(tmp_path: Path) -> Path:
    """A saved page whose title, byline, site and body carry markup and escapes."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{TITLE}\x1b]0;pwned\x07</title>"
        f"<meta name='author' content='{BYLINE}'>"
        "<meta property='og:site_name' content='[italic]Bay[/italic] Courier\x1b[31m'>"
        f"</head><body><article><h1>{TITLE}</h1>{body}</article></body></html>"
    )
    path = tmp_path / "hostile.html"
    path.write_text(page, encoding="utf-8")
    return path


def clean_of_escapes(text: str) -> None:
    assert FORBIDDEN.search(text) is None
    for payload in ("pwned", "cHduZWQ"):
        assert payload not in text


async def test_markup_in_a_real_article_shows_literally_after_real_analysis(
    tmp_path: Path, nlp: Any
) -> None:
    article = load(str(hostile_file(tmp_path)))
    assert article.title is not None and "[bold]wall[/bold]" in article.title
    app = ReaderApp(article)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        analysis = app.screen.analysis
        assert analysis is not None, "the analysis finished"
        text = screen_text(app)
        assert "Harbour [bold]wall[/bold] vote" in text  # the header
        assert "[italic]Bay[/italic] Courier" in text
        assert "Ann [red on blue]Lee[/]" in text
        for markup in MARKUP_SEEN:
            assert markup in text
        clean_of_escapes(text)
        quoted = [quote for quote in analysis.quotes if "[/]" in quote.text]
        assert quoted, "the quote with markup was found"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        clipboard = app.clipboard
        assert clipboard.startswith("“") and "[" in clipboard
        clean_of_escapes(clipboard)
        assert clipboard == quote_citation(app.screen.selection.quote, article)
        clean_of_escapes(screen_text(app))


def named_analysis(article: Article) -> Analysis:
    """The article with entities and speakers whose names are markup (the data a stranger's
    page could make a name out of)."""
    text = article.text
    first = text.index("We cannot")
    second = text.index("The wall is")
    ruth = text.index("Ruth Okafor")
    peter = text.index("Peter Lang")
    people = (
        Entity(
            "person-ruth", "[bold]Ruth[/bold] Okafor", "PERSON", (), (Mention(ruth, ruth + 11),)
        ),
        Entity("person-peter", "Peter [/] Lang", "PERSON", (), (Mention(peter, peter + 10),)),
        Entity("org-x", "[link=https://x.example]Council[/link]", "ORG", (), ()),
    )
    first_end = text.index('," said Mayor')
    second_end = text.index('," said Peter')
    quotes = (
        Quote("q1", text[first:first_end], first, first_end, people[0].name, "person-ruth"),
        Quote("q2", text[second:second_end], second, second_end, people[1].name, "person-peter"),
    )
    return Analysis(article, people, quotes)


async def test_markup_in_names_shows_literally_in_panels_titles_and_notifications(
    tmp_path: Path,
) -> None:
    article = load(str(hostile_file(tmp_path)))
    analysis = named_analysis(article)
    app = ReaderApp(article, analysis=analysis)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Ruth[/bold] Okafor" in text  # the entity list and the quotes list
        assert "Peter [/] Lang" in text
        assert "[link=https://x.example]Council[/link]" in text
        # Select Peter: the quotes panel's title names him.
        await pilot.press("2")
        entity_list = app.screen.entities_pane.entity_list
        while entity_list.highlighted_id != "person-peter":
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.selected is not None and app.screen.selected.id == "person-peter"
        assert "Quotes 1 · Peter [/] Lang" in screen_text(app)  # the panel title
        # Copy his quote: the notification names him literally.
        await pilot.press("n", "y")
        await pilot.pause()
        assert "Copied the quote by Peter [/] Lang" in screen_text(app)
        assert "Peter [/] Lang" in app.clipboard
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Keys" in screen_text(app)


def test_exports_carry_markup_literally_and_no_escapes(tmp_path: Path) -> None:
    article = load(str(hostile_file(tmp_path)))
    analysis = named_analysis(article)
    markdown = analysis_to_markdown(analysis)
    as_json = json.dumps(analysis_to_dict(analysis), ensure_ascii=False)
    quotes_table = quotes_csv([analysis])
    entities_table = entities_csv([analysis])
    for exported in (markdown, as_json, quotes_table, entities_table):
        clean_of_escapes(exported.replace("\r\n", "\n"))  # CSV rows end in CRLF
    # Markdown escapes the article's punctuation; as Markdown reads it, the text is literal.
    read = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)
    assert "Harbour [bold]wall[/bold] vote" in read
    assert "[red on blue]winter[/]" in read
    assert "[bold]Ruth[/bold] Okafor" in read
    assert json.loads(as_json)["title"] == article.title
    rows = list(csv.reader(io.StringIO(quotes_table)))
    assert any("Peter [/] Lang" in cell for row in rows for cell in row)
    rows = list(csv.reader(io.StringIO(entities_table)))
    assert any("[link=https://x.example]Council[/link]" in cell for row in rows for cell in row)


async def test_a_file_name_with_escapes_shows_clean_in_the_header_and_exports() -> None:
    """Without a title the header names the file, and a file's name is a stranger's too."""
    article = Article.from_blocks(
        "story\x1b]0;pwned\x07\x1b[2J[bold].txt", [("paragraph", clean_text(PARAGRAPHS[2]))]
    )
    app = ReaderApp(article, analysis=Analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "story[bold].txt" in text
        clean_of_escapes(text)
    clean_of_escapes(analysis_to_markdown(Analysis(article)))


async def test_prompt_titles_that_name_an_entity_show_markup_literally(tmp_path: Path) -> None:
    """The merge and speaker prompts put names and quoted words in their titles."""
    from reader.tui.dialogs.choice_prompt import ChoicePrompt
    from reader.tui.dialogs.text_prompt import TextPrompt

    article = load(str(hostile_file(tmp_path)))
    app = ReaderApp(article, analysis=named_analysis(article))
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ChoicePrompt("Merge Peter [/] Lang into…", [("a", "[bold]A[/bold]")]))
        await pilot.pause()
        assert "Merge Peter [/] Lang into…" in screen_text(app)
        assert "[bold]A[/bold]" in screen_text(app)
        await pilot.press("escape")
        app.push_screen(TextPrompt("Rename [red on blue]x[/]", "A new name for [/]:", "[/]"))
        await pilot.pause()
        assert "Rename [red on blue]x[/]" in screen_text(app)
        assert "A new name for [/]:" in screen_text(app)
