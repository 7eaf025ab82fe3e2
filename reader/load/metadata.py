"""Title, byline, site, date and URL of a web page.

Sources in order of trust: JSON-LD (schema.org Article types), OpenGraph / Twitter / Dublin
Core and other `<meta>` tags, microdata, `<time datetime>`, visible byline elements, then
`<title>` / `<h1>`. Whatever is still missing comes from trafilatura's own metadata reader.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
}
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ")
_BY_PREFIX = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)
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


@dataclass(slots=True)
class PageMetadata:
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    url: str | None = None


def read_metadata(tree: Any, *, url: str | None = None) -> PageMetadata:
    """Metadata of a parsed page (`lxml.html` tree)."""
    jsonld = _jsonld_article(tree)
    metas = _meta_tags(tree)

    site = _first(
        metas.get("og:site_name"),
        _name_of(jsonld.get("publisher")),
        metas.get("application-name"),
        metas.get("al:android:app_name"),
    )
    raw_title = _first(
        _text_value(jsonld.get("headline")),
        metas.get("og:title"),
        metas.get("twitter:title"),
        metas.get("dc.title"),
        metas.get("title"),
        _first_text(tree, "//h1"),
        _first_text(tree, "//title"),
    )
    byline = _first(
        _authors(jsonld.get("author")),
        _person_meta(metas),
        _first_text(tree, "//*[@itemprop='author']//*[@itemprop='name']"),
        _first_text(tree, "//*[@itemprop='author']"),
        _first_text(tree, "//*[@rel='author']"),
        _first_text(tree, _class_xpath("byline")),
    )
    published = _first(
        iso_date(jsonld.get("datePublished")),
        iso_date(metas.get("article:published_time")),
        iso_date(metas.get("og:published_time")),
        iso_date(metas.get("datepublished")),
        iso_date(metas.get("pubdate")),
        iso_date(metas.get("publishdate")),
        iso_date(metas.get("publish-date")),
        iso_date(metas.get("parsely-pub-date")),
        iso_date(metas.get("sailthru.date")),
        iso_date(metas.get("dc.date.issued")),
        iso_date(metas.get("dc.date")),
        iso_date(metas.get("date")),
        _time_element_date(tree),
        iso_date(jsonld.get("dateCreated")),
    )
    page_url = _first(
        _canonical(tree),
        metas.get("og:url"),
        _absolute(_text_value(jsonld.get("url"))),
        _absolute(_text_value(jsonld.get("mainEntityOfPage"))),
        _absolute(_id_of(jsonld.get("mainEntityOfPage"))),
        url,
    )
    result = PageMetadata(
        title=raw_title, byline=_clean_byline(byline), site=site, published=published,
        url=page_url,
    )
    if not (result.title and result.byline and result.site and result.published):
        _fill_from_trafilatura(result, tree, url)
    if result.title:
        if result.site is None:
            result.site = _pipe_suffix(result.title)
        result.title = strip_site_suffix(result.title, result.site)
    return result


def _fill_from_trafilatura(result: PageMetadata, tree: Any, url: str | None) -> None:
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(tree, default_url=url)
    except Exception:  # noqa: BLE001 - a third-party heuristic must never sink a load
        return
    result.title = result.title or _clean(found.title)
    result.byline = result.byline or _clean_byline(found.author)
    result.site = result.site or _clean(found.sitename)
    result.published = result.published or iso_date(found.date)
    result.url = result.url or _clean(found.url)


# ---------------------------------------------------------------- title


def strip_site_suffix(title: str, site: str | None) -> str:
    """'Title | Site' -> 'Title'; also 'Site | Title' and, with a known site, 'Title - Site'."""
    title = _clean(title) or title
    site_key = _key(site) if site else ""
    for separator in _TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        first, _, rest = title.partition(separator)
        if site_key and _same_site(tail, site_key):
            return head.strip()
        if site_key and _same_site(first, site_key):
            return rest.strip()
        # Without a known site name, only a pipe-like separator with a short tail is a suffix.
        if separator in (" | ", " :: ", " » ") and len(tail.split()) <= 4 and len(head) >= 15:
            return head.strip()
    return title


def _pipe_suffix(title: str) -> str | None:
    """'Title | Site' -> 'Site' when the tail is short enough to be a name."""
    head, separator, tail = title.rpartition(" | ")
    if separator and len(head) >= 15 and 1 <= len(tail.split()) <= 4:
        return tail.strip()
    return None


def _same_site(part: str, site_key: str) -> bool:
    part_key = _key(part)
    return bool(part_key) and (
        part_key == site_key or part_key in site_key or site_key in part_key
    )


def _key(text: str | None) -> str:
    text = re.sub(r"^(?:www\.)|\.(?:com|org|net|co\.uk|co|news)$", "", (text or "").lower())
    return re.sub(r"[^a-z0-9]", "", text)


# ---------------------------------------------------------------- byline


def _clean_byline(byline: str | None) -> str | None:
    byline = _clean(byline)
    if not byline or byline.startswith(("http://", "https://")):
        return None
    byline = _BY_PREFIX.sub("", byline).strip(" ,;|")
    if not byline or len(byline) > 120:
        return None
    return byline


def _authors(value: Any) -> str | None:
    names = [name for name in (_name_of(item) for item in _as_list(value)) if name]
    names = list(dict.fromkeys(names))
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _person_meta(metas: dict[str, str]) -> str | None:
    keys = ("author", "byl", "dc.creator", "article:author", "parsely-author", "sailthru.author")
    for key in keys:
        value = metas.get(key)
        if value and not value.startswith(("http://", "https://")):
            return value
    return None


# ---------------------------------------------------------------- dates


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date; None if implausible."""
    text = _text_value(value)
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


def _time_element_date(tree: Any) -> str | None:
    queries = (
        "//*[@itemprop='datePublished']/@content",
        "//*[@itemprop='datePublished']/@datetime",
        "//time[@pubdate]/@datetime",
        "//article//time/@datetime",
        "//time/@datetime",
    )
    for query in queries:
        for value in tree.xpath(query):
            found = iso_date(str(value))
            if found:
                return found
    return None


# ---------------------------------------------------------------- page parts


def _meta_tags(tree: Any) -> dict[str, str]:
    """First non-empty content of each `<meta>` name/property/itemprop, keys lowercased."""
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def _jsonld_article(tree: Any) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD, else the first object."""
    fallback: dict[str, Any] = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for item in _walk_jsonld(data):
            types = {str(kind).lower() for kind in _as_list(item.get("@type"))}
            if types & _ARTICLE_TYPES:
                return item
            if not fallback and ("headline" in item or "datePublished" in item):
                fallback = item
    return fallback


def _walk_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_jsonld(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_jsonld(data["@graph"])
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _walk_jsonld(main)


def _canonical(tree: Any) -> str | None:
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        href = str(href).strip()
        if href.startswith(("http://", "https://")):
            return href
    return None


def _absolute(link: str | None) -> str | None:
    return link if link and link.startswith(("http://", "https://")) else None


def _id_of(value: Any) -> str | None:
    return _clean(value.get("@id")) if isinstance(value, dict) else None


def _first_text(tree: Any, query: str) -> str | None:
    for element in tree.xpath(query):
        text = _clean(element.text_content())
        if text:
            return text
    return None


def _class_xpath(word: str) -> str:
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {word} ')]"


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text_value(value.get("name"))
    if isinstance(value, list):
        return _authors(value)
    return _text_value(value)


def _text_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return _clean(value) if isinstance(value, str) else None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    return text or None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value:
            return value
    return None
