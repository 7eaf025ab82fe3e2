"""Names from outside (file and folder names, history entries, settings) reach the screen
clean: the library and history views and the notifications, driven through Pilot."""

from __future__ import annotations

import os
from pathlib import Path

from support.hostile_helpers import FORBIDDEN
from support.tui_seed import screen_text

from reader.load import load
from reader.store.library import Library
from reader.tui.app import ReaderApp

SIZE = (120, 30)
PAGE = (
    "<html><head><title>Harbour wall vote</title></head><body><article>"
    "<p>The council voted on Tuesday to rebuild the harbour wall before the winter storms, "
    "after engineers warned that the old stones would not last another season.</p>"
    "</article></body></html>"
)
#: OSC 52 (a clipboard write), OSC 0 (a window title), CSI, 8-bit CSI, a bidi override.
HOSTILE = "bad\x1b]52;c;SGFja2Vk\x07\x1b]0;title\x07\x1b[2J\x9b31m\u202ename"


def assert_clean(text: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"{found.group()!r} reached the screen"


async def test_file_names_in_the_library_and_its_notifications_are_clean(tmp_path: Path) -> None:
    folder = tmp_path / f"folder{HOSTILE}"
    folder.mkdir()
    (folder / f"{HOSTILE}.html").write_text(PAGE, encoding="utf-8")
    (folder / f"{HOSTILE}-empty.txt").write_text("", encoding="utf-8")
    # A name that is not UTF-8: Python holds its byte as a surrogate.
    untitled = PAGE.replace("<title>Harbour wall vote</title>", "")
    (folder / os.fsdecode(b"caf\xe9-\xff.html")).write_text(untitled, encoding="utf-8")
    library = Library.open(tmp_path / "library.sqlite3")
    app = ReaderApp(folder=folder, library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if "reading…" not in screen_text(app):
                break
        text = screen_text(app)
        assert "Harbour wall vote" in text  # the pages were read
        assert "caf\ufffd-\ufffd.html" in text  # bytes that are not UTF-8 show as U+FFFD
        assert "badname-empty.txt" in text  # shown, cleaned
        assert_clean(text)
        # The empty file cannot be opened: the notification names it, clean.
        rows = app.screen.sources
        await pilot.press(*["j"] * rows.index(next(r for r in rows if r.endswith("-empty.txt"))))
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.05)
            if "is empty" in screen_text(app):
                break
        text = screen_text(app)
        assert "badname-empty.txt is empty" in text
        assert_clean(text)
    library.close()


async def test_history_entries_with_escapes_show_clean(tmp_path: Path) -> None:
    path = tmp_path / f"{HOSTILE}.html"
    path.write_text(PAGE.replace("Harbour wall vote", ""), encoding="utf-8")
    library = Library.open(tmp_path / "library.sqlite3")
    library.record_open(f"https://x.example/{HOSTILE}", load(str(path)))  # an address
    odd = tmp_path / os.fsdecode(b"caf\xe9.html")
    odd.write_text(PAGE, encoding="utf-8")
    library.record_open(str(odd), load(str(odd)))  # not UTF-8: not kept, and no crash
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "History · 1 article" in text
        assert "https://x.example/badname" in text  # no title: the address, cleaned
        assert_clean(text)
    library.close()


async def test_notifications_are_clean(tmp_path: Path) -> None:
    """A settings problem quotes the value the user wrote; the notification shows it clean."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = load(str(path))
    value = HOSTILE + "\udcff"  # and a byte of a file name that is not UTF-8
    app = ReaderApp(article, notices=[f"The setting width = {value} is not a number."])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "width = badname\ufffd is not a number" in text
        assert_clean(text)
