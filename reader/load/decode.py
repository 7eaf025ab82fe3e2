"""Bytes -> text: refuse binary input, find the charset, sniff what kind of document it is.

Order for the charset: a byte-order mark, then the charset the caller declares (HTTP header,
command line), then for HTML the `<meta charset>` / `http-equiv` declaration (labels as
browsers read them: `reader.load.charsets`), then strict UTF-8, then UTF-8 with replacement
when the bytes are nearly all UTF-8 (`nearly_utf8`), then detection with charset-normalizer
(imported only when needed).
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from typing import Literal

from reader.errors import LoadError
from reader.load.charsets import codec_for_label

DocumentKind = Literal["html", "text", "markdown"]

#: Largest input accepted, after gzip decompression.
MAX_BYTES = 64 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Binary formats people point a reader at by mistake, by their first bytes.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"),
    (b"RIFF", "a media file"),
    (b"\x7fELF", "a program"),
)

#: How far into a page its declared charset is looked for.
DECLARATION_BYTES = 8192

_HTML_START = re.compile(
    r"""\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
        <(?:!doctype\s+html|html|head|body|meta|title|link|script|style|article|main|div|p|h[1-6]|header|section)\b""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
#: A tag ends before the next "<": with `[^>]*`, a run of "<a " and no ">" rescanned the rest of
#: the text from every "<a", quadratic in its length.
_HTML_TAG = re.compile(r"</?(?:html|head|body|p|div|article|br|span|a)\b[^<>]*>", re.IGNORECASE)


def describe(source: str) -> str:
    """How a source is named in a message: a path, a URL, or standard input."""
    return "standard input" if source == "-" else source


def check_payload(data: bytes, source: str) -> bytes:
    """Refuse empty or binary input; unpack gzip. Returns the bytes to decode."""
    name = describe(source)
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
    if not data.strip():
        raise LoadError(f"{name} is empty; give a web page, a text file or a Markdown file.")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise LoadError(
                f"{name} is {what}, not an article; give a web page (.html), "
                "a text file (.txt) or a Markdown file (.md)."
            )
    if _bom_encoding(data) is None and _looks_binary(data):
        raise LoadError(
            f"{name} holds binary data, not text; give a web page (.html), "
            "a text file (.txt) or a Markdown file (.md)."
        )
    return data


def _gunzip(data: bytes, name: str) -> bytes:
    try:
        unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        out = unpacker.decompress(data, MAX_BYTES + 1)
    except (zlib.error, gzip.BadGzipFile, EOFError) as error:
        raise LoadError(
            f"{name} is a damaged gzip file ({error}); unpack it or save the page again."
        ) from None
    if len(out) > MAX_BYTES:
        raise LoadError(
            f"{name} unpacks to more than {MAX_BYTES // 2**20} MB; give a smaller file."
        )
    return out


def _looks_binary(data: bytes) -> bool:
    """More than one byte in twenty a control character that text never holds (NUL included).

    A stray NUL or two in a text (a damaged download) is not binary: the text is read and
    the NULs removed with the other controls (see `reader.sanitize`).
    """
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _ODD_CONTROLS))
    return controls * 20 > len(sample)


_ODD_CONTROLS = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13, 27))


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _normalise_label(label: str | None) -> str | None:
    """The Python codec for a declared charset label, or None if it is not a WHATWG label
    (`reader.load.charsets`): `base64` or `rot13` are codecs, not charsets."""
    return codec_for_label(label)


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares near its top: an XML declaration, `<meta charset>` or
    `<meta http-equiv>` (found by beautifulsoup's `EncodingDetector`, imported here: only
    web pages need it), as a Python codec name by the WHATWG label rules."""
    from bs4.dammit import EncodingDetector

    label = EncodingDetector.find_declared_encoding(
        data[:DECLARATION_BYTES], is_html=True, search_entire_document=True
    )
    return _normalise_label(label)


def decode(data: bytes, source: str, *, charset: str | None = None, html: bool = False) -> str:
    """Decode checked bytes to text (see the module docstring for the order)."""
    bom = _bom_encoding(data)
    if bom is not None:
        return _strip_bom(data.decode(bom, errors="replace"))
    candidates = [_normalise_label(charset)]
    if html:
        candidates.append(declared_html_charset(data))
    candidates.append("utf-8")
    for encoding in candidates:
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    nearly = nearly_utf8(data)
    if nearly is not None:
        return nearly
    detected = _detect(data)
    if detected is None:
        raise LoadError(
            f"Cannot tell the character encoding of {describe(source)}; "
            "save it again as UTF-8 and open that copy."
        )
    return detected


#: At most this share of the bytes may be invalid for bytes to count as nearly all UTF-8.
NEARLY_UTF8_INVALID_SHARE = 0.02

_INVALID_BYTE = re.compile("[\udc80-\udcff]")
_VALID_MULTIBYTE = re.compile("[^\x00-\x7f\ufffd]")


def nearly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8, each invalid byte a U+FFFD, when the bytes are nearly all UTF-8: they
    hold real multi-byte characters (which text in a single-byte charset almost never forms
    by chance) and at most `NEARLY_UTF8_INVALID_SHARE` of them are invalid, as in a UTF-8
    page with one pasted cp1252 paragraph or a few damaged bytes. Otherwise None."""
    text, invalid = _INVALID_BYTE.subn("\ufffd", data.decode("utf-8", errors="surrogateescape"))
    if invalid > len(data) * NEARLY_UTF8_INVALID_SHARE or _VALID_MULTIBYTE.search(text) is None:
        return None
    return text


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.3:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def sniff_kind(text: str) -> DocumentKind:
    """Guess what a decoded document is when its name does not say."""
    head = text[:4096]
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    for line in head.splitlines():
        if line.strip():
            return "markdown" if re.match(r"#{1,6}\s+\S|---\s*$", line) else "text"
    return "text"


def sniff_bytes(data: bytes) -> DocumentKind:
    """`sniff_kind` on the first bytes, before the charset is known."""
    return sniff_kind(data[:4096].decode("latin-1"))
