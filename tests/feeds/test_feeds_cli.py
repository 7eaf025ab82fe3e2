"""`reader feeds ...` and `reader extract --feed`, run through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.feed_server import Resource, feed_server, rss
from support.http_server import ARTICLE_HTML, ARTICLE_TITLE

from reader.cli import main
from reader.feeds.opml import read_opml, write_opml
from reader.feeds.store import FeedStore

OPML = Path(__file__).resolve().parents[1] / "data" / "feeds" / "subscriptions.opml"


def test_a_real_world_opml_file_is_read_with_its_folders() -> None:
    subscriptions = read_opml(OPML.read_bytes(), OPML.name)
    by_url = {s.url: s for s in subscriptions}
    assert len(subscriptions) == 6  # the repeated BBC feed once, no file: or link outline
    bbc = by_url["https://feeds.bbci.co.uk/news/world/rss.xml"]
    assert (bbc.title, bbc.folder, bbc.site) == (
        "BBC News - World",
        "World",
        "https://www.bbc.co.uk/news/world",
    )
    assert by_url["https://www.koreaherald.com/common/rss_xml.php?ct=102&np=1"].folder == "Asia"
    assert by_url["https://news.ycombinator.com/rss"].title == "Hacker News"  # text only
    assert by_url["https://news.ycombinator.com/rss"].folder == "Tech & Science"
    assert by_url["https://www.voanews.com/api/zq$omekvi_"].folder is None


def test_opml_import_then_export_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feeds", "import", str(OPML)]) == 0
    assert "Imported 6 feeds" in capsys.readouterr().out
    assert main(["feeds", "import", str(OPML)]) == 0
    assert "Imported 0 feeds (6 already subscribed)" in capsys.readouterr().out
    assert main(["feeds", "export"]) == 0
    exported = capsys.readouterr().out
    assert exported.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    again = read_opml(exported.encode(), "exported.opml")
    original = read_opml(OPML.read_bytes(), OPML.name)
    key = lambda s: (s.url, s.title, s.site, s.folder)  # noqa: E731
    assert sorted(map(key, again)) == sorted(map(key, original))
    # and what we write we read the same way
    assert sorted(map(key, read_opml(write_opml(again).encode(), "x"))) == sorted(map(key, again))


def test_a_broken_opml_file_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline xmlUrl='http://x/'></body>")
    assert main(["feeds", "import", str(bad)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("reader: ") and "is not valid XML" in error
    assert error.count("\n") == 1 and "Traceback" not in error
    assert main(["feeds", "import", str(tmp_path / "missing.opml")]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_add_list_refresh_and_remove(capsys: pytest.CaptureFixture[str]) -> None:
    with feed_server() as server:
        items = [(f"g{n}", f"Story {n}", server.url(f"/s/{n}")) for n in range(3)]
        server.routes["/rss"] = Resource(rss("Bay News", items), etag='"1"')
        server.routes["/gone"] = Resource(b"", "text/plain", status=410)
        assert main(["feeds", "add", server.url("/rss")]) == 0
        assert "Subscribed to Bay News: 3 items" in capsys.readouterr().out
        assert main(["feeds", "add", server.url("/rss")]) == 0
        assert "Already subscribed" in capsys.readouterr().out
        assert main(["feeds", "add", server.url("/missing")]) == 1
        assert "answered 404" in capsys.readouterr().err
        FeedStore.open().add(server.url("/gone"))
        assert main(["feeds", "refresh"]) == 1
        out, err = capsys.readouterr()
    assert "Refreshed 2 feeds: 0 new items, 1 could not be refreshed." in out
    assert err.count("\n") == 1 and "is gone (410 Gone)" in err
    assert main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Bay News" in listing and "3 / 3" in listing
    assert main(["feeds", "remove", "Bay News"]) == 0
    assert main(["feeds", "remove", "Bay News"]) == 1
    assert "No feed Bay News is subscribed" in capsys.readouterr().err
    assert [feed.url for feed in FeedStore.open().feeds()] == [server.url("/gone")]


@pytest.mark.slow
def test_extract_feed_gives_every_items_full_article_and_analysis(
    nlp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    with feed_server() as server:
        server.routes["/article"] = Resource(ARTICLE_HTML.encode(), "text/html; charset=utf-8")
        server.routes["/second"] = Resource(
            ARTICLE_HTML.replace("Harbour", "River").encode(), "text/html; charset=utf-8"
        )
        items = [("1", "Summary only", server.url("/article")), ("2", "R", server.url("/second"))]
        server.routes["/rss"] = Resource(rss("Bay", items))
        status = main(["extract", "--feed", server.url("/rss"), "--format", "jsonl"])
        out = capsys.readouterr().out
    assert status == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["title"] for line in lines] == [
        ARTICLE_TITLE,
        ARTICLE_TITLE.replace("Harbour", "River"),
    ]
    assert "brass band played" in lines[0]["text"]  # the full article, not the summary
    assert {"entities", "quotes"} <= set(lines[0])


def test_extract_feed_that_fails_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with feed_server() as server:
        server.routes["/gone"] = Resource(b"", "text/plain", status=410)
        assert main(["extract", "--feed", server.url("/gone"), "--format", "jsonl"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("reader: ") and "410" in error and error.count("\n") == 1


def test_reader_feeds_with_no_feeds_says_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feeds"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("reader: no feeds yet") and "reader feeds add URL" in error
    assert error.count("\n") == 1
