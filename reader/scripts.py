"""Words in scripts that put no spaces between them.

Chinese and Japanese (and Thai, Lao, Khmer, Burmese) write words without spaces between
them, so counting words by spaces makes a whole paragraph one word: the page-furniture rules
would take it for a menu item, and the reading time would be a minute for any article. Here
each character of those scripts counts as one word, as word processors count them (and as
readers read them: some 250 to 350 Chinese or Japanese characters a minute, near the 230
English words a minute the reading time assumes). Korean, Arabic and Hebrew put spaces between
words and are counted by them.
"""

from __future__ import annotations

import functools
import re

#: Characters of the scripts written without spaces between words: CJK ideographs (and their
#: extensions and compatibility forms), kana, Thai, Lao, Khmer, Burmese.
_UNSPACED_CLASS = (
    "[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d\U00020000-\U0002fa1f]"
)

@functools.cache
def _maybe_unspaced() -> re.Pattern[str]:
    """A character that may be one of those: any from Thai on, but general punctuation and
    currency signs (curly quotes, dashes, bullets, the euro). Quicker to compile than the
    class above, whose ranges `re` walks one character at a time (some 1.5 ms), yet still
    some 6 million instructions: compiled for the first text beyond Windows-1252."""
    return re.compile("[^\x00-\u0dff\u2000-\u206f\u20a0-\u20cf]")


@functools.cache
def _unspaced() -> re.Pattern[str]:
    """`_UNSPACED_CLASS`, compiled the first time a text may need it."""
    return re.compile(_UNSPACED_CLASS)


def _western(text: str) -> bool:
    """Whether `text` is all in Windows-1252 (Latin-1 with curly quotes, dashes and the euro):
    English and most western European text, which has none of the unspaced scripts, told in
    one pass of C."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _unspaced_in(text: str) -> re.Pattern[str] | None:
    """The pattern of unspaced characters if `text` may hold one, else None (most text: ASCII,
    or European scripts with punctuation)."""
    if text.isascii() or _western(text) or _maybe_unspaced().search(text) is None:
        return None
    return _unspaced()


def word_count(text: str) -> int:
    """Words in `text`: runs between spaces, and each character of an unspaced script."""
    pattern = _unspaced_in(text)
    unspaced = len(pattern.findall(text)) if pattern is not None else 0
    if pattern is None or not unspaced:
        return len(text.split())
    return unspaced + len(pattern.sub(" ", text).split())


def shape_words(text: str) -> int:
    """The length of `text` in words, as the rules that tell prose from page furniture read
    it: runs between spaces, and every two characters of an unspaced script (a Chinese word
    is one to two characters long), so a Chinese headline of 15 characters is as long as an
    English one of 8 words, and a paragraph is not one word."""
    pattern = _unspaced_in(text)
    unspaced = len(pattern.findall(text)) if pattern is not None else 0
    if pattern is None or not unspaced:
        return len(text.split())
    return (unspaced + 1) // 2 + len(pattern.sub(" ", text).split())


def has_prose_letters(text: str) -> bool:
    """Whether `text` holds a letter that is not a capital: a lowercase one, or one of a
    script without case (Chinese, Arabic, Hebrew). Headlines in capitals, numbers and
    symbols have none."""
    return any(ch.isalpha() and not ch.isupper() for ch in text)


def starts_like_a_name(text: str) -> bool:
    """Starts with a capital, or with a letter of a script without case."""
    first = text[:1]
    return first.isalpha() and not first.islower()


def is_unspaced(text: str) -> bool:
    """Whether `text` is mostly in a script without spaces (more such characters than
    spaces): then its shape is read in characters, not words."""
    pattern = _unspaced_in(text)
    return pattern is not None and len(pattern.findall(text)) > text.count(" ")
