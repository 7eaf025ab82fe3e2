"""Run the analysis in a child process, so that spaCy never holds the app's GIL.

A thread would share the interpreter lock with the UI: spaCy's compiled loops hold it for long
stretches, and keys (and quitting) waited behind them. A child process costs the model load
once per article but leaves the UI free: keys are answered at once while it works, and
cancelling it (quit, another article) is a kill, immediate at any point.

The parent sends the article (pickled) on the child's stdin; the child answers on stdout with
framed messages: progress fractions, then the analysis (`reader.store.cache.encode_analysis`)
or a one-sentence failure.

    python -m reader.tui.analysis_process     # the child; never run by hand
"""

from __future__ import annotations

import asyncio
import contextlib
import pickle
import struct
import sys
from collections.abc import Callable
from typing import BinaryIO

from reader.model import Analysis, Article

_HEADER = struct.Struct("!cQ")
PROGRESS, RESULT, FAILURE = b"P", b"R", b"F"


class AnalysisFailure(Exception):
    """The child could not analyse the article; the message is one sentence for the panes."""


async def analyse_in_child(article: Article, progress: Callable[[float], None]) -> Analysis:
    """Analyse `article` in a child process; cancelling this coroutine kills the child."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "reader.tui.analysis_process",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdin.write(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
        await child.stdin.drain()
        child.stdin.close()
        while True:
            try:
                kind, size = _HEADER.unpack(await child.stdout.readexactly(_HEADER.size))
                payload = await child.stdout.readexactly(size)
            except asyncio.IncompleteReadError:
                raise AnalysisFailure(
                    "The analysis stopped unexpectedly; the article is still readable."
                ) from None
            if kind == PROGRESS:
                progress(float(payload))
            elif kind == FAILURE:
                raise AnalysisFailure(payload.decode())
            else:
                from reader.store.cache import decode_analysis

                return decode_analysis(article, payload)
    finally:
        if child.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                child.kill()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.shield(child.wait())


def _send(stream: BinaryIO, kind: bytes, payload: bytes) -> None:
    stream.write(_HEADER.pack(kind, len(payload)) + payload)
    stream.flush()


def child_main() -> int:
    """Read a pickled Article on stdin, analyse it, answer on stdout."""
    from reader.analyze import analyze
    from reader.errors import ReaderError
    from reader.store.cache import encode_analysis

    out = sys.stdout.buffer
    article = pickle.loads(sys.stdin.buffer.read())
    try:
        analysis = analyze(article, progress=lambda f: _send(out, PROGRESS, b"%.4f" % f))
    except ReaderError as error:
        _send(out, FAILURE, str(error).encode())
        return 1
    except Exception as error:  # any failure leaves the article readable
        sentence = (
            f"The analysis failed ({type(error).__name__}: {error}); the article is still readable."
        )
        _send(out, FAILURE, sentence.encode())
        return 1
    _send(out, RESULT, encode_analysis(analysis))
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):  # the app went away
        sys.exit(child_main())
