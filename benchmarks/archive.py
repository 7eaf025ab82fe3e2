"""The archive at scale: 20,000 articles, 200,000 quotes (targets: a `reader quotes` speaker or
word query < 100 ms; adding one analysed article < 20 ms; the size per article reported).

    python benchmarks/archive.py [--articles 20000] [--quotes-each 10] [--keep FILE]

A generated archive (a few thousand people with realistic names, forty outlets, Zipf-like
words, ten quotes an article from speakers the article names) is built through
`Archive.add`, the path every real article takes, into a temporary data folder (or `--keep
FILE`, reused when it exists). Then, from the same run:

- query times, in process: `reader.archive.cli.run_quotes` (what `reader quotes` runs,
  output to a buffer) for 20 speakers and 20 words, median and worst; anchor: the same word
  looked for with `LIKE` over every quote, which is what the FTS5 index saves; the top
  speaker as typed (the oldest 100, and a line saying how many more) and with `--limit 0`;
- query times, as a user types it: `python -m reader quotes ...` in a subprocess, median;
  anchor: `python -m reader --version` (the interpreter and `reader`'s import);
- adding one analysed article to the full archive, median, p95 and worst: 200 new articles
  as the reader's archiver adds them, each followed by the checkpoint it runs once idle
  (timed apart: no add waits for it), then 200 back to back, as `reader extract --save` or
  an import adds them (a checkpoint falls inside an add every hundred or so); anchor: the
  analysis cache's `put` of the same analyses;
- the size on disk per article (after `reader archive vacuum`'s work).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.model import Analysis, Article, Block, Entity, Mention, Quote  # noqa: E402


def words_of(text: str) -> list[str]:
    return text.split()


FIRST = words_of(
    "Ana Ben Chloe David Elena Farid Grace Hiro Ines Jamal Kasia Liam Maria Nikolai Olu Priya "
    "Quentin Rosa Samir Tomasz Ursula Victor Wen Ximena Yusuf Zofia Ahmed Beatriz Carlos Dana "
    "Emeka Fatima Gustav Hana Ivan Julia Kenji Lena Mateo Nadia Oscar Paula Rahul Sofia Tariq "
    "Uma Vera William Yara Zeynep Aisha Bruno Camille Dmitri Esther Felipe Giulia Hassan Ingrid"
)
LAST = words_of(
    "Ruiz Okafor Nowak Kim Lee Park Smith Jones Garcia Müller Rossi Dubois Silva Kowalski Chen "
    "Wang Singh Patel Khan Ahmed Haddad Cohen Ivanova Petrov Andersson Nielsen Murphy Kelly Walsh "
    "Brennan Costa Ferreira Santos Yilmaz Demir Sato Tanaka Suzuki Nguyen Tran Mensah Owusu Diallo "
    "Traoré Novak Horvat Kovač Popescu Georgiou Papadopoulos Larsen Berg Moreau Laurent Fischer"
)
OUTLETS = [
    f"The {town} {kind}"
    for town in ("Harbour", "Valley", "Northern", "City", "Coastal", "Capital", "River", "Metro")
    for kind in ("Times", "Ledger", "Post", "Courier", "Herald")
]
ORGS = [f"{w} {k}" for w in ("National", "Central", "United", "Federal", "Regional")
        for k in ("Bank", "Council", "Union", "Agency", "Party", "Institute")]  # fmt: skip
PLACES = words_of("Seoul Lagos Warsaw Lima Oslo Cairo Hanoi Quito Accra Tallinn Porto Busan Lyon")
CUES = ("said", "told reporters", "added", "warned", "argued")


def vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    common = words_of(
        "the of and to in a is that for it as was with be by on not he this are or his from at "
        "which but have an they you were her she there been one all we their has would when "
        "more will if no out so said what up its about into than them can only other new some "
        "could time these two may then do first any my now such like our over man me even most "
        "made after also did many before must through back years where much your way well down "
        "should because each just those people how too little state good very make world still "
        "own see men work long get here between both life being under never day same another"
    )
    letters = "abcdefghijklmnopqrstuvwxyz"
    made = {"".join(rng.choices(letters, k=rng.randint(4, 10))) for _ in range(size)}
    words = common + sorted(made)
    return words, [1.0 / (rank + 1) for rank in range(len(words))]


def people(rng: random.Random, count: int) -> list[str]:
    names = [f"{f} {l}" for f in FIRST for l in LAST]  # noqa: E741
    rng.shuffle(names)
    return names[:count]


class Generator:
    def __init__(self, seed: int, people_count: int, quotes_each: int) -> None:
        self.rng = random.Random(seed)
        self.words, self.weights = vocabulary(self.rng)
        self.people = people(self.rng, people_count)
        # A few people are quoted often, most rarely (a long tail, as in the news).
        self.person_weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(self.people))]
        self.quotes_each = quotes_each

    def sentence(self, low: int, high: int) -> str:
        words = self.rng.choices(self.words, self.weights, k=self.rng.randint(low, high))
        return " ".join(words).capitalize()

    def article(self, number: int) -> Analysis:
        rng = self.rng
        speakers = list(dict.fromkeys(
            rng.choices(self.people, self.person_weights, k=4)
        ))  # fmt: skip
        named = rng.sample(self.people, 3)
        orgs, places = rng.sample(ORGS, 2), rng.sample(PLACES, 2)
        paragraphs: list[str] = []
        position = 0
        mentions: dict[str, list[Mention]] = {}
        quotes: list[Quote] = []

        def add_paragraph(parts: list[tuple[str, str | None]]) -> None:
            nonlocal position
            if paragraphs:
                position += 2
            at = position
            for piece, name in parts:
                if name is not None:
                    mentions.setdefault(name, []).append(Mention(at, at + len(piece)))
                at += len(piece)
            paragraphs.append("".join(piece for piece, _ in parts))
            position = at

        for q in range(self.quotes_each):
            speaker = speakers[q % len(speakers)]
            other = rng.choice(named + orgs + places)
            said = self.sentence(8, 24)
            cue = rng.choice(CUES)
            parts = [
                (self.sentence(10, 20) + " ", None), (other, other), (" " + self.sentence(5, 12)
                + ". “", None), (said, None), (",” " + cue + " ", None), (speaker, speaker),
                (".", None),
            ]  # fmt: skip
            base = position + (2 if paragraphs else 0)
            quote_start = base + sum(len(p) for p, _ in parts[:3])
            speaker_start = base + sum(len(p) for p, _ in parts[:5])
            add_paragraph(parts)
            quotes.append(
                Quote(
                    f"q{q + 1}",
                    said,
                    quote_start,
                    quote_start + len(said),
                    speaker,
                    f"person-{speaker}",
                    "direct",
                    cue,
                    (speaker_start, speaker_start + len(speaker)),
                    0.8,
                )  # fmt: skip
            )
        text = "\n\n".join(paragraphs)
        blocks, at = [], 0
        for paragraph in paragraphs:
            blocks.append(Block("paragraph", at, at + len(paragraph)))
            at += len(paragraph) + 2
        kinds = {**{n: "PERSON" for n in speakers + named},
                 **{n: "ORG" for n in orgs}, **{n: "PLACE" for n in places}}  # fmt: skip
        entities = tuple(
            Entity(f"person-{name}", name, kinds[name], (name.split()[-1],)
                   if kinds[name] == "PERSON" else (), tuple(found))  # type: ignore[arg-type]
            for name, found in mentions.items()
        )  # fmt: skip
        day = 1 + number % 28
        article = Article(
            source=f"https://news.example/{number}.html",
            text=text,
            blocks=tuple(blocks),
            title=self.sentence(6, 12),
            site=rng.choice(OUTLETS),
            published=f"20{20 + number % 6}-{1 + number % 12:02d}-{day:02d}",
            url=f"https://news.example/{number}.html",
            lang="en",
        )
        return Analysis(article, entities, tuple(quotes))


def build(path: Path, articles: int, quotes_each: int, people_count: int) -> Generator:
    from reader.archive.store import Archive

    generator = Generator(7, people_count, quotes_each)
    if path.exists():
        return generator
    started = time.perf_counter()
    with Archive.open(path) as archive:
        for number in range(articles):
            archive.add(generator.article(number))
            if number and number % 5000 == 0:
                print(f"  ... {number:,} articles ({time.perf_counter() - started:.0f} s)")
    print(f"  built {articles:,} articles in {time.perf_counter() - started:.0f} s")
    return generator


def timed(function, *args, **kwargs) -> float:  # noqa: ANN001, ANN002, ANN003
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def quiet_quotes(argv: list[str], path: Path) -> None:
    from reader.archive.cli import run_quotes

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        run_quotes(argv, path)


def figures(label: str, values: list[float], target: float | None = None) -> str:
    worst = max(values)
    line = (
        f"  {label:<34} median {statistics.median(values):7.1f} ms, worst {worst:7.1f} ms"
        f" over {len(values)}"
    )
    if target is not None:
        line += f" (target < {target:g} ms: {'meets' if worst < target else 'MISSES'})"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--quotes-each", type=int, default=10)
    parser.add_argument("--people", type=int, default=3_000)
    parser.add_argument("--keep", type=Path, help="build the archive here (reused if present)")
    args = parser.parse_args()
    from reader.archive.queries import archive_stats, list_people
    from reader.archive.store import Archive
    from reader.store.cache import AnalysisCache

    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "archive.sqlite3"
        print(f"archive: {args.articles:,} articles x {args.quotes_each} quotes")
        generator = build(path, args.articles, args.quotes_each, args.people)
        with Archive.open(path) as archive:
            everyone = list_people(archive)
            stats = archive_stats(archive)
            connection = archive.connection
            speakers = [p.name for p in everyone[:: max(1, len(everyone) // 20)][:20]]
            rng = random.Random(3)
            words = [w for w in rng.sample(generator.words[150:1500], 20)]
            like = "SELECT COUNT(*) FROM quotes WHERE text LIKE ?"
            anchor_like = [
                timed(lambda w=word: connection.execute(like, (f"%{w}%",)).fetchall())
                for word in words[:5]
            ]
        print(f"  {stats.articles:,} articles, {stats.quotes:,} quotes, {stats.people:,} people")
        for name in speakers[:2] + words[:2]:  # warm the page cache once
            quiet_quotes([name], path)
        speaker_ms = [timed(quiet_quotes, ["--speaker", name], path) for name in speakers]
        word_ms = [timed(quiet_quotes, [word], path) for word in words]
        print("reader quotes, in process (run_quotes, the archive opened each time):")
        print(figures("--speaker NAME", speaker_ms, 100))
        print(figures('"WORD"', word_ms, 100))
        with Archive.open(path, check=False) as archive:
            from reader.archive.queries import find_quotes

            sizes = [len(find_quotes(archive, speaker=name)) for name in speakers]
            word_sizes = [len(find_quotes(archive, word)) for word in words]
        print(
            f"  quotes per answer: speakers median {statistics.median(sizes):,.0f},"
            f" largest {max(sizes):,}; words median {statistics.median(word_sizes):,.0f},"
            f" largest {max(word_sizes):,}"
        )
        top = everyone[0].name
        default = [timed(quiet_quotes, ["--speaker", top], path) for _ in range(3)]
        full = [timed(quiet_quotes, ["--speaker", top, "--limit", "0"], path) for _ in range(3)]
        print(figures("top speaker, as typed (oldest 100)", default, 100))
        print(figures(f"top speaker, --limit 0: all {everyone[0].quotes:,}", full))
        print(figures("anchor: LIKE over every quote", anchor_like))

        env = {**os.environ, "READER_DATA_DIR": str(path.parent)}
        if path.name != "archive.sqlite3":
            link = Path(folder) / "data"
            link.mkdir(exist_ok=True)
            (link / "archive.sqlite3").unlink(missing_ok=True)
            (link / "archive.sqlite3").symlink_to(path.resolve())
            env["READER_DATA_DIR"] = str(link)

        def run(*argv: str) -> float:
            command = [sys.executable, "-m", "reader", *argv]
            return timed(subprocess.run, command, env=env, capture_output=True, check=False)

        sub_speaker = [run("quotes", "--speaker", name) for name in speakers[:5]]
        sub_word = [run("quotes", word) for word in words[:5]]
        anchor = [run("--version") for _ in range(5)]
        print("reader quotes, as a command (python -m reader quotes ..., a subprocess):")
        print(figures("--speaker NAME", sub_speaker))
        print(figures('"WORD"', sub_word))
        print(figures("anchor: python -m reader --version", anchor))
        base = statistics.median(anchor)
        print(
            f"  the query's own share: {statistics.median(sub_speaker) - base:.0f} ms"
            f" (speaker), {statistics.median(sub_word) - base:.0f} ms (word)"
        )

        # New texts on every run, also on a kept archive (whose build drew nothing from the
        # generator, which would otherwise give the texts of its first 200 articles again, and
        # time their replacement instead of adding new ones).
        generator.rng.seed(stats.articles)
        fresh = [generator.article(stats.articles + 10_000 + n) for n in range(400)]
        cache = AnalysisCache(Path(folder) / "cache.sqlite3")
        add_ms, idle_ms, pages, bulk_ms = [], [], [], []
        with Archive.open(path) as archive:
            archive.checkpoint()
            for analysis in fresh[:200]:  # as the reader's archiver: one, then idle
                add_ms.append(timed(archive.add, analysis))
                started = time.perf_counter()
                pages.append(archive.checkpoint())
                idle_ms.append((time.perf_counter() - started) * 1000)
            # As `reader extract --save` or an import: one after another, no idle moment.
            bulk_ms = [timed(archive.add, analysis) for analysis in fresh[200:]]
        put_ms = [timed(cache.put, analysis) for analysis in fresh[:200]]

        def p95(values: list[float]) -> str:
            return f", p95 {sorted(values)[int(len(values) * 0.95)]:.1f} ms"

        print("adding one analysed article to the full archive:")
        print(figures("Archive.add, as the reader adds", add_ms, 20) + p95(add_ms))
        print(
            figures("  then its idle checkpoint", idle_ms) + p95(idle_ms)
            + f" ({statistics.median(pages):.0f} WAL pages an article; on the archive's"
            " thread, nothing waits for it)"
        )  # fmt: skip
        print(figures("Archive.add, 200 back to back", bulk_ms) + p95(bulk_ms))
        print(figures("anchor: AnalysisCache.put", put_ms) + p95(put_ms))
        with Archive.open(path) as archive:
            from reader.archive.upkeep import vacuum

            vacuum(archive)
            stats = archive_stats(archive)
        print(
            f"size on disk: {stats.size_bytes / 1024 / 1024:.1f} MB"
            f" for {stats.articles:,} articles,"
            f" {stats.bytes_per_article / 1024:.1f} KB per article"
            f" (its clean text: {len(fresh[0].article.text.encode()) / 1024:.1f} KB)"
        )


if __name__ == "__main__":
    main()
