"""Feed bytes -> `ParsedFeed`: feedparser reads RSS 0.9x/1.0/2.0 and Atom, json reads JSON Feed.

A feed is a stranger's document, treated as a page is:

- XML that declares entities is refused before feedparser sees it. feedparser already drops
  every entity declaration whose value is not plain text (so a billion-laughs feed does not
  expand, and an external entity is not fetched), but it then reads the feed on with the
  references left as text. `defusedxml` checks any document with a DOCTYPE and the reader
  refuses it with one sentence instead; a DOCTYPE that only names a DTD (RSS 0.91's) is fine.
- Titles, links, authors and summaries go through `reader.sanitize.clean_text`; a link is
  kept only if it is http(s), resolved against the feed's address.
- At most `MAX_ITEMS` items are kept, the first in the feed's order (feeds list the newest
  first); the bytes are bounded by the fetch.

Broken XML that feedparser can still read (it marks it "bozo") is read. No Textual here.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from reader.errors import LoadError
from reader.sanitize import clean_text

#: Items kept from one feed; a feed that lists more keeps its first (newest) ones.
MAX_ITEMS = 500
#: Characters of an item's summary kept (the article itself is fetched when opened).
SUMMARY_CHARS = 600
#: Media types a feed may come as (text/html is taken for discovery).
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        "text/plain",
        "text/html",
        "application/xhtml+xml",
        "application/x-rss+xml",
        "application/octet-stream",
    }
)
JSON_TYPES = frozenset({"application/feed+json", "application/json"})

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")  # no "<" inside: linear on "<<<<..."


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, cleaned: its GUID identifies it across edits."""

    guid: str
    title: str | None
    link: str | None
    author: str | None = None
    published: str | None = None  # ISO 8601, UTC: YYYY-MM-DDTHH:MM:SSZ
    summary: str | None = None
    enclosure: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and site, its items (capped), and how many it listed."""

    title: str | None
    site: str | None
    items: list[FeedItem] = field(default_factory=list)
    listed: int = 0
    bozo: bool = False

    @property
    def capped(self) -> bool:
        return self.listed > len(self.items)


def parse_feed(data: bytes, url: str, media_type: str | None = None) -> ParsedFeed:
    """The feed in `data`, fetched from `url`; raises LoadError with one sentence."""
    stripped = data.lstrip()
    if media_type in JSON_TYPES or stripped[:1] == b"{":
        return _parse_json_feed(data, url)
    _refuse_entities(data, url)
    import feedparser

    # No base address is given: feedparser would resolve GUIDs against it (a GUID is a
    # permalink unless marked otherwise), and they must not change when a feed moves.
    # Links are resolved here, against the feed's address.
    # Its HTML sanitiser and relative-link rewriting are left off: every field is reduced
    # to plain, clean text here, and links are resolved here (a third of the parse time).
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-type": media_type or "text/xml"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries and not feed.get("title") and not parsed.get("version"):
        raise LoadError(f"{show(url)} is not a feed (RSS, Atom or JSON Feed); check the address.")
    items = [_item(entry, url) for entry in entries[:MAX_ITEMS]]
    return ParsedFeed(
        title=_text(feed.get("title")),
        site=_link(feed.get("link"), url),
        items=items,
        listed=len(entries),
        bozo=bool(parsed.get("bozo")),
    )


def _refuse_entities(data: bytes, url: str) -> None:
    if not _DOCTYPE.search(data):
        return
    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeTree

    try:
        SafeTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise LoadError(
            f"{show(url)} declares XML entities, which the reader refuses in feeds "
            "(they can expand without end or read local files); ask its site for a plain feed."
        ) from None
    except SafeTree.ParseError:
        return  # broken XML: feedparser reads what it can, with no entity expanded


def _item(entry: Any, url: str) -> FeedItem:
    link = _link(entry.get("link"), url)
    title = _text(entry.get("title"))
    published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    summary = _summary(entry.get("summary"))
    enclosure = None
    for candidate in entry.get("enclosures") or ():
        enclosure = _link(candidate.get("href"), url)
        if enclosure:
            break
    return FeedItem(
        guid=_guid(entry.get("id"), link, title, published),
        title=title,
        link=link,
        author=_text(entry.get("author")),
        published=published,
        summary=summary,
        enclosure=enclosure,
    )


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (jsonfeed.org): feedparser does not read it, `json` does."""
    try:
        document = json.loads(data.decode("utf-8", errors="replace"))
    except ValueError:
        document = None
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version")):
        raise LoadError(f"{show(url)} is not a feed (RSS, Atom or JSON Feed); check the address.")
    entries = [entry for entry in document.get("items") or () if isinstance(entry, dict)]
    items = []
    for entry in entries[:MAX_ITEMS]:
        link = _link(_string(entry.get("url")), url)
        title = _text(_string(entry.get("title")))
        published = _json_date(_string(entry.get("date_published") or entry.get("date_modified")))
        authors = entry.get("authors") or ([entry["author"]] if entry.get("author") else [])
        author = next((_text(_string(a.get("name"))) for a in authors if isinstance(a, dict)), None)
        summary = _summary(
            _string(entry.get("summary") or entry.get("content_text") or entry.get("content_html"))
        )
        attachment = next((a for a in entry.get("attachments") or () if isinstance(a, dict)), {})
        items.append(
            FeedItem(
                guid=_guid(_string(entry.get("id")), link, title, published),
                title=title,
                link=link,
                author=author,
                published=published,
                summary=summary,
                enclosure=_link(_string(attachment.get("url")), url),
            )
        )
    return ParsedFeed(
        title=_text(_string(document.get("title"))),
        site=_link(_string(document.get("home_page_url")), url),
        items=items,
        listed=len(entries),
    )


# ---------------------------------------------------------------- cleaning


def show(text: str) -> str:
    """Server- or user-supplied text made safe for a message: no control, bounded length."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _text(value: str | None, limit: int = 500) -> str | None:
    """One line of clean text (feedparser has already unescaped the markup of titles)."""
    if not value:
        return None
    text = " ".join(clean_text(_TAG.sub(" ", value)).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text or None


def _summary(value: str | None) -> str | None:
    if not value:
        return None
    return _text(html.unescape(_TAG.sub(" ", value)), SUMMARY_CHARS)


def _link(value: str | None, base: str) -> str | None:
    if not value:
        return None
    link = urljoin(base, clean_text(value).strip())
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in link):
        return None
    return link


def _guid(guid: str | None, link: str | None, title: str | None, published: str | None) -> str:
    if guid and guid.strip():
        return clean_text(guid.strip())[:1000]
    if link:
        return link
    digest = hashlib.sha1(f"{title}\n{published}".encode(), usedforsecurity=False)
    return "sha1:" + digest.hexdigest()


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))
    except (OverflowError, ValueError, TypeError):
        return None


def _json_date(value: str | None) -> str | None:
    if not value:
        return None
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
