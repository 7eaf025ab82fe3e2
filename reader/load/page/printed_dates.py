"""The publication date a page prints, in the languages news is written in.

For a page whose metadata gives no date. Its date line reads "3. Dezember 2026",
"Veröffentlicht am 03.12.2026", "publié le 3 décembre 2026 à 10h00", "3 de diciembre de
2026", "December 3, 2026"; a line that says it is the last update ("Aktualisiert am", "mis à
jour le", "Updated") is passed over when another date is printed. The search reads the
page's markup with one regex (no tree walk, a millisecond on a large page) and stops at the
first publication date it can read; without one, htmldate (`dates.search_date`) searches.
"""

from __future__ import annotations

import html
import re
from datetime import date

from reader.load.values import iso_date

_MONTH_NAMES = (
    ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio",
     "januari", "janeiro", "leden", "ledna"),
    ("february", "feb", "februar", "feber", "février", "févr", "febrero", "febbraio",
     "februari", "fevereiro", "fev", "únor", "února"),
    ("march", "mar", "märz", "maerz", "mars", "marzo", "maart", "março", "mrz", "březen",
     "března"),
    ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "duben", "dubna"),
    ("may", "mai", "mayo", "maggio", "mei", "maio", "květen", "května"),
    ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "červen", "června"),
    ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho", "červenec",
     "července"),
    ("august", "aug", "août", "agosto", "ago", "augustus", "srpen", "srpna"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
     "setembro", "září"),
    ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "out",
     "říjen", "října"),
    ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopadu"),
    ("december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre",
     "dezembro", "prosinec", "prosince"),
)  # fmt: skip
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_YEAR = r"((?:19|20)\d\d)"
#: A month's name or its short form: a word looked up in `MONTHS` (an alternation of the
#: 150 names costs a regex a microsecond a character).
_NAME = r"([^\W\d_]{3,10})"
#: "3. Dezember 2026", "3 décembre 2026", "3 de diciembre de 2026", "December 3, 2026",
#: "03.12.2026", "2026-12-03"; "3/12/2026" is left alone (day or month first cannot be told).
_DATE = re.compile(
    rf"(?<![\w.])(?:(\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s?(?:de\s)?{_NAME}\.?,?\s(?:de\s)?{_YEAR}"
    rf"|{_NAME}\.?\s(\d{{1,2}})(?:st|nd|rd|th)?,?\s{_YEAR}"
    rf"|(\d{{1,2}})\.(\d{{1,2}})\.{_YEAR}"
    rf"|{_YEAR}-(\d\d)-(\d\d))(?!\w)",
    re.IGNORECASE,
)
#: Words that open a date line: published, or last updated.
_PUBLISHED = re.compile(
    r"(?:published|posted|veröffentlicht|publiziert|erschienen|publié|publiée|publicado|publicada|"
    r"pubblicato|gepubliceerd|publikováno|vydáno|datum|fecha|date)\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"(?:updated?|modified|aktualisiert|geändert|zuletzt|mis\s+à\s+jour|actualizado|"
    r"actualizada|aggiornato|bijgewerkt|aktualizováno)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^<>]*>")
_SKIPPED = re.compile(r"<(script|style|noscript)\b", re.IGNORECASE)
#: How much of the body's text is read: the date line is near the top of the article.
MAX_TEXT = 20_000


def read_date(text: str) -> str | None:
    """The first date written in `text`, as YYYY-MM-DD, or None."""
    for match in _DATE.finditer(text):
        found = _day(match)
        if found:
            return found
    return None


def _day(match: re.Match[str]) -> str | None:
    if match[1]:
        day, month, year = match[1], MONTHS.get(match[2].lower()), match[3]
    elif match[4]:
        day, month, year = match[5], MONTHS.get(match[4].lower()), match[6]
    elif match[7]:
        day, month, year = match[7], int(match[8]), match[9]
    else:
        return iso_date(f"{match[10]}-{match[11]}-{match[12]}")
    if month is None:
        return None
    try:
        return iso_date(date(int(year), int(month), int(day)).isoformat())
    except ValueError:
        return None


def printed_date(page: str | None, *, published_only: bool = False) -> str | None:
    """The publication day the top of the page's body prints, or None.

    Of the dates in the first `MAX_TEXT` characters of the body's text, the first after a
    "published" word wins; else (unless `published_only`) the first not after an "updated"
    word; else None (an update is no publication date, and htmldate is asked)."""
    if not page:
        return None
    start = _article_start(page)
    markup = page[start : start + 8 * MAX_TEXT]
    text = html.unescape(_TAG.sub(" ", _without_scripts(markup)))[:MAX_TEXT]
    plain: str | None = None
    for match in _DATE.finditer(text):
        found = _day(match)
        if not found:
            continue
        before = text[max(match.start() - 40, 0) : match.start()]
        if _PUBLISHED.search(before) and not _UPDATED.search(before.rsplit(",", 1)[-1]):
            return found
        if plain is None and not _UPDATED.search(before):
            plain = found
    return None if published_only else plain


def _article_start(page: str) -> int:
    """Where the article starts in the markup: its headline (`<h1>`), else `<article>`,
    else `<body>`; a site's header before it prints today's date, not the article's."""
    body = max(page.find("<body"), 0)
    for tag in ("<h1", "<article"):
        found = page.find(tag, body)
        if found >= 0:
            return found
    return body


def _without_scripts(markup: str) -> str:
    """`markup` without its scripts and styles: each is cut to its end tag, found with
    `str.find` (a lazy regex would rescan the rest of the page for every unclosed one)."""
    pieces: list[str] = []
    at = 0
    while (found := _SKIPPED.search(markup, at)) is not None:
        pieces.append(markup[at : found.start()])
        end = _end_tag(markup, found[1], found.end())
        if end < 0:
            return " ".join(pieces)
        at = end
    pieces.append(markup[at:])
    return " ".join(pieces)


def _end_tag(markup: str, name: str, start: int) -> int:
    for spelling in (f"</{name.lower()}", f"</{name.upper()}"):
        end = markup.find(spelling, start)
        if end >= 0:
            return end + len(spelling)
    return -1
