"""Saved web page -> Article (`extract`): parse, combine, trafilatura_blocks, density, captions,
metadata, markup, blocks, links.

Importing this package, or one of its modules (the text loader needs `blocks.key` and
`captions.strip_credit`), does not import the page pipeline: `extract_html` and the rest are
read from `extract` on first use, so a text file's first paint does not wait for the regexes
and modules of a page it never parses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.load.page.blocks import Blocks
    from reader.load.page.extract import article_from_html, content_blocks, extract_html

__all__ = ["Blocks", "article_from_html", "content_blocks", "extract_html"]

#: Where each name of the package's face lives.
_HOMES = {
    "Blocks": "blocks",
    "article_from_html": "extract",
    "content_blocks": "extract",
    "extract_html": "extract",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
