"""Refreshing feeds from a real server on 127.0.0.1: parsing, conditional GET, problems, store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support.feed_server import Gauge, Resource, feed_server, rss

from reader.errors import LoadError
from reader.feeds.refresh import refresh, subscribe
from reader.feeds.store import FeedStore

ESC = "\x1b"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Courier</title>
  <link href="https://courier.example/"/>
  <updated>2026-03-02T09:00:00Z</updated>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>Bridge opens after four years</title>
    <link href="https://courier.example/2026/bridge"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2026-03-02T08:00:00Z</updated>
    <author><name>Ana Ruiz</name></author>
    <summary>The new harbour bridge opened on Saturday.</summary>
  </entry>
</feed>
"""


@pytest.fixture
def store(tmp_path: Path) -> FeedStore:
    opened = FeedStore.open(tmp_path / "library.sqlite3")
    yield opened
    opened.close()


def items_of(server, count: int, prefix: str = "story") -> list[tuple[str, str, str]]:
    return [
        (f"{prefix}-{n}", f"{prefix.title()} {n}", server.url(f"/{prefix}/{n}"))
        for n in range(count)
    ]


def test_an_rss_feed_is_stored_with_its_items(store: FeedStore) -> None:
    with feed_server() as server:
        server.routes["/rss"] = Resource(rss("Bay News", items_of(server, 3)))
        feed, outcome = subscribe(store, server.url("/rss"))
    assert outcome is not None and outcome.status == "updated" and len(outcome.new) == 3
    assert feed.title == "Bay News" and feed.unread == 3
    items = store.items(feed.id)
    assert [item.guid for item in items] == ["story-2", "story-1", "story-0"]  # newest first
    assert items[0].link == server.url("/story/2")
    assert items[0].published == "2026-03-03T08:02:00Z"
    assert items[0].summary == "Summary of Story 2"


def test_a_feed_served_as_html_is_still_read_as_a_feed(store: FeedStore) -> None:
    body = rss("Mislabelled", [("1", "One", "https://x.example/1")])
    with feed_server() as server:
        server.routes["/rss"] = Resource(body.split(b"\n", 1)[1], "text/html")  # no <?xml
        feed, _ = subscribe(store, server.url("/rss"))
    assert feed.title == "Mislabelled" and feed.total == 1


def test_an_atom_feed_is_read(store: FeedStore) -> None:
    with feed_server() as server:
        server.routes["/atom"] = Resource(ATOM, "application/atom+xml")
        feed, _ = subscribe(store, server.url("/atom"))
    [item] = store.items(feed.id)
    assert feed.title == "Harbour Courier"
    assert (item.title, item.author, item.link) == (
        "Bridge opens after four years",
        "Ana Ruiz",
        "https://courier.example/2026/bridge",
    )
    assert item.guid == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"


def test_broken_xml_that_feedparser_marks_bozo_is_still_read(store: FeedStore) -> None:
    broken = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & Co</title>'
        b"<item><title>First <b>bold</title><link>http://x.example/1</link><guid>1</guid></item>"
        b"<item><title>Second</title><link>http://x.example/2</link><guid>2</guid></item>"
    )  # an unescaped &, an unclosed <b>, no closing tags
    with feed_server() as server:
        server.routes["/broken"] = Resource(broken, "text/xml")
        feed, outcome = subscribe(store, server.url("/broken"))
    assert outcome is not None and len(outcome.new) == 2
    assert {item.guid for item in store.items(feed.id)} == {"1", "2"}


def test_relative_links_are_resolved_against_the_feed(store: FeedStore) -> None:
    body = rss("Rel", [("a", "Relative", "/news/2026/relative.html"), ("b", "Up", "../up.html")])
    with feed_server() as server:
        server.routes["/feeds/rel.xml"] = Resource(body)
        feed, _ = subscribe(store, server.url("/feeds/rel.xml"))
        links = {item.guid: item.link for item in store.items(feed.id)}
    assert links == {
        "a": server.url("/news/2026/relative.html"),
        "b": server.url("/up.html"),
    }


