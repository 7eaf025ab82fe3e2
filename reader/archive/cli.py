"""`reader quotes`, `reader archive stats|vacuum|export|import` and `reader people list|split`.

Every quote printed carries its citation (`keep.export.citation`); CSV goes through the
exporters' OWASP-safe table, Markdown through their escaping. A problem is one sentence on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.archive.queries import (
    FoundQuote,
    Person,
    archive_stats,
    count_quotes,
    find_quotes,
    list_people,
)
from reader.archive.store import Archive
from reader.keep.export.citation import quote_citation
from reader.sanitize import clean_text
from reader.store.db import StoreUnavailable

QUOTE_FORMATS = ("text", "json", "csv", "markdown")
QUOTE_COLUMNS = (
    "date", "speaker", "kind", "cue", "text", "title", "site", "published", "url", "source",
    "article_id", "start", "end", "citation",
)  # fmt: skip
#: Quotes `reader quotes` prints unless `--limit` says otherwise (0: all). As `gh` lists 30
#: issues: thousands of lines scrolled past in a terminal help nobody, and the line on stderr
#: says how many more there are and how to have them.
DEFAULT_LIMIT = 100


def run_command(name: str, argv: Sequence[str], people_screen: Callable[[], int]) -> int:
    """`reader quotes`, `reader archive ...` or `reader people ...` (`people_screen` opens
    the people screen: the terminal UI is not the archive's to import)."""
    if name == "quotes":
        return run_quotes(argv)
    if name == "archive":
        return run_archive(argv)
    return run_people(argv, screen=people_screen)


def say(message: str) -> int:
    print(f"reader: {' '.join(clean_text(message).split())}", file=sys.stderr)
    return 1


def iso_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {value!r}") from None


def build_quotes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader quotes",
        description=(
            "Search the quotes of every article kept in the archive (opened in the reader,\n"
            "prefetched from a feed, or saved with `reader extract --save`). Each quote is\n"
            "printed with its citation, oldest first."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("words", nargs="?", default="", help="words every quote must hold")
    parser.add_argument("--speaker", metavar="NAME", help="quotes said by NAME (or a part of it)")
    parser.add_argument("--since", metavar="DATE", type=iso_date, help="from YYYY-MM-DD on")
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        default=DEFAULT_LIMIT,
        help=f"at most N quotes, the oldest N (default: {DEFAULT_LIMIT}; 0: all of them)",
    )
    parser.add_argument("--format", "-f", choices=QUOTE_FORMATS, default="text")
    return parser


def quote_row(found: FoundQuote) -> dict[str, object]:
    quote = found.quote
    return {
        "date": found.day,
        "speaker": quote.speaker,
        "kind": quote.kind,
        "cue": quote.cue,
        "text": quote.text,
        "title": found.title,
        "site": found.site,
        "published": found.published,
        "url": found.url,
        "source": found.source,
        "article_id": found.article_id,
        "start": quote.start,
        "end": quote.end,
        "citation": quote_citation(quote, found.article),
    }


def render_quotes(found: Sequence[FoundQuote], format_name: str) -> str:
    if format_name == "json":
        return json.dumps([quote_row(f) for f in found], ensure_ascii=False, indent=2) + "\n"
    if format_name == "csv":
        from reader.keep.export.csv import table

        rows = (quote_row(f) for f in found)
        return table(QUOTE_COLUMNS, ([row[c] for c in QUOTE_COLUMNS] for row in rows))
    if format_name == "markdown":
        from reader.keep.export.markdown import escape

        return "".join(f"- {escape(quote_citation(f.quote, f.article))}\n" for f in found)
    # Every part of a citation is cleaned as it is made (`citation.one_line`).
    return "".join(quote_citation(f.quote, f.article) + "\n" for f in found)


def run_quotes(argv: Sequence[str], path: Path | None = None) -> int:
    options = build_quotes_parser().parse_args(argv)
    if not options.words.strip() and not options.speaker:
        return say('give words to search for, or --speaker NAME (reader quotes "talks").')
    if options.limit < 0:
        return say(f"--limit takes 0 (all) or more, not {options.limit}.")
    limit = options.limit or None
    search = {"speaker": options.speaker, "since": options.since}
    more = 0
    try:
        with Archive.open(path, check=False) as archive:
            # One row past the limit says whether there are more; only then are they counted.
            found = find_quotes(
                archive, options.words, **search, limit=None if limit is None else limit + 1
            )
            if limit is not None and len(found) > limit:
                found = found[:limit]
                more = count_quotes(archive, options.words, **search) - limit
    except StoreUnavailable as error:
        return say(f"the archive cannot be read ({error}).")
    sys.stdout.write(render_quotes(found, options.format))
    if more:
        noun = "quote" if more == 1 else "quotes"
        print(
            f"reader: {more:,} more {noun} not shown; --limit 0 prints all of them.",
            file=sys.stderr,
        )
    return 0 if found else say("no quote in the archive matches.")


# -- reader archive --------------------------------------------------------------------


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)  # pragma: no cover


def archive_stats_text(archive: Archive) -> str:
    stats = archive_stats(archive)
    rows = (
        ("articles", str(stats.articles)),
        ("quotes", str(stats.quotes)),
        ("people", str(stats.people)),
        ("size on disk", _size(stats.size_bytes)),
        ("per article", _size(stats.bytes_per_article)),
    )
    return "".join(f"{label:<14}{value}\n" for label, value in rows)


