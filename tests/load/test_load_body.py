"""The body a page gives: line breaks the page made (`<br>`), bold and italic words as marks,
and each through the JSON contract and the Markdown export. Small pages of our own, the real
extractor (trafilatura, lxml), the real Markdown parser to read the export back."""

from __future__ import annotations

import re

import markdown_it

from reader.codec import analysis_from_dict, analysis_to_dict
from reader.keep.export.markdown import analysis_to_markdown
from reader.load.page import extract_html
from reader.model import Analysis, Article

INTRO = (
    "<p>The city unveiled a stone on Tuesday that carries a short poem by a local writer, "
    "who read it aloud to a small crowd gathered near the fountain in the rain.</p>"
)
OUTRO = (
    "<p>The stone will stay in the park for at least ten years, the council said, and a "
    "second poem will be chosen by a competition open to every school in the city.</p>"
)


def page(inner: str) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>The poem in the park</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>The poem in the park</h1>{INTRO}{inner}{OUTRO}</article>"
        "<footer>Contact us</footer></body></html>"
    ).encode()


def article_of(inner: str) -> Article:
    return extract_html(page(inner), "poem.html")


def blocks_of(article: Article) -> list[str]:
    return [article.block_text(block) for block in article.blocks]


def test_line_breaks_the_page_made_stay_inside_their_paragraph() -> None:
    article = article_of(
        "<p>Roses are red,<br>violets are blue,<br/>the park is open<br>\n and so are you.</p>"
        "<p>Central Library<br>12 High Street<br>Duluth, MN 55802</p>"
    )
    blocks = blocks_of(article)
    assert "Roses are red,\nviolets are blue,\nthe park is open\nand so are you." in blocks
    assert "Central Library\n12 High Street\nDuluth, MN 55802" in blocks
    # The page's own newlines and spaces are not line breaks.
    assert all("\n" not in text for text in blocks if text.startswith(("The city", "The stone")))


def test_a_list_made_of_br_lines_keeps_one_line_per_item() -> None:
    article = article_of(
        "<p>What the council will pay for:<br>- new benches<br>- a drinking fountain"
        "<br>- lamps along the path</p>"
    )
    assert (
        "What the council will pay for:\n- new benches\n- a drinking fountain\n"
        "- lamps along the path"
    ) in blocks_of(article)


def test_br_br_starts_a_new_line_or_paragraph() -> None:
    first = "The first part of the letter thanks the council for the stone and the poem."
    second = "The second part asks for a bench beside it, so that people can sit and read."
    article = article_of(f"<p>{first}<br><br>{second}</p>")
    assert f"{first}\n{second}" in article.text or f"{first}\n\n{second}" in article.text


def test_the_density_opinion_makes_br_br_two_paragraphs() -> None:
    from reader.load.page.blocks import split_paragraphs
    from reader.load.page.density import density_blocks

    first = "The first part of the letter thanks the council for the stone and the poem."
    second = "The second part asks for a bench beside it, so that people can sit and read."
    blocks = split_paragraphs(density_blocks(page(f"<div>{first}<br><br>{second}</div>").decode()))
    assert ("paragraph", first) in blocks and ("paragraph", second) in blocks


EMPHASIS = (
    "<p>The council said on <b>Tuesday</b> that the <em>new</em> stone, carved by "
    "<strong><i>hand</i> alone</strong>, stays <i class='icon'></i>for ten years.</p>"
)


def marked(article: Article) -> list[tuple[str, str]]:
    return [(mark.kind, article.text[mark.start : mark.end]) for mark in article.marks]


def test_bold_and_italic_words_are_marks_over_the_unchanged_text() -> None:
    article = article_of(EMPHASIS)
    assert marked(article) == [
        ("strong", "Tuesday"), ("em", "new"), ("em", "hand"), ("strong", "hand alone"),
    ]  # fmt: skip
    plain = article_of(re.sub(r"</?(?:b|i|em|strong)\b[^>]*>", "", EMPHASIS))
    assert plain.text == article.text and plain.marks == ()


def test_marks_outside_the_article_are_left_out() -> None:
    html = page("").replace(b"<footer>Contact us", b"<footer><b>Contact</b> us")
    assert extract_html(html, "poem.html").marks == ()


def test_marks_go_through_the_json_contract() -> None:
    article = article_of(EMPHASIS)
    data = analysis_to_dict(Analysis(article))
    assert {"start": article.marks[0].start, "end": article.marks[0].end, "kind": "strong"} in (
        data["marks"]
    )
    assert analysis_from_dict(data).article.marks == article.marks
    del data["marks"]  # a dict written before marks were kept still reads
    assert analysis_from_dict(data).article.marks == ()


def test_markdown_export_keeps_emphasis_and_line_breaks_through_escaping() -> None:
    article = article_of(
        EMPHASIS.replace("for ten years", "for *ten* [years] <b>2. later</b>")
        + "<p>Central Library<br>1. High Street<br>Duluth</p>"
        "<ul><li>one line<br>two <b>lines</b></li><li>a second item of the list</li></ul>"
    )
    markdown = analysis_to_markdown(Analysis(article)).split("## Entities")[0]
    html = markdown_it.MarkdownIt().render(markdown)
    assert "on <strong>Tuesday</strong> that the <em>new</em> stone" in html
    assert "<strong><em>hand</em> alone</strong>" in html
    assert "for *ten* [years] <strong>2. later</strong>" in html  # the page's own * stays text
    assert "<p>Central Library<br />\n1. High Street<br />\nDuluth</p>" in html
    assert "one line<br />\ntwo <strong>lines</strong>" in html
    assert "<ol" not in html and "<a " not in html
