"""Charset labels as browsers read them: only WHATWG labels count, from a page's `<meta>`
and from an HTTP `Content-Type` (a real server on 127.0.0.1) alike; Latin-1 labels mean
windows-1252; bytes that are nearly all UTF-8 are read as UTF-8."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import pytest

from reader.load import extract_bytes, load_url
from reader.load.decode import decode

#: Python codecs that are not text encodings, and a codec browsers do not know.
NOT_CHARSETS = [
    "base64", "hex", "rot13", "punycode", "undefined", "zlib", "bz2", "uu",
    "idna", "unicode_escape", "raw_unicode_escape", "utf-7", "mbcs", "x-nonsense",
]  # fmt: skip
BODY = (
    "The caf\u00e9 owners said the \u201cfirst customers\u201d came back before the chairs "
    "were set out on the pavement, and the mayor\u2019s office agreed."
)


def page(charset: str, body: str = BODY) -> str:
    return (
        f"<html><head><meta charset='{charset}'><title>Old quarter</title></head><body>"
        f"<article><p>{body}</p><p>{body}</p></article></body></html>"
    )


@pytest.mark.parametrize("label", NOT_CHARSETS)
def test_a_meta_label_that_is_no_charset_is_ignored(label: str) -> None:
    article = extract_bytes(page(label).encode("utf-8"), "page.html", kind_hint="html")
    assert BODY in article.text


@pytest.mark.parametrize("label", ["latin_1", "iso_8859-1", "ISO-8859-1", "latin1", "l1",
                                   "us-ascii", "iso8859_1", " Latin-1 "])  # fmt: skip
def test_every_latin1_label_means_windows_1252(label: str) -> None:
    data = page(label).encode("cp1252")
    article = extract_bytes(data, "page.html", kind_hint="html")
    assert BODY in article.text  # the curly quotes survive
    assert decode(BODY.encode("cp1252"), "x.txt", charset=label) == BODY


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        label = unquote(self.path.lstrip("/"))
        data = page("utf-8").replace("<meta charset='utf-8'>", "").encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", f"text/html; charset={label}")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("label", ["base64", "hex", "rot13", "punycode", "undefined"])
def test_a_content_type_label_that_is_no_charset_is_ignored(server: str, label: str) -> None:
    article = load_url(f"{server}/{label}")
    assert BODY in article.text


def test_a_cp1252_paragraph_does_not_flip_a_utf8_file() -> None:
    utf8 = ("\u00abLe caf\u00e9 est ouvert\u00bb, a dit la g\u00e9rante. " * 40).encode()
    pasted = "The \u201cpasted\u201d paragraph, from an old word processor.".encode("cp1252")
    data = utf8 + b"\n\n" + pasted + b"\n\n" + utf8
    text = decode(data, "story.txt")
    assert "caf\u00e9" in text and "g\u00e9rante" in text  # not caf\u251c\u0439
    assert "\ufffdpasted\ufffd" in text


def test_a_few_invalid_bytes_do_not_flip_a_utf8_file() -> None:
    data = ("Caf\u00e9 cr\u00e8me, na\u00efve \u00e0 la carte. " * 50).encode() + b"\xff\xfe\x80"
    text = decode(data, "story.txt")
    assert text.startswith("Caf\u00e9 cr\u00e8me")
    assert text.endswith("\ufffd\ufffd\ufffd")


def test_a_cp1252_file_is_still_detected() -> None:
    data = ("Le caf\u00e9 de la gare a rouvert ses portes \u00e0 l\u2019aube. " * 30).encode(
        "cp1252"
    )
    text = decode(data, "story.txt")
    assert "caf\u00e9" in text and "\ufffd" not in text
