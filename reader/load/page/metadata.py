"""Title, byline, site, date and URL of a web page.

Sources in order of trust: JSON-LD (schema.org Article types), OpenGraph / Twitter / Dublin
Core and other `<meta>` tags, microdata, `<time datetime>`, visible byline elements and
"By …" lines, the date in the URL, then `<h1>` / `<title>`. A byline, date or title still
missing comes from trafilatura's own finders, which are slow, so they run only then.
Titles lose their site-name suffix ("Title | Site").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from reader.load.page.byline_lines import printed_byline
from reader.load.page.bylines import people
from reader.load.page.markup import (
    absolute,
    authors,
    canonical,
    class_xpath,
    first,
    first_element_text,
    first_of,
    gather,
    id_of,
    jsonld_article,
    meta_tags,
    name_of,
)
from reader.load.page.published import local_day, microdata_date, time_element_date, url_date
from reader.load.page.site import choose_site
from reader.load.page.titles import (
    MAX_H1,
    choose_title,
    heading_text,
    pipe_suffix,
    strip_site_suffix,
)
from reader.load.values import as_list, clean, iso_date, text_value

_BY_PREFIX = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)


@dataclass(slots=True)
class PageMetadata:
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    url: str | None = None
    #: The page credits an author that is no person (an agency, the site, a desk): the slow
    #: finder would find the same credit, so it is not asked.
    credited: bool = False
    #: `published` is the last update's day (the page gives no other): a date the article
    #: prints as its publication's is better.
    updated: bool = False


def read_metadata(
    tree: Any, *, url: str | None = None, page: str | None = None, fill: bool = True
) -> PageMetadata:
    """Metadata of a parsed page (`lxml.html` tree), cheapest sources first.

    Each field stops at the first source that answers (the candidates are tried lazily,
    so a page with JSON-LD never pays for an XPath over its body). trafilatura's own
    byline and date finders are slow (a copy of the tree, a search of the whole text), so
    they run only for a field every cheap source left empty.

    The elements most sources read (meta, script, link, time, h1, title) are gathered in
    one pass over the tree; `page`, the markup the tree was parsed from, lets the lookups
    by attribute skip pages that never mention the attribute. With `fill=False` the slow
    finders are left to the caller (`fill_missing`), who may let them change the tree.
    """
    parts = gather(tree)

    seen: dict[str, bool] = {}  # each word looked for once: a scan of a 60 MB page is 0.1 s

    def mentions(*words: str) -> bool:
        if page is None:
            return True
        for word in words:
            if word not in seen:
                seen[word] = word in page
            if seen[word]:
                return True
        return False

    jsonld = jsonld_article(parts["script"])
    metas = meta_tags(parts["meta"])
    page_url = first(
        canonical(parts["link"]),
        metas.get("og:url"),
        absolute(text_value(jsonld.get("url"))),
        absolute(text_value(jsonld.get("mainEntityOfPage"))),
        absolute(id_of(jsonld.get("mainEntityOfPage"))),
        url,
    )
    page_title = first_element_text(parts["title"])
    site = choose_site(
        [
            ("og", metas.get("og:site_name")),
            ("publisher", name_of(jsonld.get("publisher"))),
            ("application", metas.get("application-name")),
            ("android", metas.get("al:android:app_name")),
            ("apple", metas.get("apple-mobile-web-app-title")),
        ],
        page_title,
        metas.get("twitter:site"),
        page_url or url,
    )
    h1s = [text for text in (heading_text(h1) for h1 in parts["h1"][:MAX_H1]) if text]
    raw_title = choose_title(
        [
            text_value(jsonld.get("headline")),
            metas.get("og:title"),
            metas.get("twitter:title"),
            metas.get("dc.title"),
            metas.get("title"),
        ],
        page_title,
        h1s,
        site,
    )

    credits: list[str] = []

    def person(byline: str | None | Literal[False], one_word: bool = False) -> str | None:
        if byline:
            credits.append(byline)
        return people(byline or None, site=site, url=page_url or url, one_word=one_word)

    jsonld_authors = _persons(jsonld.get("author"))
    if len(jsonld_authors) < len(as_list(jsonld.get("author"))):
        credits.append("an organisation")  # the JSON-LD credits one as the author
    byline = first_of(
        lambda: person(authors(jsonld_authors), one_word=_all_people(jsonld_authors)),
        lambda: person(_person_meta(metas)),
        lambda: (
            mentions("itemprop")
            and person(_byline_text(tree, f"{_ITEMPROP_AUTHOR}//*[@itemprop='name']"))
        ),
        lambda: mentions("itemprop") and person(_byline_text(tree, _ITEMPROP_AUTHOR)),
        lambda: mentions("author") and person(_byline_text(tree, "//*[@rel='author']")),
        lambda: mentions("byline") and person(_byline_text(tree, class_xpath("byline"))),
        lambda: not credits and mentions("By ", "by ", "BY ") and person(_visible_byline(tree)),
        lambda: not credits and person(printed_byline(page)),
    )
    stamps = [text_value(jsonld.get("datePublished")), *(metas.get(name) for name in _DATE_METAS)]
    timestamp = next((stamp for stamp in stamps if iso_date(stamp)), None)
    published = iso_date(timestamp) or first_of(
        lambda: mentions("datePublished") and microdata_date(tree),
        lambda: time_element_date(parts["time"]),
        lambda: iso_date(jsonld.get("dateCreated")),
    )
    modified = [
        text_value(jsonld.get("dateModified")),
        metas.get("article:modified_time"),
        metas.get("og:updated_time"),
    ]
    if timestamp:
        evidence = [url_date(page_url), url_date(url), *stamps, *modified]
        published = local_day(timestamp, published, evidence, tree, parts["time"])
    published = published or url_date(page_url) or url_date(url)
    updated = None if published else first(*(iso_date(value) for value in modified))
    result = PageMetadata(
        title=raw_title,
        byline=byline,
        site=site,
        published=published or updated,
        url=page_url,
        credited=bool(credits),
        updated=bool(updated),
    )
    _tidy_title(result)
    if fill:
        fill_missing(result, tree, size=None if page is None else len(page), page=page)
    return result


#: `itemprop="author"`, also among other properties (`itemprop="author creator"`); the word
#: test runs only on elements that have an `itemprop` (see `markup.class_xpath`).
_ITEMPROP_AUTHOR = (
    "//*[@itemprop][contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
)


def _tidy_title(result: PageMetadata) -> None:
    if result.title:
        if result.site is None:
            result.site = pipe_suffix(result.title)
        result.title = strip_site_suffix(result.title, result.site)


def _all_people(items: list[Any]) -> bool:
    """Every author is a JSON-LD `Person`: a one-word name is then a name."""
    return bool(items) and all(
        isinstance(item, dict)
        and any(str(kind).lower() == "person" for kind in as_list(item.get("@type")))
        for item in items
    )


def _persons(value: Any) -> list[Any]:
    """JSON-LD authors without the organisations (a site credits itself as the author)."""
    return [
        item
        for item in as_list(value)
        if not (
            isinstance(item, dict)
            and any("organization" in str(kind).lower() for kind in as_list(item.get("@type")))
        )
    ]


_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "date",
)
#: trafilatura's and htmldate's searches of the whole page for a missing title, byline or
#: date (their last resort, after every cheap source above) copy the tree and run some
#: twenty regexes over the serialised page: 17 s for a page with a 40 MB attribute, 50 s
#: for 62 MB of text, 5 s for 100,000 paragraphs. Past this many characters of markup (the
#: largest of the 151 benchmark pages has 1.4 million) they are skipped, and that is noted.
MAX_SLOW_SEARCH_CHARS = 4_000_000


def fill_missing(
    result: PageMetadata,
    tree: Any,
    *,
    size: int | None = None,
    date_search: bool = True,
    page: str | None = None,
) -> None:
    """trafilatura's slower finders, only for the fields the cheap sources left empty;
    `size` is the length of the page's markup (they are skipped past
    `MAX_SLOW_SEARCH_CHARS`). Without `date_search` the date is not searched for
    (`dates.search_date`): the caller prints none. With `page`, the markup, the date the
    article prints (`printed_dates`) is read before htmldate searches.
    """
    if (not result.published or result.updated) and date_search and page is not None:
        from reader.load.page.printed_dates import printed_date

        result.published = printed_date(page, published_only=result.updated) or result.published
    missing = [name for name in ("title", "byline", "date") if not getattr(
        result, "published" if name == "date" else name)]  # fmt: skip
    if not date_search and "date" in missing:
        missing.remove("date")
    if missing and size is not None and size > MAX_SLOW_SEARCH_CHARS:
        from reader.load.notes import note

        note(f"Page limit: more than {MAX_SLOW_SEARCH_CHARS // 1_000_000} million characters, "
             f"so the {' and '.join(missing)} {'was' if len(missing) == 1 else 'were'} looked "
             "for in the page's metadata only, "
             "not in its text.")  # fmt: skip
        return
    try:
        if not result.title:
            from trafilatura.metadata import extract_title

            result.title = clean(extract_title(tree))
            _tidy_title(result)
        if not result.published and date_search:
            from reader.load.page.dates import search_date

            result.published = search_date(tree, result.url)
        if not result.byline and not result.credited:
            from trafilatura.metadata import extract_author

            found = _plausible_name(_clean_byline(extract_author(tree)))
            result.byline = people(found, site=result.site, url=result.url)
    except Exception:  # a third-party heuristic must never sink a load
        return


def _plausible_name(byline: str | None) -> str | None:
    """trafilatura's author finder also returns handles ("admin") and trailing labels."""
    if not byline:
        return None
    byline = re.sub(r"\s+(?:Published|Updated|Posted)\b.*$", "", byline).strip()
    if len(byline.split()) < 2 or re.search(r"\d|@|https?:", byline):
        return None
    return byline


