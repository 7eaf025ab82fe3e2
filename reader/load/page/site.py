"""The site's name: the candidates a page offers, checked against each other and its address.

A page names its publication in many places, and each can be wrong in its own way:
og:site_name can be a handle ("WSJ", "TheHill"), a domain ("livescience.com"), a section
("U.S.") or a tagline ("LinkNaija | Nigeria's popular news platform"); an app name is a short
form ("NYTimes"). So every candidate is kept, and one counts as the site's name when the
page's domain or a candidate from another source names the same site (`same_site`: "WSJ" is
"Wall Street Journal" spelt by initials, "SputnikInt" is "Sputnik International" cut short).
The first such name wins, and a short form gives way to the spelt-out name it stands for.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from reader.load.values import clean

#: Separators between a headline and the site's name in a `<title>`.
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " • ", " ~ ", " / ")
_SMALL_WORDS = frozenset({"the", "of", "and", "for", "a", "an", "on", "at", "in", "&", "de", "la"})
_TOP_LEVEL = re.compile(r"\.(?:com|org|net|co\.uk|co|news|info|biz)$")
_WORD = re.compile(r"[^\W_]+")
#: A leading article is no part of the name: "DER SPIEGEL" is "SPIEGEL", "Le Monde" "Monde".
_ARTICLE = re.compile(r"^(?:the|der|die|das|le|la|les|l'|el|il|lo|los|las|het|de)\s+(?=\S)", re.I)


def site_key(text: str | None) -> str:
    """Letters and digits, lower case, without "www." and a ".com"-like ending."""
    text = _TOP_LEVEL.sub("", re.sub(r"^www\.", "", (text or "").strip().lower()))
    return "".join(_WORD.findall(text))


@functools.lru_cache(maxsize=256)
def domain_key(url: str | None) -> str:
    """The name a page's host is registered under: "blog.comwrap.com" -> "comwrap"."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.lower().split(".") if label and label != "www"]
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov"):
        labels = labels[:-1]  # example.co.uk
    return site_key(labels[-2]) if len(labels) >= 2 else site_key(labels[0] if labels else "")


def same_site(name: str, other: str) -> bool:
    """Whether two names stand for one site: the same letters, or one spelt from the other's
    words by their first letters or first parts ("WSJ", "NYTimes", "SputnikInt")."""
    if _same(name, other):
        return True
    bare, other_bare = _ARTICLE.sub("", name.strip()), _ARTICLE.sub("", other.strip())
    return (bare, other_bare) != (name, other) and _same(bare, other_bare)


def _same(name: str, other: str) -> bool:
    a, b = site_key(name), site_key(other)
    if not a or not b:
        return False
    if a == b:
        return True
    return _spelt_from(a, _words(other)) or _spelt_from(b, _words(name))


def _words(text: str) -> list[str]:
    words = [word.lower() for word in _WORD.findall(_TOP_LEVEL.sub("", text.strip().lower()))]
    if words and words[0] == "the":
        words = words[1:]
    return words


def _spelt_from(key: str, words: list[str]) -> bool:
    """`key` is the start of each of the first words in turn (the last ones may be left out,
    small words may be skipped): "wsj" from wall street journal, "detroitnews" from detroit
    news wire services."""
    if len(words) < 2 or len(key) < 3:
        return False
    words = words[:8]

    def spell(at: int, index: int) -> bool:
        if at == len(key):
            return index >= 2 or index == len(words)
        if index == len(words):
            return False
        word = words[index]
        if word in _SMALL_WORDS and spell(at, index + 1):
            return True
        for length in range(min(len(word), len(key) - at), 0, -1):
            if key.startswith(word[:length], at) and spell(at + length, index + 1):
                return True
        return False

    return spell(0, 0)


def title_parts(title: str | None) -> tuple[str, str] | None:
    """(headline, site part) of a `<title>` "Headline | Site" or "Site: Headline"."""
    title = clean(title)
    if not title:
        return None
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and len(head) >= 5 and 1 <= len(tail.split()) <= 5:
            return head.strip(), tail.strip()
    head, found, tail = title.partition(": ")
    if found and 1 <= len(head.split()) <= 4 and len(tail) >= 15:
        return tail.strip(), head.strip()
    return None


def choose_site(
    named: list[tuple[str, str | None]],
    title: str | None,
    handle: str | None,
    url: str | None,
) -> str | None:
    """The site's name from `named` ((source, name) in order of trust: og:site_name,
    JSON-LD publisher, app names), the site part of the `<title>`, the twitter:site
    `handle` (which only confirms) and the page's `url`."""
    candidates: list[tuple[str, str]] = []
    for source, name in named:
        name = clean(name)
        if not name:
            continue
        first, _, rest = name.partition(" | ")  # "Site | tagline" or "Site | topic | topic"
        candidates.append((source, first.strip() if rest else name))
    parts = title_parts(title)
    if parts:
        candidates.append(("title", parts[1]))
    domain = domain_key(url)
    handle_name = (handle or "").strip().lstrip("@")
    if "/" in handle_name:  # "@https://twitter.com/IndiaPost_News"
        handle_name = handle_name.rstrip("/").rsplit("/", 1)[-1]

    def confirmed(source: str, name: str) -> bool:
        if domain and same_site(name, domain):
            return True
        if handle_name and same_site(name, handle_name):
            return True
        return any(other != source and same_site(name, value) for other, value in candidates)

    sure = [(source, name) for source, name in candidates if confirmed(source, name)]
    if sure:
        chosen = sure[0][1]
        if len(chosen.split()) == 1:  # a short form: the name it stands for, spelt out
            for _, name in sure:
                if len(name.split()) > 1 and same_site(chosen, name):
                    return name
        return chosen
    trusted = [name for source, name in candidates if source != "title"]
    if trusted:
        return trusted[0]
    if parts and " | " in (clean(title) or ""):
        return parts[1]
    host = (urlsplit(url).hostname or "") if url else ""
    return re.sub(r"^www\.", "", host) or None
