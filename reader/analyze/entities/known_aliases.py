"""Alias rules for names the press writes in a form no spelling rule derives (part of
`ALIAS_RULES`).

- "US", "U.S.A." for the United States, "UK", "Britain" for the United Kingdom:
  `COUNTRY_ALIASES`, a small table of the common names ISO 3166 does not give ("America"
  is not one: the gold lists it as a place of its own, the country as its people see it);
- "Korea" beside "North Korea" or "South Korea": the one the article names, or the one it
  names most;
- "VW" for "Volkswagen": the initials of the words compounded into one brand's name;
- "Fox" for "Fox News": a broadcaster's short name, when the text uses it as the outlet
  ("told Fox", "on Fox", "a Fox host");
- "HuffPost" for "Huffington Post": a CamelCase contraction of a longer name's words;
- "ISIS", "ISIL" for "Islamic State", "the Fed" for "Federal Reserve": `ORGANISATION_ALIASES`,
  a small table of an organisation's names the press uses side by side.
"""

from __future__ import annotations

import re

from reader.analyze.entities.names import Names

#: Common names of countries that ISO 3166 (pycountry's common and official names) does not
#: list, by key -> the key of the name it does ("united states", "united kingdom"). The
#: letters count only written in capitals ("US", not "us").
COUNTRY_ALIASES: dict[str, str] = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "the united kingdom": "united kingdom",
}


def country_alias(key: str, surface: str) -> str | None:
    """The ISO name a common country name stands for ("US" -> "united states"), or None."""
    target = COUNTRY_ALIASES.get(key)
    letters = key.replace(".", "") in {"us", "usa", "uk"}
    if target is not None and letters and not surface.replace(".", "").isupper():
        return None  # "us", "Us": a pronoun, not the country
    return target


#: The names the press gives one organisation side by side, by key: no spelling rule joins
#: "ISIL" to "Islamic State", nor "Fed" to "Federal Reserve".
ORGANISATION_ALIASES: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "islamic state",
            "isis",
            "isil",
            "daesh",
            "islamic state of iraq and syria",
            "islamic state of iraq and the levant",
            "islamic state of iraq and al-sham",
        }
    ),
    frozenset({"federal reserve", "fed", "federal reserve board", "federal reserve system"}),
)


def organisation_aliases(names: Names) -> None:
    """The names of one organisation in `ORGANISATION_ALIASES` are one row, under the fullest
    the article writes ("Islamic State" with "ISIS" and "ISIL")."""
    for group in ORGANISATION_ALIASES:
        found = [k for k in group if k in names.types and k not in names.canonical]
        if len(found) < 2:
            continue
        head = min(
            found,
            key=lambda k: (names.surface_of[k].isupper(), -len(k.split()), names.first_seen[k]),
        )
        for key in found:
            if key != head:
                names.canonical[key] = head


CAMEL_PARTS = re.compile(r"[A-Z][a-z]+")


def contracted_names(names: Names) -> None:
    """ "HuffPost" for "Huffington Post", "WashPost" for "Washington Post": one CamelCase
    word whose parts, the first of three letters or more, open in turn the words of the one
    organisation of as many words ("The" aside)."""
    orgs = [k for k in names.named if names.types[k] == "ORG"]
    for key, entity_type in names.types.items():
        if key in names.canonical or " " in key or entity_type not in {"ORG", "OTHER", "PERSON"}:
            continue
        surface = names.surface_of[key]
        parts = CAMEL_PARTS.findall(surface)
        if len(parts) < 2 or "".join(parts) != surface or len(parts[0]) < 3:
            continue
        lowered = [p.lower() for p in parts]
        owners = []
        for org in orgs:
            words = org.split(" ")
            if words[0] == "the":
                words = words[1:]
            if len(words) == len(lowered) and all(
                w.startswith(p) for w, p in zip(words, lowered, strict=True)
            ):
                owners.append(org)
        if len(owners) == 1:
            names.canonical[key] = owners[0]


#: The two Koreas, by key.
KOREAS = ("north korea", "south korea")


