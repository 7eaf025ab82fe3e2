"""URL -> Article: fetch a web page with httpx, defensively, then extract it like a saved page.

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
to do. httpx is imported inside the functions that use it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import socket
import threading
import time
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from reader.errors import LoadError
from reader.sanitize import clean_text

if TYPE_CHECKING:
    from reader.model import Article

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

_CHUNK = 64 * 1024
_URL_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_MARKDOWN_TYPES = {"text/markdown", "text/x-markdown"}
_TEXT_TYPES = {"text/plain"}
_REDIRECTS = {301, 302, 303, 307, 308}
_WHAT_TO_DO = "save the page from a browser and open the file instead"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as the server sent it: decoded body bytes and what the headers said of it."""

    data: bytes
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


class StatusError(LoadError):
    """The server answered with an error status (4xx, 5xx); `status` says which."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


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


def load_url(url: str, **limits: Unpack[FetchLimits]) -> Article:
    """Fetch `url` and extract its article; `Article.url` is the address after redirects."""
    from reader.load import extract_bytes

    page = fetch(url, **limits)
    kind: str | None = None
    if page.media_type in _HTML_TYPES:
        kind = "html"
    elif page.media_type in _MARKDOWN_TYPES:
        kind = "markdown"
    article = extract_bytes(page.data, url, kind_hint=kind, charset=page.charset, url=page.url)
    return dataclasses.replace(article, url=page.url)


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
) -> Fetched:
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
    outcome: list[Fetched | BaseException] = []

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
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            outcome.append(error)

    worker = threading.Thread(target=fetch_into_outcome, name="fetch", daemon=True)
    worker.start()
    worker.join(seconds + DEADLINE_GRACE)
    if not outcome:
        raise _deadline_error(url, seconds)
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
) -> Fetched:
    import httpx

    watchdog = _Watchdog(deadline)
    timeout = httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=5)
    headers = {
        "User-Agent": _user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        **extra_headers,
    }
    try:
        with watchdog, httpx.Client(headers=headers, timeout=timeout, trust_env=False) as client:
            return _fetch_following(client, url, watchdog, max_bytes, max_redirects, accept)
    except LoadError:
        raise
    except httpx.InvalidURL:
        raise LoadError(
            f"{_show(url)} is not a valid web address; check it and try again."
        ) from None
    except (httpx.HTTPError, OSError, zlib.error) as error:
        if watchdog.fired:
            raise _deadline_error(url, deadline) from None
        raise _network_error(url, error) from None


def _fetch_following(
    client: Any,
    url: str,
    watchdog: _Watchdog,
    max_bytes: int,
    max_redirects: int,
    accept: Collection[str] | None = None,
) -> Fetched:
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
                        f"{_show(url)} redirects in a loop; check the address in a browser."
                    )
                seen.add(str(target))
                current = target
                permanent = permanent and response.status_code in (301, 308)
                continue
            moved = hops > 0 and permanent
            etag = response.headers.get("etag")
            modified = response.headers.get("last-modified")
            if response.status_code == 304:
                return Fetched(b"", str(response.url), None, None, 304, etag, modified, moved)
            if response.status_code >= 400:
                raise _status_error(url, response.status_code, response.reason_phrase)
            media_type, charset = _content_type(response.headers.get("content-type"))
            _check_type(url, media_type, accept)
            data = _read_body(response, url, watchdog, max_bytes)
            watchdog.check(url)
            return Fetched(data, str(response.url), media_type, charset, 200, etag, modified, moved)
        finally:
            response.close()
    raise LoadError(
        f"{_show(url)} redirects more than {max_redirects} times; "
        "open the final address directly, or save the page from a browser."
    )


# ---------------------------------------------------------------- limits


class _Watchdog:
    """Enforces the total deadline: past it, every socket the fetch opened is shut down.

    httpx bounds each operation (connect, one read) but not their sum. The sockets are
    collected through httpcore's trace hook; shutting one down wakes a blocked `recv` at
    once, and `fired` tells the fetch that the deadline, not the server, ended it.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._started = time.monotonic()

    def __enter__(self) -> _Watchdog:
        self._started = time.monotonic()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shutdown(sock)

    def check(self, url: str) -> None:
        if self.fired or time.monotonic() - self._started > self.seconds:
            self.fired = True
            raise _deadline_error(url, self.seconds)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def _read_body(response: Any, url: str, watchdog: _Watchdog, max_bytes: int) -> bytes:
    """The body, decompressed here so the cap counts decoded bytes (see the docstring)."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder = _Decoder(encoding, url)
    length = response.headers.get("content-length", "")
    if encoding == "identity" and length.isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes)
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw(_CHUNK):
        watchdog.check(url)
        for piece in decoder.feed(chunk, max_bytes - size + 1):
            size += len(piece)
            if size > max_bytes:
                raise _too_large(url, max_bytes)
            parts.append(piece)
    return b"".join(parts)


class _Decoder:
    """Content-Encoding undone chunk by chunk, never inflating more than asked for."""

    def __init__(self, encoding: str, url: str) -> None:
        self.encoding = encoding
        self._zlib: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = None  # zlib-wrapped or raw: decided by the first bytes
        elif encoding not in ("identity", ""):
            raise LoadError(
                f"{_show(url)} came compressed as {_show(encoding)}, which the reader does "
                f"not unpack; {_WHAT_TO_DO}."
            )

    def feed(self, chunk: bytes, room: int):  # noqa: ANN201 - a generator of bytes
        if self.encoding in ("identity", ""):
            yield chunk
            return
        if self._zlib is None:
            # RFC 1950 header: compression method 8 and a check value divisible by 31.
            wrapped = len(chunk) >= 2 and chunk[0] & 0x0F == 8
            raw = not (wrapped and (chunk[0] << 8 | chunk[1]) % 31 == 0)
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        data = chunk
        while data and room > 0:
            piece = self._zlib.decompress(data, room)
            room -= len(piece)
            yield piece
            data = self._zlib.unconsumed_tail
            if self._zlib.eof:
                return


# ---------------------------------------------------------------- checks and sentences


def _check_scheme(target: str, url: str) -> None:
    scheme = target.split(":", 1)[0].lower() if ":" in target else ""
    if scheme in ("http", "https"):
        return
    if target == url:
        raise LoadError(
            f"{_show(url)} is not a web address the reader fetches (only http and https); "
            "give an http(s) address or a file path."
        )
    raise LoadError(
        f"{_show(url)} redirects to a {_show(scheme) or 'non-web'} address, which the reader "
        f"does not follow; {_WHAT_TO_DO}."
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
        f"{_show(url)} is {_show(media_type)}, not an article page; give the address of a web "
        "page, or download the file and open it with the program it is for."
    )


def _status_error(url: str, status: int, reason: str) -> StatusError:
    said = f"{status} {_show(reason)}".strip()
    if status in (401, 403, 407, 451):
        advice = f"the page may need a login or block programs: {_WHAT_TO_DO}"
    elif status in (404, 410):
        advice = "check the address"
    elif status == 429:
        advice = "wait a while and try again"
    elif status >= 500:
        advice = "the server failed: try again later"
    else:
        advice = f"check the address, or {_WHAT_TO_DO}"
    return StatusError(f"{_show(url)} answered {said}; {advice}.", status)


def _network_error(url: str, error: BaseException) -> LoadError:
    import httpx

    causes = _causes(error)
    if isinstance(error, httpx.TimeoutException) or any(
        isinstance(cause, TimeoutError) for cause in causes
    ):
        if isinstance(error, httpx.ConnectTimeout):
            return LoadError(
                f"{_show(url)} did not accept a connection in time; "
                "check your network and try again later."
            )
        return LoadError(
            f"{_show(url)} stopped answering (timed out); try again later, or {_WHAT_TO_DO}."
        )
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return LoadError(
            f"{_show(url)}: the host name could not be found; check the address and your network."
        )
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return LoadError(
            f"{_show(url)} refused the connection; check the address (and port), "
            "or try again later."
        )
    if any("ssl" in f"{type(cause).__name__} {cause}".lower() for cause in causes):
        return LoadError(
            f"{_show(url)} failed the secure (TLS) handshake; check the address, or {_WHAT_TO_DO}."
        )
    if isinstance(error, zlib.error):
        return LoadError(f"{_show(url)} sent a damaged compressed page; try again later.")
    return LoadError(
        f"{_show(url)} could not be fetched ({_show(type(error).__name__)}); "
        "check the address and your network, and try again."
    )


def _causes(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(found) < 10:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _deadline_error(url: str, seconds: float) -> LoadError:
    unit = "second" if seconds == 1 else "seconds"
    return LoadError(
        f"{_show(url)} took longer than {seconds:g} {unit} to send the page; "
        f"try again later, or {_WHAT_TO_DO}."
    )


def _too_large(url: str, max_bytes: int) -> LoadError:
    size = f"{max_bytes // 2**20} MB" if max_bytes >= 2**20 else f"{max_bytes:,} bytes"
    return LoadError(f"{_show(url)} is larger than {size}; give the address of a single article.")


def _show(text: str) -> str:
    """Server- or user-supplied text made safe for a message: no control, bounded length."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _user_agent() -> str:
    from reader import __version__

    return f"article-reader/{__version__} (+terminal news reader)"
