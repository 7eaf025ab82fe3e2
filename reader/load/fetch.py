"""URL -> FetchedPage: fetch a web page with httpx, defensively (`reader.load.load_url` then
extracts it like a saved page).

A web server is a stranger, so every resource the fetch spends is bounded:

- schemes: only `http` and `https`, for the address given and for every redirect;
- redirects are followed by hand, at most `MAX_REDIRECTS`; a loop stops at the first repeat;
- time: a connect and a read timeout per operation, and a total `DEADLINE` for the whole
  fetch (redirects, headers, body). A watchdog thread shuts the open sockets down when the
  deadline passes, so a server that trickles a byte a second, or dribbles its headers,
  is cut off on time, not when it finishes;
- size: the body is read as a stream and decompressed here (gzip and deflate, the only
  encodings asked for), `max_length` at a time, so the cap `MAX_BYTES` counts decoded bytes
  and a gzip bomb stops at the cap without ever being inflated in memory;
- type: HTML and text are accepted; anything else (PDF, images, octet-stream) is refused
  from its Content-Type header before the body is read. A response without a type is
  sniffed like standard input.

The charset from the Content-Type header is passed on to the decoder (it outranks the
page's own `<meta charset>`), and the final URL after redirects becomes `Article.url`.
Every failure is a `LoadError` whose message is one sentence naming the address and what
to do (`fetch_errors`); the deadline and the body cap are in `fetch_limits`. httpx is
imported inside the functions that use it.
"""

from __future__ import annotations

import functools
import re
import threading
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from reader.errors import LoadError
from reader.load.fetch_errors import (
    WHAT_TO_DO,
    deadline_error,
    network_error,
    show,
    status_error,
)
from reader.load.fetch_limits import Watchdog, read_body

if TYPE_CHECKING:
    import ssl

#: Redirects followed before giving up.
MAX_REDIRECTS = 5
#: Seconds to open a connection.
CONNECT_TIMEOUT = 10.0
#: Seconds to wait for any single read from the server.
READ_TIMEOUT = 15.0
#: Seconds for the whole fetch, redirects and body included.
DEADLINE = 30.0
#: How long past `DEADLINE` a fetch may take to give up: the watchdog shuts the sockets at
#: the deadline, and the fetch then needs a moment to notice.
DEADLINE_GRACE = 1.0
#: Largest page accepted, counted after decompression.
MAX_BYTES = 16 * 1024 * 1024

