"""Two readers open at once: both write the same history and cache, and nothing is lost.

Real processes, real SQLite files: each writer records its own articles and reading places
many times over, in short transactions, while the other does the same.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from reader.model import Analysis, Article, Entity, Mention, Quote
from reader.store.cache import AnalysisCache
from reader.store.library import Library

ROUNDS = 40


def article(writer: int, number: int) -> Article:
    text = f"Writer {writer} story {number}. “Words {number},” said Ana Ruiz."
    return Article.from_blocks(f"w{writer}-{number}.txt", [("paragraph", text)], title=text[:20])


def analysis_of(item: Article) -> Analysis:
    start = item.text.index("Words")
    end = item.text.index("”")
    name_at = item.text.index("Ana Ruiz")
    ruiz = Entity(
        "person-ana-ruiz", "Ana Ruiz", "PERSON", ("Ana Ruiz",), (Mention(name_at, name_at + 8),)
    )
    quote = Quote("q1", item.text[start:end], start, end, "Ana Ruiz", ruiz.id, "direct", "said")
    return Analysis(item, (ruiz,), (quote,))


def write_many(writer: int, library_path: str, cache_path: str) -> None:
    library = Library.open(Path(library_path))
    cache = AnalysisCache(Path(cache_path))
    for number in range(ROUNDS):
        item = article(writer, number)
        library.record_open(item.source, item)
        library.save_position(item, number)
        cache.put(analysis_of(item))
    library.close()


def test_two_readers_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    library_path, cache_path = tmp_path / "library.sqlite3", tmp_path / "cache.sqlite3"
    Library.open(library_path).close()  # both writers find the same, existing database
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=write_many, args=(n, str(library_path), str(cache_path)))
        for n in (1, 2)
    ]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
        assert process.exitcode == 0

    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name], "nothing moved aside"
    library = Library.open(library_path)
    cache = AnalysisCache(cache_path)
    sources = {entry.source for entry in library.history()}
    for writer in (1, 2):
        for number in range(ROUNDS):
            item = article(writer, number)
            assert any(source.endswith(item.source) for source in sources), item.source
            assert library.position(item) == number
            cached = cache.get(item)
            assert cached is not None, item.source
            assert cached.quotes[0].text == f"Words {number},"
    check = library.connection.execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"
