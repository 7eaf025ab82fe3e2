"""Who gets a voice: for one article, the whole archive, one outlet or a date range, who is
quoted and who is only mentioned, how the quotes are attributed, who says the most, and
which organisations and places come up. No Textual: the figures, a Rich view, and CSV.

A quote is *named* when it has a speaker; *anonymous* when its cue speaks of a source kept
unnamed ("a source said", "said on condition of anonymity", "who declined to be named");
else *unnamed*: a speaker described but not named ("a spokesperson said", "officials
said") or none given at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reader.archive.store import Archive
from reader.keep.export.citation import one_line
from reader.model import Analysis, Quote

_ANONYMOUS = re.compile(
    r"\b(sources?|anonymity|anonymous(ly)?|declined to be (named|identified)|"
    r"not authori[sz]ed|asked not to be (named|identified))\b",
    re.IGNORECASE,
)
#: Rows of each list shown (the CSV has them all).
SHOWN = 10


def attribution(quote: Quote) -> str:
    """ "named", "unnamed" or "anonymous" (see the module's note)."""
    if quote.speaker:
        return "named"
    return "anonymous" if _ANONYMOUS.search(quote.cue or "") else "unnamed"


def quoted_words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True, slots=True)
class VoiceReport:
    """The figures of one scope (`scope` says which, in words)."""

    scope: str
    articles: int
    quoted: int
    """People quoted at least once."""
    mentioned_only: int
    """People named but never quoted."""
    attributions: dict[str, int]
    """Quotes by "named", "unnamed", "anonymous"."""
    speakers: list[tuple[str, int, int]]
    """(name, quotes, quoted words), most quotes first."""
    organisations: list[tuple[str, int]]
    places: list[tuple[str, int]]
    """(name, count), most first: its mentions in one article, the articles naming it in
    the archive (`counted` says which)."""
    counted: str = "articles"


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def voice_of(analyses: Iterable[Analysis], scope: str) -> VoiceReport:
    """The report over `analyses` (one article in the reader, or a few); organisations and
    places by their mentions."""
    articles = 0
    quoted: set[str] = set()
    named: set[str] = set()
    attributions = Counter({"named": 0, "unnamed": 0, "anonymous": 0})
    said: Counter[str] = Counter()
    words: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {"ORG": Counter(), "PLACE": Counter()}
    for analysis in analyses:
        articles += 1
        people = {e.id: e.name for e in analysis.entities if e.type == "PERSON"}
        named |= set(people.values())
        for entity in analysis.entities:
            if entity.type in kinds:
                kinds[entity.type][entity.name] += len(entity.named_mentions)
        for quote in analysis.quotes:
            attributions[attribution(quote)] += 1
            if quote.speaker:
                said[quote.speaker] += 1
                words[quote.speaker] += quoted_words(quote.text)
                if quote.speaker_id in people or quote.speaker_id is None:
                    quoted.add(quote.speaker)
    speakers = [(name, count, words[name]) for name, count in _ranked(said)]
    return VoiceReport(
        scope, articles, len(quoted), len(named - quoted), dict(attributions), speakers,
        _ranked(kinds["ORG"]), _ranked(kinds["PLACE"]), "mentions",
    )  # fmt: skip


