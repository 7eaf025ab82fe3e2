"""Source -> Article: saved web pages, scraped or plain text, Markdown, standard input.

`load` reads a path (or "-" for stdin) and hands the bytes to `extract_bytes`, which URLs
and other byte sources reuse. Every failure is a `LoadError` whose message is one sentence
naming the source and what to do. Heavy libraries (trafilatura, lxml, charset-normalizer)
are imported only when a page is actually extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

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

__all__ = ["LoadError", "extract_bytes", "kind_for_name", "load"]

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


def load(source: str, *, stdin: BinaryIO | None = None) -> Article:
    """Read `source` (a file path, or "-" for standard input) and extract its article."""
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
        return extract_bytes(data, source, kind_hint=None)
    return extract_bytes(_read_file(source), source, kind_hint=kind_for_name(source))


def extract_bytes(
    data: bytes,
    source: str,
    *,
    kind_hint: str | None,
    charset: str | None = None,
    url: str | None = None,
) -> Article:
    """Bytes from anywhere as an Article; `kind_hint` is "html", "text", "markdown" or None.

    With no hint (stdin, an unknown suffix) the content decides. `charset` is a declared
    charset (an HTTP header, a command-line option); `url` is where the page came from.
    """
    data = check_payload(data, source)
    kind = kind_hint if kind_hint in ("html", "text", "markdown") else None
    if kind is None:
        kind = sniff_bytes(data)
    if kind == "html":
        from reader.load.html import article_from_html

        page = decode(data, source, charset=charset, html=True)
        return article_from_html(page, source, url=url)
    text = decode(data, source, charset=charset)
    if kind_hint is None and sniff_kind(text) == "html":
        from reader.load.html import article_from_html

        return article_from_html(text, source, url=url)
    if kind == "markdown":
        from reader.load.markdown import extract_markdown

        return extract_markdown(text, source)
    from reader.load.text import extract_text

    return extract_text(text, source)


def _read_file(source: str) -> bytes:
    path = Path(source).expanduser()
    try:
        if path.is_dir():
            raise LoadError(
                f"{source} is a folder, not a file; give the path of an article file inside it."
            )
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
        raise LoadError(
            f"{source} is a folder, not a file; give the path of an article file inside it."
        ) from None
    except OSError as error:
        raise LoadError(
            f"{source} cannot be read ({error.strerror or error}); check the path and try again."
        ) from None


def _too_large(source: str) -> LoadError:
    return LoadError(
        f"{describe(source)} is larger than {MAX_BYTES // 2**20} MB; give a single article."
    )
