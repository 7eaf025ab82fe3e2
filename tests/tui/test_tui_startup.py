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

from support.tui_seed import frozen_seed, screen_text
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
    "json",  # the analysis cache's codec: read only when the cache holds the article
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
    "reader.tui.text.history",  # back and forward: made by the first link or step
    "reader.tui.widgets.filter_input",  # the entity list's `/`
    "spacy",
    "textual.widgets._footer",  # the key bar's keys: mounted once the first frame is out
    "textual.widgets._label",  # the search bar's prompt and counter, built after the frame
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

#: What the same start has compiled of the patterns compiled on first use, printed after it.
COMPILED = """
import reader.sanitize as sanitize
import reader.tui.text.links as links
print("links" if links._unsafe.cache_info().currsize else "")
print("surrogates" if sanitize._surrogate.cache_info().currsize else "")
"""


def test_opening_a_text_file_imports_nothing_the_first_frame_does_not_need() -> None:
    result = subprocess.run(
        [sys.executable, "-c", STARTUP + COMPILED, str(SEED), ",".join(LATER)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == []  # neither a module nor a pattern the frame needs not


def test_a_link_is_still_made_safe_for_the_terminal_by_the_pattern_compiled_for_it() -> None:
    from reader.tui.text.links import terminal_href

    assert terminal_href("https://exa\x1bmple.org/a\u202eb c") == "https://example.org/abc"
    assert terminal_href("javascript:alert(1)") is None


def test_a_name_with_a_lone_surrogate_still_shows_it_as_a_replacement_character() -> None:
    from reader.sanitize import clean_lines, clean_name

    assert clean_name("caf\udce9 au\tlait.txt") == "caf\ufffd au lait.txt"
    assert clean_lines("a\ud800\nb\x1b[31m") == "a\ufffd\nb"
    assert clean_name("Café – “x”") == "Café – “x”"


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


async def test_the_key_bar_lists_the_keys_once_the_first_frame_is_out() -> None:
    """The key bar's `Footer` is imported and mounted after the first frame, and lists the
    reading screen's keys."""
    from textual.widgets import Footer

    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (footer,) = app.screen.query(Footer)
        assert footer.parent is not None and footer.parent.id == "key-bar"
        await pilot.pause()
        assert "Help" in screen_text(app).splitlines()[-1]


async def test_back_as_the_first_key_says_there_is_no_article_before() -> None:
    """The history is made on its first use: `backspace` before any link was followed says
    so, and forward after it too, and the article stays."""
    analysis = frozen_seed()
    app = ReaderApp(analysis.article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("backspace", "shift+backspace")
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert any("No article before" in n for n in notices)
        assert any("No article after" in n for n in notices)
        assert app.history.back == [] and app.screen.article is analysis.article