def test_enclosures_are_kept(store: FeedStore) -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title><item>'
        b"<title>Episode 1</title><guid>ep1</guid><link>https://pod.example/1</link>"
        b'<enclosure url="/media/ep1.mp3" length="1234" type="audio/mpeg"/></item>'
        b"</channel></rss>"
    )
    with feed_server() as server:
        server.routes["/pod"] = Resource(body)
        feed, _ = subscribe(store, server.url("/pod"))
    [item] = store.items(feed.id)
    assert item.enclosure == server.url("/media/ep1.mp3")


def test_a_json_feed_is_read(store: FeedStore) -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "JSON News",'
        b' "home_page_url": "https://json.example/", "items": [{"id": "j1",'
        b' "url": "https://json.example/1", "title": "Moon meets Trump",'
        b' "date_published": "2026-03-02T10:00:00+09:00", "authors": [{"name": "Kim"}]}]}'
    )
    with feed_server() as server:
        server.routes["/feed.json"] = Resource(body, "application/feed+json")
        feed, _ = subscribe(store, server.url("/feed.json"))
    [item] = store.items(feed.id)
    assert feed.title == "JSON News"
    assert (item.guid, item.title, item.author, item.published) == (
        "j1",
        "Moon meets Trump",
        "Kim",
        "2026-03-02T01:00:00Z",
    )


def test_refresh_sends_validators_and_a_304_changes_nothing(store: FeedStore) -> None:
    with feed_server() as server:
        server.routes["/rss"] = Resource(
            rss("Bay", items_of(server, 5)),
            etag='"v1"',
            last_modified="Mon, 02 Mar 2026 08:00:00 GMT",
        )
        subscribe(store, server.url("/rss"))
        [outcome] = refresh(store)
        second = server.hits("/rss")[-1]
    assert outcome.status == "unchanged" and outcome.new == []
    assert second["if-none-match"] == '"v1"'
    assert second["if-modified-since"] == "Mon, 02 Mar 2026 08:00:00 GMT"
    assert len(store.items()) == 5


def test_an_edited_item_is_updated_not_duplicated_and_keeps_its_read_state(
    store: FeedStore,
) -> None:
    with feed_server() as server:
        server.routes["/rss"] = Resource(rss("Bay", [("g1", "Frist draft", server.url("/1"))]))
        feed, _ = subscribe(store, server.url("/rss"))
        [item] = store.items(feed.id)
        store.set_read(item.id)
        server.routes["/rss"] = Resource(
            rss("Bay", [("g1", "First draft", server.url("/1")), ("g2", "New", server.url("/2"))])
        )
        [outcome] = refresh(store)
    assert outcome.updated == 1 and len(outcome.new) == 1
    items = {item.guid: item for item in store.items(feed.id)}
    assert set(items) == {"g1", "g2"}
    assert items["g1"].title == "First draft" and items["g1"].read
    assert not items["g2"].read


def test_a_gone_a_looping_and_a_broken_feed_each_get_one_sentence_and_others_refresh(
    store: FeedStore,
) -> None:
    with feed_server() as server:
        server.routes["/good"] = Resource(rss("Good", items_of(server, 2)))
        server.routes["/gone"] = Resource(b"gone", "text/plain", status=410)
        server.routes["/loop-a"] = lambda h: h.redirect("/loop-b")
        server.routes["/loop-b"] = lambda h: h.redirect("/loop-a")
        server.routes["/junk"] = Resource(b"\x00\x01 not xml at all", "application/xml")
        for path in ("/gone", "/loop-a", "/junk", "/good"):
            store.add(server.url(path))
        outcomes = {outcome.feed.url: outcome for outcome in refresh(store)}
    good = outcomes[server.url("/good")]
    assert good.status == "updated" and len(good.new) == 2
    gone = outcomes[server.url("/gone")]
    assert gone.status == "problem" and "is gone (410 Gone)" in gone.sentence
    assert "reader feeds remove" in gone.sentence
    assert "redirects in a loop" in outcomes[server.url("/loop-a")].sentence
    assert "is not a feed" in outcomes[server.url("/junk")].sentence
    for outcome in outcomes.values():
        if outcome.sentence:
            assert outcome.sentence.count(". ") == 0 and outcome.sentence.endswith(".")
    assert store.feed(server.url("/gone")).problem == gone.sentence


