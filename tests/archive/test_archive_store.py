"""The archive's file: articles kept once per text, people merged across articles, splits
kept, corrections applied, the schema migrated, and an article reopened from it alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.archive_helpers import story

from reader.archive.queries import find_quotes, list_people
from reader.archive.schema import BASE_SCHEMA, SCHEMA_VERSION
from reader.archive.store import Archive
from reader.archive.upkeep import split_person
from reader.keep.corrections import rename
from reader.model import Analysis
from reader.store.db import open_database


def people_named(archive: Archive, name: str) -> list[int]:
    return [p.id for p in list_people(archive) if p.name == name]


def test_archiving_the_same_text_again_updates_it_in_place(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        first = archive.add(story(1))
        times = archive.archived_times(first)
        again = archive.add(story(1))
        assert again == first
        assert archive.article_ids() == [first]
        assert archive.archived_times(first)[0] == times[0]
        assert archive.archived_times(first)[1] >= times[1]
        # The word index holds the quote once, not once per archiving.
        assert len(find_quotes(archive, "talk")) == 1


def test_one_person_across_articles_by_name_and_alias(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        for number in range(10):
            archive.add(story(number, "Kim Jong Un"))
        archive.add(story(10, "Kim Jong-un's"[:-2]))  # "Kim Jong-un": same key
        archive.add(story(11, "Chairman Kim", aliases=("Kim Jong Un",)))
        archive.add(story(12, "Kim Yo Jong", aliases=("Kim",)))  # one word: not a bridge
        kims = people_named(archive, "Kim Jong Un")
        assert len(kims) == 1
        [kim] = [p for p in list_people(archive) if p.id == kims[0]]
        assert (kim.articles, kim.quotes) == (12, 12)
        assert len(people_named(archive, "Kim Yo Jong")) == 1
        moon = [p for p in list_people(archive) if p.name == "Moon Jae-in"]
        assert len(moon) == 1 and moon[0].quotes == 0 and moon[0].articles == 13


def test_a_split_is_kept_when_the_article_is_archived_again(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        ids = [archive.add(story(n, "John Smith", site=f"Site {n}")) for n in range(3)]
        [smith] = people_named(archive, "John Smith")
        other = split_person(archive, smith, [ids[2]])
        assert other is not None and other != smith
        assert sorted(people_named(archive, "John Smith")) == sorted([smith, other])
        archive.add(story(2, "John Smith", site="Site 2"))  # re-ingest
        assert {q.person_id for q in find_quotes(archive, speaker="John Smith")} == {
            smith,
            other,
        }
        assert [q.article_id for q in find_quotes(archive, person_id=other)] == [ids[2]]


def test_corrections_apply_before_archiving(tmp_path: Path) -> None:
    analysis = story(1, "Kim Jong Un")
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add(analysis, [rename(analysis.entities[0], "Kim Jong-un")])
        [found] = find_quotes(archive, speaker="Kim Jong-un")
        assert found.quote.speaker == "Kim Jong-un"


def test_an_article_reopens_from_the_archive_alone(tmp_path: Path, seed_analysis: Analysis) -> None:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        article_id = archive.add(seed_analysis)
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        assert archive.analysis(article_id) == seed_analysis


def test_a_version_1_archive_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    old = open_database(path, BASE_SCHEMA, version=1)
    old.execute("INSERT INTO people (name, type) VALUES ('Ana Ruiz', 'PERSON')")
    old.close()
    with Archive.open(path) as archive:
        assert archive.read("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert archive.read("SELECT name FROM people") == [("Ana Ruiz",)]
        archive.add(story(1))
        [person] = people_named(archive, "Kim Jong Un")
        assert split_person(archive, person, archive.article_ids()) is not None
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_damaged_archive_is_moved_aside_and_a_fresh_one_made(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with Archive.open(path) as archive:
        archive.add(story(1))
        assert len(archive.article_ids()) == 1
    assert [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def recount(archive: Archive) -> dict[int, tuple[int, int, str, str, tuple[str, ...]]]:
    """Each person's articles, quotes, first and last day and outlets, added up from the rows."""
    day = "COALESCE(a.published, date(a.first_archived, 'unixepoch'))"
    rows = archive.read(
        f"SELECT x.person_id, COUNT(DISTINCT x.article_id), MIN({day}), MAX({day}),"
        " GROUP_CONCAT(DISTINCT a.site)"
        " FROM (SELECT person_id, article_id FROM entities UNION"
        "       SELECT person_id, article_id FROM quotes) x"
        " JOIN articles a ON a.id = x.article_id WHERE x.person_id IS NOT NULL"
        " GROUP BY x.person_id"
    )
    quotes = dict(archive.read("SELECT person_id, COUNT(*) FROM quotes GROUP BY person_id"))
    return {
        int(str(p)): (int(str(n)), int(str(quotes.get(p, 0))), str(first), str(last),
                      tuple(sorted(str(sites).split(","))))
        for p, n, first, last, sites in rows
    }  # fmt: skip


def tallies(archive: Archive) -> dict[int, tuple[int, int, str, str, tuple[str, ...]]]:
    return {
        p.id: (p.articles, p.quotes, p.first_seen, p.last_seen, p.outlets)
        for p in list_people(archive, ("PERSON", "ORG", "PLACE", "OTHER"), all_outlets=True)
    }


def test_the_people_tallies_stay_in_step_with_the_rows(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        for number in range(6):
            archive.add(story(number, "Ana Ruiz", site=f"Site {number % 3}",
                              published=f"2025-0{number + 1}-01"))  # fmt: skip
        assert tallies(archive) == recount(archive)
        [ana] = [p for p in list_people(archive) if p.name == "Ana Ruiz"]
        assert ana.outlets == ("Site 0", "Site 1", "Site 2") and ana.outlet_count == 3
        # The same text again, now said by someone else and dated otherwise: Ana loses it.
        changed = story(5, "Ana Ruiz", site="Site 9", published="2024-12-31")
        kim = next(e for e in changed.entities if e.name == "Ana Ruiz")
        archive.add(changed, [rename(kim, "Ben Ode")])
        assert tallies(archive) == recount(archive)
        [ana] = people_named(archive, "Ana Ruiz")
        split_person(archive, ana, archive.article_ids()[:2])
        assert tallies(archive) == recount(archive)
        assert [p.articles for p in list_people(archive) if p.name == "Ana Ruiz"] == [3, 2]


def test_the_archiver_puts_the_wal_back_into_the_file_once_it_is_idle(tmp_path: Path) -> None:
    import sqlite3
    import time

    from support.archive_helpers import story

    from reader.archive.ingest import Archiver
    from reader.archive.store import CHECKPOINT_PAGES

    path = tmp_path / "archive.sqlite3"
    archiver = Archiver(path)
    try:
        futures = [archiver.submit(story(n, "Ana Ruiz", f"Said {n}")) for n in range(3)]
        assert [f.result(timeout=30) for f in futures] == [None, None, None]
        # Three small articles are far from the WAL's own checkpoint: only the idle one
        # copies them into the file, which then holds every page of the database.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and path.stat().st_size <= 4096:  # its header
            time.sleep(0.02)
        with sqlite3.connect(path) as db:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            size = db.execute("PRAGMA page_size").fetchone()[0]
            assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # per link
        assert pages < CHECKPOINT_PAGES
        assert path.stat().st_size == pages * size
    finally:
        archiver.close()
    with Archive.open(path) as archive:
        assert len(archive.article_ids()) == 3
        assert archive.connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == (
            CHECKPOINT_PAGES
        )
