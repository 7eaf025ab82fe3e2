"""The parts of a page its metadata is read from: the `<meta>` tags, the JSON-LD article
object, canonical links and first elements, gathered in one pass over the tree."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Literal

from reader.load.values import as_list, clean, text_value

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

_GATHERED = ("meta", "script", "link", "time", "h1", "title")


def gather(tree: Any) -> dict[str, list[Any]]:
    """The elements of the tags in `_GATHERED`, by tag, in document order: one pass."""
    parts: dict[str, list[Any]] = {tag: [] for tag in _GATHERED}
    for element in tree.iter(*_GATHERED):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in parts:
            parts[tag].append(element)
    return parts


def meta_tags(metas: list[Any]) -> dict[str, str]:
    """First non-empty content of each `<meta>` name/property/itemprop, keys lowercased."""
    found: dict[str, str] = {}
    for meta in metas:
        content = clean(meta.get("content"))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def jsonld_article(scripts: list[Any]) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD, else the first object.

    An author or publisher given as a reference (`{"@id": ...}`, as Yoast's `@graph` has
    them) is replaced by the object of that id, where the page has it.
    """
    fallback: dict[str, Any] = {}
    found: dict[str, Any] = {}
    objects: list[dict[str, Any]] = []
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # nested past Python's stack: not metadata
            continue
        for item in _walk_jsonld(data):
            objects.append(item)
            types = {str(kind).lower() for kind in as_list(item.get("@type"))}
            if not found and types & _ARTICLE_TYPES:
                found = item
            if not fallback and ("headline" in item or "datePublished" in item):
                fallback = item
    article = found or fallback
    if article and any(_is_reference(article.get(key)) for key in ("author", "publisher")):
        by_id = {str(item["@id"]): item for item in objects if len(item) > 1 and "@id" in item}
        article = dict(article)
        for key in ("author", "publisher"):
            value = article.get(key)
            if _is_reference(value):
                article[key] = [_resolved(item, by_id) for item in as_list(value)]
    return article


def _is_reference(value: Any) -> bool:
    return any(isinstance(item, dict) and set(item) == {"@id"} for item in as_list(value))


def _resolved(item: Any, by_id: dict[str, Any]) -> Any:
    if isinstance(item, dict) and set(item) == {"@id"}:
        return by_id.get(str(item["@id"]), item)
    return item


#: How deep the article object is looked for in JSON-LD (lists, `@graph`, `mainEntity`);
#: real pages nest it two or three levels down, a hostile one thousands.
MAX_JSONLD_DEPTH = 16


def _walk_jsonld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_JSONLD_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_jsonld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_jsonld(data["@graph"], depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _walk_jsonld(main, depth + 1)


def canonical(links: list[Any]) -> str | None:
    for link in links:
        if (link.get("rel") or "").strip().lower() != "canonical":
            continue
        href = (link.get("href") or "").strip()
        if href.startswith(("http://", "https://")):
            return href
    return None


def absolute(link: str | None) -> str | None:
    return link if link and link.startswith(("http://", "https://")) else None


def id_of(value: Any) -> str | None:
    return clean(value.get("@id")) if isinstance(value, dict) else None


def first_element_text(elements: list[Any]) -> str | None:
    for element in elements:
        text = clean(element.text_content())
        if text:
            return text
    return None


def class_xpath(word: str) -> str:
    """Elements with `word` among their classes. `[@class]` comes first: the word test then
    runs only on elements that have a class, not on every element (half the time)."""
    return f"//*[@class][contains(concat(' ', normalize-space(@class), ' '), ' {word} ')]"


def name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return text_value(value.get("name"))
    if isinstance(value, list):
        return authors(value)
    return text_value(value)


def authors(value: Any) -> str | None:
    names = [name for name in (name_of(item) for item in as_list(value)) if name]
    names = list(dict.fromkeys(names))
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def first_of(*candidates: Callable[[], str | Literal[False] | None]) -> str | None:
    """The first non-empty answer, asking each candidate only if the ones before failed."""
    for candidate in candidates:
        value = candidate()
        if value:
            return value
    return None


def first(*values: str | None) -> str | None:
    for value in values:
        if value:
            return value
    return None
