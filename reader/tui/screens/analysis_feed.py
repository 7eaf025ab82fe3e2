"""The analysis feed of the reading screen: the spaCy child started after the first paint, its
progress, a long article's partial results shown once the keys pause, the finished analysis
cached, and each result shown in steps, a frame apart.

`AnalysisFeed` is the reading screen's base: it runs the worker and handles its messages, and
calls the screen's `show_analysis`, `show_status` and `show_progress_below` to put them on screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from textual import work
from textual.screen import Screen

from reader.errors import ReaderError
from reader.model import Analysis, Article
from reader.tui.context import ReaderContext
from reader.tui.messages import AnalysisFailed, AnalysisPartial, AnalysisProgress, AnalysisReady
from reader.tui.runtime.collector import keep_long_lived

#: Longest wait for the first paint before the analysis starts anyway, in seconds.
FIRST_PAINT_WAIT = 0.5

#: How long the keys must have paused before a long article's partial results are shown.
KEYS_QUIET_SECONDS = 0.3
#: Seconds after an article opened with its analysis (cached) before it is archived.
ARCHIVE_AFTER_PAINT = 1.0


class AnalysisFeed(Screen[None]):
    """A screen fed with the analysis of `article`, from a child process or as given."""

    def __init__(self, article: Article, context: ReaderContext, analysis: Analysis | None) -> None:
        super().__init__()
        self.article = article
        self.context = context
        self.analysis = analysis
        self._partial = False
        """Whether the results shown are a long article's first part (the analysis goes on)."""
        self._pending_partial: Analysis | None = None
        """Partial results waiting for a pause in the keys."""
        self._progress_said: tuple[str, str] | None = None
        """Where the analysis progress was last shown (in place of the lists, or below them),
        and what it said."""
        self._painted = asyncio.Event()
        """Set once the article is on screen; the analysis starts then, off the first paint."""

    # -- what the screen does with the feed ---------------------------------------------

    def show_analysis(self, analysis: Analysis) -> None:
        """Put `analysis` (partial or whole) on screen."""
        raise NotImplementedError

    def show_status(self, status: str) -> None:
        """Say `status` (progress, failure) in place of the results."""
        raise NotImplementedError

    def show_progress_below(self, status: str | None) -> None:
        """Say `status` below partial results (None: no more)."""
        raise NotImplementedError

    # -- the feed -----------------------------------------------------------------------

    def start_feed(self) -> None:
        """Show the analysis given, or start analysing once the first frame is out."""
        if self.analysis is not None:
            self.show_analysis(self.analysis)
            # Archived once the first paint is out: the archive's thread holds the
            # interpreter at times (its imports, building the rows), and the paint comes first.
            self.set_timer(ARCHIVE_AFTER_PAINT, self.keep_in_archive)
        else:
            self.call_after_refresh(self._painted.set)
            self.analyse()

    @work(exclusive=True, group="analysis", exit_on_error=False)
    async def analyse(self) -> None:
        """Analyse the article in a child process once the text is on screen.

        spaCy runs outside this interpreter, so keys are answered while it works, and
        cancelling this worker (quit, another article) kills the child at once. The result
        goes into the cache from a short thread, as the child encoded it.
        """
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._painted.wait(), FIRST_PAINT_WAIT)
        from reader.analyze.worker import AnalysisFailure, analyse_in_child  # after the paint

        payloads: list[bytes] = []
        try:
            analysis = await analyse_in_child(
                self.article,
                lambda fraction: self.post_message(AnalysisProgress(fraction)),
                lambda found: self.post_message(AnalysisPartial(found)),
                payloads.append,
            )
        except AnalysisFailure as error:
            self.post_message(AnalysisFailed(str(error)))
            return
        except OSError as error:  # the child could not be started
            self.post_message(AnalysisFailed(failure_sentence(error)))
            return
        self.post_message(AnalysisReady(analysis))
        cache = self.context.cache
        if cache is not None and payloads:
            await asyncio.to_thread(cache.put_payload, self.article, payloads[0])

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        status = f"analysing… {round(100 * message.fraction)}%"
        if self.analysis is None:
            said = ("in place of the lists", status)
        elif self._partial:  # the lists show what is found so far; the progress goes below
            said = ("below the lists", status)
        else:
            return
        if said == self._progress_said:
            # Progress comes some ten times a second and the figure moves by whole percents;
            # each change repaints both panes (several ms), so an unchanged one is not shown.
            return
        self._progress_said = said
        if self.analysis is None:
            self.show_status(status)
        else:
            self.show_progress_below(status)

    def on_analysis_partial(self, message: AnalysisPartial) -> None:
        """What a long article's analysis found so far: listed, the selection kept, once the
        keys pause (showing thousands of quotes takes a few frames; a key should not wait)."""
        if self.analysis is not None and not self._partial:
            return  # the whole analysis is shown already
        self._pending_partial = message.analysis
        # Tens of thousands of new objects, alive until the next result replaces them: kept
        # out of the collector's passes meanwhile, which would walk them all on some key.
        keep_long_lived()
        self._show_pending_partial()

    def _show_pending_partial(self) -> None:
        found = self._pending_partial
        if found is None:
            return
        wait = KEYS_QUIET_SECONDS - (time.monotonic() - self.context.last_key_at)
        if wait > 0:
            self.set_timer(wait, self._show_pending_partial)
            return
        self._pending_partial = None
        self._partial = True
        self.show_analysis(found)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self._pending_partial = None  # the whole analysis replaces it
        if self._partial:
            self._partial = False
            self.show_progress_below(None)
        self.show_analysis(message.analysis)
        if self.context.note_quote_count is not None:
            # The whole analysis: its count is the panel's, and the history's from now on.
            self.context.note_quote_count(self.article, message.analysis.quote_count)
        self.keep_in_archive()

    def keep_in_archive(self) -> None:
        """The whole analysis shown (with the reader's corrections) kept in the archive, on
        the archive's own thread; an archive that cannot take it is said once a run."""
        archiver = self.context.archiver
        if archiver is not None and self.analysis is not None:
            self._archived(archiver.submit(self.analysis))

    @work(group="archive", exit_on_error=False)
    async def _archived(self, future: Future[str | None]) -> None:
        problem = await asyncio.wrap_future(future)
        archiver = self.context.archiver
        if problem and archiver is not None and not archiver.said:
            archiver.said = True
            self.notify(problem, title="Archive", severity="warning", timeout=10, markup=False)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.show_status(message.reason)

    def show_in_steps(
        self, analysis: Analysis, steps: Sequence[Callable[[Analysis], None]], step: int = 0
    ) -> None:
        """Run `steps` over `analysis`, one per frame (each builds a span index over thousands
        of spans): a key pressed meanwhile is answered between two steps, not after them all.
        Newer results stop the steps of older ones."""
        if analysis is not self.analysis:
            return  # newer results came; they go through these steps themselves
        steps[step](analysis)
        if step + 1 < len(steps):
            self.call_after_refresh(self.show_in_steps, analysis, steps, step + 1)
        else:
            keep_long_lived()  # the analysis and its indexes live as long as the article is open


def failure_sentence(error: Exception) -> str:
    """One sentence for the panes when the analysis fails."""
    if isinstance(error, ReaderError):
        return str(error)
    return f"The analysis failed ({type(error).__name__}: {error}); the article is still readable."
