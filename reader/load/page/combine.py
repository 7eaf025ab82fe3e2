"""Two opinions of where the article is, combined: trafilatura's blocks, confirmed by the
density scorer's.

trafilatura (fast mode) reads the page with its many hand-made rules and gives the blocks; a
readability-style scorer (`density`) reads the same page by text density and structure
(which container holds the most prose) and confirms them. The article is the run from the
first to the last confirmed block; unconfirmed blocks outside that run (headline,
standfirst, teasers, "more stories") are kept only when long enough to be prose. Short lines
of page furniture (share, subscribe, copyright) are dropped by their shape, and a fast-mode
result that is a menu or the whole page flattened is redone in full mode. Measured with
`benchmarks/extraction.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from reader.load.page.blocks import Blocks, normalise, split_paragraphs, squash_lines
from reader.load.page.density import density_blocks
from reader.load.page.edges import edge_run, link_test, restore_repeats
from reader.load.page.parse import parse_html
from reader.load.page.trafilatura_blocks import trafilatura_blocks
from reader.scripts import shape_words

if TYPE_CHECKING:
    from lxml.etree import _Element

# An unconfirmed block at the edge of the article is kept only from this many words.
EDGE_KEEP_WORDS = 15
# One or two blocks this long are the page flattened, not paragraphs.
DUMP_WORDS = 400
# A short line of page furniture, recognised anywhere in the body.
FURNITURE_RE = re.compile(
    r"^(?:comments?|\d+ comments?|up next|advertisement|advertising|related(?: articles| stories)?|"
    r"you (?:may|might) also like|read more(?::.{0,150})?|more from .{0,40}|"
    r"share(?: this)?(?: article| story)?|popular on .{0,40}|most popular(?: stories| now)?|"
    r"tell us what you think|sign up.{0,40}|sign up:.{0,150}|subscribe.{0,40}|"
    r"subscribe to .{0,80}(?:youtube|newsletter|channel|podcast).{0,80}|"
    r"click here to (?:subscribe|sign up).{0,80}|follow us.{0,40}|"
    r"(?:copyright|\(c\)|©).{0,80}|[^\s@]+@\S+\.\w+|_+|-+)$",
    re.IGNORECASE,
)
# The words a video player or a photo gallery puts on the page for its controls and dialogs
# (video.js, JW Player and the like: "This is a modal window.", "descriptions off,
# selected"; a gallery's "3 of 12", "Next", "Hide caption"): a block that is only that.
MEDIA_UI_RE = re.compile(
    r"^(?:this is a modal window\.?|(?:beginning|end) of dialog window\..{0,120}|"
    r"this modal can be closed.{0,120}|close modal dialog|modal window|"
    r"(?:descriptions|captions|subtitles|chapters|audio track)(?: off| settings)?(?:, .{0,60})?|"
    r".{1,60}, selected|no compatible source was found for this (?:media|video)\.?|"
    r"the media could not be loaded.{0,160}|video player is loading\.?|"
    r"(?:current|remaining|duration)(?: time)?:? ?-?\d+:\d\d(?: / -?\d+:\d\d)?|"
    r"(?:loaded|progress): ?\d+(?:\.\d+)?%|stream type live|seek to live.{0,60}|"
    r"(?:play|pause|mute|unmute|replay|fullscreen|non-fullscreen|picture-in-picture)"
    r"(?: video)?|(?:watch|play) (?:the )?video|skip ad|ad \d+ of \d+|"
    r"(?:text|font|background|window|caption area) (?:colou?r|size|family|edge style|"
    r"opacity|transparency).{0,160}|reset restore all settings.{0,60}|"
    r"(?:image|photo|picture|slide|item)? ?\d{1,3} ?(?:of|/) ?\d{1,3}|"
    r"(?:previous|prev|next)(?: (?:image|photo|picture|slide|item))?|expand|"
    r"enlarge(?: this)? (?:image|photo)|(?:hide|show|toggle) captions?|"
    r"(?:view|open|launch|back to|close|see) (?:the )?(?:full |photo )?gallery|"
    r"swipe (?:left|right|for|to) .{0,40}|"
    r"[^\s/\\]{1,120}\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic))$",
    re.IGNORECASE,
)
FURNITURE_MAX_CHARS = 160
# Pages longer than this (characters of HTML) are read by the density scorer alone. The
# largest page of the extraction benchmark is 1.4 MB; a saved long read of several MB is
# mostly its own text, which the scorer finds well.
DENSITY_ONLY_CHARS = 2_000_000
# Work bound for confirming blocks by substring search: characters scanned, as a multiple
# of the text compared. Real pages need a few scans; a page of thousands of unconfirmed
# blocks would otherwise cost blocks x text.
SCAN_BUDGET_FACTOR = 32


def extract_blocks(
    html: str,
    *,
    url: str | None = None,
    tree: _Element | None = None,
    second_opinion: Literal["density", "readability"] = "density",
) -> Blocks:
    """The page's main content as `(kind, text)` blocks in reading order, text cleaned.

    Kinds: heading, paragraph, caption, blockquote, list_item. Empty when no article text
    is found. Never raises on broken markup. `tree` is the page already parsed by
    `parse_html` (it is read, never changed), so a caller that parsed it need not pay twice.
    `second_opinion` is what confirms trafilatura's blocks: the density scorer, or
    readability-lxml (measured against each other by `benchmarks/extraction.py`).
    """
    if tree is None:
        try:
            tree = parse_html(html)
        except Exception:  # unparseable input has no article
            tree = None
    if tree is None:
        return []
    # A very large page: trafilatura's rules cost seconds there (its XPath pruning grows with
    # the page), so the density scorer decides alone, and trafilatura is asked only if the
    # scorer finds nothing.
    large = len(html) > DENSITY_ONLY_CHARS
    primary = [] if large else _trafilatura_opinion(tree, url)
    try:
        if second_opinion == "readability":
            from reader.load.page.readability_blocks import readability_blocks

            second = readability_blocks(html)
        else:
            second = density_blocks(html, tree)
    except Exception:
        second = []
    if large and not second:
        primary = _trafilatura_opinion(tree, url)
    linked = link_test(tree)
    blocks = combine(primary, second, linked) if primary else second
    blocks = split_paragraphs(_cleaned(blocks))
    return [(kind, text) for kind, text in blocks if text and not _is_furniture(text)]


def _cleaned(blocks: Blocks) -> Blocks:
    """The blocks as `clean_text` leaves them, whitespace squashed again (the page's line
    breaks, `\n`, kept).

    Most pages hold nothing to clean, and that is checked once over all the blocks (joined
    by newlines, which neither `clean_text` nor NFC composition carries across): then
    `clean_text` would return every block unchanged, and is not run block by block.
    """
    from reader.sanitize import clean_text, has_control

    joined = "\n".join(text for _, text in blocks)
    if "\r" in joined or has_control(joined) or not unicodedata.is_normalized("NFC", joined):
        # A carriage return is the page's source whitespace (a `<br>` is `\n` by now), not
        # a line break to keep: a space before `clean_text` turns it into `\n`.
        return [
            (kind, squash_lines(clean_text(text.replace("\r", " ")), "\n"))
            for kind, text in blocks
        ]
    return [(kind, squash_lines(text, "\n")) for kind, text in blocks]


#: The most elements trafilatura is given as they are. Its main loop is quadratic in the
#: elements of a page (10,000 `<b>` in one paragraph: 20 s; 2,000,000: hours); the
#: benchmark's largest page has some 1,600. A larger page is given to trafilatura without
#: its inline formatting (`<b>`, `<span>`, …: their text stays); one that still has more
#: than `MAX_FLAT_NODES` gets no trafilatura opinion, and the density extractor alone reads it.
MAX_TRAFILATURA_NODES = 5_000
MAX_FLAT_NODES = 20_000
INLINE_TAGS = ("b", "i", "em", "strong", "span", "font", "u", "s", "small", "sup", "sub",
               "mark", "abbr", "cite", "q", "code", "time", "big", "tt", "ins", "del")  # fmt: skip


def _bounded_for_trafilatura(tree: _Element) -> _Element | None:
    """`tree`, or a copy without inline formatting when it has too many elements for
    trafilatura, or None when even that has too many (each case noted)."""
    import copy

    from lxml import etree

    from reader.load.notes import note
    from reader.load.page.parse import parse_html

    if _at_most(tree, MAX_TRAFILATURA_NODES):
        return tree
    flat = copy.deepcopy(tree)
    etree.strip_tags(flat, *INLINE_TAGS)
    # Parsed again: libxml2 leaves the stripped elements' texts as separate text nodes, and
    # trafilatura, which joins them one by one, was as slow as before.
    reparsed = parse_html(etree.tostring(flat, encoding="unicode"))
    flat = reparsed if reparsed is not None else flat
    if _at_most(flat, MAX_FLAT_NODES):
        note(f"Page limit: more than {MAX_TRAFILATURA_NODES:,} elements, so the main-text "
             "extractor read the page without its inline formatting.")  # fmt: skip
        return flat
    note(f"Page limit: more than {MAX_FLAT_NODES:,} elements, so only the text "
         "density extractor read the page.")  # fmt: skip
    return None


def _at_most(tree: _Element, count: int) -> bool:
    """Whether `tree` has at most `count` nodes (elements, comments and processing
    instructions, as `tree.iter()` gives them), counted by XPath: no Python object is made
    for each element, which is what walking the tree costs."""
    nodes = tree.xpath("count(//* | //comment() | //processing-instruction())")
    return float(nodes) <= count


def _trafilatura_opinion(tree: _Element, url: str | None) -> Blocks:
    """trafilatura's blocks (fast mode; full mode when fast mode grabbed a menu)."""
    bounded = _bounded_for_trafilatura(tree)
    if bounded is None:
        return []
    tree = bounded
    try:
        primary = trafilatura_blocks(tree, url)
        if _looks_like_menu(primary):  # fast mode grabbed a link list: ask again in full
            primary = trafilatura_blocks(tree, url, fast=False)
    except Exception:  # a parser failure means "no opinion", not a crash
        primary = []
    return primary