def voice_of_archive(
    archive: Archive,
    *,
    since: str | None = None,
    until: str | None = None,
    site: str | None = None,
) -> VoiceReport:
    """The report over the archive's articles of `site` (an outlet), from `since` to `until`
    (ISO dates, inclusive), added up in SQLite."""
    where: list[str] = ["1"]
    parameters: list[str] = []
    for clause, value in (("a.day >= ?", since), ("a.day <= ?", until), ("a.site = ?", site)):
        if value:
            where.append(clause)
            parameters.append(value)
    scope_sql = " AND ".join(where)
    scope = ", ".join(
        part for part in (site and one_line(site), since and f"from {since}",
                          until and f"until {until}") if part
    ) or "the whole archive"  # fmt: skip
    args = tuple(parameters)
    counted = archive.read(f"SELECT COUNT(*) FROM articles a WHERE {scope_sql}", args)
    articles = int(str(counted[0][0]))
    joined = f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {scope_sql}"
    # Words: the spaces in the trimmed text, plus one.
    words = "LENGTH(TRIM(q.text)) - LENGTH(REPLACE(TRIM(q.text), ' ', '')) + 1"
    speakers = [
        (str(name), int(str(count)), int(str(said)))
        for name, count, said in archive.read(
            f"SELECT p.name, COUNT(*), SUM({words}) FROM quotes q"
            " JOIN articles a ON a.id = q.article_id JOIN people p ON p.id = q.person_id"
            f" WHERE {scope_sql} AND p.type = 'PERSON'"
            " GROUP BY p.id ORDER BY COUNT(*) DESC, p.name",
            args,
        )
    ]
    attributions = Counter({"named": 0, "unnamed": 0, "anonymous": 0})
    attributions["named"] = int(
        str(archive.read(f"SELECT COUNT(*) {joined} AND q.speaker IS NOT NULL", args)[0][0])
    )
    for (cue,) in archive.read(f"SELECT q.cue {joined} AND q.speaker IS NULL", args):
        attributions["anonymous" if _ANONYMOUS.search(str(cue or "")) else "unnamed"] += 1
    named = int(
        str(
            archive.read(
                "SELECT COUNT(DISTINCT e.person_id) FROM entities e JOIN articles a"
                f" ON a.id = e.article_id WHERE {scope_sql} AND e.type = 'PERSON'",
                args,
            )[0][0]
        )
    )

    def by_articles(kind: str) -> list[tuple[str, int]]:
        rows = archive.read(
            "SELECT p.name, COUNT(DISTINCT e.article_id) FROM entities e"
            " JOIN articles a ON a.id = e.article_id JOIN people p ON p.id = e.person_id"
            f" WHERE {scope_sql} AND e.type = ? GROUP BY p.id",
            (*args, kind),
        )
        return _ranked(Counter({str(name): int(str(count)) for name, count in rows}))

    quoted = len(speakers)
    return VoiceReport(
        scope, articles, quoted, max(0, named - quoted), dict(attributions), speakers,
        by_articles("ORG"), by_articles("PLACE"),
    )  # fmt: skip


# -- shown and exported -----------------------------------------------------------------


def _bars(title: str, rows: list[tuple[str, int]], extra: dict[str, str] | None = None) -> Table:
    """A small bar chart: one row per name, its bar scaled to the largest count."""
    table = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column("name", no_wrap=True, max_width=28)
    table.add_column("bar", no_wrap=True)
    table.add_column("count", justify="right")
    top = max((count for _, count in rows), default=0) or 1
    for name, count in rows[:SHOWN]:
        bar = Text("█" * max(1 if count else 0, round(20 * count / top)), style="cyan")
        label = Text(one_line(name))
        table.add_row(label, bar, Text(f"{count:,}" + (extra or {}).get(name, "")))
    if not rows:
        table.add_row(Text("none", style="dim"), Text(""), Text(""))
    return table


def voice_view(report: VoiceReport) -> RenderableType:
    """The report as Rich tables with bars, every name as data (`Text`), never markup."""
    heading = Text(f"Who gets a voice: {report.scope}", style="bold")
    heading.append(f"\n{report.articles:,} article" + ("" if report.articles == 1 else "s"))
    people = [("quoted", report.quoted), ("only mentioned", report.mentioned_only)]
    said = [(kind, report.attributions.get(kind, 0)) for kind in ("named", "unnamed", "anonymous")]
    words = {name: f" · {count:,} words" for name, _, count in report.speakers}
    return Group(
        heading,
        Text(""),
        _bars("People", people),
        Text(""),
        _bars("Quotes by attribution", said),
        Text(""),
        _bars("Quotes per speaker", [(n, q) for n, q, _ in report.speakers], words),
        Text(""),
        _bars(f"Organisations ({report.counted})", report.organisations),
        Text(""),
        _bars(f"Places ({report.counted})", report.places),
    )


def voice_csv(report: VoiceReport) -> str:
    """Every figure as one CSV table: `section, name, count, words` (OWASP-safe cells); an
    organisation's or a place's count is in `report.counted` (mentions or articles)."""
    from reader.keep.export.csv import table

    rows: list[tuple[object, ...]] = [("articles", report.scope, report.articles, "")]
    rows += [("people", "quoted", report.quoted, ""),
             ("people", "only mentioned", report.mentioned_only, "")]  # fmt: skip
    rows += [("attribution", kind, count, "") for kind, count in report.attributions.items()]
    rows += [("speaker", name, count, said) for name, count, said in report.speakers]
    rows += [("organisation", name, count, "") for name, count in report.organisations]
    rows += [("place", name, count, "") for name, count in report.places]
    return table(("section", "name", "count", "words"), rows)
