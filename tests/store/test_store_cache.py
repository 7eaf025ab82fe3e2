"""The analysis cache: stored and found again, keyed by text and analyser, never a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.tui_seed import frozen_seed

from reader.codec import encode_analysis
from reader.model import Analysis, Article
from reader.pipeline import analysis_for
from reader.store import db
from reader.store.cache import SCHEMA_VERSION, AnalysisCache, article_key
from reader.store.dirs import cache_dir


def test_an_analysis_comes_back_whole(tmp_path: Path) -> None:
    analysis = frozen_seed()
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    assert cache.get(analysis.article) is None
    cache.put(analysis)
    found = AnalysisCache(tmp_path / "cache.sqlite3").get(analysis.article)
    assert found is not None
    assert found.entities == analysis.entities and found.quotes == analysis.quotes
    assert found.article is analysis.article


def test_an_analysis_encoded_elsewhere_is_stored_as_it_is(tmp_path: Path) -> None:
    """The analysis process sends its result encoded; the cache keeps those bytes."""
    analysis = frozen_seed()
    payload = encode_analysis(analysis)
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    cache.put_payload(analysis.article, payload)
    with sqlite3.connect(tmp_path / "cache.sqlite3") as connection:
        stored = connection.execute("SELECT payload FROM analyses").fetchall()
    assert stored == [(payload,)]
    found = cache.get(analysis.article)
    assert found is not None and found.quotes == analysis.quotes
    small = AnalysisCache(tmp_path / "small.sqlite3", max_bytes=len(payload) - 1)
    small.put_payload(analysis.article, payload)  # beyond the bound: not stored
    assert small.get(analysis.article) is None


def test_the_key_follows_the_text_and_the_blocks() -> None:
    article = frozen_seed().article
    assert article_key(article) == article_key(Article(**_fields(article)))
    changed = Article(**{**_fields(article), "text": article.text.replace("Kim", "Kin", 1)})
    assert article_key(changed) != article_key(article)
    merged = Article(**{**_fields(article), "blocks": article.blocks[1:]})
    assert article_key(merged) != article_key(article)


def test_a_file_that_is_not_a_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database\n" * 100)
    analysis = frozen_seed()
    cache = AnalysisCache(path)
    assert cache.get(analysis.article) is None
    cache.put(analysis)
    assert cache.get(analysis.article) is not None
    assert [p.name for p in tmp_path.glob("cache.sqlite3.corrupt-*")]


def test_a_truncated_database_is_survived(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = AnalysisCache(path)
    seed = frozen_seed()
    for number in range(30):
        cache.put(_variant(seed, number))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    fresh = AnalysisCache(path)
    for number in range(30):
        fresh.get(_variant(seed, number).article)  # each finds it, misses, or moves aside
    fresh.put(seed)
    # Opened as the library is (`db.open_database`): the quick check finds the damage, the
    # file is moved aside and rebuilt, and the cache works again in the same run.
    assert fresh.disabled_reason is None
    assert fresh.get(seed.article) is not None
    assert [p.name for p in tmp_path.glob("cache.sqlite3.corrupt-*")]


def test_the_cache_shares_the_library_s_opener(tmp_path: Path, monkeypatch) -> None:
    """One opener for both databases: a cache file of an unknown schema version is moved
    aside by `open_database`, and the cache's connections come from it."""
    path = tmp_path / "cache.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 7}")
    opened: list[Path] = []
    real_open = db.open_database

    def counting_open(where: Path, *args, **kwargs) -> sqlite3.Connection:
        opened.append(where)
        return real_open(where, *args, **kwargs)

    monkeypatch.setattr("reader.store.cache.open_database", counting_open)
    seed = frozen_seed()
    cache = AnalysisCache(path)
    cache.put(seed)
    assert cache.get(seed.article) is not None
    assert opened and set(opened) == {path}
    assert [p.name for p in tmp_path.glob("cache.sqlite3.corrupt-*")]


