"""A person written two ways: "Bill Harmon" / "William Harmon" (a nickname), "B. U. Okoro" /
"Benjamin Okoro" (initials), "John M. Ford" / "John Milo Ford" (a middle initial),
"Philip Ames" / "Phillip Ames" (a doubled letter written once, or two letters of a long
name the wrong way round).

The nicknames are shipped in `weights/nicknames.json`, built from the `nicknames` package
(Apache-2.0, a hand-curated list of English given names and their nicknames) by
`python -m reader.analyze.entities.name_variants` (the package is in the `bench` extra):
each nickname with the names it is short for, less the pairs of which the 1990 US Census
(the `names` package's files) finds one borne mostly by women and the other mostly by men
("Erin" is no "Aaron"): the list is genealogical, and a woman and a man of one surname are
two people.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

WEIGHTS = Path(__file__).resolve().parent.parent / "weights" / "nicknames.json"

#: How the other's part of a name compares with one's own: the same, fuller ("William" for
#: "Bill", "Benjamin" for "B."), less full, or spelled alike ("Phillip" / "Philip").
Fullness = Literal["same", "fuller", "lesser", "alike"]


#: How many times more often one sex must bear a name than the other for it to be that sex's
#: ("Erin": 0.141% of women, 0.007% of men); "Pat" (0.040%, 0.022%) is either's.
SEX_RATIO = 3.0


def _sexes() -> dict[str, str]:
    """Each census first name -> "female" or "male", the sex that bears it `SEX_RATIO` times
    more often, from the census files the `names` package ships; names borne by both
    alike are left out."""
    from importlib import resources

    shares: dict[str, dict[str, float]] = {}
    for sex in ("female", "male"):
        text = resources.files("names").joinpath(f"dist.{sex}.first").read_text(encoding="utf-8")
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 2:
                shares.setdefault(fields[0].lower(), {})[sex] = float(fields[1]) or 0.0005
    sexes = {}
    for name, share in shares.items():
        female, male = share.get("female", 0.0), share.get("male", 0.0)
        if female >= SEX_RATIO * male:
            sexes[name] = "female"
        elif male >= SEX_RATIO * female:
            sexes[name] = "male"
    return sexes


def build() -> dict[str, list[str]]:
    """Each nickname -> the names it is short for, from the `nicknames` package's table, less
    the pairs the census gives opposite sexes: `python -m reader.analyze.entities.name_variants`
    rewrites the shipped file."""
    from nicknames import NickNamer

    sexes = _sexes()
    found: dict[str, set[str]] = {}
    for name, nicknames in NickNamer().nickname_lookup.items():
        for nickname in nicknames:
            one, other = sexes.get(name), sexes.get(nickname)
            if one and other and one != other:
                continue
            if nickname != name:
                found.setdefault(nickname, set()).add(name)
    return {nickname: sorted(names) for nickname, names in sorted(found.items())}


def write(path: Path = WEIGHTS) -> None:
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    data: dict[str, list[str]] = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {nickname: frozenset(names) for nickname, names in data.items()}


def is_nickname(short: str, name: str) -> bool:
    """Whether `short` is a nickname of `name` ("bill", "william"), in lower case."""
    return name in _nicknames().get(short, frozenset())


def _initial(part: str) -> str | None:
    """The letters of an initial ("b.", "h.w." -> "hw"), or None for a name."""
    letters = part.replace(".", "")
    if letters.isalpha() and (len(letters) == 1 or part.endswith(".") and len(letters) <= 3):
        return letters if "." in part or len(letters) == 1 else None
    return None


#: The shortest name two letters of which may be found the wrong way round ("Gwendolyn" /
#: "Gwednolyn"): in shorter ones a swap makes another name ("Marian" / "Mairan" stays).
SWAP_LENGTH = 7


def _spelled_alike(one: str, other: str) -> bool:
    """ "philip" / "phillip": the same name but for one doubled letter written once, or, in a
    long name, two letters side by side written the wrong way round ("gwednolyn")."""
    if len(one) == len(other) >= SWAP_LENGTH:
        differ = [i for i in range(len(one)) if one[i] != other[i]]
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and one[differ[0]] == other[differ[1]]
            and one[differ[1]] == other[differ[0]]
        )
    if len(one) > len(other):
        one, other = other, one
    if len(other) != len(one) + 1 or len(one) < 4:
        return False
    return any(
        other[i] == other[i - 1] and other[:i] + other[i + 1 :] == one for i in range(1, len(other))
    )


def compare_part(own: str, other: str) -> Fullness | None:
    """How the other's given name (or middle name) compares with one's own; None for two
    names of different people ("hillary" / "bill", "h.w." / "w.")."""
    if own == other:
        return "same"
    own_initial, other_initial = _initial(own), _initial(other)
    if own_initial is not None and other_initial is not None:
        return None
    if own_initial is not None:
        return "fuller" if len(own_initial) == 1 and other.startswith(own_initial) else None
    if other_initial is not None:
        return "lesser" if len(other_initial) == 1 and own.startswith(other_initial) else None
    if is_nickname(own, other):
        return "fuller"
    if is_nickname(other, own):
        return "lesser"
    if _spelled_alike(own, other):
        return "alike"
    return None


def compare_names(own: list[str], other: list[str]) -> Fullness | None:
    """How another person's name compares with one's own, both as `name_parts` of two words
    or more: the same surname, given names that are one person's ("bill" / "william", "b." /
    "benjamin"), middle names that agree where both are written."""
    if len(own) < 2 or len(other) < 2 or own[-1] != other[-1]:
        return None
    found: set[Fullness] = set()
    first = compare_part(own[0], other[0])
    if first is None:
        return None
    found.add(first)
    own_middle, other_middle = own[1:-1], other[1:-1]
    if own_middle and other_middle:
        if len(own_middle) != len(other_middle):
            return None
        for one, two in zip(own_middle, other_middle, strict=True):
            part = compare_part(one, two)
            if part is None:
                return None
            found.add(part)
    found.discard("same")
    if len(found) != 1:
        return None  # the same name, or fuller in one part and less full in another
    return found.pop()


if __name__ == "__main__":
    write()
    print(f"wrote {WEIGHTS}")