def test_a_permanent_redirect_moves_the_subscription(store: FeedStore) -> None:
    with feed_server() as server:
        server.routes["/old"] = Resource(rss("Bay", items_of(server, 2)))
        feed, _ = subscribe(store, server.url("/old"))
        server.routes["/old"] = lambda h: h.redirect("/new", 301)
        server.routes["/new"] = Resource(rss("Bay", items_of(server, 3)))
        [outcome] = refresh(store)
        [moved] = store.feeds()
    assert "moved for good to" in outcome.sentence
    assert moved.id == feed.id and moved.url == server.url("/new")
    assert len(store.items(feed.id)) == 3  # the old items kept, one new


def test_a_temporary_redirect_keeps_the_address(store: FeedStore) -> None:
    with feed_server() as server:
        server.routes["/here"] = lambda h: h.redirect("/there", 302)
        server.routes["/there"] = Resource(rss("Bay", items_of(server, 1)))
        subscribe(store, server.url("/here"))
        refresh(store)
        [feed] = store.feeds()
    assert feed.url == server.url("/here")


def test_a_feed_of_ten_thousand_items_is_capped(store: FeedStore) -> None:
    from reader.feeds.parse import MAX_ITEMS

    with feed_server() as server:
        server.routes["/huge"] = Resource(rss("Huge", items_of(server, 10_000)))
        feed, outcome = subscribe(store, server.url("/huge"))
    assert outcome is not None and "lists 10,000 items" in outcome.sentence
    assert len(store.items(feed.id)) == MAX_ITEMS < 10_000
    kept = {item.guid for item in store.items(feed.id)}
    assert kept == {f"story-{n}" for n in range(MAX_ITEMS)}  # the feed's first (newest)


def test_no_more_than_four_hosts_at_a_time_and_one_request_per_host(store: FeedStore) -> None:
    gauge = Gauge()
    servers = []
    contexts = [feed_server(gauge) for _ in range(6)]
    try:
        for context in contexts:
            server = context.__enter__()
            servers.append(server)
            for number in range(2):
                path = f"/slow{number}"
                server.routes[path] = Resource(rss("S", items_of(server, 1)), delay=0.3)
                store.add(server.url(path))
        outcomes = refresh(store)
    finally:
        for context in contexts:
            context.__exit__(None, None, None)
    assert len(outcomes) == 12 and all(o.status == "updated" for o in outcomes)
    assert 1 < gauge.most <= 4
    assert all(server.most_in_flight == 1 for server in servers)


