"""Exports of an analysis, by format: what `reader extract` prints and what the reader saves.

`FORMATS` is the one registry of formats: the command line takes its `--format` choices and
its printing from it, and the reader's export (the `e` key, the command palette) offers the
formats that write files (`saved_formats`). A new format is one entry here, with its
rendering in a module of this package. Every quote is cited the same way wherever it goes
(`citation.quote_citation`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from reader.model import Analysis, Article

__all__ = [
    "FORMATS",
    "ExportFormat",
    "body_text",
    "export_stem",
    "saved_formats",
    "write_export",
]


# NamedTuples, not dataclasses: `reader` reads this module on every start, and dataclasses
# costs a few milliseconds to import.


class PrintOptions(NamedTuple):
    """What a printed format may need besides the analyses."""

    #: "quotes" or "entities": which table `csv` prints.
    what: str = "quotes"
    #: One source was named (not a folder or several): `json` prints one object, not a list.
    single: bool = True
    #: False (`--no-analysis`): no analysis ran; `json` says `"analysis": null`.
    analysed: bool = True


class ExportFormat(NamedTuple):
    """One format: how `reader extract` prints it and, if it is saved, the files it writes."""

    name: str
    #: One line (or more) for `reader extract --help`.
    printed_as: str
    #: Text printed for `analyses` (one at a time when `streamed`, else all at once).
    render: Callable[[Sequence[Analysis], PrintOptions], str]
    #: Printed as each article is done (True) or once, when all are (False).
    streamed: bool = False
    #: False: only the article is needed (no analysis runs).
    analysed: bool = True
    #: False: no date or language is printed, so neither is looked for (no date search in
    #: the page's text, no language detection).
    metadata: bool = True
    #: The reader's export: one line offered in its menu, None if the format is not saved.
    saved_as: str | None = None
    #: The files written for one analysis: file-name ending -> contents.
    files: Callable[[Analysis], dict[str, str]] | None = None
    #: Where the format stands in the reader's export menu (lower first).
    menu_order: int = 0

    def label(self) -> str:
        """The format's short name for menus: its menu line up to the colon ("Markdown")."""
        return (self.saved_as or self.name).split(":", 1)[0]


def body_text(article: Article) -> str:
    """The body a reader reads: every block but captions, joined by blank lines."""
    return "\n\n".join(
        article.block_text(block) for block in article.blocks if block.kind != "caption"
    )


def named(analysis: Analysis) -> Analysis:
    """`analysis` with its article's `source` and `url` as every export writes them: cleaned
    by `sanitize.clean_name` (a file name can hold terminal escapes, or bytes that are not
    UTF-8). The loaders clean everything else; the analysis itself is unchanged."""
    import dataclasses

    from reader.sanitize import clean_name

    article = analysis.article
    source, url = clean_name(article.source), article.url and clean_name(article.url)
    if source == article.source and url == article.url:
        return analysis
    return dataclasses.replace(
        analysis, article=dataclasses.replace(article, source=source, url=url)
    )


# The renderers import their modules when they run: the command line reads this registry
# for its help before it knows which format, if any, it will print.


def _json(analyses: Sequence[Analysis], options: PrintOptions) -> str:
    analyses = [named(analysis) for analysis in analyses]
    from reader.codec import analysis_to_dict

    results = [analysis_to_dict(analysis, analysed=options.analysed) for analysis in analyses]
    payload: object = results[0] if options.single else results
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _jsonl(analyses: Sequence[Analysis], options: PrintOptions) -> str:
    analyses = [named(analysis) for analysis in analyses]
    from reader.codec import analysis_to_dict

    return "".join(
        json.dumps(analysis_to_dict(analysis, analysed=options.analysed), ensure_ascii=False)
        + "\n"
        for analysis in analyses
    )


def _markdown(analyses: Sequence[Analysis], options: PrintOptions) -> str:
    analyses = [named(analysis) for analysis in analyses]
    from reader.keep.export.markdown import analysis_to_markdown

    return "".join(analysis_to_markdown(analysis) for analysis in analyses)


