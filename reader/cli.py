"""The `reader` command: open an article in the terminal reader, or extract it as data."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.errors import ReaderError
from reader.keep.export import FORMATS, PrintOptions

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache

DESCRIPTION = """\
Read a news article in the terminal: the clean text, the people, organisations, places and
dates it names, and every quotation with its speaker.

SOURCE is a saved web page (.html, .htm), a text file (.txt, plain or scraped from a page),
a Markdown file (.md), a web address (https://...), or - for standard input."""

EPILOG = f"""\
commands:
  reader extract SOURCE... --format {"|".join(FORMATS)}
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


def build_main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=DESCRIPTION,
        epilog=EPILOG,
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


def analysis_cache(disabled: bool) -> AnalysisCache | None:
    """The user's analysis cache, unless `--no-cache` turned it off."""
    if disabled:
        return None
    from reader.store.cache import AnalysisCache

    return AnalysisCache.default()


def _format_lines() -> str:
    """The formats of `FORMATS` for `reader extract --help`, one entry per line or two."""
    lines = []
    for entry in FORMATS.values():
        first, *more = entry.printed_as.split("\n")
        lines.append(f"  {entry.name:<10}{first}")
        lines += [" " * 12 + line for line in more]
    return "".join(line + "\n" for line in lines)


def build_extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader extract",
        description=(
            "Print each article and its analysis without the terminal UI.\n\n"
            + _format_lines()
            + "\n"
            'Offsets in JSON are Python string indices into its "text".\n\n'
            "A folder stands for every article file directly inside it (.html, .htm, .txt,\n"
            ".md; sorted by name, sub-folders not searched). A source that fails prints one\n"
            "line on stderr; the others are still printed, and the exit status is 1."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="files, folders, URLs, or - for stdin"
    )
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="every item of the feed at URL: its full article fetched and analysed",
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=list(FORMATS),
        default="json",
        help="output format (default: json)",
    )
    parser.add_argument(
        "--what",
        choices=("quotes", "entities"),
        default="quotes",
        help="with --format csv: a table of quotes (default) or of entities",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=positive_int,
        default=1,
        metavar="N",
        help="analyse N sources at a time in N processes (default: 1); output stays in order",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyse again even if the analysis cache holds a result, and store nothing",
    )
    parser.add_argument(
        "--no-analysis",
        action="store_true",
        help=(
            "with --format json or jsonl: the metadata and the text only, no entities or "
            'quotes (no language model is started; "analysis" is null)'
        ),
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="read the settings from PATH instead of config.toml",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="also keep each article, analysed, in the archive (see: reader quotes --help)",
    )
    return parser


#: The formats `--no-analysis` makes sense with: the others are about entities and quotes.
NO_ANALYSIS_FORMATS = ("json", "jsonl", "text")


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return number


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


def fail(message: str) -> int:
    from reader.sanitize import clean_text

    # A message can quote a file name or an address, which a stranger may have chosen.
    print(f"reader: {' '.join(clean_text(message).split())}", file=sys.stderr)
    return 1


def load_article(
    source: str, *, detect_language: bool = True, date_search: bool = True
) -> Article:
    from reader.load import load

    stdin = sys.stdin.buffer if source == "-" else None
    return load(source, stdin=stdin, detect_language=detect_language, date_search=date_search)


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


def expand_sources(sources: Sequence[str]) -> list[tuple[str, str | None]]:
    """(source, error) pairs in order: a folder becomes its article files, by name."""
    from reader.load import article_files

    expanded: list[tuple[str, str | None]] = []
    for source in sources:
        if source != "-" and "://" not in source and os.path.isdir(source):
            try:
                expanded.extend((path, None) for path in article_files(source))
            except ReaderError as error:
                expanded.append((source, str(error)))
        else:
            expanded.append((source, None))
    return expanded


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


def extract_one(
    source: str,
    format_name: str,
    use_cache: bool,
    analyse: bool = False,
    skip_analysis: bool = False,
) -> Analysis | str:
    """`source` loaded and, unless only its text is wanted (and `analyse` is False) or
    `skip_analysis` (`--no-analysis`), analysed (the cache looked in first); a source that
    fails gives its one-sentence error instead.

    What the output does not print is not looked for: no date search and no language
    detection for a format without metadata (`ExportFormat.metadata`), unless the article
    is analysed for the archive (`analyse`)."""
    from reader.model import Analysis

    chosen = FORMATS[format_name]
    try:
        wanted = chosen.metadata or analyse
        article = load_article(source, detect_language=wanted, date_search=wanted)
        if skip_analysis or (not chosen.analysed and not analyse):
            return Analysis(article)
        from reader.pipeline import analysis_for

        cache = None
        if use_cache:
            from reader.store.cache import AnalysisCache

            cache = AnalysisCache.default()
        return analysis_for(article, cache)
    except ReaderError as error:
        return str(error)


def extracted(
    sources: Sequence[tuple[str, str | None]],
    format_name: str,
    use_cache: bool,
    jobs: int,
    analyse: bool = False,
    skip_analysis: bool = False,
) -> Iterator[Analysis | str]:
    """The outcome of `extract_one` for each source, in order, computed by `jobs` processes.

    A source already known to be bad (`(source, problem)`) gives its problem. Standard input
    is read by this process, so a "-" among the sources keeps the work in one process.
    """
    work = [source for source, problem in sources if problem is None]
    if jobs <= 1 or len(work) <= 1 or "-" in work:
        for source, problem in sources:
            yield problem or extract_one(source, format_name, use_cache, analyse, skip_analysis)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
        # The largest first: a long article handed out last would leave the other processes
        # idle while one finishes it. The outcomes still come in the order of the sources.
        futures = {
            number: pool.submit(
                extract_one, work[number], format_name, use_cache, analyse, skip_analysis
            )
            for number in sorted(range(len(work)), key=lambda n: -_size(work[n]))
        }
        numbers = iter(range(len(work)))
        for _, problem in sources:
            yield problem if problem is not None else futures[next(numbers)].result()


def _size(source: str) -> int:
    """The size of the file `source` in bytes; 0 for what is not a file (a URL)."""
    try:
        return os.path.getsize(source)
    except OSError:
        return 0


def run_extract(options: argparse.Namespace) -> int:
    status = 0
    if options.config:
        from pathlib import Path

        from reader.store.config import load_settings

        _, problem = load_settings(Path(options.config).expanduser())
        if problem:  # as the reader does: said once, and the work goes on
            print(f"reader: {problem}", file=sys.stderr)
    chosen = FORMATS[options.format]
    held: list[Analysis] = []
    sources = expand_sources(options.sources)
    if options.feed:
        from reader.feeds.cli import feed_sources

        sources += feed_sources(options.feed)
    single = len(sources) == 1 and [source for source, _ in sources] == options.sources
    analysed = not options.no_analysis
    print_options = PrintOptions(what=options.what, single=single, analysed=analysed)
    from reader.archive.ingest import ArchiveSaving

    saving = ArchiveSaving.open() if options.save else None
    outcomes = extracted(
        sources,
        options.format,
        not options.no_cache,
        options.jobs,
        analyse=options.save,
        skip_analysis=options.no_analysis,
    )
    for outcome in outcomes:
        if isinstance(outcome, str):
            status = fail(outcome)
            continue
        if saving is not None and (problem := saving.save(outcome)) is not None:
            status = fail(problem) if problem else 1
        if chosen.streamed:
            sys.stdout.write(chosen.render([outcome], print_options))
        else:
            held.append(outcome)
    if held:
        sys.stdout.write(chosen.render(held, print_options))
    if saving is not None:
        saving.close()
    return status
