"""What the two opinions' combination would lose at its edges and in its repeats, put back.

`combine` keeps trafilatura's blocks from the first to the last one the density scorer
confirms, and drops the short unconfirmed blocks outside that run: teasers, "more stories"
headings, captions. Two kinds of text are short and unconfirmed but are the article:

- a how-to's parts: "What you'll need" and its list, one-line steps under a heading. They
  sit next to the article's run and are not link text, where a list of teasers is links;
- a paragraph the article says twice in a row, which trafilatura folds into one: the
  density scorer kept both, and the copy goes back where it stood.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from reader.load.page.blocks import Blocks, normalise, squash

#: The most blocks an edge run may hold (a how-to's needs and steps are a few dozen at most).
MAX_EDGE_RUN = 40


def edge_run(
    blocks: Blocks, start: int, step: int, confirmed: list[bool], linked: Callable[[str], bool]
) -> int:
    """How many blocks from `start` (going by `step`: 1 after the article's run, -1 before it)
    are one of a how-to's parts: unconfirmed, not link text, holding a list item, or (after
    the run) a heading and at least two blocks under it. A heading left at the very end of
    the run (nothing under it) is not counted."""
    run: list[int] = []
    index = start
    while 0 <= index < len(blocks) and len(run) < MAX_EDGE_RUN:
        if confirmed[index] or linked(blocks[index][1]):
            break
        run.append(index)
        index += step
    kinds = [blocks[i][0] for i in run]
    if step == 1:
        while kinds and kinds[-1] == "heading":
            kinds.pop()
        under_heading = "heading" in kinds and len(kinds) - kinds.index("heading") >= 3
        return len(kinds) if "list_item" in kinds or under_heading else 0
    # Before the run: only a list and its headings (a kicker, a byline or a date line is a
    # short paragraph there), counted from the list's first heading or item.
    while kinds and kinds[-1] != "heading" and kinds[-1] != "list_item":
        kinds.pop()
    if "list_item" not in kinds or any(kind not in ("heading", "list_item") for kind in kinds):
        return 0
    return len(kinds)


def link_test(tree: Any) -> Callable[[str], bool]:
    """A test of whether a block is link text: it starts with the words of one of `tree`'s
    anchors, and they make at least a third of it (the whole block, or a teaser's linked
    title and its blurb). Each question is one XPath search, in C: most pages ask a few,
    and reading every anchor's text would cost more."""
    from lxml import etree

    find = etree.XPath("//a[normalize-space(.) != ''][starts-with($text, normalize-space(.))]")

    def linked(text: str) -> bool:
        text = squash(text)
        if not text:
            return False
        for anchor in find(tree, text=text):
            words = squash(anchor.text_content())
            if words and text.startswith(words) and 3 * len(words) >= len(text):
                return True
        return False

    return linked


def restore_repeats(kept: Blocks, second: Blocks) -> Blocks:
    """`kept` with the copies of its paragraphs that `second` (the density opinion) holds
    more often, each put back after the block it follows in `second`."""
    if len({text for _, text in second}) == len(second):
        return kept  # nothing said twice (the common case: no words compared)
    second_keys = [normalise(text) for _, text in second]
    counts = Counter(second_keys)
    repeated = {k for k, n in counts.items() if n > 1 and k}
    if not repeated:
        return kept
    kept_keys = [normalise(text) for _, text in kept]
    missing = {k: counts[k] - n for k, n in Counter(kept_keys).items() if k in repeated}
    missing = {k: n for k, n in missing.items() if n > 0}
    if not missing:
        return kept
    result = list(kept)
    result_keys = list(kept_keys)
    kept_set = set(kept_keys)
    pointer = 0  # where in `result` the walk through `second` has got to
    for index, second_key in enumerate(second_keys):
        try:
            pointer = result_keys.index(second_key, pointer) + 1
            continue
        except ValueError:
            pass
        # Only a copy inside the article: the blocks on both sides of it are kept too (a
        # headline the density opinion also found in a teaser is not the article's repeat).
        inside = 0 < index < len(second_keys) - 1 and {
            second_keys[index - 1], second_keys[index + 1]
        } <= kept_set
        if missing.get(second_key, 0) > 0 and pointer > 0 and inside:
            original = result[result_keys.index(second_key)]
            result.insert(pointer, original)
            result_keys.insert(pointer, second_key)
            pointer += 1
            missing[second_key] -= 1
    return result
