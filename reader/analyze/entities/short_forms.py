"""Alias rules for the short and reordered forms of a name (part of `ALIAS_RULES`).

- "State Department" / "Department of State": an office named in either order;
- "Brennan Institute" for "Brennan Institute for Fair Courts": an organisation's name cut
  before what it is for or of;
- "St. Anselm" for "St. Anselm College": an organisation without its last word;
- "Washington D.C." for Washington;
- "Senate" for "Ohio Senate", "Steelers" for "Pittsburgh Steelers": the last word of the
  one organisation written before it whose other words are a place.
"""

from __future__ import annotations

from reader.analyze import lexicon
from reader.analyze.entities.names import Names
from reader.analyze.entities.places import country_of, place_kind, state_of
from reader.analyze.entities.types import name_key

#: Offices named either way round: "State Department" / "Department of State".
REORDERED_OFFICES = frozenset({"department", "ministry", "office", "bureau"})


def reordered_offices(names: Names) -> None:
    """ "Justice Department" and "Department of Justice" are one office: the later-written
    form stands for the first; "Homeland Security", of two words or more, for the one
    office of it."""
    orgs = {key for key, entity_type in names.types.items() if entity_type == "ORG"}
    for key in sorted(orgs):
        words = key.split(" ")
        if len(words) < 2 or words[-1] not in REORDERED_OFFICES or key in names.canonical:
            continue
        other = f"{words[-1]} of {' '.join(words[:-1])}"
        if other not in orgs or other in names.canonical:
            continue
        early, late = sorted((key, other), key=names.first_seen.__getitem__)
        names.canonical[late] = early
    for key in sorted(orgs):  # "Homeland Security" of "Department of Homeland Security"
        if " " not in key or key in names.canonical:
            continue
        owners = [f"{office} of {key}" for office in REORDERED_OFFICES]
        found = [owner for owner in owners if owner in orgs]
        if len(found) == 1:
            names.canonical[key] = found[0]


#: What an organisation's name may go on with: "for Fair Courts", "of Science", "on Ageing".
CAUSE_WORDS = ("for", "of", "on")
HEAD_WORDS = frozenset(w.lower() for w in lexicon.ORG_SUFFIXES)


def organisation_before_its_cause(names: Names) -> None:
    """ "Brennan Institute" for "Brennan Institute for Fair Courts": a name of two words or
    more ending with an organisation word that opens the name of one longer organisation,
    whose next word is "for", "of" or "on" (not when two such organisations are named:
    "National Institute of Health" / "National Institute of Justice")."""
    orgs = [k for k in names.named if names.types[k] == "ORG"]
    for key in orgs:
        if key in names.canonical or key.split(" ")[-1] not in HEAD_WORDS:
            continue
        owners = [
            k for k in orgs if k != key and any(k.startswith(f"{key} {w} ") for w in CAUSE_WORDS)
        ]
        if len(owners) == 1:
            names.canonical[key] = owners[0]


def one_word_tail(names: Names) -> None:
    """ "Senate" for "Ohio Senate", "Steelers" for "Pittsburgh Steelers": a one-word
    organisation that ends the name of one organisation written before it, whose other
    words are a place. With two such names ("Ohio Senate", "U.S. Senate") it stays itself."""
    orgs = [k for k in names.named if names.types[k] == "ORG"]
    for key, entity_type in names.types.items():
        if entity_type != "ORG" or " " in key or key in names.canonical:
            continue
        owners = [k for k in orgs if k.endswith(" " + key)]
        if len(owners) != 1 or names.first_seen[owners[0]] > names.first_seen[key]:
            continue
        prefix = " ".join(names.words_of(owners[0])[:-1])
        if place_kind(prefix) is not None or country_of(prefix.lower()) is not None:
            names.canonical[key] = owners[0]


def organisation_without_its_kind(names: Names) -> None:
    """ "St. Anselm" for "St. Anselm College": a name of two words or more that is the one
    organisation written before it without its last, organisation word, itself ending with
    none (a one-word name is `first_word_of_organisation`'s)."""
    orgs = [k for k in names.named if names.types[k] == "ORG"]
    for key in orgs:
        if key in names.canonical or key.rsplit(" ", 1)[1] in HEAD_WORDS:
            continue  # "Breitbart News" is a name of its own, not "Breitbart News Daily"
        owners = [
            k
            for k in orgs
            if k.startswith(key + " ")
            and k.count(" ") == key.count(" ") + 1
            and k.rsplit(" ", 1)[1] in HEAD_WORDS
        ]
        if len(owners) == 1 and names.first_seen[owners[0]] < names.first_seen[key]:
            names.canonical[key] = owners[0]


def city_with_its_state(names: Names) -> None:
    """ "Washington D.C." (one span) is the Washington the article also names."""
    for key, entity_type in names.types.items():
        words = names.words_of(key)
        if entity_type != "PLACE" or len(words) < 2 or key in names.canonical:
            continue
        if state_of(words[-1]) is None:
            continue
        city = name_key(" ".join(words[:-1]).rstrip(","))
        if names.types.get(city) == "PLACE" and city != key:
            names.canonical[key] = city
