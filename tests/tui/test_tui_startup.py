"""What the reader's first paint waits for, and what it leaves for later.

`reader ARTICLE.txt` imports the command line, the launch, the loader and the app before its
first frame; the modules a key or a finished analysis needs (exports, highlights, the entity
filter's `Input`, the archive's thread, spaCy, the page pipeline) are imported on first use.
Each check runs in a fresh interpreter: the test process has imported everything already.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from support.tui_seed import frozen_seed
from textual.widgets import Input

from reader.keep.export import FORMATS
from reader.store.config import Settings
from reader.tui.app import ReaderApp
from reader.tui.launch import Launch
from reader.tui.widgets.filter_input import FilterInput

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "voa-korea-olympics-talks.txt"

#: Modules no first frame of an article needs: each is imported when it is first used.
LATER = (
    "concurrent.futures.thread",  # the archive's thread: started with the first article kept
    "lxml",
    "reader.analyze.entities",
    "reader.analyze.worker",  # the analysis child: started once the first frame is out
    "reader.analyze.orchestrate",
    "reader.archive.store",
    "reader.keep.export",  # `e`, the palette's exports, `reader extract`, `reader --help`
    "reader.keep.export.citation",
    "reader.keep.highlights",  # read after the first frame
    "reader.load.page.extract",
    "reader.store.highlights",
    "reader.tui.dialogs.help",
    "reader.tui.widgets.filter_input",  # the entity list's `/`
    "spacy",
    "trafilatura",
)

#: What `python -m reader ARTICLE.txt` runs before `app.run()`, the same way.
STARTUP = """
import sys
import reader.cli
from reader.extract_cli import load_article
from reader.store.config import Settings
from reader.tui.launch import Launch

reader.cli.build_main_parser().parse_args([sys.argv[1]])
article = load_article(sys.argv[1], detect_language=False)
app = Launch(Settings(), None).app(article=article, cache=None)
later = sys.argv[2].split(",")
print(",".join(sorted(name for name in later if name in sys.modules)))
"""


def test_opening_a_text_file_imports_nothing_the_first_frame_does_not_need() -> None:
    result = subprocess.run(
        [sys.executable, "-c", STARTUP, str(SEED), ",".join(LATER)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""


def test_the_help_still_names_every_export_format() -> None:
    """The main help's epilog reads the format registry when it is printed, not at import."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--help"], capture_output=True, text=True, check=True
    )
    assert f"--format {'|'.join(FORMATS)}" in result.stdout


async def test_the_entity_filter_is_mounted_by_its_first_slash() -> None:
    """The filter line is an `Input`: none is mounted for the first frame, and `/` in the
    entity list mounts it, focused, so that what is typed next goes into it."""
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.entities_pane
        assert not pane.query(Input)
        await pilot.press("2", "slash", "k")
        await pilot.pause()
        (line,) = pane.query(FilterInput)
        assert app.focused is line and line.value == "k"
        assert list(pane.children).index(line) < list(pane.children).index(pane.entity_list)


async def test_the_collector_waits_for_the_first_frame_then_runs_again() -> None:
    """From the app's making to its first frame nothing is collected (all of it lives on);
    once the frame is out the collector runs again, with what was made frozen."""
    analysis = frozen_seed()
    assert gc.isenabled()
    try:
        launch = Launch(Settings(), None)
        app = launch.app(article=analysis.article, analysis=analysis, archiver=None)
        assert not gc.isenabled()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
