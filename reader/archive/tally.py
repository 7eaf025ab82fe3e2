"""Each person's tally (articles, quotes, first and last seen, outlets), kept in step with the
articles as they are archived, replaced or split, so the people list is read, not counted.

An article's share is one `person_articles` row per person it names or quotes (its day, its
site, the person's quotes in it). `untally` takes an article's share out before its rows are
replaced, `tally` puts the share of its current rows in; `refresh_people` reads first and
last seen back from the `(person_id, day)` index, and the top outlets, for the people
touched.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable


def untally(db: sqlite3.Connection, article_id: int) -> set[int]:
    """Take `article_id`'s share out of its people's tallies; the people it touched."""
    rows = db.execute(
        "SELECT person_id, site, quotes FROM person_articles WHERE article_id = ?", (article_id,)
    ).fetchall()
    for person, site, quotes in rows:
        db.execute(
            "UPDATE people SET articles = articles - 1, quotes = quotes - ? WHERE id = ?",
            (quotes, person),
        )
        db.execute(
            "UPDATE person_outlets SET articles = articles - 1 WHERE person_id = ? AND site = ?",
            (person, site),
        )
        db.execute(
            "DELETE FROM person_outlets WHERE person_id = ? AND site = ? AND articles <= 0",
            (person, site),
        )
    db.execute("DELETE FROM person_articles WHERE article_id = ?", (article_id,))
    return {int(row[0]) for row in rows}


def tally(db: sqlite3.Connection, article_id: int, day: str, site: str) -> set[int]:
    """Add `article_id`'s share, from its entity and quote rows, to its people's tallies."""
    quoted = Counter(
        int(row[0])
        for row in db.execute(
            "SELECT person_id FROM quotes WHERE article_id = ? AND person_id IS NOT NULL",
            (article_id,),
        )
    )
    named = {
        int(row[0])
        for row in db.execute(
            "SELECT person_id FROM entities WHERE article_id = ? AND person_id IS NOT NULL",
            (article_id,),
        )
    }
    people = named | set(quoted)
    db.executemany(
        "INSERT INTO person_articles (person_id, article_id, day, site, quotes)"
        " VALUES (?, ?, ?, ?, ?)",
        [(person, article_id, day, site, quoted[person]) for person in people],
    )
    db.executemany(
        "UPDATE people SET articles = articles + 1, quotes = quotes + ? WHERE id = ?",
        [(quoted[person], person) for person in people],
    )
    db.executemany(
        "INSERT INTO person_outlets (person_id, site, articles) VALUES (?, ?, 1)"
        " ON CONFLICT (person_id, site) DO UPDATE SET articles = articles + 1",
        [(person, site) for person in people],
    )
    return people


#: Outlets kept on a person's row, the ones that named them most (all are in `person_outlets`).
TOP_OUTLETS = 4


def refresh_people(db: sqlite3.Connection, people: Iterable[int]) -> None:
    """First and last seen of `people` (read from the day index), and their top outlets."""
    for person in people:
        outlets = [
            str(row[0])
            for row in db.execute(
                "SELECT site FROM person_outlets WHERE person_id = ? AND site != ''"
                " ORDER BY articles DESC, site LIMIT ?",
                (person, TOP_OUTLETS),
            )
        ]
        db.execute(
            "UPDATE people SET"
            " first_seen = (SELECT MIN(day) FROM person_articles WHERE person_id = ?1),"
            " last_seen = (SELECT MAX(day) FROM person_articles WHERE person_id = ?1),"
            " outlet_count = (SELECT COUNT(*) FROM person_outlets"
            "                 WHERE person_id = ?1 AND site != ''),"
            " outlets = ?2"
            " WHERE id = ?1",
            (person, json.dumps(outlets)),
        )
