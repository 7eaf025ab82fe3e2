"""The publication's day from the page itself: its URL, microdata, `<time>` elements (never
one marked as the last update), and the local day where a page gives a timestamp in UTC.

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
#: Elements where a page prints its date besides `<time>`: those with "date" in their class.
_PRINTED_CLASS = "//*[contains(@class, 'date')]"
#: How many such elements are read: the article's date line is near the top.
MAX_PRINTED = 12


def local_day(
    timestamp: str | None,
    day: str | None,
    evidence: list[str | None],
    tree: Any,
    times: list[Any] | None = None,
) -> str | None:
    """`day` (read from `timestamp`), or the day before when the page says so.

    Only a time before 08:00 (or none) in UTC, or at a western offset, can be the evening
    before where the paper is (a time at an eastern offset is local already), and the day
    before is taken only on evidence: another of the page's dates (`evidence`: the URL's, a
    timestamp with its local offset, the last-modified day, which cannot come before the
    publication) or a date printed in a `<time>` (`times`, gathered already) or date element.
    """
    if not timestamp or not day:
        return day
    match = re.search(r"(?:T|\s)(\d\d):\d\d(?::[\d.]+)?\s*([+-]\d\d)?", timestamp)
    eastern = bool(match and match[2] and match[2][0] == "+" and match[2] != "+00")
    if match and (int(match[1]) >= 8 or eastern):
        return day
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    for value in evidence:
        if value and (
            value.startswith(before) or (value[:1].isalpha() and iso_date(value) == before)
        ):
            return before
    elements = list(times or ())[:MAX_PRINTED]
    if len(elements) < MAX_PRINTED:
        elements += tree.xpath(_PRINTED_CLASS)[: MAX_PRINTED - len(elements)]
    for element in elements:
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


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|[-_.]|$)")


def url_date(url: str | None) -> str | None:
    """News sites put the day in the path: /2019/11/19/slug or /2019-11-19-slug."""
    match = _URL_DATE.search(url or "")
    return iso_date(f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}") if match else None


def microdata_date(tree: Any) -> str | None:
    for query in (
        "//*[@itemprop='datePublished']/@content",
        "//*[@itemprop='datePublished']/@datetime",
    ):
        for value in tree.xpath(query):
            found = iso_date(str(value))
            if found:
                return found
    return None


def time_element_date(times: list[Any]) -> str | None:
    """`<time pubdate>` first, then a `<time>` inside `<article>`, then any `<time>`; never
    one that says it is the last update ("Last updated", class "updated")."""
    times = [time for time in times[:MAX_TIMES] if not _is_update(time)]
    in_article = [time for time in times if next(time.iterancestors("article"), None) is not None]
    ranked = (
        [time for time in times if time.get("pubdate") is not None],
        [time for time in in_article if not _in_list(time)],
        [time for time in times if not _in_list(time)],
        in_article,
        times,
    )
    for group in ranked:
        for time in group:
            found = iso_date(time.get("datetime"))
            if found:
                return found
    return None


#: How many `<time>` elements are read: the article's is among the first.
MAX_TIMES = 60
_LIST_TAGS = frozenset({"aside", "nav", "footer", "li"})
_LIST_MARKS = re.compile(r"related|teaser|recommend|sidebar|more-|trending|popular", re.I)


def _in_list(time: Any) -> bool:
    """The `<time>` dates another story: one in a list, an aside, a footer, a teaser."""
    for ancestor in time.iterancestors():
        if ancestor.tag in _LIST_TAGS:
            return True
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if marks.strip() and _LIST_MARKS.search(marks):
            return True
        if ancestor.tag in ("article", "main", "body"):
            return False
    return False


_UPDATE = re.compile(r"\b(?:updated?|modified|changed|aktualisiert|mis à jour)\b", re.IGNORECASE)


def _is_update(time: Any) -> bool:
    marks = " ".join(str(time.get(name) or "") for name in ("class", "itemprop"))
    if "modified" in marks.lower() or re.search(r"\bupdated?\b", marks, re.IGNORECASE):
        return True
    parent = time.getparent()
    before = (time.getprevious().tail if time.getprevious() is not None else None) or (
        parent.text if parent is not None else None
    )
    return bool(before and _UPDATE.search(before[-40:]))
