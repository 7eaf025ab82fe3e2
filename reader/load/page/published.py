"""The publication's own day, where a page gives a timestamp in UTC.

A timestamp in UTC (or with its offset lost) of the small hours is often the evening before
where the paper is: 01:50 UTC on the 20th is the 19th in Los Angeles, and the page prints
the 19th. `local_day` takes the day before only on the page's evidence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from reader.load.values import iso_date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WRITTEN_DATE = re.compile(
    rf"\b(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)"
    rf"|(\d{{1,2}})\.?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d))\b",
    re.IGNORECASE,
)
#: Elements where a page prints its date: `<time>`, and those with "date" in their class.
_PRINTED = "//time | //*[contains(@class, 'date')]"
#: How many such elements are read: the article's date line is near the top.
MAX_PRINTED = 12


def local_day(
    timestamp: str | None, day: str | None, evidence: list[str | None], tree: Any
) -> str | None:
    """`day` (read from `timestamp`), or the day before when the page says so.

    Only a timestamp before noon (or one without a time) can be the evening before
    somewhere, and the day before is
    taken only on evidence: another of the page's dates (`evidence`: the URL's, a timestamp
    with its local offset, the last-modified day, which cannot come before the
    publication) or a date printed in a `<time>` or date element.
    """
    if not timestamp or not day:
        return day
    match = re.search(r"T(\d\d):", timestamp) or re.search(r"\s(\d\d):\d\d", timestamp)
    if match and int(match[1]) >= 12:
        return day
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    if before in {iso_date(value) for value in evidence if value}:
        return before
    for element in tree.xpath(_PRINTED)[:MAX_PRINTED]:
        for value in (element.get("datetime"), element.text_content()[:200]):
            if value and before in _days_in(value):
                return before
    return day


def _days_in(text: str) -> set[str]:
    days = set()
    if re.match(r"\s*\d{4}-\d\d-\d\d", text):
        found = iso_date(text)
        if found:
            days.add(found)
    for match in _WRITTEN_DATE.finditer(text):
        month = _MONTHS[(match[1] or match[5]).lower()]
        number, year = int(match[2] or match[4]), int(match[3] or match[6])
        try:
            days.add(date(year, month, number).isoformat())
        except ValueError:
            continue
    return days
