"""`reader extract`: articles (files, folders, addresses, stdin, a feed) as JSON, JSON
lines, CSV, Markdown or text, analysed or not; and the helpers the other commands share
(one-sentence failures, the analysis cache, loading one source)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.model import Analysis, Article
    from reader.store.cache import AnalysisCache

def analysis_cache(disabled: bool) -> AnalysisCache | None:
    """The user's analysis cache, unless `--no-cache` turned it off."""
    if disabled:
        return None
    from reader.store.cache import AnalysisCache

    return AnalysisCache.default()

def _format_lines() -> str:
    """The formats of `FORMATS` for `reader extract --help`, one entry per line or two."""
    from reader.keep.export import FORMATS

    lines = []
    for entry in FORMATS.values():
        first, *more = entry.printed_as.split("\n")
        lines.append(f"  {entry.name:<10}{first}")
        lines += [" " * 12 + line for line in more]
    return "".join(line + "\n" for line in lines)

def build_extract_parser() -> argparse.ArgumentParser:
    # Here, not at the top: opening an article in the reader needs no export format.
    from reader.keep.export import FORMATS

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
    from reader.keep.export import FORMATS
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
    from reader.keep.export import FORMATS, PrintOptions

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
