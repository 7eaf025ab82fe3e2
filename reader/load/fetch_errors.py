"""The one-sentence messages of a failed fetch: what went wrong with the address, and what
to do. Server- and user-supplied text is shown through `show` (no control characters, a
bounded length)."""

from __future__ import annotations

import socket
import zlib

from reader.errors import LoadError
from reader.sanitize import clean_text

WHAT_TO_DO = "save the page from a browser and open the file instead"


class StatusError(LoadError):
    """The server answered with an error status (4xx, 5xx); `status` says which."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def status_error(url: str, status: int, reason: str) -> StatusError:
    said = f"{status} {show(reason)}".strip()
    if status in (401, 403, 407, 451):
        advice = f"the page may need a login or block programs: {WHAT_TO_DO}"
    elif status in (404, 410):
        advice = "check the address"
    elif status == 429:
        advice = "wait a while and try again"
    elif status >= 500:
        advice = "the server failed: try again later"
    else:
        advice = f"check the address, or {WHAT_TO_DO}"
    return StatusError(f"{show(url)} answered {said}; {advice}.", status)


def network_error(url: str, error: BaseException) -> LoadError:
    import httpx

    causes = _causes(error)
    if isinstance(error, httpx.TimeoutException) or any(
        isinstance(cause, TimeoutError) for cause in causes
    ):
        if isinstance(error, httpx.ConnectTimeout):
            return LoadError(
                f"{show(url)} did not accept a connection in time; "
                "check your network and try again later."
            )
        return LoadError(
            f"{show(url)} stopped answering (timed out); try again later, or {WHAT_TO_DO}."
        )
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return LoadError(
            f"{show(url)}: the host name could not be found; check the address and your network."
        )
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return LoadError(
            f"{show(url)} refused the connection; check the address (and port), or try again later."
        )
    if any("ssl" in f"{type(cause).__name__} {cause}".lower() for cause in causes):
        return LoadError(
            f"{show(url)} failed the secure (TLS) handshake; check the address, or {WHAT_TO_DO}."
        )
    if isinstance(error, zlib.error):
        return LoadError(f"{show(url)} sent a damaged compressed page; try again later.")
    return LoadError(
        f"{show(url)} could not be fetched ({show(type(error).__name__)}); "
        "check the address and your network, and try again."
    )


def _causes(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(found) < 10:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def deadline_error(url: str, seconds: float) -> LoadError:
    unit = "second" if seconds == 1 else "seconds"
    return LoadError(
        f"{show(url)} took longer than {seconds:g} {unit} to send the page; "
        f"try again later, or {WHAT_TO_DO}."
    )


def too_large(url: str, max_bytes: int) -> LoadError:
    size = f"{max_bytes // 2**20} MB" if max_bytes >= 2**20 else f"{max_bytes:,} bytes"
    return LoadError(f"{show(url)} is larger than {size}; give the address of a single article.")


def show(text: str) -> str:
    """Server- or user-supplied text made safe for a message: no control, bounded length."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= 200 else text[:199] + "…"
