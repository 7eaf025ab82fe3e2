"""Exports, corrections, settings and the library database, without a terminal."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from support.tui_seed import frozen_seed

from reader.codec import analysis_to_dict
from reader.keep.corrections import (
    Correction,
    apply_corrections,
    merge,
    rename,
    set_speaker,
    text_key,
)
from reader.keep.export import write_export
from reader.keep.export.citation import quote_citation
from reader.keep.export.csv import ENTITY_COLUMNS, QUOTE_COLUMNS, entities_csv, quotes_csv
from reader.keep.export.markdown import notes_to_markdown
from reader.model import Analysis
from reader.store.config import Settings, load_settings
from reader.store.db import StoreUnavailable
from reader.store.library import Library


@pytest.fixture
def seed() -> Analysis:
    return frozen_seed()


# -- exports ---------------------------------------------------------------------------


def test_citation_names_speaker_title_site_date_and_url(seed: Analysis) -> None:
    quote = seed.quotes[1]
    article = seed.article
    cited = quote_citation(quote, article)
    assert cited.startswith("“" + " ".join(quote.text.split()) + "” — Grant Newsham, ")
    assert article.title and article.title in cited
    assert cited.endswith(", ".join(p for p in (article.site, article.published, article.url) if p))


def test_markdown_groups_quotes_by_speaker_with_citations(seed: Analysis) -> None:
    markdown = notes_to_markdown(seed)
    assert markdown.startswith(f"# {seed.article.title}")
    assert "## Entities" in markdown and "### People" in markdown
    section = markdown.split("### Grant Newsham", 1)[1].split("###", 1)[0]
    newsham = [q for q in seed.quotes if q.speaker == "Grant Newsham"]
    assert section.count("\n- “") == len(newsham) == 3
    assert quote_citation(newsham[0], seed.article) in section
    # The notes leave the body out.
    assert seed.article.block_text(seed.article.blocks[-1]) not in markdown


def test_quotes_csv_has_a_row_per_quote_with_citation_fields(seed: Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(quotes_csv([seed]))))
    assert tuple(rows[0].keys()) == QUOTE_COLUMNS
    assert [row["id"] for row in rows] == [q.id for q in seed.quotes]
    first, quote = rows[0], seed.quotes[0]
    assert first["speaker"] == "Donald Trump"
    assert seed.article.text[int(first["start"]) : int(first["end"])] == first["text"] == quote.text
    assert first["title"] == seed.article.title
    assert first["citation"] == quote_citation(quote, seed.article)


def test_entities_csv_counts_mentions(seed: Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(entities_csv([seed]))))
    assert tuple(rows[0].keys()) == ENTITY_COLUMNS
    kim = next(row for row in rows if row["id"] == "person-kim-jong-un")
    assert int(kim["mentions"]) == len(seed.entity("person-kim-jong-un").mentions)  # type: ignore[union-attr]


def test_write_export_writes_each_format_and_never_overwrites(
    seed: Analysis, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    (markdown,) = write_export(seed, "markdown", folder)
    assert markdown.name.endswith("-quotes.md") and markdown.read_text().startswith("# ")
    (again,) = write_export(seed, "markdown", folder)
    assert again != markdown and again.name.endswith("-quotes-2.md")
    (as_json,) = write_export(seed, "json", folder)
    assert json.loads(as_json.read_text()) == analysis_to_dict(seed)
    quotes, entities = write_export(seed, "csv", folder)
    assert quotes.name.endswith("-quotes.csv") and entities.name.endswith("-entities.csv")
    assert quotes.read_text().count("\n") == len(seed.quotes) + 1


# -- corrections -----------------------------------------------------------------------


def test_rename_changes_the_entity_and_its_quotes(seed: Analysis) -> None:
    newsham = seed.entity("person-grant-newsham")
    assert newsham is not None
    fixed = apply_corrections(seed, [rename(newsham, "Grant F. Newsham")])
    renamed = fixed.entity("person-grant-newsham")
    assert renamed is not None and renamed.name == "Grant F. Newsham"
    assert "Grant Newsham" in renamed.aliases
    assert [q.speaker for q in fixed.quotes].count("Grant F. Newsham") == 3
    assert "Grant F. Newsham" in notes_to_markdown(fixed)


def test_merge_moves_mentions_aliases_and_quotes(seed: Analysis) -> None:
    kim = seed.entity("person-kim-jong-un")
    trump = seed.entity("person-donald-trump")
    assert kim is not None and trump is not None
    fixed = apply_corrections(seed, [merge(trump, kim)])
    assert fixed.entity("person-donald-trump") is None
    kept = fixed.entity("person-kim-jong-un")
    assert kept is not None
    assert len(kept.mentions) == len(set(kim.mentions) | set(trump.mentions))
    assert [m.start for m in kept.mentions] == sorted(m.start for m in kept.mentions)
    assert "Donald Trump" in kept.aliases
    assert fixed.quotes[0].speaker_id == "person-kim-jong-un"
    assert fixed.quotes[0].speaker == "Kim Jong Un"


def test_set_speaker_to_an_entity_a_free_name_or_nobody(seed: Analysis) -> None:
    quote = seed.quotes[0]
    kim = seed.entity("person-kim-jong-un")
    fixed = apply_corrections(seed, [set_speaker(quote, kim)])
    assert (fixed.quotes[0].speaker, fixed.quotes[0].speaker_id) == ("Kim Jong Un", kim.id)  # type: ignore[union-attr]
    fixed = apply_corrections(seed, [set_speaker(quote, "A White House aide")])
    assert (fixed.quotes[0].speaker, fixed.quotes[0].speaker_id) == ("A White House aide", None)
    fixed = apply_corrections(seed, [set_speaker(quote, None)])
    assert fixed.quotes[0].speaker is None
    assert fixed.quotes[1:] == seed.quotes[1:]


def test_stale_corrections_are_skipped_and_order_matters(seed: Analysis) -> None:
    stale = [Correction("rename", "person-nobody", "X"), Correction("speaker", "1:2", "Y")]
    assert apply_corrections(seed, stale) == seed
    newsham = seed.entity("person-grant-newsham")
    kim = seed.entity("person-kim-jong-un")
    assert newsham is not None and kim is not None
    # Rename, then merge into the renamed entity: its quotes take the new name.
    fixed = apply_corrections(seed, [rename(kim, "Chairman Kim"), merge(newsham, kim)])
    assert {q.speaker for q in fixed.quotes[1:]} == {"Chairman Kim"}


# -- settings --------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_read_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.toml",
        'theme = "nord"\nreading_width = 66\nexport_dir = "~/clips"\n'
        '[keymap]\n"reader.next-quote" = "ctrl+n"\n',
    )
    settings, problem = load_settings(path)
    assert problem is None
    assert settings.theme == "nord" and settings.reading_width == 66
    assert settings.keymap == {"reader.next-quote": "ctrl+n"}
    assert settings.export_dir == Path("~/clips").expanduser()


def test_missing_default_config_is_quietly_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "none"))
    assert load_settings() == (Settings(), None)
    settings, problem = load_settings(tmp_path / "named.toml")
    assert settings == Settings() and problem is not None and "named.toml" in problem


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("theme = \n", "not valid TOML"),
        ("reading_width = 5\n", "reading_width must be a whole number"),
        ('reading_width = "wide"\n', "reading_width"),
        ("keymap = 3\n", "keymap must be a table"),
        ("colour = 'red'\n", "'colour' is not a setting"),
        (b"theme = '\xff'\n", "not valid TOML"),
    ],
)
def test_bad_config_is_one_sentence_and_the_defaults(
    tmp_path: Path, text: str | bytes, words: str
) -> None:
    path = tmp_path / "config.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        write(path, text)
    settings, problem = load_settings(path)
    assert settings == Settings()
    assert problem is not None and words in problem and str(path) in problem
    assert problem.count(". ") == 0 and "\n" not in problem


def test_a_bad_value_keeps_the_good_ones(tmp_path: Path) -> None:
    settings, problem = load_settings(
        write(tmp_path / "c.toml", 'theme = "nord"\nreading_width = 0\n')
    )
    assert settings.theme == "nord" and settings.reading_width is None
    assert problem is not None and "reading_width" in problem


# -- the library database --------------------------------------------------------------


def test_history_positions_and_counts_survive_reopening(seed: Analysis, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    library.record_open("a.txt", seed.article)
    library.save_position(seed.article, 1234)
    library.save_quote_count(seed.article, 5)
    library.record_open("-", seed.article)  # stdin cannot be reopened: not listed
    library.close()

    library = Library.open(path)
    (entry,) = library.history()
    a, b = str(Path("a.txt").absolute()), str(Path("b.txt").absolute())
    assert (entry.source, entry.title, entry.position, entry.quote_count) == (
        a,
        seed.article.title,
        1234,
        5,
    )
    assert library.position(seed.article) == 1234
    assert library.quote_counts() == {a: 5}
    # Opening it again keeps the place; the most recent comes first.
    library.record_open("b.txt", seed.article)
    library.record_open("a.txt", seed.article)
    assert [e.source for e in library.history()] == [a, b]
    assert library.history()[0].position == 1234


def test_corrections_are_kept_per_text_in_order(seed: Analysis, tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite3")
    kim = seed.entity("person-kim-jong-un")
    assert kim is not None
    first, second = rename(kim, "Chairman Kim"), set_speaker(seed.quotes[0], kim)
    library.add_correction(seed.article, first)
    library.add_correction(seed.article, second)
    assert library.corrections(seed.article) == [first, second]
    assert library.undo_correction(seed.article) == second
    assert library.corrections(seed.article) == [first]
    rows = library.connection.execute("SELECT DISTINCT text_key FROM corrections").fetchall()
    assert rows == [(text_key(seed.article),)]


def test_state_values_and_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    library = Library.open(path)
    assert library.get("theme") is None
    library.set("theme", "nord")
    assert library.get("theme") == "nord"
    library.set("theme", None)
    assert library.get("theme") is None
    assert list(tmp_path.glob("library.sqlite3.corrupt-*"))


def test_a_locked_library_raises_store_unavailable(
    seed: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.store.db.BUSY_TIMEOUT_SECONDS", 0.05)
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreUnavailable):
            library.record_open("a.txt", seed.article)
    finally:
        other.execute("ROLLBACK")


def test_every_format_comes_from_the_one_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format added to `FORMATS` is a `--format` choice, is printed by `reader extract`,
    and, if it writes files, is offered by the reader's export and written by it."""
    from reader.cli import main
    from reader.extract_cli import build_extract_parser
    from reader.keep.export import FORMATS, ExportFormat, saved_formats

    assert [name for name, _ in saved_formats()] == ["markdown", "json", "csv"]
    upper = ExportFormat(
        "upper",
        "the body in capitals",
        lambda analyses, options: "".join(a.article.text.upper() + "\n" for a in analyses),
        streamed=True,
        analysed=False,
        saved_as="Capitals",
        files=lambda analysis: {"-upper.txt": analysis.article.text.upper()},
        menu_order=9,
    )
    monkeypatch.setitem(FORMATS, "upper", upper)
    assert "upper" in build_extract_parser().format_help()
    seed = frozen_seed()
    source = tmp_path / "plain.txt"
    source.write_text(seed.article.text, encoding="utf-8")
    assert main(["extract", str(source), "--format", "upper"]) == 0
    out = capsys.readouterr().out
    assert "KIM" in out and out == out.upper()
    assert saved_formats()[-1] == ("upper", "Capitals")
    (written,) = write_export(seed, "upper", tmp_path / "out")
    assert written.name.endswith("-upper.txt") and written.read_text() == seed.article.text.upper()
    with pytest.raises(ValueError, match="unknown export format"):
        write_export(seed, "jsonl", tmp_path / "out")  # printed, never saved
