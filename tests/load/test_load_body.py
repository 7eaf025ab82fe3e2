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


# -- the body's failure classes (issue 16) ----------------------------------------------

P1 = (
    "<p>The city council voted on Tuesday to rebuild the old harbour wall, which was damaged "
    "in the winter storms, at a cost of four million pounds over two years.</p>"
)
P2 = (
    "<p>Work will begin in the spring, the council said, and the harbour will stay open to "
    "fishing boats for the whole of the rebuilding, with one berth closed at a time.</p>"
)
P3 = (
    "<p>Residents who spoke at the meeting welcomed the decision but asked for the footpath "
    "along the wall to reopen before the summer, when visitors return to the town.</p>"
)


def harbour(inner: str, related: str = "") -> Article:
    html = (
        "<!DOCTYPE html><html><head><title>Harbour wall to be rebuilt</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Harbour wall to be rebuilt</h1>{inner}</article>{related}"
        "<footer>Contact us</footer></body></html>"
    )
    return extract_html(html.encode(), "harbour.html")


def test_video_player_and_gallery_controls_are_left_out() -> None:
    player = (
        "<div class='video-js'><video src='a.mp4'></video><div class='vjs-modal-dialog' "
        "role='dialog'><p class='vjs-control-text'>Beginning of dialog window. Escape will "
        "cancel and close the window.</p><div>This is a modal window.</div></div>"
        "<div class='vjs-control-bar'><span>Current Time 0:00</span><ul><li>descriptions "
        "off, selected</li><li>captions settings, opens captions settings dialog</li></ul>"
        "</div></div>"
    )
    gallery = (
        "<div class='slideshow'><img src='a.jpg'><p>1 of 12</p><p>Next</p><p>Previous</p>"
        "<p>Hide caption</p></div>"
    )
    article = harbour(P1 + player + P2 + gallery + P3)
    assert blocks_of(article) == [re.sub("<[^>]+>", "", p) for p in (P1, P2, P3)]


def test_a_how_tos_needs_and_one_line_steps_stay() -> None:
    needs = (
        "<div class='needs'><h2>What you'll need</h2><ul><li>A screwdriver</li>"
        "<li>Wood glue</li><li>Two clamps</li></ul></div>"
    )
    steps = (
        "<div class='steps'><h3>Step 1</h3><p>Remove the old hinge.</p><h3>Step 2</h3>"
        "<p>Glue the split.</p><h3>Step 3</h3><p>Clamp it overnight.</p></div>"
    )
    after = blocks_of(harbour(f"<div class='intro'>{P1}{P2}{P3}</div>{needs}{steps}"))
    assert after[3:] == [
        "What you'll need", "A screwdriver", "Wood glue", "Two clamps",
        "Step 1", "Remove the old hinge.", "Step 2", "Glue the split.", "Step 3",
        "Clamp it overnight.",
    ]  # fmt: skip
    before = blocks_of(harbour(f"{needs}<div class='intro'>{P1}{P2}{P3}</div>"))
    assert before[:4] == ["What you'll need", "A screwdriver", "Wood glue", "Two clamps"]


def test_a_list_of_teasers_after_the_article_is_still_left_out() -> None:
    teasers = "".join(
        f"<li><a href='/story/{n}'>Story {n} about the town</a> and what came next</li>"
        for n in range(1, 6)
    )
    intro = f"<div class='intro'>{P1}{P2}{P3}</div>"
    article = harbour(f"{intro}<h2>More stories</h2><ul>{teasers}</ul>")
    assert len(article.blocks) == 3  # short, unconfirmed and each led by a link


def test_a_caption_is_cut_from_its_credit_and_a_file_name_is_no_caption() -> None:
    article = harbour(
        P1 + "<figure><img src='a.jpg'><figcaption><span>Fishermen at the harbour wall this "
        "week.</span><span class='css-1x'>Credit...John Smith for The Times</span></figcaption>"
        "</figure>" + P2 + "<figure><img src='b.jpg'><figcaption>WEB18-Facebook-1160x768.jpg"
        "</figcaption></figure>" + P3
    )
    captions = [article.block_text(b) for b in article.blocks if b.kind == "caption"]
    assert captions == ["Fishermen at the harbour wall this week."]
    assert not any("1160x768" in text for text in blocks_of(article))


def test_a_paragraph_said_twice_is_kept_twice() -> None:
    said = "We will rebuild it stone by stone, and we will not stop until the harbour is safe."
    again = f"<p>{said}</p>"
    assert blocks_of(harbour(P1 + P2 + again + again + P3)).count(said) == 2
    assert blocks_of(harbour(P1 + again + P2 + again + P3)).count(said) == 2


def test_a_mark_is_found_as_a_whole_word() -> None:
    article = article_of("<p>The renewed garden and the <b>new</b> bench were opened today.</p>")
    assert marked(article) == [("strong", "new")]
    (mark,) = article.marks
    assert article.text[mark.start - 4 : mark.end + 6] == "the new bench"