def _is_furniture(text: str) -> bool:
    """A short line of page furniture or of a media player's or gallery's controls (a long
    text is never one, and is not scanned)."""
    if len(text) > FURNITURE_MAX_CHARS:
        return False
    return FURNITURE_RE.match(text) is not None or MEDIA_UI_RE.match(text) is not None


def _looks_like_menu(blocks: Blocks) -> bool:
    """Many blocks, most of them one to three words: a navigation list, not an article.
    Or the whole page flattened into one or two huge blocks (fast mode's last resort)."""
    if len(blocks) <= 2:
        return any(shape_words(text) > DUMP_WORDS for _, text in blocks)
    if len(blocks) < 20:
        return False
    lengths = sorted(shape_words(text) for _, text in blocks)
    return lengths[len(lengths) // 2] < 4


def combine(
    primary: Blocks, second: Blocks, linked: Callable[[str], bool] = lambda text: False
) -> Blocks:
    """Keep the primary opinion's blocks, trimming its unconfirmed edges.

    The article is the run of primary blocks from the first to the last one the second
    opinion also found; blocks outside that run that the second opinion did not find are
    kept only when they are long enough to be prose (a teaser, a caption line, a "more
    stories" heading are short), or when they are a how-to's list or steps next to the run
    (`edges.edge_run`; `linked` tells link text, which those are not). A paragraph the
    second opinion holds more often than the first is put back (`edges.restore_repeats`).
    """
    if not second:
        return primary
    confirmed = _confirmed(primary, second)
    if not any(confirmed):
        return primary
    first = confirmed.index(True)
    last = len(confirmed) - 1 - confirmed[::-1].index(True)
    first -= edge_run(primary, first - 1, -1, confirmed, linked)
    last += edge_run(primary, last + 1, 1, confirmed, linked)
    kept = [
        block
        for index, block in enumerate(primary)
        if confirmed[index] or first <= index <= last or shape_words(block[1]) >= EDGE_KEEP_WORDS
    ]
    return restore_repeats(kept, second)


def _confirmed(primary: Blocks, second: Blocks) -> list[bool]:
    """For each primary block: does the second opinion hold its words (as one of its blocks
    or inside one)? Exact matches are looked up; substring searches share a work budget
    proportional to the text compared, so the time stays linear in the page."""
    second_keys = [normalise(text) for _, text in second]
    exact = set(second_keys)
    second_text = " | ".join(second_keys)
    keys = [normalise(text) for _, text in primary]
    budget = SCAN_BUDGET_FACTOR * (len(second_text) + sum(len(key) for key in keys))
    confirmed = []
    for key in keys:
        if not key:
            confirmed.append(False)
        elif key in exact:
            confirmed.append(True)
        elif budget >= len(second_text):
            budget -= len(second_text)
            confirmed.append(key in second_text)
        else:
            confirmed.append(False)
    return confirmed
