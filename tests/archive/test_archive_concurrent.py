"""Two processes archiving at once into one archive: nothing is lost, and the person they
both quote is still one person (each article is one short transaction)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from support.archive_helpers import story

from reader.archive.queries import find_quotes, list_people
from reader.archive.store import Archive

ROUNDS = 300  # long enough that the two writers overlap


def archive_many(writer: int, path: str) -> None:
    with Archive.open(Path(path)) as archive:
        for number in range(ROUNDS):
            archive.add(story(writer * 1000 + number, "Kim Jong Un", f"Words {writer}-{number}"))


def test_two_processes_archiving_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    Archive.open(path).close()
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=archive_many, args=(n, str(path))) for n in (1, 2)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
        assert process.exitcode == 0
    with Archive.open(path) as archive:
        assert len(archive.article_ids()) == 2 * ROUNDS
        quotes = find_quotes(archive, speaker="Kim Jong Un")
        assert sorted(q.quote.text for q in quotes) == sorted(
            f"Words {w}-{n}" for w in (1, 2) for n in range(ROUNDS)
        )
        assert [p.articles for p in list_people(archive) if p.name == "Kim Jong Un"] == [2 * ROUNDS]
        assert len(find_quotes(archive, "Words")) == 2 * ROUNDS
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