def test_analysis_for_takes_the_cached_analysis(tmp_path: Path) -> None:
    """A stored analysis comes back from the cache as it was stored (no analysis runs: the
    frozen seed's entity list is what the cache holds, not what spaCy would find now)."""
    seed = frozen_seed()
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    marked = Analysis(seed.article, seed.entities[:1], seed.quotes[:2])
    cache.put(marked)
    found = analysis_for(seed.article, cache)
    assert found.entities == marked.entities and found.quotes == marked.quotes


def test_analysis_for_analyses_and_stores_a_miss(nlp, seed_article: Article, tmp_path) -> None:
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    analysis = analysis_for(seed_article, cache)
    assert analysis.quotes and analysis.entities
    stored = cache.get(seed_article)
    assert stored is not None and stored.quotes == analysis.quotes
    assert analysis_for(seed_article, None).quotes == analysis.quotes  # --no-cache: analyses


def test_a_locked_cache_is_bypassed(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    seed = frozen_seed()
    AnalysisCache(path).put(seed)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        cache = AnalysisCache(path)
        cache.put(_variant(seed, 1))  # waits out the busy timeout, then gives up quietly
        assert cache.disabled_reason is not None
        assert cache.get(seed.article) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_the_oldest_entries_are_evicted_beyond_the_size_bound(tmp_path: Path) -> None:
    seed = frozen_seed()
    probe = AnalysisCache(tmp_path / "probe.sqlite3")
    probe.put(seed)
    cache = AnalysisCache(tmp_path / "cache.sqlite3", max_bytes=3 * _entry_size(probe) + 100)
    variants = [_variant(seed, number) for number in range(6)]
    for variant in variants[:3]:
        cache.put(variant)
    cache.get(variants[0].article)  # used again: now the newest
    for variant in variants[3:5]:
        cache.put(variant)
    kept = {cache.get(v.article) is not None for v in variants[:1]}
    assert kept == {True}
    assert cache.get(variants[1].article) is None and cache.get(variants[2].article) is None
    assert cache.get(variants[4].article) is not None
    assert len(cache.keys()) == 3


def test_an_entry_that_does_not_fit_the_article_is_dropped(tmp_path: Path) -> None:
    seed = frozen_seed()
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    cache.put(seed)
    with sqlite3.connect(tmp_path / "cache.sqlite3") as connection:
        connection.execute("UPDATE analyses SET payload = x'00ff'")
    assert cache.get(seed.article) is None
    assert cache.keys() == []


def test_the_cache_directory_can_be_chosen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"
    assert AnalysisCache.default().path.parent == tmp_path / "elsewhere"


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in article.__slots__}


def _variant(seed: Analysis, number: int) -> Analysis:
    """The seed with a different last word: another article, the same analysis."""
    article = Article(**{**_fields(seed.article), "text": seed.article.text + f" {number}"})
    return Analysis(article, seed.entities, seed.quotes)


def _entry_size(cache: AnalysisCache) -> int:
    with sqlite3.connect(cache.path) as connection:
        return connection.execute("SELECT MAX(size) FROM analyses").fetchone()[0]


def test_the_analysers_files_are_found_and_ordered_as_rglob_finds_them(tmp_path: Path) -> None:
    """The fingerprint's walk (`os.scandir`, off the first paint's way) lists what
    `Path.rglob("*.py")` lists, in its order: a folder before the file that shares its name
    with a suffix, sub-packages entered, symlinked folders not."""
    from reader.store.cache import _python_files

    for name in ("entities.py", "entities/__init__.py", "entities/merge.py", "z/a.py",
                 "entities_more.py", "notes.txt", "e/deep/er.py"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    (tmp_path / "linked").symlink_to(tmp_path / "z", target_is_directory=True)
    expected = [p.relative_to(tmp_path).parts for p in sorted(tmp_path.rglob("*.py"))]
    walked = sorted(_python_files(str(tmp_path)))
    assert [parts for parts, _ in walked] == expected
    assert [stat.st_size for _, stat in walked] == [6] * len(expected)
