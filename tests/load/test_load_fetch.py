"""Fetching URLs against a real HTTP server on 127.0.0.1: friendly pages and hostile servers."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from support.http_server import ARTICLE_TITLE, closed_port, serve

from reader.errors import LoadError
from reader.load import load, load_url
from reader.load.fetch import fetch, is_url

# Small limits keep the hostile cases fast; the module constants are the real defaults.
FAST = {"connect_timeout": 2.0, "read_timeout": 2.0, "deadline": 5.0}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def load_error(url: str, **limits: float) -> str:
    with pytest.raises(LoadError) as caught:
        load_url(url, **{**FAST, **limits})
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return message


# ---------------------------------------------------------------- pages that load


def test_html_page_loads_with_its_title_and_final_url(base: str) -> None:
    article = load_url(f"{base}/article", **FAST)
    assert article.title == ARTICLE_TITLE
    assert article.text.startswith("The new harbour bridge opened")
    assert article.url == f"{base}/article"
    assert article.source == f"{base}/article"


def test_load_dispatches_urls(base: str) -> None:
    assert load(f"{base}/article").title == ARTICLE_TITLE


def test_redirects_are_followed_and_the_final_url_kept(base: str) -> None:
    article = load_url(f"{base}/chain?n=4", **FAST)  # n=4 ... n=0, /article: five redirects
    assert article.title == ARTICLE_TITLE
    assert article.url == f"{base}/article"
    assert article.source == f"{base}/chain?n=4"


def test_charset_from_the_header_decodes_latin1(base: str) -> None:
    article = load_url(f"{base}/latin1", **FAST)
    assert "Café society" in (article.title or "")
    assert "«We missed them,» said one owner" in article.text
    assert "café crème" in article.text


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_compressed_pages_are_unpacked(base: str, path: str) -> None:
    assert load_url(f"{base}{path}", **FAST).title == ARTICLE_TITLE


def test_plain_text_markdown_and_untyped_responses(base: str) -> None:
    text = load_url(f"{base}/text", **FAST)
    assert "harbour bridge opened" in text.text
    assert text.url == f"{base}/text"
    markdown = load_url(f"{base}/markdown", **FAST)
    assert [block.kind for block in markdown.blocks].count("heading") >= 1
    assert "#" not in markdown.text
    assert load_url(f"{base}/untyped", **FAST).title == ARTICLE_TITLE


def test_fetch_reports_type_and_charset(base: str) -> None:
    page = fetch(f"{base}/latin1", **FAST)
    assert page.media_type == "text/html"
    assert page.charset == "ISO-8859-1"
    assert page.url == f"{base}/latin1"


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.org/a.html", ["ftp://example.org/a.html", "http and https"]),
        ("file:///etc/passwd", ["file:///etc/passwd", "http and https"]),
        ("javascript://alert(1)", ["only http and https"]),
    ],
)
def test_other_schemes_are_refused(url: str, words: list[str]) -> None:
    message = load_error(url)
    for word in words:
        assert word in message


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_redirect_to_another_scheme_is_not_followed(base: str, path: str) -> None:
    message = load_error(f"{base}{path}")
    assert f"{base}{path}" in message
    assert "does not follow" in message


def test_redirect_loop_stops(base: str) -> None:
    assert "redirects in a loop" in load_error(f"{base}/loop-a")


def test_more_than_five_redirects_stop(base: str) -> None:
    assert "more than 5 times" in load_error(f"{base}/chain?n=5")
    assert "more than 2 times" in load_error(f"{base}/chain?n=2", max_redirects=2)


@pytest.mark.parametrize(
    ("path", "named"),
    [("/pdf", "application/pdf"), ("/png", "image/png"), ("/octet", "application/octet-stream")],
)
def test_wrong_content_types_are_refused_by_name(base: str, path: str, named: str) -> None:
    message = load_error(f"{base}{path}")
    assert named in message
    assert "not an article page" in message


def test_unknown_content_encoding_is_refused(base: str) -> None:
    assert "br" in load_error(f"{base}/brotli")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing", ["404", "check the address"]),
        ("/broken", ["500", "try again later"]),
        ("/forbidden", ["403", "login"]),
    ],
)
def test_http_errors_are_one_sentence(base: str, path: str, words: list[str]) -> None:
    message = load_error(f"{base}{path}")
    assert message.startswith(f"{base}{path} answered")
    for word in words:
        assert word in message


def test_empty_body_is_refused(base: str) -> None:
    assert "is empty" in load_error(f"{base}/empty")


def test_refused_connection() -> None:
    url = f"http://127.0.0.1:{closed_port()}/article"
    assert "refused the connection" in load_error(url)


def test_unknown_host() -> None:
    assert "host name could not be found" in load_error("http://no-such-host.invalid/article")


# ---------------------------------------------------------------- hostile servers


@pytest.mark.timing
def test_gzip_bomb_stops_at_the_cap_after_decompression(base: str) -> None:
    started = time.monotonic()
    message = load_error(f"{base}/bomb", max_bytes=1024 * 1024)
    assert "larger than 1 MB" in message
    assert time.monotonic() - started < 3


def test_size_cap_applies_to_plain_bodies(base: str) -> None:
    assert "larger than 100,000 bytes" in load_error(f"{base}/big", max_bytes=100_000)


@pytest.mark.timing
def test_a_trickling_body_hits_the_total_deadline(base: str) -> None:
    started = time.monotonic()
    message = load_error(f"{base}/trickle", deadline=1.5, read_timeout=5.0)
    elapsed = time.monotonic() - started
    assert "took longer than 1.5 seconds" in message
    assert 1.4 < elapsed < 3.0


@pytest.mark.timing
def test_trickling_headers_hit_the_total_deadline(base: str) -> None:
    started = time.monotonic()
    message = load_error(f"{base}/slow-headers", deadline=1.5, read_timeout=5.0)
    assert "took longer than 1.5 seconds" in message
    assert time.monotonic() - started < 3.0


@pytest.mark.timing
def test_a_host_name_lookup_that_hangs_hits_the_total_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The system resolver has no timeout of its own; a lookup that hangs (an unreachable DNS
    server) must not hold the fetch past its deadline."""
    import socket
    import threading

    released = threading.Event()
    resolve = socket.getaddrinfo

    def hanging_lookup(host: object, *args: object, **kwargs: object) -> object:
        if host == "hanging-dns.test":
            released.wait(30)  # as a resolver waiting on a server that never answers
        return resolve(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", hanging_lookup)
    started = time.monotonic()
    try:
        message = load_error("http://hanging-dns.test/article", deadline=1.0)
    finally:
        released.set()
    assert "took longer than 1 second to send the page" in message
    assert time.monotonic() - started < 3.0


@pytest.mark.timing
def test_a_silent_server_hits_the_read_timeout(base: str) -> None:
    started = time.monotonic()
    message = load_error(f"{base}/stall", read_timeout=0.5, deadline=5.0)
    assert "stopped answering" in message
    assert time.monotonic() - started < 2.0


def test_is_url() -> None:
    assert is_url("https://example.org/a")
    assert is_url("ftp://example.org/a")
    assert not is_url("story.html")
    assert not is_url("-")
    assert not is_url("C:/news/story.html")
