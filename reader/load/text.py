"""Scraped or plain text -> Article, with the page chrome that came along removed.

Text copied out of a web page carries more than the article: navigation crumbs above the
headline, share and text-size widgets, captions printed twice, photo credits, and the
outlet's boilerplate card after the last paragraph. Each line is classified by its shape
(length, punctuation, capitals, repetition) and its position (before the first body
paragraph, inside the body, after the last one), not by a list of one site's strings.

- head (before the first body paragraph): the headline is kept as the title, a "By ..."
  line as the byline, a date line as the date, captions as captions; the rest is crumbs.
- body: paragraphs verbatim; short headline-shaped lines between paragraphs are headings;
  bullets are list items; captions (repeated lines, "FILE - ..." lines, lines ending with
  a place and a date) are kept once; widgets, credits, "Read more" links are dropped.
- tail (after the last body paragraph): widgets, link lists and the outlet's card (a name
  line and a blurb that names it, or a copyright line) are dropped; the name becomes `site`.
"""

from __future__ import annotations

import re

from reader.errors import LoadError, NoArticleError
from reader.load.decode import describe
from reader.load.page.blocks import key as _key
from reader.load.page.captions import strip_credit
from reader.load.text_lines import (
    ABOUT,
    BOILERPLATE,
    BYLINE,
    COPYRIGHT_OWNER,
    DATE_LINE,
    PERSON_BLURB,
    PERSON_INTRO,
    Line,
    ends_sentence,
    is_body,
    is_caption,
    is_chrome,
    is_heading,
    split_lines,
)
from reader.load.values import iso_date
from reader.model import Article, BlockKind
from reader.sanitize import clean_text
from reader.scripts import has_prose_letters, starts_like_a_name


def extract_text(text: str, source: str) -> Article:
    """Scraped or plain text as an Article (see the module docstring)."""
    lines = split_lines(clean_text(text))
    if not lines:
        raise LoadError(f"{describe(source)} holds no text; give a file with an article in it.")
    first_body = next(
        (i for i, line in enumerate(lines) if is_body(line) and not is_caption(line)), None
    )
    if first_body is None:
        # No line reads like article prose: keep whatever is not chrome as paragraphs.
        parts: list[tuple[BlockKind, str]] = [
            ("paragraph", line.text)
            for line in lines
            if not is_chrome(line) and (line.words >= 5 or ends_sentence(line.text))
        ]
        if not parts:
            raise _no_article(source)
        return Article.from_blocks(source, parts)
    end, site, author = _tail_start(lines, first_body)
    title, byline, published, head_parts = _read_head(lines[:first_body])
    for line in lines[first_body : first_body + 6]:
        if byline is None and (match := BYLINE.match(line.text)):
            byline = match["name"].strip()
        elif published is None and (match := DATE_LINE.match(line.text)):
            published = iso_date(match["date"])
    byline = byline or author
    body_parts = _read_body(lines[first_body:end])
    parts = _once_per_caption(head_parts + body_parts)
    if not any(kind != "caption" for kind, _ in parts):
        raise _no_article(source)
    return Article.from_blocks(
        source, parts, title=title, byline=byline, site=site, published=published
    )


def _no_article(source: str) -> LoadError:
    return NoArticleError(
        f"No article text found in {describe(source)}; give a file that holds the article's "
        "paragraphs, not only links or menus."
    )


# ---------------------------------------------------------------- regions


def _read_head(
    head: list[Line],
) -> tuple[str | None, str | None, str | None, list[tuple[BlockKind, str]]]:
    """Title, byline, date and captions from the lines above the first body paragraph."""
    byline: str | None = None
    published: str | None = None
    parts: list[tuple[BlockKind, str]] = []
    candidates: list[Line] = []
    for line in head:
        if byline is None and (match := BYLINE.match(line.text)):
            byline = match["name"].strip()
        elif published is None and (match := DATE_LINE.match(line.text)):
            published = iso_date(match["date"])
        elif is_caption(line):
            parts.append(("caption", strip_credit(line.text)))
        elif not is_chrome(line) and 3 <= line.words <= 30:
            candidates.append(line)
    title = None
    if candidates:
        best = max(candidates, key=_title_score)
        if _title_score(best) > 0:
            title = best.text
    return title, byline, published, parts


