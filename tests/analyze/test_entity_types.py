"""Entity types and spans, round 4 of issue 14: technical terms in capitals are no names,
former countries and plural countries are places, initials open a person's name, names
with punctuation inside stay whole, a small town whose mayor or residents are written of is
a place, platforms are organisations, a country run into a person's name is cut off, a
state's postal code after a town is a place, a team's nickname is the team. Each class has
a guard for the direction its rule could go wrong in. The sentences are made up for these
tests."""

from __future__ import annotations

from typing import Any

import pytest
from support.analyze_helpers import analyse_paragraphs, entity_named

from reader.analyze.entities.places import place_kind, plural_place
from reader.model import Analysis


def names(analysis: Analysis, entity_type: str | None = None) -> set[str]:
    return {e.name for e in analysis.entities if entity_type is None or e.type == entity_type}


#: Paragraphs, the names they must give with their types, and names they must not give.
TYPED_NAMES = [
    pytest.param(
        (
            "EV sales rose 40 percent in Norway last year.",
            "Buyers who want AWD will pay more. The RWD model is cheaper, and the SUV sells best.",
            "The GPU market is dominated by Nvidia. GPU prices fell in June.",
            "Carmakers sold 40,000 EVs in Spain, and NGOs asked for more chargers.",
            "The new center console has more storage and USB-C ports.",
        ),
        {"Norway": "PLACE", "Spain": "PLACE"},
        {"EV", "EVs", "AWD", "RWD", "SUV", "GPU", "NGOs", "USB-C"},
        id="technical terms in capitals are no names",
    ),
    pytest.param(  # the guard: letters that are names stay, as modifiers too
        ("FBI agents searched the offices of IBM on Monday. NATO said it was concerned.",),
        {"FBI": "ORG", "IBM": "ORG", "NATO": "ORG"},
        set(),
        id="an organisation's letters stay a name",
    ),
    pytest.param(
        (
            "North and South Korea marched together. Relations between the Koreas have warmed.",
            "Soviet Union troops entered Prague in 1968.",
        ),
        {"Koreas": "PLACE", "Soviet Union": "PLACE"},
        set(),
        id="plural and former countries are places",
    ),
    pytest.param(
        (
            "J.K. Rowling said the book would be her last. Rowling lives in Edinburgh.",
            "W. Kamau Bell hosted the show on Friday.",
        ),
        {"J.K. Rowling": "PERSON", "W. Kamau Bell": "PERSON", "Edinburgh": "PLACE"},
        {"Rowling"},  # an alias of the full name, not a second row
        id="initials open a person's name",
    ),
    pytest.param(  # the guard: a place's or a club's letters, a firm of two names
        (
            "U.S. Steel said it would close a plant, and the L.A. Times reported it.",
            "J.P. Morgan Chase said profits rose.",
        ),
        {"U.S. Steel": "ORG", "L.A. Times": "ORG", "J.P. Morgan Chase": "ORG"},
        set(),
        id="letters of a place and a firm of two names are no initials",
    ),
    pytest.param(
        (
            "Yahoo! News reported the story first. A Yahoo! News spokesman declined to comment.",
            "E*Trade said its customers traded more. AT&T said it would cut prices.",
            'Toys "R" Us closed its last stores in June.',
        ),
        {"Yahoo! News": "ORG", "E*Trade": "ORG", "AT&T": "ORG", 'Toys "R" Us': "ORG"},
        {"Yahoo", "Us", "Toys"},
        id="names with punctuation inside stay whole",
    ),
    pytest.param(  # the guard: letters a "&" joins are a common noun
        ("The firm doubled its R&D budget and held a Q&A with investors in Ohio.",),
        {"Ohio": "PLACE"},
        {"R&D", "Q&A"},
        id="letters joined by an ampersand are no name",
    ),
    pytest.param(
        (
            "The mayor of Kelvale declared an emergency on Monday.",
            "Kelvale has 4,000 people, and Kelvale's only bridge was closed.",
        ),
        {"Kelvale": "PLACE"},
        set(),
        id="a small town whose mayor is written of is a place",
    ),
    pytest.param(  # the guard: a brand the model calls a place is still a brand
        (
            "Investors expect Netflix to raise prices again.",
            "Shares of Netflix fell sharply on Tuesday.",
        ),
        {"Netflix": "ORG"},
        set(),
        id="a brand no list places is still a brand",
    ),
    pytest.param(
        (
            "The mayor posted the video on Twitter, where it was shared widely.",
            "The clip also spread on Weibo, and the series streams on Netflix from Friday.",
        ),
        {"Twitter": "ORG", "Weibo": "ORG", "Netflix": "ORG"},
        set(),
        id="platforms are organisations",
    ),
    pytest.param(
        (
            "The former ambassador to Ukraine Marie Yovanovitch spoke to reporters on Friday.",
            "Yovanovitch said she had been threatened.",
        ),
        {"Marie Yovanovitch": "PERSON", "Ukraine": "PLACE"},
        set(),
        id="a country run into a person's name is a place and a person",
    ),
    pytest.param(  # the guard: a given name that is a place opens the person's name
        ("Virginia Foxx and Jordan Michael Smith spoke at the hearing on Tuesday.",),
        {"Virginia Foxx": "PERSON", "Jordan Michael Smith": "PERSON"},
        {"Virginia", "Jordan", "Michael Smith"},
        id="a given name that is a place stays the person's",
    ),
    pytest.param(
        ("The tour stops in Raleigh, NC on June 6 and in Camden, NJ on June 8.",),
        {"Raleigh": "PLACE", "NC": "PLACE", "Camden": "PLACE", "NJ": "PLACE"},
        set(),
        id="a state's postal code after a town is a place",
    ),
    pytest.param(
        (
            "The show drew guests ranging from politicians such as Bill Clinton to media "
            "figures such as Katie Couric, George Stephanopoulos, and Chelsea Handler.",
        ),
        {"George Stephanopoulos": "PERSON", "Katie Couric": "PERSON"},
        set(),
        id="a given name that is a town and a surname in -s is no team",
    ),
    pytest.param(
        (
            "The Los Angeles Clippers lost at home on Sunday.",
            "It was the fifth straight win for Dallas, and the Clippers lost again.",
        ),
        {"Los Angeles Clippers": "ORG", "Dallas": "PLACE"},
        {"Clippers"},  # an alias of the team, not a second row
        id="a team's nickname is the team",
    ),
    pytest.param(
        ("The panel included New Jersey Sen. Cory Booker, Hawaii Rep. Tulsi Gabbard and others.",),
        {"Cory Booker": "PERSON", "Hawaii": "PLACE", "New Jersey": "PLACE"},
        set(),
        id="a person before a state is no town",
    ),
    pytest.param(
        ("Brad Marchand added three assists, and Boston won 5-2 on Tuesday.",),
        {"Brad Marchand": "PERSON", "Boston": "PLACE"},
        set(),
        id="a given name that is also a small town opens a person's name",
    ),
    pytest.param(  # the guard: a town's county is no person
        ("Residents of Marion County and of Springfield, Ohio voted on Tuesday.",),
        {"Marion County": "PLACE", "Springfield": "PLACE"},
        set(),
        id="a county named after a given name is a place",
    ),
    pytest.param(
        ("The band plays Tampa, FL @ MidFlorida Credit Union Amphitheatre on June 4.",),
        {"Tampa": "PLACE", "FL": "PLACE"},
        {"FL @ MidFlorida Credit Union"},
        id="an at sign separates a venue from its town",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected", "absent"), TYPED_NAMES)
def test_types_and_spans_of_names(
    nlp: Any, paragraphs: tuple[str, ...], expected: dict[str, str], absent: set[str]
) -> None:
    analysis = analyse_paragraphs(*paragraphs)
    for name, entity_type in expected.items():
        entity_named(analysis, name, entity_type)
    assert not absent & names(analysis), names(analysis)


def test_former_countries_and_plurals_of_countries_are_known() -> None:
    for country in ("Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "Ottoman Empire"):
        assert place_kind(country) == "country", country
    assert plural_place("Koreas") and plural_place("Carolinas") and plural_place("Americas")
    assert not plural_place("Lakers") and not plural_place("News")
    assert place_kind("Neutral Zone") is None  # ISO's former islands and zones are left out
