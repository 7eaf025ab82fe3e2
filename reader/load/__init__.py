"""Source -> Article: saved web pages, scraped or plain text, Markdown, standard input, URLs.

`load` reads a path ("-" for stdin; an http(s) address goes to `load_url`, which has `fetch`
get the page) and hands the bytes to `extract_bytes`, which URLs and other byte sources
reuse. Every failure is a `LoadError` whose message is one sentence naming the source and
what to do. Heavy libraries (trafilatura, lxml, charset-normalizer, httpx) are imported
only when they are needed.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Unpack

from reader.errors import LoadError
from reader.load.decode import (
    MAX_BYTES,
    DocumentKind,
    check_payload,
    decode,
    describe,
    sniff_bytes,
    sniff_kind,
)
from reader.model import Article

if TYPE_CHECKING:
    from reader.load.fetch import FetchLimits

__all__ = ["LoadError", "article_files", "extract_bytes", "kind_for_name", "load", "load_url"]

_SUFFIX_KINDS: dict[str, DocumentKind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}


def kind_for_name(name: str) -> DocumentKind | None:
    """The document kind a file name promises (`.html.gz` counts as `.html`), else None."""
    suffixes = [suffix.lower() for suffix in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None


def load(
    source: str,
    *,
    stdin: BinaryIO | None = None,
    detect_language: bool = True,
    date_search: bool = True,
) -> Article:
    """Read `source` (a file path, "-" for standard input, or a URL) and extract its article.

    With `detect_language` the article's `lang` is detected (`reader.load.language`; its
    model takes some half a second to read, once); without, it is left for the analysis.
    Without `date_search`, a web page's date is read only from its metadata, never searched
    for in its text (for output that prints no date).
    """
    article = _load(source, stdin, date_search)
    if detect_language:
        from reader.load.language import with_language

        article = with_language(article)
    return article


def _load(source: str, stdin: BinaryIO | None, date_search: bool) -> Article:
    if "://" in source:
        from reader.load.fetch import is_url

        if is_url(source):
            return load_url(source, detect_language=False, date_search=date_search)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(MAX_BYTES + 1)
        except OSError as error:
            raise LoadError(
                f"Cannot read standard input ({error.strerror or error}); "
                "pipe an article into the reader or give a file path."
            ) from None
        if len(data) > MAX_BYTES:
            raise _too_large(source)
        return extract_bytes(data, source, kind_hint=None, date_search=date_search)
    return extract_bytes(
        _read_file(source), source, kind_hint=kind_for_name(source), date_search=date_search
    )


def load_url(
    url: str,
    *,
    detect_language: bool = True,
    date_search: bool = True,
    **limits: Unpack[FetchLimits],
) -> Article:
    """Fetch `url` and extract its article; `Article.url` is the address after redirects.

    `limits` override the fetch's bounds (`reader.load.fetch.FetchLimits`);
    `detect_language` and `date_search` as for `load`.
    """
    from reader.load.fetch import fetch

    page = fetch(url, **limits)
    article = extract_bytes(
        page.data,
        url,
        kind_hint=page.kind,
        charset=page.charset,
        url=page.url,
        date_search=date_search,
    )
    article = dataclasses.replace(article, url=page.url)
    if detect_language:
        from reader.load.language import with_language

        article = with_language(article)
    return article


def extract_bytes(
    data: bytes,
    source: str,
    *,
    kind_hint: str | None,
    charset: str | None = None,
    url: str | None = None,
    date_search: bool = True,
) -> Article:
    """Bytes from anywhere as an Article; `kind_hint` is "html", "text", "markdown" or None.

    With no hint (stdin, an unknown suffix) the content decides. `charset` is a declared
    charset (an HTTP header, a command-line option); `url` is where the page came from;
    `date_search` as for `load`.
    """
    from reader.load.notes import collecting

    with collecting() as notes:
        article = _extract_bytes(
            data, source, kind_hint=kind_hint, charset=charset, url=url, date_search=date_search
        )
    return dataclasses.replace(article, limits=tuple(notes)) if notes else article


def _extract_bytes(
    data: bytes,
    source: str,
    *,
    kind_hint: str | None,
    charset: str | None,
    url: str | None,
    date_search: bool,
) -> Article:
    data = check_payload(data, source)
    kind = kind_hint if kind_hint in ("html", "text", "markdown") else None
    if kind is None:
        kind = sniff_bytes(data)
    if kind == "html":
        from reader.load.page.extract import article_from_html

        page = decode(data, source, charset=charset, html=True)
        return article_from_html(page, source, url=url, date_search=date_search)
    text = decode(data, source, charset=charset)
    if kind_hint is None and sniff_kind(text) == "html":
        from reader.load.page.extract import article_from_html

        return article_from_html(text, source, url=url, date_search=date_search)
    if kind == "markdown":
        from reader.load.markdown import extract_markdown

        return extract_markdown(text, source)
    from reader.load.text import extract_text

    return extract_text(text, source)


def _read_file(source: str) -> bytes:
    path = Path(source).expanduser()
    try:
        if path.is_dir():
            raise _folder_error(source)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(source)
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(f"{source} does not exist; check the path and try again.") from None
    except PermissionError:
        raise LoadError(
            f"{source} cannot be read (permission denied); check the file's permissions."
        ) from None
    except IsADirectoryError:
        raise _folder_error(source) from None
    except OSError as error:
        raise LoadError(
            f"{source} cannot be read ({error.strerror or error}); check the path and try again."
        ) from None


def _too_large(source: str) -> LoadError:
    return LoadError(
        f"{describe(source)} is larger than {MAX_BYTES // 2**20} MB; give a single article."
    )


def _folder_error(source: str) -> LoadError:
    return LoadError(
        f"{source} is a folder; open one of its articles, or run reader extract on it."
    )


def article_files(folder: str) -> list[str]:
    """The article files directly inside `folder`, sorted by name.

    Article files are those whose suffix names a kind (.html, .htm, .txt, .md, ...) and
    whose content reads as an article (`article_like.reads_as_article`: not a README made of
    headings, tables and code, not a licence).
    Not recursive: a folder of articles is read as it is, and a folder holding other
    folders (a home directory, a website mirror) is not walked. Hidden files are skipped.
    """
    path = Path(folder).expanduser()
    try:
        entries = sorted(path.iterdir(), key=lambda entry: entry.name)
    except PermissionError:
        raise LoadError(
            f"{folder} cannot be listed (permission denied); check the folder's permissions."
        ) from None
    except OSError as error:
        raise LoadError(
            f"{folder} cannot be listed ({error.strerror or error}); check the path."
        ) from None
    from reader.load.article_like import reads_as_article

    found = [
        str(entry)
        for entry in entries
        if not entry.name.startswith(".")
        and (kind := kind_for_name(entry.name))
        and not entry.is_dir()
        and reads_as_article(entry, kind)
    ]
    if not found:
        raise LoadError(
            f"{folder} holds no article files (.html, .htm, .txt, .md); "
            "give a folder of articles or a file."
        )
    return found
