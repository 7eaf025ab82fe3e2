"""`reader highlights ...`: list the highlights kept, or export them as Markdown notes.

Every problem is one sentence on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.keep.highlights import Highlight
from reader.store.db import StoreUnavailable

DESCRIPTION = """\
The passages kept in the reader (v to select, a to keep), with their notes and tags.

  reader highlights list              every highlight: article, passage, note, tags
  reader highlights export DIR        one Markdown file per article into DIR, with front
                                      matter (title, url, date, tags), as Obsidian and
                                      Logseq read it

Highlights are kept in the library database in the data directory."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader highlights",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    listing = commands.add_parser("list", help="every highlight, the newest first")
    listing.add_argument("filter", nargs="*", metavar="WORD", help="words, or tag:NAME")
    export = commands.add_parser("export", help="write Markdown notes, one file per article")
    export.add_argument("folder", metavar="DIR")
    export.add_argument("filter", nargs="*", metavar="WORD", help="words, or tag:NAME")
    return parser


def fail(message: str) -> int:
    from reader.sanitize import clean_text

    print(f"reader: {' '.join(clean_text(message).split())}", file=sys.stderr)
    return 1


def run_highlights(argv: Sequence[str]) -> int:
    options = build_parser().parse_args(list(argv))
    from reader.keep.highlights import matches, one_line
    from reader.store.highlights import HighlightStore
    from reader.store.library import Library

    try:
        library = Library.open()
    except StoreUnavailable as error:
        return fail(f"The highlights cannot be read this time ({error}).")
    try:
        query = " ".join(options.filter)
        highlights = [h for h in HighlightStore(library).all() if matches(h, query)]
    except StoreUnavailable as error:
        return fail(f"The highlights cannot be read this time ({error}).")
    finally:
        library.close()
    if options.command == "list":
        for highlight in highlights:
            tags = " ".join(f"#{tag}" for tag in highlight.tags)
            fields = [highlight.article_title, highlight.passage, highlight.note, tags]
            print("\t".join(one_line(field) for field in fields))
        return 0
    return export(highlights, Path(options.folder).expanduser())


def export(highlights: list[Highlight], folder: Path) -> int:
    from reader.keep.export.highlights import write_highlights

    if folder.exists() and not folder.is_dir():
        return fail(f"{folder} is not a folder.")
    try:
        written = write_highlights(highlights, folder)
    except OSError as error:
        return fail(f"cannot write into {folder}: {error.strerror or error}.")
    count = len(highlights)
    print(
        f"{count} highlight{'' if count == 1 else 's'} of {len(written)} "
        f"article{'' if len(written) == 1 else 's'} written to {folder}.",
        file=sys.stderr,
    )
    for path in written:
        print(path)
    return 0
