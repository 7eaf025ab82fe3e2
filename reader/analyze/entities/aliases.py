"""The alias rules of the merge: which name stands for which other name.

Each rule reads the names the article holds (`Names`) and records in `Names.canonical` that
a name is another's alias (or, with "", that it stands for nothing on its own). The rules run
in the order of `ALIAS_RULES`; a later rule leaves a name an earlier one settled. A new rule
is one function here (or in `short_forms`) and one entry in that list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from reader.analyze import lexicon
from reader.analyze.entities.candidates import corporate_core
from reader.analyze.entities.known_aliases import (
    compound_initials,
    contracted_names,
    country_alias,
    korea,
    organisation_aliases,
    outlet_short_names,
)
from reader.analyze.entities.names import Names
from reader.analyze.entities.places import country_of, place_kind, state_of
from reader.analyze.entities.short_forms import (
    city_with_its_state,
    one_word_tail,
    organisation_before_its_cause,
    organisation_without_its_kind,
    reordered_offices,
)
from reader.analyze.entities.types import (
    NAMED_TYPES,
    acronym_letters,
    initials,
    name_key,
)


def country_names(names: Names) -> None:
    """A country's names are one place ("North Korea" / "Democratic People's Republic of
    Korea", ISO 3166's common and official names; "US", "Britain": `COUNTRY_ALIASES`)."""
    first_of: dict[str, str] = {}

    def order(key: str) -> tuple[bool, bool, int]:  # "North Korea" before "N. Korea", "US"
        surface = names.surface_of[key]
        return "." in key.split(" ")[0], surface.isupper(), names.first_seen[key]

    for key in sorted(names.types, key=order):
        alias = country_alias(key, names.surface_of[key])
        country = country_of(alias or key)
        if country is None or names.types[key] not in {"PLACE", "PERSON"} or key in names.canonical:
            continue
        if country in first_of:
            names.canonical[key] = first_of[country]
        else:
            first_of[country] = key


def parenthesised_acronyms(names: Names) -> None:
    """An acronym the article spells out before it in parentheses stands for that name."""
    for key, target in names.spelled_out.items():
        if key not in names.canonical and names.types.get(target) in NAMED_TYPES:
            # "PARIS (AFP) -": a dateline's agency is no place's acronym ("DRC" is one).
            if names.types[target] == "PLACE" and key[:1] != target[:1]:
                continue
            names.canonical[key] = target


#: Names the US press uses for a party, by key.
PARTY_ALIASES: dict[str, str] = {
    "gop": "republican party",
    "g.o.p.": "republican party",
    "democrat party": "democratic party",  # the form its opponents use
}


def party_names(names: Names) -> None:
    """ "GOP" / "Republican Party", "Democrat Party" / "Democratic Party": one party under
    its two names."""
    for key, target in PARTY_ALIASES.items():
        if key in names.types and target in names.types and key not in names.canonical:
            names.canonical[key] = target


def newspaper_short_names(names: Names) -> None:
    """ "The Post" for "The New York Post" when one organisation's name ends with the word;
    "the Statehouse" for the one building so named ("Indiana Statehouse")."""
    for key in list(names.types):
        if key in names.canonical:
            continue
        if key in lexicon.PRESS_WORDS:
            kind = "ORG"
        elif key in lexicon.BUILDING_WORDS:
            kind = "PLACE"
        else:
            continue
        owners = [
            k
            for k in names.named
            if names.types[k] == kind and names.words_of(k)[-1].lower() == key
        ]
        if len(owners) == 1:
            names.canonical[key] = owners[0]


def tail_of_organisation(names: Names) -> None:
    """ "Security Council" for "United Nations Security Council", "Supreme Court" for "U.S.
    Supreme Court": an organisation's name of two words or more that ends the name of one
    longer organisation written before it (or after it, when the article writes the rest's
    acronym: "U.N. Security Council"), the rest of whose name is a name of its own (a
    place, an acronym, another entity: "U.S.", "United Nations")."""
    orgs = [k for k in names.named if names.types[k] == "ORG"]
    letters = {acronym_letters(names.surface_of[k]) for k in names.types} - {None}
    for key in orgs:
        if key in names.canonical:
            continue
        owners = [k for k in orgs if k != key and k.endswith(" " + key)]
        if len(owners) != 1:
            continue
        prefix_words = names.words_of(owners[0])[: -len(key.split())]
        prefix = " ".join(prefix_words)
        # The prefix's acronym is one of the article's names ("U.N."): the prefix is a name,
        # and the short name may come first ("U.N. Security Council", then in full).
        spelled = initials(prefix_words, with_joiners=False) in letters
        if names.first_seen[owners[0]] > names.first_seen[key] and not spelled:
            continue
        if (
            spelled
            or name_key(prefix) in names.types
            or place_kind(prefix)
            or acronym_letters(prefix)
        ):
            names.canonical[key] = owners[0]


#: An office's head word before "of": "VA" is the Department of Veterans Affairs.
OFFICE_WORDS = frozenset({"department", "ministry", "office", "bureau", "agency"})


def office_initials(words: list[str]) -> str:
    """The initials of what an office of is: "Veterans Affairs" of "Department of Veterans
    Affairs" ("VA"); "" for a name not of that form or of fewer than two such words."""
    if len(words) < 4 or words[0].lower() not in OFFICE_WORDS or words[1] != "of":
        return ""
    return initials(words[2:], with_joiners=False)


