"""Make untrusted text safe to store and show: no terminal control, no bidi overrides.

`clean_text` is the one gate every loader runs its strings through. What it guarantees:
the result holds no C0 control other than newline and tab, no DEL, no C1 control, no
ESC (so no CSI, OSC — clipboard writes, window titles — or DCS sequence can reach the
terminal), no bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) and no
lone surrogate (which cannot be encoded for the terminal or a file). Whole escape
sequences are removed, not only their ESC, so their payload does not show up as text;
a sequence left unterminated ends at the end of its line, so one stray ESC cannot swallow
the rest of an article. Work is linear in the length of the text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
# DCS/SOS/PM/APC (ESC P|X|^|_ ... ST), two-character escapes, and their 8-bit forms.
# Every repeated class excludes its own terminator, so no pattern can backtrack badly.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                         # CSI
    | \x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?          # OSC, ended by BEL or ST (or the line)
    | \x1b[PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?      # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                                 # other two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                         # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\x07\x9c\x1b\n]*[\x07\x9c]?   # 8-bit DCS, SOS, OSC, PM, APC
    """,
    re.VERBOSE,
)

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# lone surrogates, and the stray ESC left after the sequences above are removed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Remove terminal control from `text`; normalise newlines and compose characters (NFC)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


@functools.cache
def _surrogate() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


def _surrogates_marked(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD. A surrogate is the one thing UTF-8 cannot
    encode, so a name that encodes (nearly every one) needs no pattern: a class of 2,048
    characters takes `re` some 2 million instructions to compile, at every start."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _surrogate().sub("\ufffd", text)
    return text


def clean_name(text: str) -> str:
    """A name from outside (a path, a file name, a URL, a feed name, a config value, an error
    sentence that quotes one) made safe to show or write on one line: a surrogate (a byte of
    a file name that is not UTF-8) becomes U+FFFD, terminal control is removed as by
    `clean_text`, and every run of whitespace (newlines, tabs) becomes one space."""
    text = _surrogates_marked(text)
    return " ".join(clean_text(text).split())


def clean_lines(text: str) -> str:
    """`clean_name` on each line of `text`, keeping its line breaks (a notification)."""
    text = _surrogates_marked(text)
    return "\n".join(" ".join(line.split()) for line in clean_text(text).split("\n"))


def has_control(text: str) -> bool:
    """True if `text` holds anything `clean_text` removes (other than a carriage return)."""
    return _CONTROL.search(text) is not None