# ---------------------------------------------------------------- byline


def _clean_byline(byline: str | None) -> str | None:
    byline = clean(byline)
    if not byline or byline.startswith(("http://", "https://")):
        return None
    byline = _BY_PREFIX.sub("", byline).strip(" ,;|")
    if not byline or len(byline) > 120:
        return None
    return byline


_VISIBLE_BY = re.compile(
    r"^By\s+([A-Z][\w'’.-]+"
    r"(?:\s+(?:(?:[A-Z][\w'’.-]*|van|von|de|der|da|di|la|le|bin|al|and)(?![\w'’.-])|&)){0,8})"
)
_BYLINE_CANDIDATES = (
    "//*[self::p or self::span or self::div or self::address or self::li or self::a "
    "or self::strong or self::em]"
    "[starts-with(normalize-space(.), 'By ') or starts-with(normalize-space(.), 'by ')]"
    "[string-length(normalize-space(.)) < 80]"
)


def _byline_text(tree: Any, query: str) -> str | None:
    for element in tree.xpath(query):
        text = clean(element.text_content())
        found = _name_after_by(text) or _clean_byline(text)
        if found and len(found.split()) <= 12:
            return found
    return None


def _visible_byline(tree: Any) -> str | None:
    """A short visible line "By Jane Doe" (and "By Jane Doe and John Roe, Reuters")."""
    for element in tree.xpath(_BYLINE_CANDIDATES):
        found = _name_after_by(clean(element.text_content()))
        if found:
            return found
    return None


def _name_after_by(text: str | None) -> str | None:
    """'By Jane Doe, Reuters | Nov. 19' -> 'Jane Doe'; None unless the text starts with By."""
    if not text or text[:3].lower() != "by ":
        return None
    match = _VISIBLE_BY.match("By " + text[3:])
    if not match:
        return None
    words = match[1].split()
    for index, word in enumerate(words):
        if _NOT_A_NAME.match(word):
            words = words[:index]
            break
    while words and words[-1].lower() in ("and", "&", ",", "van", "von", "de", "da", "di"):
        words.pop()
    return " ".join(words) or None


_NOT_A_NAME = re.compile(
    r"^(?:Updated|Published|Posted|Staff|Reporter|Correspondent|Editor|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|"
    r"June|July|August|September|October|November|December)\b\.?$"
)


def _person_meta(metas: dict[str, str]) -> str | None:
    keys = ("author", "byl", "dc.creator", "article:author", "parsely-author", "sailthru.author")
    for key in keys:
        value = metas.get(key)
        if value and not value.startswith(("http://", "https://")):
            return value
    return None
