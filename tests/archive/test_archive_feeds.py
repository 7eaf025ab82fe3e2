"""Articles prefetched from a feed go into the archive; an unusable archive does not stop it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.feed_server import Resource, feed_server, rss

from reader.archive.queries import find_quotes
from reader.archive.store import Archive
from reader.feeds import prefetch as prefetch_module
from reader.feeds.refresh import subscribe
from reader.feeds.store import FeedStore

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
VOA = (SAMPLES / "voa-korea-olympics-talks.txt").read_bytes()

pytestmark = pytest.mark.slow


def prefetch_into(
    tmp_path: Path, archive_file: Path
) -> tuple[subprocess.CompletedProcess[str], str]:
    """One feed item, prefetched by the real prefetch process into `archive_file`."""
    library = tmp_path / "library.sqlite3"
    store = FeedStore.open(library)
    with feed_server() as server:
        server.routes["/voa"] = Resource(VOA, "text/plain; charset=utf-8")
        server.routes["/rss"] = Resource(rss("Wire", [("v", "Korea talks", server.url("/voa"))]))
        _, outcome = subscribe(store, server.url("/rss"))
        assert outcome is not None
        store.close()
        command = prefetch_module.command(library, tmp_path / "cache.sqlite3", outcome.new, 5)
        command[3:3] = ["--archive", str(archive_file)]
        ran = subprocess.run(command, capture_output=True, text=True, timeout=300)
        return ran, server.url("/voa")


def test_the_prefetch_process_archives_what_it_analyses(tmp_path: Path) -> None:
    archive_file = tmp_path / "archive.sqlite3"
    ran, url = prefetch_into(tmp_path, archive_file)
    assert ran.returncode == 0, ran.stderr
    with Archive.open(archive_file) as archive:
        [article_id] = archive.article_ids()
        kept = archive.analysis(article_id)
        assert kept is not None and kept.article.source == url
        said = find_quotes(archive, speaker="Moon Jae-in")
        assert said and said[0].source == url


def test_an_unusable_archive_does_not_stop_the_prefetch(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    ran, _ = prefetch_into(tmp_path, blocker / "archive.sqlite3")
    assert ran.returncode == 0 and "Traceback" not in ran.stderr
    assert ran.stderr.count("archive is not available") == 1
    store = FeedStore.open(tmp_path / "library.sqlite3")
    assert store.items()[0].quote_count  # prefetched all the same
    store.close()
