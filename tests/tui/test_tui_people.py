"""The people screen, driven by key presses over a real archive file: everyone across the
archive, the filter, a person's quotes in date order with citations, and an article opened
at a quote from the archive alone."""

from __future__ import annotations

from pathlib import Path

from support.archive_helpers import story
from support.tui_seed import screen_text

from reader.archive.store import Archive
from reader.store.dirs import archive_path
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.people import PeopleScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.people_list import PeopleList

SIZE = (120, 30)


def fill() -> None:
    with Archive.open(archive_path()) as archive:
        archive.add(story(1, "Kim Jong Un", "We want talks", site="VOA News",
                          published="2026-01-05"))  # fmt: skip
        archive.add(story(2, "Kim Jong Un", "No talks yet", site="Korea Herald",
                          published="2025-12-01"))  # fmt: skip
        archive.add(story(3, "Kim Jong-un", "Talks in March", site="VOA News",
                          published="2026-02-10"))  # fmt: skip
        archive.add(story(4, "Ana Ruiz", "Ferries run late", also_named="Ben Ode",
                          published="2026-01-01"))  # fmt: skip


def rows(app: ReaderApp) -> list[str]:
    people_list = app.screen.query_one(PeopleList)
    return [str(people_list.row_text(n)) for n in range(people_list.row_count)]


async def test_people_their_quotes_and_an_article_opened_at_a_quote() -> None:
    fill()
    app = ReaderApp(people=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        listed = rows(app)
        assert listed[0].startswith("Kim Jong Un")  # most articles first
        assert (
            "3 articles · 3 quotes · 2025-12-01 – 2026-02-10 · VOA News, Korea Herald" in listed[0]
        )
        assert any(r.startswith("Moon Jae-in") and "named only" in r for r in listed)
        assert "Kim Jong Un" in screen_text(app)

        await pilot.press("slash", *"ruiz")
        await pilot.pause()
        assert [r.split()[0:2] for r in rows(app)] == [["Ana", "Ruiz"]]
        await pilot.press("escape")  # the filter closes; the list keeps it
        assert [r.split()[0:2] for r in rows(app)] == [["Ana", "Ruiz"]]
        await pilot.press("slash", *["backspace"] * 4, "enter")
        await pilot.pause()
        assert rows(app)[0].startswith("Kim Jong Un")

        await pilot.press("enter")  # Kim's quotes, oldest first, each with its citation
        await pilot.pause()
        quotes = rows(app)
        assert [q.split("\n")[0][:10] for q in quotes] == ["2025-12-01", "2026-01-05", "2026-02-10"]
        assert "“No talks yet”" in quotes[0]
        assert (
            "— Kim Jong Un, Story 2, Korea Herald, 2025-12-01, https://news.example/2" in quotes[0]
        )
        assert "— Kim Jong-un, Story 3" in quotes[2]

        await pilot.press("j", "enter")  # open story 1 at its quote, from the archive
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.article.title == "Story 1"
        start = screen.article.text.index("We want talks")
        assert screen.article_view.current_span is not None
        assert screen.article_view.current_span[0] <= start < screen.article_view.current_span[1]
        assert screen.selection.quote is not None and screen.selection.quote.text == "We want talks"

        await pilot.press("escape")  # back to the quotes, then the people
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen) and app.screen.person is not None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.person is None and rows(app)[0].startswith("Kim Jong Un")


async def test_the_people_screen_opens_from_the_library(tmp_path: Path) -> None:
    fill()
    (tmp_path / "a.txt").write_text("A story.\n\nIt has two paragraphs.", encoding="utf-8")
    app = ReaderApp(folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert rows(app)[0].startswith("Kim Jong Un")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_an_empty_archive_says_so() -> None:
    app = ReaderApp(people=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Nobody yet" in screen_text(app)


async def test_a_person_quoted_hundreds_of_times_pages_through_every_quote() -> None:
    with Archive.open(archive_path()) as archive:
        for number in range(450):  # more than two pages of quotes
            day = f"20{10 + number // 300}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            archive.add(story(number, "Ana Ruiz", f"Said {number}", published=day))
    app = ReaderApp(people=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        people_list = app.screen.query_one(PeopleList)
        assert people_list.row_count == 450
        days = [str(people_list.row_text(n))[:10] for n in range(450)]
        assert days == sorted(days)  # every page in date order, none repeated or missing
        said = {str(people_list.row_text(n)).split("“")[1].split("”")[0] for n in range(450)}
        assert said == {f"Said {n}" for n in range(450)}
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.published == days[-1]


async def test_someone_only_ever_a_speakers_name_is_listed_with_their_quotes() -> None:
    from reader.model import Analysis, Entity, Mention, Quote

    def speaker_only(number: int, speaker_id: str | None) -> Analysis:
        """Jo Banks said it, but the analysis found no entity for her: no speaker entity at
        all, or one the archive does not merge (a date, taken for her name)."""
        analysis = story(number, "Jo Banks", f"Words {number}", also_named="Moon Jae-in")
        kept = tuple(e for e in analysis.entities if e.name != "Jo Banks")
        if speaker_id is not None:
            at = analysis.article.text.index("Jo Banks")
            kept += (Entity(speaker_id, "Jo Banks", "DATE", (), (Mention(at, at + 8),)),)
        quote = analysis.quotes[0]
        said = Quote(quote.id, quote.text, quote.start, quote.end, "Jo Banks", speaker_id,
                     quote.kind, quote.cue, quote.speaker_span, quote.confidence)  # fmt: skip
        return Analysis(analysis.article, kept, (said,))

    with Archive.open(archive_path()) as archive:
        archive.add(speaker_only(1, None))
        archive.add(speaker_only(2, "d1"))
    app = ReaderApp(people=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listed = rows(app)
        [jo] = [r for r in listed if r.startswith("Jo Banks")]
        assert "2 articles · 2 quotes" in jo
        assert any(r.startswith("Moon Jae-in") for r in listed)
        await pilot.press("slash", *"banks", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        quotes = rows(app)
        assert ["“Words 1”" in quotes[0], "“Words 2”" in quotes[1]] == [True, True]
        assert "— Jo Banks, Story 1" in quotes[0]
