"""Figure captions: each kept once, as a `caption` block, where its figure stood."""

from __future__ import annotations

import copy
import re
from typing import Any

from reader.load.page.blocks import Blocks
from reader.load.page.blocks import key as _key
from reader.sanitize import clean_text

_SPACE = re.compile(r"\s+")
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|attribution|source", re.IGNORECASE)
# (?<!\s): a run of spaces is tried from its first space only (from every one, a long run
# was quadratic).
_TRAILING_CREDIT = re.compile(
    r"(?<!\s)\s*(?:\((?:[^()]*\b(?:Photo|Photograph|Image|Picture|Credit|Illustration)\b[^()]*"
    r"|(?:AP|AFP|Reuters|Getty Images|EPA)[^()]*"
    r"|[A-Z][\w.'’ -]{1,40}\s/\s[A-Z][\w.'’ -]{1,40})\)"
    r"|(?<=[.!?])\s+(?:Photo(?:graph)?s?|Image|Picture|Credit|Illustration)\s*(?:by\s|:)\s*"
    r"[^.!?]{1,80}"
    r"|(?<=[.!?])\s*Credits?\s*(?:by\s|:|\.{3}|…)\s*[^.!?]{1,80}"
    r"|(?<=[.!?])\s+[A-Z][\w.'’ -]{1,40}\s/\s[A-Z][\w.'’ -]{1,40})\s*$"
)
#: A caption that is only an image's file name ("WEB18-Facebook-1160x768.jpg").
FILE_NAME_RE = re.compile(
    r"^[^\s/\\]{1,200}\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.IGNORECASE
)
# Where two elements' texts meet with no space: after the end of a sentence (or a closing
# bracket), before a letter or digit. "…this week." + "Credit…" is two words, not one.
_RUN_IN = re.compile(r"[.!?:;,)\]”’\"'…]$")


CREDIT_TAIL = 300


def strip_credit(caption: str) -> str:
    """A caption without its trailing photo credit: '(AP Photo/…)', 'Photo: …', '(A / B)'.

    Only the last `CREDIT_TAIL` characters are searched: a credit is short, and the pattern
    tried from every bracket of a long caption was quadratic."""
    head, tail = caption[:-CREDIT_TAIL], caption[-CREDIT_TAIL:]
    return (head + _TRAILING_CREDIT.sub("", tail)).strip() or caption


def spaced_text(element: Any) -> str:
    """`element.text_content()`, with a space where one element's text ends a sentence and
    the next one's starts a word with none between them (a caption and its credit)."""
    parts: list[str] = []
    for piece in element.itertext():
        if parts and piece[:1].isalnum() and _RUN_IN.search(parts[-1]):
            parts.append(" ")
        parts.append(piece)
    return "".join(parts)


def place_captions(blocks: Blocks, tree: Any, *, page: str | None = None) -> Blocks:
    """Keep each article figure caption once, as a `caption` block, where the figure stood.

    A paragraph that repeats a caption becomes the caption; a caption whose figure is not
    next to the extracted body (a teaser, a sidebar photo) is left out. `page`, the markup
    the tree came from, lets a page that never says "caption" skip the search.
    """
    if page is not None and not any(word in page for word in ("caption", "CAPTION", "Caption")):
        return blocks
    captions = _figure_captions(tree, page)
    if not captions:
        return blocks
    caption_keys = {_key(text): text for text, _ in captions}
    result: Blocks = []
    result_keys: list[str] = []  # each result block's key, worked out once
    seen: set[str] = set()
    for kind, text in blocks:
        key = _key(text)
        # The caption run into its credit in a block ("…this week.Credit…"): a block that
        # starts with a caption's words and is that caption once its credit is cut.
        if (
            key not in caption_keys
            and len(text) <= CREDIT_TAIL + 300
            and any(key.startswith(caption_key) for caption_key in caption_keys)
        ):
            uncredited = _key(strip_credit(text))
            if uncredited in caption_keys:
                key, text = uncredited, caption_keys[uncredited]
        if key in caption_keys:
            if key not in seen:
                seen.add(key)
                result.append(("caption", text))
                result_keys.append(key)
            continue
        result.append((kind, text))
        result_keys.append(key)
    for text, element in captions:
        key = _key(text)
        if key in seen:
            continue
        following = [_key(near.text_content())[:60] for near in _following_blocks(element)]
        index = _first_key_starting(result_keys, following)
        if index is not None:
            result.insert(index, ("caption", text))
            result_keys.insert(index, key)
            seen.add(key)
    return result


def _first_key_starting(block_keys: list[str], wanted_starts: list[str]) -> int | None:
    """Index of the first block whose key starts with the first non-empty wanted start
    that any block has, else None."""
    for wanted in wanted_starts:
        if not wanted:
            continue
        for index, key in enumerate(block_keys):
            if key.startswith(wanted):
                return index
    return None


_BLOCK_TAGS = ("p", "h2", "h3", "h4", "blockquote", "li")


def _following_blocks(element: Any, count: int = 3) -> list[Any]:
    """The first `count` text blocks after `element` in document order, outside figures.

    A lazy walk (next siblings, then the ancestors' next siblings) that stops as soon as
    it has them; the XPath `following::` axis would filter the whole rest of the page.
    """
    found: list[Any] = []
    node = element
    while node is not None and len(found) < count:
        for sibling in node.itersiblings():
            for candidate in sibling.iter(*_BLOCK_TAGS):
                if _is_following_block(candidate):
                    found.append(candidate)
                    if len(found) == count:
                        return found
        node = node.getparent()
    return found


def _is_following_block(element: Any) -> bool:
    if len(" ".join(element.text_content().split())) <= 3:
        return False
    return next(element.iterancestors("figure", "figcaption"), None) is None


def _figure_captions(tree: Any, page: str | None = None) -> list[tuple[str, Any]]:
    """(caption text, caption element) for every figure caption, in document order.

    `<figcaption>` elements are found by a quick walk; the slower search for elements
    whose class says "caption" runs only if the page says "caption" outside those tags.
    """
    found: list[tuple[str, Any]] = []
    tags = page.count("<figcaption") + page.count("</figcaption") if page is not None else -1
    if page is not None and page.count("caption") == tags:
        candidates = list(tree.iter("figcaption"))
    else:
        candidates = tree.xpath("//figcaption | //*[@class][contains(@class, 'caption')]")
    for caption in candidates:
        nested = next(caption.iterancestors("figcaption"), None) is not None
        if nested or next(caption.iterdescendants("figcaption"), None) is not None:
            continue
        trimmed = copy.deepcopy(caption)
        for credit in trimmed.xpath(".//*[@class]"):
            if _CREDIT_CLASS.search(credit.get("class", "")) and credit.getparent() is not None:
                credit.drop_tree()
        text = strip_credit(_SPACE.sub(" ", clean_text(spaced_text(trimmed))).strip())
        if len(text) < 15 or FILE_NAME_RE.match(text):
            continue
        found.append((text, caption))
    return found