def korea(names: Names) -> None:
    """A bare "Korea" ("a Korea watcher", "the Korea talks") is the Korea the article names:
    the one of North and South Korea it names, or, naming both, the one it names most (the
    one it is about)."""
    if "korea" not in names.types or "korea" in names.canonical:
        return
    named = [k for k in KOREAS if names.types.get(k) == "PLACE" or k in names.canonical]
    if not named:
        return
    heads = [names.canonical.get(k) or k for k in named]
    counts = [len(names.starts.get(k, ())) for k in named]
    if len(named) == 2 and counts[0] == counts[1]:
        return
    best = max(range(len(named)), key=counts.__getitem__)
    names.canonical["korea"] = heads[best]


#: The shortest word a compound's part may be ("Volks" + "wagen").
PART_LENGTH = 3


def compound_initials(names: Names) -> None:
    """ "VW" for "Volkswagen", "MS" for "Microsoft": an acronym of two or three capitals, no
    other name's initials, that one organisation's one-word name opens with and whose other
    letters, consonants each written once more in it, open parts of it of three letters or
    more ("Volks"-"wagen"; "AI" is no part of "Americas")."""
    orgs = [
        k
        for k, t in names.types.items()
        if t == "ORG" and " " not in k and len(k) >= 2 * PART_LENGTH
    ]
    for key, entity_type in names.types.items():
        if key in names.canonical or entity_type not in {"ORG", "OTHER"}:
            continue
        surface = names.surface_of[key]
        if not re.fullmatch(r"[A-Z]{2,3}", surface):
            continue
        letters = surface.lower()
        owners = [k for k in orgs if k != key and _compounds(letters, k)]
        if len(owners) == 1:
            names.canonical[key] = owners[0]


def _compounds(letters: str, word: str) -> bool:
    """Whether the word splits into parts of `PART_LENGTH` letters or more that open with the
    letters in turn ("vw", "volkswagen"), each later letter a consonant written once in the
    word past its first ("GE" is no part of "Genentech", "AI" of "Americas")."""
    if not word.isalpha() or word[0] != letters[0]:
        return False
    if any(word.count(letter, 1) != 1 or letter in "aeiouy" for letter in letters[1:]):
        return False
    if len(letters) == 1:
        return len(word) >= PART_LENGTH
    return any(
        word[i] == letters[1] and _compounds(letters[1:], word[i:])
        for i in range(PART_LENGTH, len(word) - PART_LENGTH + 1)
    )


#: The last words of a broadcaster's name ("Fox News", "Sky TV").
OUTLET_WORDS = frozenset({"news", "tv", "television", "channel", "network", "radio"})

#: Words after a short name that make it the outlet ("a Fox host", "the CBS interview").
OUTLET_NOUNS = (
    "host|hosts|anchor|anchors|reporter|reporters|correspondent|interview|interviews|viewers"
    "|broadcast|broadcasts|poll|contributor|commentator|segment|program|programme|show"
    "|moderator|moderators|debate|network|audience|airwaves"
)


def outlet_short_names(names: Names) -> None:
    """ "Fox" for "Fox News": a one-word name the one broadcaster's name ("X News", "X TV")
    opens with, in whichever order they come, when the text uses the word as the outlet at
    least once: "told Fox", "on Fox," (not "on Fox devices"), "a Fox host". A company named
    before its product ("Apple" / "Apple News") is spoken of as the company."""
    text = names.text
    orgs = [k for k in names.named if names.types[k] == "ORG"]
    for key, entity_type in names.types.items():
        if key in names.canonical or " " in key or entity_type not in {"ORG", "PERSON", "OTHER"}:
            continue
        owners = [
            k
            for k in orgs
            if k.split(" ")[0] == key and k.count(" ") == 1 and k.rsplit(" ", 1)[1] in OUTLET_WORDS
        ]
        if len(owners) != 1:
            continue
        word = re.escape(names.surface_of[key])
        cue = re.compile(
            rf"\b(?:told|on) {word}(?=[,.;:)]| (?:on|in|and|that|last|this|earlier)\b)"
            rf"|(?<![\w-]){word} (?:{OUTLET_NOUNS})\b"
        )
        width = len(names.surface_of[key])
        if any(
            cue.search(text, max(0, start - 6), start + width + 16)
            for start in names.starts.get(key, [])
        ):
            names.canonical[key] = owners[0]
