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

import re

#: Characters of the scripts written without spaces between words: CJK ideographs (and their
#: extensions and compatibility forms), kana, Thai, Lao, Khmer, Burmese.
UNSPACED = re.compile(
    "[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d\U00020000-\U0002fa1f]"
)


def word_count(text: str) -> int:
    """Words in `text`: runs between spaces, and each character of an unspaced script."""
    if text.isascii():  # most text: the quick way
        return len(text.split())
    unspaced = len(UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return unspaced + len(UNSPACED.sub(" ", text).split())


def shape_words(text: str) -> int:
    """The length of `text` in words, as the rules that tell prose from page furniture read
    it: runs between spaces, and every two characters of an unspaced script (a Chinese word
    is one to two characters long), so a Chinese headline of 15 characters is as long as an
    English one of 8 words, and a paragraph is not one word."""
    if text.isascii():
        return len(text.split())
    unspaced = len(UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return (unspaced + 1) // 2 + len(UNSPACED.sub(" ", text).split())


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
    if text.isascii():
        return False
    return len(UNSPACED.findall(text)) > text.count(" ")