def acronyms(names: Names) -> None:
    """Acronyms and their expansions ("VOA" / "Voice of America", "U.S." / "United States")."""
    types, words_of = names.types, names.words_of
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, entity_type in types.items():
        letters = acronym_letters(names.surface_of[key])
        if letters and entity_type in NAMED_TYPES | {"OTHER"}:
            by_letters[letters].append(key)
    for letters, keys in by_letters.items():
        expansions = [
            k
            for k in names.named
            if types[k] in NAMED_TYPES
            and letters
            in {
                initials(words_of(k), with_joiners=True),
                initials(words_of(k), with_joiners=False),
                office_initials(words_of(k)) if types[k] == "ORG" else "",
            }
        ]
        target = (
            expansions[0] if len(expansions) == 1 else min(keys, key=names.first_seen.__getitem__)
        )
        for key in keys:
            if key != target:
                names.canonical[key] = target


def compass_words(names: Names) -> None:
    """Compass words ("the North") stand for the one place named with that word."""
    types, words_of = names.types, names.words_of
    for key, entity_type in types.items():
        surface = names.surface_of[key]
        if entity_type == "PLACE" and surface in lexicon.COMPASS_WORDS:
            matches = [
                k
                for k in types
                if types[k] == "PLACE" and words_of(k)[0] == surface and len(words_of(k)) >= 2
            ]
            names.canonical[key] = matches[0] if len(matches) == 1 else ""


def _companies(names: Names) -> dict[str, str]:
    """Each organisation's name without its legal form or web suffix -> its key."""
    companies: dict[str, str] = {}
    for key, entity_type in names.types.items():
        core = corporate_core(names.surface_of[key])
        if entity_type == "ORG" and core is not None:
            companies.setdefault(name_key(core), key)
    return companies


def corporate_forms(names: Names) -> None:
    """A company's name without its legal form or web suffix ("Sierra Nevada" / "Sierra
    Nevada Corporation", "Edmunds" / "Edmunds.com")."""
    types, canonical = names.types, names.canonical
    for core_key, key in _companies(names).items():
        if (
            core_key in types
            and core_key not in canonical
            and types[core_key] != "DATE"
            and (types[core_key] != "PERSON" or " " not in core_key)
        ):
            canonical[core_key] = key


def last_word_of_company(names: Names) -> None:
    """A one-word name for the company whose name ends with it ("Disney" / "Walt Disney
    Co."), when only one company does and no person is named with the word."""
    person_words = {w.lower() for p in names.people for w in names.words_of(p)}
    companies = _companies(names)
    for key, entity_type in names.types.items():
        if key in names.canonical or " " in key or entity_type not in {"ORG", "PLACE", "OTHER"}:
            continue
        if key in person_words or key in companies.values():
            continue
        owners = {
            target
            for core_key, target in companies.items()
            if " " in core_key and core_key.split()[-1] == key
        }
        if len(owners) == 1:
            names.canonical[key] = owners.pop()


def and_splits(names: Names) -> None:
    """The second of two names joined by "and" that the NER cut apart ("Customs" and "Border
    Protection" of "Customs and Border Protection")."""
    types = names.types
    for key in names.named:
        if key in names.canonical or types[key] != "ORG":
            continue
        longer = [k for k in names.named if types[k] == "ORG" and k.endswith(f" and {key}")]
        if len(longer) == 1:
            names.canonical[key] = longer[0]


def first_word_of_organisation(names: Names) -> None:
    """The first word of an organisation's name ("Nordwind" / "Nordwind Offshore"), unless a
    person is named with it, or the word is written before the longer name: a name the
    article uses first stands for itself, and the longer one for its product or part
    ("Apple" / "Apple Arcade", "Stadia" / "Stadia Pro"). A one-word "place" that is no
    known place counts too ("Alden" / "Alden Capital")."""
    types, words_of = names.types, names.words_of
    orgs = [k for k in names.named if types[k] == "ORG"]
    for key, entity_type in types.items():
        if key in names.canonical or " " in key:
            continue
        if entity_type not in {"ORG", "PERSON"} and not (
            entity_type == "PLACE" and place_kind(key) is None
        ):
            continue
        matches = [k for k in orgs if words_of(k)[0].lower() == key]
        if (
            len(matches) == 1
            and names.first_seen[matches[0]] < names.first_seen[key]
            and not any(key in (w.lower() for w in words_of(p)) for p in names.people)
        ):
            names.canonical[key] = matches[0]


def state_abbreviations(names: Names) -> None:
    """A state's AP abbreviation stands for the state the article also names in full ("Va." /
    "Virginia"); "D.C." and "DC" for Washington ("Washington, DC")."""
    for key, entity_type in names.types.items():
        state = state_of(names.surface_of[key])
        if state is None or key in names.canonical or entity_type not in {"PLACE", "ORG"}:
            continue
        full = name_key(state)
        if full in names.types and names.types[full] == "PLACE" and full != key:
            names.canonical[key] = full


AliasRule = Callable[[Names], None]

#: The alias rules, in the order they run.
ALIAS_RULES: tuple[AliasRule, ...] = (
    state_abbreviations,
    city_with_its_state,
    country_names,
    korea,
    organisation_aliases,
    parenthesised_acronyms,
    party_names,
    newspaper_short_names,
    tail_of_organisation,
    one_word_tail,
    reordered_offices,
    organisation_before_its_cause,
    organisation_without_its_kind,
    acronyms,
    compound_initials,
    contracted_names,
    outlet_short_names,
    compass_words,
    corporate_forms,
    last_word_of_company,
    and_splits,
    first_word_of_organisation,
)