_URL_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_MARKDOWN_TYPES = {"text/markdown", "text/x-markdown"}
_TEXT_TYPES = {"text/plain"}
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as the server sent it: decoded body bytes and what the headers said of it."""

    data: bytes
    #: The address after redirects.
    url: str
    media_type: str | None
    charset: str | None
    #: 200, or 304 when a conditional request (`If-None-Match`, `If-Modified-Since` in
    #: `headers`) found the resource unchanged; the body is then empty.
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    #: Every redirect followed was permanent (301, 308): the resource has a new address.
    moved: bool = False

    @property
    def kind(self) -> Literal["html", "markdown"] | None:
        """The document kind the Content-Type promises; None: let the content decide."""
        if self.media_type in _HTML_TYPES:
            return "html"
        if self.media_type in _MARKDOWN_TYPES:
            return "markdown"
        return None


def is_url(source: str) -> bool:
    """True for anything written as `scheme://…` (refused later if not http/https)."""
    return bool(_URL_PREFIX.match(source))


class FetchLimits(TypedDict, total=False):
    """Limits for one fetch; a limit left out (or None) is the module constant of its name."""

    max_bytes: int | None
    connect_timeout: float | None
    read_timeout: float | None
    deadline: float | None
    max_redirects: int | None


def fetch(
    url: str,
    *,
    max_bytes: int | None = None,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    deadline: float | None = None,
    max_redirects: int | None = None,
    headers: Mapping[str, str] | None = None,
    accept: Collection[str] | None = None,
) -> FetchedPage:
    """GET `url` within every limit above; raises LoadError with one sentence.

    A limit left as None is the module constant of the same name, read at call time.
    `headers` are sent with the request (over the defaults); `accept` lists the media
    types taken instead of the page types (a feed reader asks for XML).

    The fetch runs in a thread that is given the deadline (and `DEADLINE_GRACE`): the
    watchdog cuts off a slow server on time, but looking the host name up has no socket to
    shut and no timeout of its own (the system resolver can take tens of seconds). A thread
    still looking a name up past the deadline is left to finish by itself.
    """
    seconds = DEADLINE if deadline is None else deadline
    _check_scheme(url, url)
    outcome: list[FetchedPage | BaseException] = []

    def fetch_into_outcome() -> None:
        try:
            fetched = _fetch(
                url,
                max_bytes=MAX_BYTES if max_bytes is None else max_bytes,
                connect_timeout=CONNECT_TIMEOUT if connect_timeout is None else connect_timeout,
                read_timeout=READ_TIMEOUT if read_timeout is None else read_timeout,
                deadline=seconds,
                max_redirects=MAX_REDIRECTS if max_redirects is None else max_redirects,
                extra_headers=headers or {},
                accept=accept,
            )
            outcome.append(fetched)
        except BaseException as error:  # raised again in the caller's thread
            outcome.append(error)

    worker = threading.Thread(target=fetch_into_outcome, name="fetch", daemon=True)
    worker.start()
    worker.join(seconds + DEADLINE_GRACE)
    if not outcome:
        raise deadline_error(url, seconds)
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _fetch(
    url: str,
    *,
    max_bytes: int,
    connect_timeout: float,
    read_timeout: float,
    deadline: float,
    max_redirects: int,
    extra_headers: Mapping[str, str],
    accept: Collection[str] | None,
) -> FetchedPage:
    import httpx

    watchdog = Watchdog(deadline)
    timeout = httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=5)
    headers = {
        "User-Agent": _user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        **extra_headers,
    }
    try:
        with (
            watchdog,
            httpx.Client(
                headers=headers, timeout=timeout, trust_env=False, verify=_tls_context()
            ) as client,
        ):
            return _fetch_following(client, url, watchdog, max_bytes, max_redirects, accept)
    except LoadError:
        raise
    except httpx.InvalidURL:
        raise LoadError(
            f"{show(url)} is not a valid web address; check it and try again."
        ) from None
    except (httpx.HTTPError, OSError, zlib.error) as error:
        if watchdog.fired:
            raise deadline_error(url, deadline) from None
        raise network_error(url, error) from None


def _fetch_following(
    client: Any,
    url: str,
    watchdog: Watchdog,
    max_bytes: int,
    max_redirects: int,
    accept: Collection[str] | None = None,
) -> FetchedPage:
    import httpx

    seen = {url}
    current = httpx.URL(url)
    permanent = True
    for hops in range(max_redirects + 1):
        request = client.build_request("GET", current, extensions={"trace": watchdog.trace})
        response = client.send(request, stream=True)
        try:
            watchdog.check(url)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                target = response.url.join(response.headers["location"])
                _check_scheme(str(target), url)
                if str(target) in seen:
                    raise LoadError(
                        f"{show(url)} redirects in a loop; check the address in a browser."
                    )
                seen.add(str(target))
                current = target
                permanent = permanent and response.status_code in (301, 308)
                continue
            moved = hops > 0 and permanent
            etag = response.headers.get("etag")
            modified = response.headers.get("last-modified")
            if response.status_code == 304:
                return FetchedPage(b"", str(response.url), None, None, 304, etag, modified, moved)
            if response.status_code >= 400:
                raise status_error(url, response.status_code, response.reason_phrase)
            media_type, charset = _content_type(response.headers.get("content-type"))
            _check_type(url, media_type, accept)
            data = read_body(response, url, watchdog, max_bytes)
            watchdog.check(url)
            return FetchedPage(
                data, str(response.url), media_type, charset, 200, etag, modified, moved
            )
        finally:
            response.close()
    raise LoadError(
        f"{show(url)} redirects more than {max_redirects} times; "
        "open the final address directly, or save the page from a browser."
    )


# ---------------------------------------------------------------- checks and sentences


def _check_scheme(target: str, url: str) -> None:
    scheme = target.split(":", 1)[0].lower() if ":" in target else ""
    if scheme in ("http", "https"):
        return
    if target == url:
        raise LoadError(
            f"{show(url)} is not a web address the reader fetches (only http and https); "
            "give an http(s) address or a file path."
        )
    raise LoadError(
        f"{show(url)} redirects to a {show(scheme) or 'non-web'} address, which the reader "
        f"does not follow; {WHAT_TO_DO}."
    )


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower() or None, charset


def _check_type(url: str, media_type: str | None, accept: Collection[str] | None = None) -> None:
    accepted = _HTML_TYPES | _TEXT_TYPES | _MARKDOWN_TYPES if accept is None else accept
    if media_type is None or media_type in accepted:
        return
    raise LoadError(
        f"{show(url)} is {show(media_type)}, not an article page; give the address of a web "
        "page, or download the file and open it with the program it is for."
    )


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """httpx's default TLS context (certifi's roots), made once: making it reads the root
    certificates, 50 ms a fetch, which a feed refresh pays fifty times over."""
    import httpx

    return httpx.create_ssl_context()


def _user_agent() -> str:
    from reader import __version__

    return f"article-reader/{__version__} (+terminal news reader)"
