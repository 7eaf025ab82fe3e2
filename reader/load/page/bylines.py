"""Which people a byline names: what a page's author fields hold besides names, taken out.

Author fields and "By" lines hold more than names: a job title or the outlet after the name
("TOM KRISHER, AP Auto Writer", "Charlie Wood, Business Insider"), a date glued on ("Lucas
Nolan22", "Jeff FoustMonday"), the site, an agency, a desk or a CMS account instead of a
person ("CBS News", "Reuters", "Telegraph Sport", "admin"), or a heading caught by a finder
("Authority control"). `people` keeps the names of people and drops the rest; a byline with
no person left is no byline.
"""

from __future__ import annotations

import re

from reader.load.page.site import domain_key, same_site
from reader.load.values import clean

_BY_PREFIX = re.compile(r"^\s*(?:(?:written\s+)?by[:\s]+|(?:text|texte|текст)\s*:?\s+)", re.I)
_SPLIT = re.compile(r"[,;|•·]|\s[&/]\s|\s(?:and|und|et)\s", re.IGNORECASE)
#: "Finian Cunningham. Sputnik International": a full stop after a word, not an initial.
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{2})\.\s(?=[^\W\d_])")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
#: A date or a time glued on or following: "Nolan22", "FoustMonday", "Wee Monday; February",
#: "Doe Nov. 19" ("Theresa May" keeps her name: a month counts only before a number).
_GLUED_DATE = re.compile(
    rf"(?:(?<=[a-z])(?=(?:{_DAYS}|January|February|March|April|June|July|August|September|"
    rf"October|November|December)\b)|\s(?=(?:{_DAYS}|Updated|Published|Posted)\b)"
    rf"|\s(?=(?:{_MONTHS})\.?\s?\d)|(?<=\D)(?=\d)).*$"
)
#: Words that make a part of a byline a job, a desk or an outlet, not a person.
_NOT_PERSON = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|editors|editorial|columnist|contributor|"
    r"contributors|staff|desk|team|bureau|newsroom|wire|wires|services|press|news|agency|"
    r"media|magazine|journal|herald|tribune|gazette|inc|ltd|llc|gmbh|sport|sports|admin|"
    r"administrator|webmaster|guest|redaktion|rédaction|redacción|redazione)\b",
    re.IGNORECASE,
)
#: News agencies, which are no author (a page names the agency it ran a story from).
_AGENCIES = frozenset(
    {"ap", "afp", "reuters", "dpa", "ansa", "efe", "upi", "pti", "ians", "kyodo", "xinhua",
     "tass", "associated press", "the associated press", "press association", "pa", "aap",
     "cp", "the canadian press", "bloomberg", "sid", "apa", "anp", "ctk", "čtk", "tt", "ntb"}
)  # fmt: skip
#: Lower-case words that belong in a name.
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "bint", "al", "el",
     "ibn", "dos", "das", "do", "del", "della", "ter", "ten", "y", "e", "zu", "af", "st"}
)  # fmt: skip
_CASED = re.compile(r"[^\W\d_]")


def people(
    byline: str | None,
    *,
    site: str | None = None,
    url: str | None = None,
    one_word: bool = False,
) -> str | None:
    """The people `byline` names ("Jane Doe and John Roe"), or None when it names none.

    A one-word byline is a handle ("admin", "KWCHCIK") unless `one_word`: the source says
    it is a person (a JSON-LD `Person`)."""
    text = clean(byline)
    if not text or text.startswith(("http://", "https://")) or len(text) > 200:
        return None
    text = _BY_PREFIX.sub("", text).strip(" ,;|-–—:")  # `clean` left single spaces
    text = _SENTENCE_STOP.sub(", ", text)
    domain = domain_key(url)
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _person(part, site, domain, one_word)
        if name and name not in names:
            names.append(name)
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _person(part: str, site: str | None, domain: str, one_word: bool) -> str | None:
    part = _BY_PREFIX.sub("", part.strip()).strip(" .,;:-–—()")
    part = _GLUED_DATE.sub("", part).strip(" .,;:-–—(")
    if not part or "@" in part or re.search(r"\.\w{2,4}$", part):  # e-mail, "Cleveland.com"
        return None
    words = part.split()
    if _CASED.search(part) and not _uncased(part):
        # A name's words start with a capital (or are particles): cut at the first that
        # does not when nothing capitalised follows, which is where a heading or a date in
        # another language starts ("Authority control", "před 3 hodinami").
        for index, word in enumerate(words):
            rest = " ".join(words[index:])
            if word[:1].islower() and word.lower() not in _PARTICLES and rest == rest.lower():
                words = words[:index]  # nothing capitalised follows: not part of a name
                break
    while words and words[-1].lower() in _PARTICLES:
        words.pop()
    alone = one_word and len(words) == 1 and words[0][:1].isupper() and not words[0].isupper()
    if (len(words) < 2 and not alone) or len(words) > 5:  # a handle ("admin") or a sentence
        return None
    if len(words[-1].strip(".")) < 2:  # "J J", "Charles M": initials, the name cut short
        return None
    name = " ".join(words)
    key = name.lower()
    if key in _AGENCIES or _NOT_PERSON.search(name):
        return None
    if (site and same_site(name, site)) or (domain and same_site(name, domain)):
        return None
    return name


def _uncased(text: str) -> bool:
    """Text in a script without capitals (Chinese, Arabic, Korean): no case to go by."""
    letters = [ch for ch in text if ch.isalpha()]
    return not any(ch.isupper() or ch.islower() for ch in letters[:20])
