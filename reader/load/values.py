"""Values read out of page metadata and article headers: cleaned strings, the text of a
JSON-LD value, and dates as YYYY-MM-DD. Shared by web pages, text files and Markdown."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


_TEXT_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date; None if implausible."""
    text = text_value(value)
    if not text:
        return None
    match = _ISO_DATE.search(text)
    parsed: date | None = None
    if match:
        try:
            parsed = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            parsed = None
    if parsed is None:
        candidate = re.sub(r"\s+", " ", text.strip())
        candidate = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", candidate)
        for pattern in _TEXT_DATE_FORMATS:
            try:
                parsed = datetime.strptime(candidate, pattern).date()
                break
            except ValueError:
                continue
    if parsed is None or not 1990 <= parsed.year <= date.today().year + 1:
        return None
    return parsed.isoformat()


def text_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return clean(value) if isinstance(value, str) else None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def clean(text: str | None) -> str | None:
    if not text:
        return None
    import html  # here, not on import: its entity table costs a text file's first paint 1 ms

    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    return text or None
