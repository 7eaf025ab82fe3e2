"""Terminal control is removed on load, by every loader, before anything is stored or shown."""

from __future__ import annotations

import io
import json

import pytest
from support.hostile_helpers import ESCAPES, FORBIDDEN, check_article

from reader.load import extract_bytes, load
from reader.load.markdown import extract_markdown
from reader.load.page import extract_html
from reader.load.text import extract_text
from reader.sanitize import clean_text

BODY = (
    "The council voted on Tuesday to rebuild the old harbour wall before the winter storms. "
    "Engineers said the work would take three months and close the promenade to walkers."
)


def hostile(words: str, *, nul: bool = True) -> str:
    """`words` with every escape of `ESCAPES` worked in between them.

    Byte sources leave the NUL out: a NUL is how the loader tells a binary file (see
    `test_hostile_broken.py` for text with NUL bytes in it).
    """
    escapes = [escape for escape in ESCAPES if nul or escape != "\x00"]
    return "".join(
        escape + word + " " for escape, word in zip(escapes * 4, words.split(), strict=False)
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("copy \x1b]52;c;cHduZWQ=\x07me", "copy me"),
        ("title \x1b]0;pwned\x07here", "title here"),
        ("title \x1b]2;pwned\x1b\\here", "title here"),
        ("\x1b[2J\x1b[Hcleared", "cleared"),
        ("\x1b[38;2;255;0;0mred\x1b[0m", "red"),
        ("dcs \x1bP1$qm\x1b\\done", "dcs done"),
        ("c1 \x9b2Jcsi \x9d0;t\x9cosc \x85nel", "c1 csi osc nel"),
        ("bidi \u202eevil\u202c \u2066iso\u2069", "bidi evil iso"),
        ("nul\x00 bell\x07 del\x7f bs\x08", "nul bell del bs"),
        ("lone \ud800surrogate\udfff", "lone surrogate"),
        ("keeps\ttabs\nand lines", "keeps\ttabs\nand lines"),
        ("crlf\r\nand cr\rbecome lines", "crlf\nand cr\nbecome lines"),
        ("cafe\u0301", "café"),
    ],
)
def test_clean_text_removes_terminal_control(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_an_unterminated_sequence_ends_at_its_line() -> None:
    """One stray OSC introducer must not swallow the rest of the article."""
    assert clean_text("before \x1b]0;no end\nthe rest stays") == "before \nthe rest stays"
    assert clean_text("before \x1bP no end\nthe rest stays") == "before \nthe rest stays"


def test_sequences_split_to_rebuild_an_escape_do_not() -> None:
    """Removing one sequence must not join the pieces of another into a live ESC."""
    for raw in ("\x1b\x1b[2J[2J", "\x1b[\x1b]0;x\x072J", "\x1b\x00[2J", "\x1b\r[2J"):
        assert "\x1b" not in clean_text(raw)


def test_every_escape_is_gone_from_clean_text() -> None:
    cleaned = clean_text(hostile(BODY))
    assert FORBIDDEN.search(cleaned) is None
    assert "pwned" not in cleaned and "cHduZWQ" not in cleaned
    assert "harbour wall" in cleaned


# ---------------------------------------------------------------- every loader path


def hostile_page() -> str:
    """A page with escapes in the title, meta tags, JSON-LD, caption and body."""
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Harbour \x1b]0;pwned\x07wall \ud800rebuilt",
            "author": {"@type": "Person", "name": "Ann \x1b[2JLee\u202e"},
            "datePublished": "2024-03-05\x1b[2J",
            "publisher": {"name": "Bay \x9d0;x\x9cCourier"},
        }
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Harbour \x1b]52;c;cHduZWQ=\x07wall | Bay Courier</title>"
        "<meta property='og:site_name' content='Bay &#x1b;[31mCourier&#x202E;'>"
        "<meta property='og:url' content='https://bay.example/a\x1b]0;x\x07'>"
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>Harbour wall</h1><p>{hostile(BODY, nul=False)}</p>"
        "<figure><img src='x.jpg'><figcaption>The old wall at low tide \x1b[5m"
        "in March, seen from the pier \x1b]0;t\x07.</figcaption></figure>"
        f"<p>{hostile(BODY, nul=False)} &#x1b;]52;c;Zm9v&#x07; &#27;[2J &#x9b;2J &#x202E;x</p>"
        "</article></body></html>"
    )


def test_html_title_meta_jsonld_caption_and_body_are_clean() -> None:
    article = extract_html(hostile_page().encode("utf-8", "surrogatepass"), "page.html")
    check_article(article)
    assert article.title is not None and "Harbour" in article.title
    assert article.byline is not None and "Ann" in article.byline
    assert "harbour wall" in article.text


def test_html_in_another_charset_is_clean() -> None:
    page = hostile_page().replace("\ud800", "").replace("\u202e", "").replace("\u202c", "")
    data = page.replace("charset='utf-8'", "charset='utf-16'").encode("utf-16")
    check_article(extract_html(data, "page.html"))


def test_text_is_clean() -> None:
    text = f"Harbour \x1b]0;pwned\x07wall rebuilt\n\nBy Ann \x1b[2JLee\n\n{hostile(BODY)}\n"
    article = extract_text(text, "story.txt")
    check_article(article)
    assert "harbour wall" in article.text


def test_markdown_and_its_front_matter_are_clean() -> None:
    text = (
        "---\ntitle: Harbour \x1b]0;pwned\x07wall\nauthor: Ann \x9b2JLee\n"
        "site: Bay\u202e Courier\nurl: https://bay.example/\x1b]52;c;eA==\x07\n---\n\n"
        f"# Harbour \x1b[2Jwall\n\n{hostile(BODY)}\n\n> {hostile(BODY)}\n\n- item \x1b[31m\n"
    )
    article = extract_markdown(text, "story.md")
    check_article(article)
    assert article.title is not None and "Harbour" in article.title


@pytest.mark.parametrize(
    "data",
    [
        hostile_page().encode("utf-8", "surrogatepass"),
        f"Harbour wall rebuilt\n\n{hostile(BODY, nul=False)}\n".encode(),
        f"# Harbour wall\n\n{hostile(BODY, nul=False)}\n".encode(),
    ],
    ids=["html", "text", "markdown"],
)
def test_standard_input_is_clean(data: bytes) -> None:
    check_article(load("-", stdin=io.BytesIO(data)))


@pytest.mark.parametrize("suffix", [".html", ".txt", ".md"])
def test_files_are_clean(tmp_path, suffix: str) -> None:  # pytest fixture
    path = tmp_path / f"story{suffix}"
    if suffix == ".html":
        path.write_bytes(hostile_page().encode("utf-8", "surrogatepass"))
    else:
        path.write_text(f"# Harbour wall\n\n{hostile(BODY, nul=False)}\n", encoding="utf-8")
    check_article(load(str(path)))


def test_extract_bytes_cleans_every_kind() -> None:
    for hint in ("html", "text", "markdown", None):
        data = f"Harbour wall\n\n{hostile(BODY, nul=False)}\n".encode()
        if hint == "html":
            data = hostile_page().encode("utf-8", "surrogatepass")
        check_article(extract_bytes(data, "source", kind_hint=hint))
