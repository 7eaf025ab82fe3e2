"""Dates the sidebar lists: a length of time ("two years") or an age is not a date."""

from __future__ import annotations

import re

from reader.analyze import lexicon

#: A length of time, not a date: "two years", "20 minutes", "several months", "decades".
#: Read word by word (a regex of optional words that may run together backtracks
#: exponentially on a long run of digits or letters).
_DURATION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "about",
        "almost",
        "nearly",
        "over",
        "more",
        "than",
        "less",
        "up",
        "to",
        "at",
        "least",
        "another",
        "past",
        "several",
        "few",
        "many",
        "some",
        "every",
        "each",
        "couple",
        "of",
        "dozens",
        "hundreds",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "hundred",
        "half",
        "and",
    ]
)
_DURATION_UNITS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ]
)
_DURATION_SPLIT = re.compile(r"[\s-]+")
_NUMBER = re.compile(r"\d[\d,.]*")


def is_duration(surface: str) -> bool:
    words = [word for word in _DURATION_SPLIT.split(surface.lower()) if word]
    if words and words[-1] == "long":
        words.pop()
    if not words or words[-1] not in _DURATION_UNITS:
        return False
    return all(word in _DURATION_WORDS or _NUMBER.fullmatch(word) for word in words[:-1])


def is_real_date(surface: str) -> bool:
    lowered = surface.lower()
    if is_duration(lowered):  # "two years", "three months": how long, not when
        return False
    if lowered.endswith("-old") or lowered.endswith(" old"):  # an age: "60-year-old"
        return False
    if any(ch.isdigit() for ch in lowered):
        return True
    return any(word.strip(".,'’") in lexicon.DATE_WORDS for word in lowered.split())