def build_archive_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader archive", description="Look after the archive of articles and quotes."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("stats", help="articles, quotes, people and the size on disk")
    commands.add_parser("vacuum", help="merge the search indexes and give free space back")
    export = commands.add_parser("export", help="write the archive as JSON lines")
    export.add_argument("file", metavar="FILE.jsonl", help="where to write (- for stdout)")
    imported = commands.add_parser("import", help="add the articles of an export")
    imported.add_argument("file", metavar="FILE.jsonl", help="an export (- for stdin)")
    voice = commands.add_parser(
        "voice", help="who gets a voice: quoted or mentioned, named or not, who says most"
    )
    voice.add_argument("--since", metavar="DATE", type=iso_date, help="from YYYY-MM-DD on")
    voice.add_argument("--until", metavar="DATE", type=iso_date, help="up to YYYY-MM-DD")
    voice.add_argument("--site", metavar="OUTLET", help="only the articles of OUTLET")
    voice.add_argument("--format", "-f", choices=("text", "csv"), default="text")
    return parser


def run_archive(argv: Sequence[str], path: Path | None = None) -> int:
    options = build_archive_parser().parse_args(argv)
    from reader.archive import upkeep

    try:
        with Archive.open(path) as archive:
            if options.command == "stats":
                sys.stdout.write(archive_stats_text(archive))
            elif options.command == "vacuum":
                before = archive_stats(archive).size_bytes
                upkeep.vacuum(archive)
                after = archive_stats(archive).size_bytes
                print(f"The archive went from {_size(before)} to {_size(after)}.")
            elif options.command == "export":
                return _export(archive, options.file)
            elif options.command == "voice":
                _voice(archive, options)
            else:
                return _import(archive, options.file)
    except StoreUnavailable as error:
        return say(f"the archive cannot be used ({error}).")
    return 0


def _voice(archive: Archive, options: argparse.Namespace) -> None:
    from reader.archive.voice import voice_csv, voice_of_archive, voice_view

    report = voice_of_archive(archive, since=options.since, until=options.until, site=options.site)
    if options.format == "csv":
        sys.stdout.write(voice_csv(report))
        return
    from rich.console import Console

    Console(highlight=False).print(voice_view(report))


def _export(archive: Archive, name: str) -> int:
    from reader.archive.upkeep import export_lines

    if name == "-":
        for line in export_lines(archive):
            sys.stdout.write(line + "\n")
        return 0
    try:
        with open(name, "w", encoding="utf-8", newline="\n") as out:
            for line in export_lines(archive):
                out.write(line + "\n")
    except OSError as error:
        return say(f"cannot write {name}: {error.strerror}.")
    return 0


def _import(archive: Archive, name: str) -> int:
    from reader.archive.upkeep import ExportLineError, import_lines

    try:
        if name == "-":
            count = import_lines(archive, sys.stdin)
        else:
            with open(name, encoding="utf-8") as lines:
                count = import_lines(archive, lines)
    except OSError as error:
        return say(f"cannot read {name}: {error.strerror}.")
    except (ExportLineError, UnicodeDecodeError) as error:
        return say(f"{name}: {error}.")
    print(f"{count} articles imported.")
    return 0


# -- reader people ----------------------------------------------------------------------


def build_people_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader people",
        description="Everyone quoted or named across the archive. On its own: the people screen.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    listed = commands.add_parser("list", help="print them: id, articles, quotes, dates, outlets")
    listed.add_argument("--format", "-f", choices=("text", "json"), default="text")
    split = commands.add_parser("split", help="undo a wrong merge: these articles' PERSON apart")
    split.add_argument("person", type=int, metavar="PERSON", help="the person's id (see: list)")
    split.add_argument(
        "--article",
        type=int,
        action="append",
        required=True,
        metavar="ID",
        help="an article whose PERSON is someone else (see: reader quotes --format json)",
    )
    return parser


def people_text(people: Sequence[Person]) -> str:
    lines = []
    for person in people:
        outlets = ", ".join(person.outlets)
        lines.append(
            f"{person.id:>6}  {clean_text(person.name)}  articles {person.articles},"
            f" quotes {person.quotes}, {person.first_seen} to {person.last_seen}"
            + (f", {clean_text(outlets)}" if outlets else "")
        )
    return "".join(line + "\n" for line in lines)


def run_people(
    argv: Sequence[str],
    path: Path | None = None,
    screen: Callable[[], int] | None = None,
) -> int:
    options = build_people_parser().parse_args(argv)
    if options.command is None and screen is not None:
        return screen()
    from reader.archive.upkeep import split_person

    try:
        with Archive.open(path, check=options.command == "split") as archive:
            if options.command == "split":
                new = split_person(archive, options.person, options.article)
                if new is None:
                    return say(f"person {options.person} is not named in those articles.")
                print(f"Those articles' {options.person} is now person {new}.")
                return 0
            people = list_people(archive, all_outlets=True)
    except StoreUnavailable as error:
        return say(f"the archive cannot be read ({error}).")
    if getattr(options, "format", "text") == "json":
        rows = [
            {
                "id": p.id, "name": p.name, "articles": p.articles, "quotes": p.quotes,
                "first_seen": p.first_seen, "last_seen": p.last_seen, "outlets": list(p.outlets),
            }
            for p in people
        ]  # fmt: skip
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(people_text(people))
    return 0
