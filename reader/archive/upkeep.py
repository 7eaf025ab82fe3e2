"""Keeping the archive healthy: splitting a wrong merge, vacuuming, and moving it as JSON lines.

A split moves some articles' entities (and the quotes they said) from one person to a new
one, and is remembered per article text and entity (`splits`), so archiving the article again
keeps them apart.

The export is one JSON object a line: first every person (`{"person": n, "name", "type",
"names"}`, numbered from 1 in the archive's order), then every article (`{"article": the
`reader extract` JSON of its analysis, "archived": [first, last], "people": {entity id: n},
"splits": [entity ids]}`). Importing it into an empty archive and exporting again gives the
same lines; importing into a full one merges its people by name, as archiving does.

`article_line` is the line of one analysed article with no people given: importing it
archives the article as `reader extract --save` would. It is how an archive is built from
lines made anywhere (docs/scale.md: a Dask bag over a corpus).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reader.archive.store import Archive
from reader.archive.tally import refresh_people, tally, untally
from reader.codec import analysis_from_dict, analysis_to_dict
from reader.keep.corrections import text_key

if TYPE_CHECKING:
    from reader.model import Analysis


class ExportLineError(ValueError):
    """A line of an import file that is not one of the export's lines; one sentence."""


def split_person(archive: Archive, person_id: int, article_ids: Iterable[int]) -> int | None:
    """Move `person_id`'s entities and quotes in `article_ids` to a new person of the same
    name; its id, or None when the person is not named in those articles."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return None
    marks = ",".join("?" * len(wanted))
    with archive.writing() as db:
        row = db.execute("SELECT name, type FROM people WHERE id = ?", (person_id,)).fetchone()
        moved = db.execute(
            "SELECT a.text_key, e.entity_id FROM entities e JOIN articles a ON a.id = e.article_id"
            f" WHERE e.person_id = ? AND e.article_id IN ({marks})",
            (person_id, *wanted),
        ).fetchall()
        if row is None or not moved:
            return None
        cursor = db.execute("INSERT INTO people (name, type) VALUES (?, ?)", row)
        new = int(cursor.lastrowid or 0)
        shares = {
            int(article): (str(day), str(site))
            for article, day, site in db.execute(
                "SELECT article_id, day, site FROM person_articles"
                f" WHERE person_id = ? AND article_id IN ({marks})",
                (person_id, *wanted),
            )
        }
        for article in shares:
            untally(db, article)
        # The new person keeps the names, to be found by them; the first owner still takes
        # the articles archived later (`Archive._person_for` asks for the lowest id).
        db.execute(
            "INSERT INTO names (type, key, person_id)"
            " SELECT type, key, ? FROM names WHERE person_id = ?",
            (new, person_id),
        )
        for table in ("entities", "quotes"):
            db.execute(
                f"UPDATE {table} SET person_id = ? WHERE person_id = ? AND article_id IN ({marks})",
                (new, person_id, *wanted),
            )
        db.executemany(
            "INSERT OR REPLACE INTO splits (text_key, entity_id, person_id) VALUES (?, ?, ?)",
            [(key, entity, new) for key, entity in moved],
        )
        touched = {person_id, new}
        for article, (day, site) in shares.items():
            touched |= tally(db, article, day, site)
        refresh_people(db, touched)
    return new


def vacuum(archive: Archive) -> None:
    """The full-text indexes merged and the file rebuilt without its free pages."""
    with archive.writing() as db:
        db.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('optimize')")
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    archive.connection.execute("VACUUM")
    archive.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def export_lines(archive: Archive) -> Iterator[str]:
    """The archive as JSON lines (see the module's note), people first."""
    number: dict[int, int] = {}
    for pid, name, kind in archive.read("SELECT id, name, type FROM people ORDER BY id"):
        number[int(str(pid))] = len(number) + 1
        names = [
            str(row[0])
            for row in archive.read(
                "SELECT key FROM names WHERE person_id = ? ORDER BY key", (pid,)
            )
        ]
        line = {"person": len(number), "name": name, "type": kind, "names": names}
        yield json.dumps(line, ensure_ascii=False)
    for article_id in archive.article_ids():
        analysis = archive.analysis(article_id)
        if analysis is None:  # pragma: no cover - the id was just read
            continue
        split = [
            str(row[0])
            for row in archive.read(
                "SELECT entity_id FROM splits WHERE text_key = ? ORDER BY entity_id",
                (text_key(analysis.article),),
            )
        ]
        line = {
            "article": analysis_to_dict(analysis),
            "archived": list(archive.archived_times(article_id)),
            "people": {
                entity: number[person]
                for entity, person in archive.entity_people(article_id).items()
            },
            "splits": split,
        }
        yield json.dumps(line, ensure_ascii=False)


def article_line(analysis: Analysis, archived: float | None = None) -> str:
    """One analysed article as a line `import_lines` takes (archived now, unless given)."""
    when = time.time() if archived is None else archived
    line = {"article": analysis_to_dict(analysis), "archived": [when, when], "people": {}}
    return json.dumps(line, ensure_ascii=False)


def import_lines(archive: Archive, lines: Iterable[str]) -> int:
    """Add the articles and people of an export to `archive`; the number of articles."""
    people: dict[int, int] = {}
    articles = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if "person" in item:
                people[int(item["person"])] = _import_person(archive, item, set(people.values()))
                continue
            analysis = analysis_from_dict(item["article"])
            first, last = (float(value) for value in item["archived"])
            chosen = {str(e): people[int(n)] for e, n in item.get("people", {}).items()}
            splits = [str(entity) for entity in item.get("splits", ())]
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ExportLineError(
                f"line {number} is not a line of an archive export ({error})"
            ) from None
        archive.add(analysis, archived=(first, last), people=chosen)
        if splits:
            key = text_key(analysis.article)
            with archive.writing() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO splits (text_key, entity_id, person_id)"
                    " VALUES (?, ?, ?)",
                    [(key, entity, chosen[entity]) for entity in splits if entity in chosen],
                )
        articles += 1
    return articles


def _import_person(archive: Archive, item: dict[str, object], taken: set[int]) -> int:
    """The person one of `item`'s names belongs to here, or a new one with its names. A
    person this import already matched (`taken`) is another one of the file's people (one
    split off it), never this one."""
    name, kind = str(item["name"]), str(item["type"])
    names = [str(key) for key in item["names"]]  # type: ignore[attr-defined]
    with archive.writing() as db:
        for key in names:
            row = db.execute(
                "SELECT person_id FROM names WHERE type = ? AND key = ? ORDER BY person_id LIMIT 1",
                (kind, key),
            ).fetchone()
            if row is not None and int(row[0]) not in taken:
                return int(row[0])
        cursor = db.execute("INSERT INTO people (name, type) VALUES (?, ?)", (name, kind))
        person = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT OR IGNORE INTO names (type, key, person_id) VALUES (?, ?, ?)",
            [(kind, key, person) for key in names],
        )
    return person