def _title_score(line: Line) -> float:
    """Headlines are several words long, mostly capitalised or sentence-like, no full stop."""
    words = line.text.split()
    capitalised = sum(1 for word in words if starts_like_a_name(word)) / len(words)
    score = min(line.words, 16) + 6 * capitalised
    if line.text.endswith("."):
        score -= 6
    return score


def _read_body(lines: list[Line]) -> list[tuple[BlockKind, str]]:
    parts: list[tuple[BlockKind, str]] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_caption(line) and not (line.bullet and not line.repeated):
            parts.append(("caption", strip_credit(line.text)))
        elif is_chrome(line):
            continue
        elif line.bullet:
            parts.append(("list_item", line.text))
        elif is_body(line) or _starts_quote(line):
            parts.append(("paragraph", line.text))
        elif (
            is_heading(line)
            and following is not None
            and is_body(following)
            and not is_caption(following)
        ):
            parts.append(("heading", line.text))
        elif ends_sentence(line.text) and has_prose_letters(line.text):
            parts.append(("paragraph", line.text))
    return parts


def _starts_quote(line: Line) -> bool:
    return line.text[0] in "\"“‘'„«「『" and has_prose_letters(line.text)


def _tail_start(lines: list[Line], first_body: int) -> tuple[int, str | None, str | None]:
    """Where the footer begins (after the last body paragraph), the outlet and author named."""
    site: str | None = None
    author: str | None = None
    end = len(lines)
    index = len(lines) - 1
    while index > first_body:
        line = lines[index]
        previous = lines[index - 1]
        # The article's last paragraph ends a sentence; link lists and teasers do not.
        if is_body(line) and ends_sentence(line.text) and not is_caption(line):
            if ABOUT.match(previous.text) and previous.words <= 6:
                named = ABOUT.match(previous.text)["name"]  # type: ignore[index]
                site = site or (named.strip() or None)
                index -= 2
                end = index + 1
                continue
            name = _card_name(previous, line)
            if name and _is_person_card(name, line.text):
                author = author or name
            elif name:
                site = site or name
            if name:
                index -= 2
                end = index + 1
                continue
            intro = PERSON_INTRO.match(line.text)
            if intro and PERSON_BLURB.search(line.text[:200]):
                author = author or intro["name"]
                end = index
                index -= 1
                continue
            if BOILERPLATE.search(line.text):
                end = index
                index -= 1
                continue
            break
        if site is None and (match := COPYRIGHT_OWNER.search(line.text)):
            site = match["owner"].strip() or None
        end = index
        index -= 1
    return end, site, author


def _is_person_card(name: str, blurb: str) -> bool:
    """'Jane Doe is a reporter covering …' describes a person, not an outlet."""
    opens_with_name = re.match(rf"{re.escape(name)}\s+(?:is|was|writes|covers|reports)\b", blurb)
    return bool(opens_with_name) and bool(PERSON_BLURB.search(blurb))


def _card_name(name_line: Line, blurb: Line) -> str | None:
    """An outlet or author card: a short name line, then a blurb that names it."""
    name = re.sub(r"^about\s+(?:us\b)?\s*", "", name_line.text, flags=re.IGNORECASE)
    if not name:
        return None
    if not 1 <= name_line.words <= 5 or ends_sentence(name) or not name[0].isupper():
        return None
    if is_body(name_line) or (name_line.words > 1 and is_chrome(name_line)):
        return None
    if _key(name) not in _key(blurb.text):
        return None
    describes = re.search(r"\b(?:is|are|was)\s+(?:a|an|the)\b", blurb.text[: len(name) + 60])
    if BOILERPLATE.search(blurb.text) or describes or _key(blurb.text).startswith(_key(name)):
        return name
    return None


# ---------------------------------------------------------------- helpers


def _once_per_caption(parts: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    seen: set[str] = set()
    result: list[tuple[BlockKind, str]] = []
    for kind, text in parts:
        if kind == "caption":
            key = _key(text)
            if key in seen:
                continue
            seen.add(key)
        result.append((kind, text))
    return result
