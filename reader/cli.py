"""The `reader` command: open an article in the terminal reader, or extract it as data
(`reader.extract_cli`); the other subcommands live with what they work on."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.errors import ReaderError
from reader.extract_cli import (
    NO_ANALYSIS_FORMATS,
    analysis_cache,
    build_extract_parser,
    fail,
    load_article,
    run_extract,
)

if TYPE_CHECKING:
    from reader.model import Article

DESCRIPTION = """\
Read a news article in the terminal: the clean text, the people, organisations, places and
dates it names, and every quotation with its speaker.

SOURCE is a saved web page (.html, .htm), a text file (.txt, plain or scraped from a page),
a Markdown file (.md), a web address (https://...), or - for standard input."""

EPILOG = """\
commands:
  reader extract SOURCE... --format {formats}
                        print the article and its analysis without opening the reader;
                        a folder SOURCE means every article file directly inside it
                        (see: reader extract --help)
  reader feeds [add URL | import FILE.opml | export | remove URL | list | refresh]
                        follow news feeds; on its own, the feeds screen
                        (see: reader feeds --help)
  reader quotes "WORDS" [--speaker NAME] [--since DATE] | reader people [list | split]
  reader archive [stats | vacuum | export FILE | import FILE | voice]
                        the archive of every article analysed: its quotes, the people
                        across articles, who gets a voice (see: reader quotes --help)
  reader highlights [list | export DIR]
                        the passages kept in the reader, as Markdown notes
                        (see: reader highlights --help)

Press ? in the reader for the keys."""


class _MainParser(argparse.ArgumentParser):
    """The `reader` parser: its epilog names the export formats, read from their registry
    only when the help is printed (opening an article needs none of them)."""

    def format_help(self) -> str:
        from reader.keep.export import FORMATS

        self.epilog = EPILOG.format(formats="|".join(FORMATS))
        return super().format_help()


def build_main_parser() -> argparse.ArgumentParser:
    parser = _MainParser(
        prog="reader",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source",
        nargs="?",
        metavar="SOURCE",
        help="the article to open; a folder lists its articles; none: the last folder or history",
    )
    parser.add_argument(
        "--config", metavar="PATH", help="read the settings from PATH instead of config.toml"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyse the article again even if it was analysed before, and store nothing",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def split_global_options(args: Sequence[str]) -> tuple[list[str], list[str]]:
    """The global options at the front of `args` (`--config PATH`, `--config=PATH`,
    `--no-cache`) and what follows them, so that `reader --config PATH extract ...` reaches
    the subcommand with its options."""
    front: list[str] = []
    rest = list(args)
    while rest:
        first = rest[0]
        if first == "--no-cache" or first.startswith("--config="):
            front.append(rest.pop(0))
        elif first == "--config" and len(rest) > 1:
            front += [rest.pop(0), rest.pop(0)]
        else:
            break
    return front, rest


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    front, rest = split_global_options(args)
    try:
        if rest and rest[0] == "extract":
            parser = build_extract_parser()
            options = parser.parse_args(front + rest[1:])
            if not options.sources and not options.feed:
                parser.error("give at least one SOURCE or --feed URL")
            if options.no_analysis and options.save:
                parser.error("--save keeps each article with its analysis; leave out --no-analysis")
            if options.no_analysis and options.format not in NO_ANALYSIS_FORMATS:
                parser.error(
                    f"--no-analysis leaves {options.format} without its entities and quotes; "
                    "use it with --format json, jsonl or text"
                )
            return run_extract(options)
        if rest and rest[0] == "feeds":
            from reader.feeds.cli import run_feeds

            return run_feeds(front + rest[1:])
        # The archive's commands and highlights take the global options before them, unused.
        if rest and rest[0] in ("quotes", "archive", "people"):
            from reader.archive.cli import run_command

            return run_command(rest[0], rest[1:], people_screen=run_people_screen)
        if rest and rest[0] == "highlights":
            from reader.keep.highlights_cli import run_highlights

            return run_highlights(rest[1:])
        options = build_main_parser().parse_args(args)
        return run_reader(options.source, options.config, no_cache=options.no_cache)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`reader extract ... | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run_people_screen() -> int:
    """`reader people` on its own: the people screen."""
    from reader.tui.launch import Launch

    Launch.prepare(None).run_people()
    return 0


def run_reader(source: str | None, config: str | None = None, *, no_cache: bool = False) -> int:
    from reader.tui.launch import Launch

    launch = Launch.prepare(config)
    if source is None and sys.stdin.isatty():
        if launch.run_library(None, cache=analysis_cache(no_cache)):
            return 0
        print(
            "reader: no article given; name a file (reader article.html) or a folder, "
            "or see reader --help.",
            file=sys.stderr,
        )
        return 2
    if source is None:
        source = "-"
    if source != "-" and "://" not in source and os.path.isdir(source):
        from reader.load import article_files

        try:
            article_files(source)  # a folder with no articles is one sentence, not a list
        except ReaderError as error:
            return fail(str(error))
        launch.run_library(source, cache=analysis_cache(no_cache))
        return 0
    try:
        article = load_with_status(source)
    except ReaderError as error:
        return fail(str(error))
    if source == "-" and not reattach_terminal():
        return fail("the article came from a pipe and there is no terminal to show it on.")

    launch.run_article(article, cache=analysis_cache(no_cache))
    return 0


#: Files at least this large say "Reading NAME (size)…" on a terminal while they load.
LARGE_FILE_BYTES = 1024 * 1024


def load_with_status(source: str) -> Article:
    """Load `source` for the reader; while a web address is fetched, or a large file read, say
    so on stderr if it is a terminal. The language is left to the analysis, off the way to
    the first paint."""
    if source == "-" or not sys.stderr.isatty():
        return load_article(source, detect_language=False)
    from rich.text import Text

    if "://" in source:
        status = Text("Fetching ")
        status.append(source, style="bold")  # the address is data, never markup
    else:
        try:
            size = os.path.getsize(source)
        except OSError:
            size = 0
        if size < LARGE_FILE_BYTES:
            return load_article(source, detect_language=False)
        from reader.sanitize import clean_text

        status = Text("Reading ")
        status.append(clean_text(os.path.basename(source)), style="bold")  # data, not markup
        status.append(f" ({size / 1024 / 1024:.1f} MB)…")
    from rich.console import Console

    with Console(stderr=True).status(status):
        return load_article(source, detect_language=False)


def reattach_terminal() -> bool:
    """After reading an article from a pipe, take keyboard input from the terminal again."""
    if sys.stdin.isatty():
        return True
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return False
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process
    return True