def test_hostile_titles_links_and_authors_are_cleaned(store: FeedStore) -> None:
    title = f"Pay{ESC}]52;c;ZXZpbA=={ESC}\\ now \u202eevil{ESC}[31m red"
    body = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Feed{ESC}[2J</title><item><guid>h1</guid><title>{title}</title>"
        f"<link>javascript:alert(1)</link><dc:creator>Eve{ESC}[8m hidden</dc:creator>"
        "</item><item><guid>h2</guid><title>&lt;script&gt;x&lt;/script&gt;Fine</title>"
        "<link>http://ok.example/</link></item></channel></rss>"
    ).encode()
    with feed_server() as server:
        server.routes["/hostile"] = Resource(body)
        feed, _ = subscribe(store, server.url("/hostile"))
    items = {item.guid: item for item in store.items(feed.id)}
    for text in (feed.title, items["h1"].title, items["h1"].author, items["h2"].title):
        assert text is not None and ESC not in text and "\u202e" not in text
    assert items["h1"].title == "Pay now evil red"
    assert items["h1"].link is None  # not an http(s) address
    assert items["h2"].title == "x Fine"  # markup in a title is dropped, its text kept


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>&lol9;</title>'
    "<item><guid>1</guid><title>&lol9;</title></item></channel></rss>"
).encode()
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<rss version="2.0"><channel><title>&xxe;</title></channel></rss>'
)
NETSCAPE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
    b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
    b"<title>Old</title><link>http://old.example/</link><description>d</description>"
    b"<item><title>A</title><link>http://old.example/a</link></item></channel></rss>"
)


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "external"])
def test_entity_declarations_are_refused_with_one_sentence(store: FeedStore, body: bytes) -> None:
    with feed_server() as server:
        server.routes["/evil"] = Resource(body)
        with pytest.raises(LoadError, match="declares XML entities"):
            subscribe(store, server.url("/evil"))
        store.add(server.url("/evil"))
        [outcome] = refresh(store)
    assert outcome.status == "problem" and "declares XML entities" in outcome.sentence
    assert store.items() == []


def test_a_doctype_that_only_names_a_dtd_is_read(store: FeedStore) -> None:
    with feed_server() as server:
        server.routes["/old"] = Resource(NETSCAPE, "text/xml")
        feed, _ = subscribe(store, server.url("/old"))
    assert feed.title == "Old" and len(store.items(feed.id)) == 1


def test_a_site_page_is_searched_for_its_feed(store: FeedStore) -> None:
    with feed_server() as server:
        page = (
            "<html><head><title>Bay</title>"
            '<link rel="stylesheet" href="/s.css">'
            '<link rel="alternate" type="application/rss+xml" title="Bay" href="/feeds/all.rss">'
            "</head><body><p>Welcome</p></body></html>"
        )
        server.routes["/"] = Resource(page.encode(), "text/html; charset=utf-8")
        server.routes["/feeds/all.rss"] = Resource(rss("Bay all", items_of(server, 2)))
        feed, _ = subscribe(store, server.url("/"))
        server.routes["/plain"] = Resource(b"<html><head></head><body>x</body></html>", "text/html")
        with pytest.raises(LoadError, match="announces no feed"):
            subscribe(store, server.url("/plain"))
    assert feed.url == server.url("/feeds/all.rss") and feed.unread == 2


CRASH_AFTER_FIRST = """
import os, sys
from reader.feeds.refresh import refresh
from reader.feeds.store import FeedStore
store = FeedStore.open()
def stop(outcome, done, total):
    if done == 1:
        os._exit(9)  # the power goes: no clean-up, no commit of anything after
refresh(store, max_hosts=1, on_outcome=stop)
"""


def test_losing_power_mid_refresh_keeps_what_was_stored(tmp_path: Path) -> None:
    with feed_server() as server:
        server.routes["/a"] = Resource(rss("A", items_of(server, 4, "a")))
        server.routes["/b"] = Resource(rss("B", items_of(server, 4, "b")))
        path = tmp_path / "library.sqlite3"
        with _open(path) as store:
            store.add(server.url("/a"))
            store.add(server.url("/b"))
        environment = {**os.environ, "READER_DATA_DIR": str(tmp_path)}
        done = subprocess.run(
            [sys.executable, "-c", CRASH_AFTER_FIRST], env=environment, timeout=60
        )
    assert done.returncode == 9
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = dict(connection.execute("SELECT feed_id, COUNT(*) FROM items GROUP BY feed_id"))
    assert sorted(counts.values()) == [4]  # one feed fully stored, the other untouched


def _open(path: Path):
    import contextlib

    @contextlib.contextmanager
    def opened():
        store = FeedStore.open(path)
        try:
            yield store
        finally:
            store.close()

    return opened()
