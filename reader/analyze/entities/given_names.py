"""Given names that exist: the first names of the 1990 US Census (through the `names`
package), those borne by at least `MIN_SHARE` percent of people, less date words and titles.

The names are shipped in `weights/given_names.json`, built by
`python -m reader.analyze.entities.given_names` (the `names` package is in the `bench`
extra). A name whose first word is one is evidence of a person, weighed against what the
text says: a span the model types as an organisation or a place ("Bernie Okafor" read as an
organisation) gains a person's vote unless its words say otherwise (a
place, an organisation's last word, a given name the article writes in lower case: "will",
"grant").
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from reader.analyze import lexicon
from reader.analyze.entities.places import place_kind
from reader.analyze.entities.types import Candidate

WEIGHTS = Path(__file__).resolve().parent.parent / "weights" / "given_names.json"

#: The share of people (percent) a census first name must have to be listed: rarer ones are
#: as often words or brands ("Dell", "Spring", "Sunday") as names.
MIN_SHARE = 0.005

#: A person's vote for a span the model types otherwise whose first word is a given name.
GIVEN_NAME_VOTE = 3


@cache
def given_names() -> frozenset[str]:
    """The shipped list (`weights/given_names.json`), with the lexicon's own given names."""
    data: dict[str, list[str]] = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return (
        frozenset(data["female"])
        | frozenset(data["male"])
        | lexicon.MALE_NAMES
        | lexicon.FEMALE_NAMES
    )


def build() -> dict[str, list[str]]:
    """The list, from the census files the `names` package ships (name, percent, cumulative
    percent, rank): `python -m reader.analyze.entities.given_names` rewrites the shipped file."""
    from importlib import resources

    listed: dict[str, list[str]] = {}
    for sex in ("female", "male"):
        text = resources.files("names").joinpath(f"dist.{sex}.first").read_text(encoding="utf-8")
        found = set()
        for line in text.splitlines():
            fields = line.split()
            if len(fields) < 2 or float(fields[1]) < MIN_SHARE:
                continue
            name = fields[0].title()
            if name.lower() in lexicon.DATE_WORDS or name in lexicon.TITLE_WORDS:
                continue
            found.add(name)
        listed[sex] = sorted(found)
    return listed


def write(path: Path = WEIGHTS) -> None:
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")


def given_name_votes(candidates: list[Candidate], common_words: set[str]) -> None:
    """ "Bernie Okafor" typed as an organisation: two or three plain
    capitalised words opening with a given name vote for a person, unless the name is a
    place ("Virginia Beach"), ends with an organisation's or a building's word ("Morgan
    Library") or its first word is a plain word in this article ("Will", "Grant")."""
    names = given_names()
    # "Sierra Nevada" of "Sierra Nevada Corporation": a company's name less its last word.
    companies = {" ".join(c.words[:-1]) for c in candidates if c.words[-1] in lexicon.ORG_SUFFIXES}
    for candidate in candidates:
        words = candidate.words
        if candidate.type not in {"ORG", "PLACE"} or not 2 <= len(words) <= 3:
            continue
        if candidate.surface in companies:
            continue
        first, last = words[0], words[-1]
        if first not in names or first.lower() in common_words:
            continue
        if not all(
            w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words
        ):
            continue
        if (
            last in lexicon.ORG_SUFFIXES
            or last.lower() in lexicon.BUILDING_WORDS
            or last.lower() in lexicon.PRESS_WORDS
            or last.lower() in lexicon.PLACE_NOUNS  # "Marion County"
            or place_kind(first) in {"country", "state", "city"}  # a town: "Brad Marchand"
            or place_kind(candidate.surface) is not None
        ):
            continue
        candidate.votes["PERSON"] += GIVEN_NAME_VOTE


if __name__ == "__main__":
    write()
