"""Run the analysis in a child process, so that spaCy never holds the app's GIL.

A thread would share the interpreter lock with the UI: spaCy's compiled loops hold it for long
stretches, and keys (and quitting) waited behind them. A child process costs the model load
once per article but leaves the UI free: keys are answered at once while it works, and
cancelling it (quit, another article) is a kill, immediate at any point.

The parent sends the article (pickled) on the child's stdin; the child answers on stdout with
framed messages: progress fractions, partial analyses of a long article (the blocks parsed so
far, at growing intervals), then the analysis (`reader.codec.encode_analysis`) or a
one-sentence failure.

    python -m reader.analyze.worker     # the child; never run by hand
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import pickle
import struct
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from reader.model import Analysis, Article

if TYPE_CHECKING:
    from reader.analyze.nlp import ParsedChunk

_HEADER = struct.Struct("!cQ")
PROGRESS, PARTIAL, RESULT, FAILURE = b"P", b"A", b"R", b"F"

#: The first partial result comes once this many characters are parsed (a short article has
#: none), each next one once `PARTIAL_GROWTH` times as many are, until the whole analysis is
#: near: the panes fill for the part read first and grow as the parse goes on. A refill costs
#: the UI a few tens of milliseconds even for thousands of quotes (the lists draw only the
#: rows on screen), and the child's rules run over a doubling prefix, some 2x their one pass.
PARTIAL_FIRST_CHARS = 20_000
PARTIAL_GROWTH = 2


class AnalysisFailure(Exception):
    """The child could not analyse the article; the message is one sentence for the panes."""


async def analyse_in_child(
    article: Article,
    progress: Callable[[float], object],
    partial: Callable[[Analysis], object] | None = None,
    encoded: Callable[[bytes], object] | None = None,
) -> Analysis:
    """Analyse `article` in a child process; cancelling this coroutine kills the child.

    `partial` gets the entities and quotes of the part analysed so far, now and then, while
    a long article is analysed (offsets are in `article`). `encoded` gets the whole analysis
    as the child encoded it (`encode_analysis`), for the cache.
    """
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "reader.analyze.worker",
        str(os.getpid()),  # the parent it watches (`exit_with_parent`)
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
            elif kind == PARTIAL:
                if partial is not None:
                    partial(await _decoded(article, payload))
            elif kind == FAILURE:
                raise AnalysisFailure(payload.decode())
            else:
                if encoded is not None:
                    encoded(payload)
                return await _decoded(article, payload)
    finally:
        if child.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                child.kill()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.shield(child.wait())


async def _decoded(article: Article, payload: bytes) -> Analysis:
    """The analysis in `payload`, decoded in a thread: thousands of quotes take some 25 ms,
    and the event loop goes on answering keys meanwhile."""
    from reader.codec import decode_analysis

    return await asyncio.to_thread(decode_analysis, article, payload)


def _send(stream: BinaryIO, kind: bytes, payload: bytes) -> None:
    stream.write(_HEADER.pack(kind, len(payload)) + payload)
    stream.flush()


class PartialResults:
    """Sends the analysis of the blocks parsed so far, each time the parse has grown enough."""

    def __init__(self, article: Article, send: Callable[[Analysis], None]) -> None:
        self.article = article
        self.send = send
        self.next_at = PARTIAL_FIRST_CHARS
        self.worth_it = len(article.text) >= 2 * PARTIAL_FIRST_CHARS

    def batch_done(self, chunks: list[ParsedChunk]) -> None:
        if chunks and self.due(chunks[-1].end):
            found = partial_analysis(self.article, chunks)
            if found is not None:
                self.send(found)

    def due(self, parsed: int) -> bool:
        """Whether a partial result is due now that `parsed` characters are parsed."""
        if not self.worth_it or parsed < self.next_at:
            return False
        self.next_at = parsed * PARTIAL_GROWTH
        return parsed * 4 < len(self.article.text) * 3  # else the whole analysis is near


def partial_analysis(article: Article, chunks: list[ParsedChunk]) -> Analysis | None:
    """The analysis of the blocks parsed whole so far (the last one may have pieces to come),
    its offsets in `article`; None when no block is whole yet."""
    from reader.analyze import analyze_parsed

    last = chunks[-1].block_index
    whole = [chunk for chunk in chunks if chunk.block_index < last]
    if not whole:
        return None
    blocks = article.blocks[:last]
    prefix = dataclasses.replace(article, text=article.text[: blocks[-1].end], blocks=blocks)
    found = analyze_parsed(prefix, whole)
    return Analysis(article=article, entities=found.entities, quotes=found.quotes)


#: How much lower the analysis runs than the reader (`nice`): the analysis is background work,
#: and on a machine with few cores the keys should win.
NICENESS = 10


def yield_to_the_reader() -> None:
    """Lower this process's priority, where the system allows it.

    On Linux the child also takes the idle scheduling class: it runs on whatever CPU time
    nothing else wants (on an otherwise quiet machine, a whole core), and a CPU running it
    counts as free, so the reader's thread is woken there at once. At `nice` 10 alone, a key
    still waited 5-30 ms for a CPU on two cores.
    """
    with contextlib.suppress(AttributeError, OSError):  # no os.nice (Windows), or not allowed
        os.nice(NICENESS)
    with contextlib.suppress(AttributeError, OSError):  # Linux only
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


#: How often the child checks that the reader that started it is still there.
PARENT_CHECK_SECONDS = 0.25


def exit_with_parent(parent: int | None) -> None:
    """End this child as soon as the reader that started it is gone (killed, its terminal
    closed): a parent-death signal where Linux offers one (prctl PR_SET_PDEATHSIG), and
    everywhere a daemon thread that sees the parent change within `PARENT_CHECK_SECONDS`.
    The child holds a spaCy model and a parse; left alone it ran on at 1.5 GB."""
    import signal
    import threading

    with contextlib.suppress(Exception):  # Linux only; elsewhere the thread does it
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    expected = parent if parent is not None else os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != expected:
                os._exit(1)
            time.sleep(PARENT_CHECK_SECONDS)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _parent_from_argv() -> int | None:
    try:
        return int(sys.argv[1])
    except (IndexError, ValueError):
        return None


def child_main() -> int:
    """Read a pickled Article on stdin, analyse it, answer on stdout.

    `reader.analyze.analyze` in its two steps (the parse, then the rules), so that the parse
    can report the chunks done to `PartialResults`.
    """
    from reader.analyze import analyze_parsed, parse_article
    from reader.codec import encode_analysis
    from reader.errors import ReaderError
    from reader.load.language import with_language

    exit_with_parent(_parent_from_argv())
    yield_to_the_reader()
    out = sys.stdout.buffer
    # The reader loads without detecting the language (off its first paint): it is found here.
    article = with_language(pickle.loads(sys.stdin.buffer.read()))
    partials = PartialResults(article, lambda found: _send(out, PARTIAL, encode_analysis(found)))
    try:
        chunks = parse_article(
            article,
            progress=lambda f: _send(out, PROGRESS, b"%.4f" % f),
            on_batch=partials.batch_done,
        )
        analysis = analyze_parsed(article, chunks)
        _send(out, PROGRESS, b"1.0000")
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