def _csv(analyses: Sequence[Analysis], options: PrintOptions) -> str:
    analyses = [named(analysis) for analysis in analyses]
    from reader.keep.export.csv import entities_csv, quotes_csv

    to_csv = entities_csv if options.what == "entities" else quotes_csv
    return to_csv(analyses)


def _text(analyses: Sequence[Analysis], options: PrintOptions) -> str:
    analyses = [named(analysis) for analysis in analyses]
    return "".join(body_text(analysis.article) + "\n" for analysis in analyses)


def _json_file(analysis: Analysis) -> dict[str, str]:
    analysis = named(analysis)
    from reader.codec import analysis_to_dict

    return {".json": json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=2) + "\n"}


def _markdown_file(analysis: Analysis) -> dict[str, str]:
    analysis = named(analysis)
    from reader.keep.export.markdown import notes_to_markdown

    return {"-quotes.md": notes_to_markdown(analysis)}


def _csv_files(analysis: Analysis) -> dict[str, str]:
    analysis = named(analysis)
    from reader.keep.export.csv import entities_csv, quotes_csv

    return {"-quotes.csv": quotes_csv([analysis]), "-entities.csv": entities_csv([analysis])}


#: Every format, in the order `reader extract --help` lists them.
FORMATS: dict[str, ExportFormat] = {
    format.name: format
    for format in (
        ExportFormat(
            "json",
            "one JSON object (a list of them for several sources)",
            _json,
            saved_as="JSON: the whole analysis (as reader extract --format json)",
            files=_json_file,
            menu_order=1,
        ),
        ExportFormat(
            "jsonl", "one JSON object per line, one line per source", _jsonl, streamed=True
        ),
        ExportFormat(
            "markdown",
            "title, metadata, the body, then entities and quotes",
            _markdown,
            streamed=True,
            saved_as="Markdown: entities, and quotes by speaker with citations",
            files=_markdown_file,
            menu_order=0,
        ),
        ExportFormat(
            "csv",
            "one table of every quote with its citation (--what entities:\n"
            "one table of every entity); several sources share one table",
            _csv,
            saved_as="CSV: a table of quotes and a table of entities",
            files=_csv_files,
            menu_order=2,
        ),
        ExportFormat(
            "text",
            "the clean body only, no title or captions (fast: no analysis)",
            _text,
            streamed=True,
            analysed=False,
            metadata=False,
        ),
    )
}


def saved_formats() -> list[tuple[str, str]]:
    """(name, menu line) of each format the reader's export writes, in menu order."""
    saved = sorted(
        (format for format in FORMATS.values() if format.files is not None),
        key=lambda format: format.menu_order,
    )
    return [(format.name, format.saved_as or format.name) for format in saved]


def export_stem(article: Article) -> str:
    """A file name for an article's exports: its title in lower case, words joined by `-`."""
    from pathlib import Path

    name = article.title or Path(article.source).stem or "article"
    slug = "-".join(re.findall(r"\w+", name.lower()))
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]
    return slug or "article"


def _free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/name-2.ext` and so on if that file exists."""
    from pathlib import Path

    path = folder / name
    number = 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return path


def write_export(analysis: Analysis, format_name: str, folder: Path) -> list[Path]:
    """Write the quotes and entities in `format_name` (a saved format of `FORMATS`) into
    `folder`.

    Markdown and JSON are one file each; CSV is two, `…-quotes.csv` and `…-entities.csv`.
    An existing file is never overwritten: a number is added to the name. Raises `OSError`.
    """
    chosen = FORMATS.get(format_name)
    if chosen is None or chosen.files is None:
        raise ValueError(f"unknown export format {format_name!r}")
    contents = chosen.files(analysis)
    folder.mkdir(parents=True, exist_ok=True)
    stem = export_stem(analysis.article)
    written = []
    for suffix, text in contents.items():
        path = _free_path(folder, stem + suffix)
        with path.open("x", encoding="utf-8", newline="") as file:
            file.write(text)
        written.append(path)
    return written
