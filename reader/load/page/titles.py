"""The headline: the page's title candidates checked against each other, as readability does.

A page has up to three kinds of headline: the printed `<h1>`, the metadata's (JSON-LD
`headline`, og:title, twitter:title) and the `<title>`. Any of them can be something else: an
SEO or social headline written for search and sharing, the `<h1>` of the site's logo or a
section ("India Post", "Allergies Health Center"), a JSON-LD headline "Wikimedia list
article", an og:title "Editorial". So, as readability-lxml keeps a heading only if the
`<title>` contains it, and Mozilla's Readability trusts a JSON-LD headline only if it is
like the `<title>`, each candidate here needs another to agree with it:

1. the first `<h1>` that shares words with the metadata's headline or the `<title>`'s
   headline part (what the reader sees on the page);
2. else the first metadata headline like the `<title>` (two words or half of its words in
   common; any, if the page has no `<title>`);
3. else the `<title>`, else what there is.
"""

from __future__ import annotations

import re
from typing import Any

from reader.load.page.site import TITLE_SEPARATORS, same_site
from reader.load.values import clean

_TOKEN = re.compile(r"[^\W_]+")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")  # kana, CJK ideographs
#: How many `<h1>` elements are looked at: the headline is among the first.
MAX_H1 = 6
_SMALL = frozenset({"the", "a", "an", "of", "to", "in", "on", "and", "for", "is", "at", "by"})


def choose_title(
    headlines: list[str | None], page_title: str | None, h1s: list[str], site: str | None
) -> str | None:
    """The article's headline from the metadata's `headlines` (in order of trust), the
    `<title>` text and the page's `<h1>` texts; `site` is the site's name, never a title."""
    title = clean(page_title)
    if title and _is_site(title, site):
        title = None  # a <title> that is only the site's name
    meta = [text for text in (clean(value) for value in headlines) if text]
    title_head = _headline_part(title) if title else None
    others = [text for text in (*meta, title_head) if text]
    for h1 in h1s[:MAX_H1]:
        h1 = clean(h1) or ""
        if not h1 or len(h1) > 300 or _is_site(h1, site):
            continue
        if any(_agrees(h1, other) for other in others):
            return h1
    for text in meta:
        if title_head is None or _like(text, title_head):
            return text
    if title:
        return title
    if meta:
        return meta[0]
    return next((clean(h1) for h1 in h1s[:MAX_H1] if clean(h1)), None)


def heading_text(heading: Any) -> str | None:
    """The text of an `<h1>`, with a space between parts printed apart: a kicker and the
    headline in two spans ("<span>Hochwasser</span><span>Fluttore geöffnet</span>") read
    "Hochwasser Fluttore geöffnet", not "HochwasserFluttore geöffnet"."""
    children = [child for child in heading if isinstance(child.tag, str)]
    if len(children) < 2 or (heading.text or "").strip():
        return clean(heading.text_content())
    text = ""
    for child in children:
        piece = child.text_content() + (child.tail or "")
        glued = text[-1:].isalnum() and piece[:1].isupper()  # "Hochwasser" + "Fluttore"
        text += (" " if glued else "") + piece
    return clean(text)


def _is_site(text: str, site: str | None) -> bool:
    """`text` is the site's name ("India Post", "TheHill"), not a headline that starts
    with it."""
    return bool(site) and len(text.split()) <= 4 and same_site(text, site or "")


def _headline_part(title: str) -> str:
    """The longest part of a `<title>` cut at its separators: the headline, without the
    site's name and its sections ("Pollen count | Allergies Health Center | WebMD")."""
    parts = [title]
    for separator in TITLE_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return max(parts, key=len).strip()


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(text.casefold()):
        if _UNSPACED.search(token) and len(token) > 2:  # no spaces between words: pairs
            tokens += [token[i : i + 2] for i in range(len(token) - 1)]
        else:
            tokens.append(token)
    return tokens


def _agrees(h1: str, other: str) -> bool:
    """Half of the `<h1>`'s words are in `other`, or two of its longer words."""
    mine, theirs = _tokens(h1), set(_tokens(other))
    if len(mine) < 2:  # one word ("Editorial", "Opinion") is a label, not a headline
        return False
    shared = [token for token in mine if token in theirs]
    long_shared = {token for token in shared if len(token) >= 3 and token not in _SMALL}
    return (len(shared) * 2 >= len(mine) and len(long_shared) >= 1) or len(long_shared) >= 2


def _like(text: str, other: str) -> bool:
    """Two of the words of `text` are in `other`, or half of them (a short one)."""
    mine, theirs = _tokens(text), set(_tokens(other))
    shared = {token for token in mine if token in theirs and token not in _SMALL}
    return len(shared) >= 2 or (bool(shared) and len(shared) * 2 >= len(set(mine) - _SMALL))


# ---------------------------------------------------------------- the site's name in a title

#: Separators after which a short tail is a site or section name even when the site's name
#: is not known ("Headline | Politik", "Headline « Nachrichten « FAZ").
_PIPES = (" | ", " :: ", " » ", " « ", " • ", " ~ ")
#: A part that is a domain: "tagesschau.de", "SZ.de", "Le Monde.fr".
_DOMAIN = re.compile(r"^(?:[^\W_][\w'’-]*\s){0,2}(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)


def strip_site_suffix(title: str, site: str | None) -> str:
    """'Title | Site' -> 'Title'; also 'Site | Title', 'Title - site.de' and, with a known
    site, 'Title - Site'; then a section label left before the site ("Title | Editorial |
    Site", "Title - Politik - SZ.de")."""
    title = clean(title) or title
    used: str | None = None  # the separator a site's name was cut at
    for _ in range(3):
        shorter, separator = _strip_once(title, site, used)
        if shorter == title:
            break
        title, used = shorter, used or separator
    return title


def _strip_once(title: str, site: str | None, used: str | None) -> tuple[str, str | None]:
    for separator in TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        first, _, rest = title.partition(separator)
        if (site and same_site(tail, site)) or (_DOMAIN.match(tail) and len(head) >= 15):
            return head.strip(), separator
        if (site and same_site(first, site)) or (_DOMAIN.match(first) and len(rest) >= 15):
            return rest.strip(), separator
        # Without a known site name, only a pipe-like separator with a short tail is a
        # suffix; after a site's name, also a section's one or two words at the same
        # separator ("Headline - Politik - SZ.de").
        most = 4 if separator in _PIPES else 2 if separator == used else 0
        if len(tail.split()) <= most and len(head) >= 15:
            return head.strip(), separator
    return title, None


def pipe_suffix(title: str) -> str | None:
    """'Title | Site' -> 'Site' when the tail is short enough to be a name."""
    head, separator, tail = title.rpartition(" | ")
    if separator and len(head) >= 15 and 1 <= len(tail.split()) <= 4:
        return tail.strip()
    return None
