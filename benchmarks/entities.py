"""Entity quality: typed F1, untyped F1 and duplicates, the reader against raw spaCy sm.

    python benchmarks/entities.py                 # every set, both systems
    python benchmarks/entities.py --errors reader --set polnear-tune   # one set's misses

Sets (each printed with its own rows, one run):
- **team tune / team heldout**: the gold articles of `benchmarks/gold/` that list entities
  (`benchmarks/nlp_eval.py`'s loading and name matching);
- **polnear tune / polnear heldout**: `benchmarks/gold/polnear/entities.json`, entities of 38
  PolNeAR dev articles annotated by hand (same rules as `benchmarks/gold/README.md`); the text
  is read from the corpus beside the repository (`--polnear DIR`), never copied here. Rules
  may be developed against the tune half only; the held-out half is only measured.
- **polnear train**: `benchmarks/gold/polnear/entities-train.json`, 22 PolNeAR *train* articles
  annotated the same way, all tune: a larger set to find classes of error in.

Measures, one entry per real-world entity (the sidebar's rows):
- *typed F1*: a predicted PERSON/ORG/PLACE entity is right when one of its names is one of an
  unmatched gold entity's names and the types agree (`nlp_eval.score_entities`);
- *untyped F1*: the same without the type: any gold entity sharing a name;
- a prediction is paired with a gold entity its main name matches before one only an alias
  matches;
- *duplicates*: predictions whose names match a gold entity already matched (untyped), the
  second "Trump" row. They count as false positives in both F1s.

Systems: **reader** (`reader.analyze.analyze`, its PERSON/ORG/PLACE entities, names and
aliases) and **spaCy sm** (the pinned small English model paragraph by paragraph, one entry
per distinct (text, type), GPE/LOC/FAC as PLACE: what a reader of raw NER output sees).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp_eval import DEFAULT_DATA, NAMED, SPACY_TYPES, entity_key, load_gold  # noqa: E402

from reader.model import Article, Block  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_GOLD = ROOT / "benchmarks" / "gold" / "polnear" / "entities.json"
# 22 PolNeAR *train* articles annotated the same way: a larger set to develop rules against.
POLNEAR_TRAIN_GOLD = ROOT / "benchmarks" / "gold" / "polnear" / "entities-train.json"
POLNEAR_DATA = ROOT.parent / "shared" / "data" / "polnear"

Entities = list[tuple[str, list[str]]]  # type, names


@dataclass
class Case:
    name: str
    split: str
    article: Article
    gold: list[dict[str, Any]]
    optional: list[str]
    # How a name is compared with the gold: the team's gold holds names, the PolNeAR gold only
    # hashes of them (the corpus's words stay out of the repository).
    key: Callable[[str], str] = entity_key


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    u_tp: int = 0
    u_fp: int = 0
    u_fn: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("tp", "fp", "fn", "u_tp", "u_fp", "u_fn", "duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.errors += other.errors


def team_cases(data: Path) -> list[Case]:
    cases = []
    for g in load_gold(data):
        if g.entities is None:
            continue
        gold = [{**e, "keys": [e["name"], *e["aliases"]]} for e in g.entities]
        cases.append(Case(g.name, g.split, g.article, gold, g.optional))
    return cases


def hashed_key(name: str) -> str:
    """The PolNeAR gold's form of a name: its `entity_key`, hashed (see its README)."""
    digest = hashlib.sha256(("polnear-entity:" + entity_key(name)).encode("utf-8"))
    return digest.hexdigest()[:16]


def polnear_cases(folder: Path, gold_file: Path = POLNEAR_GOLD) -> list[Case]:
    from reader.analyze.polnear import paragraphs_of

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    corpus_split = gold.get("corpus_split", "dev")
    cases = []
    for item in gold["articles"]:
        path = folder / corpus_split / "text" / f"{item['doc']}.txt"
        text = path.read_text(encoding="utf-8")
        blocks = tuple(Block("paragraph", s, e) for s, e in paragraphs_of(text))
        article = Article(source=item["doc"], text=text, blocks=blocks)
        cases.append(
            Case(
                item["doc"],
                item["split"],
                article,
                item["entities"],
                item["optional_entities"],
                key=hashed_key,
            )
        )
    return cases


def run_reader(article: Article) -> Entities:
    from reader.analyze import analyze

    return [(e.type, [e.name, *e.aliases]) for e in analyze(article).entities if e.type in NAMED]


def run_spacy(article: Article) -> Entities:
    from reader.analyze import load_model

    nlp = load_model()
    seen: dict[tuple[str, str], None] = {}
    for block in article.blocks:
        for ent in nlp(article.block_text(block)).ents:
            kind = SPACY_TYPES.get(ent.label_)
            if kind is not None:
                seen.setdefault((kind, ent.text), None)
    return [(kind, [name]) for kind, name in seen]


SYSTEMS: dict[str, tuple[str, Callable[[Article], Entities]]] = {
    "reader": ("reader", run_reader),
    "spacy": ("spaCy sm (raw)", run_spacy),
}


def score(case: Case, predicted: Entities, errors: bool) -> Counts:
    counts = Counts()
    key = case.key
    # Team gold lists names (compared by their entity_key); PolNeAR gold lists hashed keys.
    gold_names = [
        {entity_key(n) for n in e["keys"]} if key is entity_key else set(e["keys"])
        for e in case.gold
    ]
    optional = {entity_key(n) for n in case.optional} if key is entity_key else set(case.optional)
    typed: set[int] = set()
    untyped: set[int] = set()
    for kind, names in predicted:
        keys = {key(n) for n in names}
        # Gold entities its main name matches first, then those only an alias matches
        # ("Ivanka Trump", alias "Trump", is Ivanka before she is Donald).
        main = key(names[0])
        hits = sorted(
            (i for i, g in enumerate(gold_names) if keys & g),
            key=lambda i: main not in gold_names[i],
        )
        if not hits:
            if keys & optional:
                continue
            counts.fp += 1
            counts.u_fp += 1
            if errors:
                counts.errors.append(f"{case.name}: false {kind} {names[0]!r}")
            continue
        fresh = [i for i in hits if i not in untyped]
        if fresh:
            untyped.add(fresh[0])
            counts.u_tp += 1
        else:
            counts.u_fp += 1
            counts.duplicates += 1
            if errors:
                counts.errors.append(f"{case.name}: duplicate {kind} {names[0]!r}")
        same_type = [i for i in hits if case.gold[i]["type"] == kind and i not in typed]
        if same_type:
            typed.add(same_type[0])
            counts.tp += 1
        else:
            counts.fp += 1
            if errors and fresh:
                counts.errors.append(
                    f"{case.name}: {kind} {names[0]!r}, gold {case.gold[fresh[0]]['type']}"
                )
    for i, entity in enumerate(case.gold):
        if i not in typed:
            counts.fn += 1
        if i not in untyped:
            counts.u_fn += 1
            if errors:
                label = entity.get("name", f"entity {i + 1} of the gold")
                counts.errors.append(f"{case.name}: missed {entity['type']} {label!r}")
    return counts


def f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score the sidebar's entities.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--polnear", type=Path, default=POLNEAR_DATA)
    parser.add_argument("--only", choices=tuple(SYSTEMS), action="append")
    parser.add_argument("--set", action="append", help="team-tune, polnear-heldout, ...")
    parser.add_argument("--errors", choices=tuple(SYSTEMS), help="list one system's mistakes")
    args = parser.parse_args(list(argv) if argv is not None else None)
    sets: dict[str, list[Case]] = {}
    for prefix, cases in (
        ("team", team_cases(args.data)),
        ("polnear", polnear_cases(args.polnear)),
    ):
        for split in ("tune", "heldout"):
            sets[f"{prefix}-{split}"] = [c for c in cases if c.split == split]
    # All tune: rules may be developed against every article of it.
    sets["polnear-train"] = polnear_cases(args.polnear, POLNEAR_TRAIN_GOLD)
    chosen = args.set or list(sets)
    systems = args.only or list(SYSTEMS)
    from reader.analyze import load_model

    load_model()
    print(
        f"{'set':16} {'system':16} {'docs':>4} {'gold':>5} {'typed F1':>8} {'untyped':>8}"
        f" {'dups':>5} {'P':>6} {'R':>6} {'secs':>6}"
    )
    for name in chosen:
        for system in systems:
            label, run = SYSTEMS[system]
            total = Counts()
            for case in sets[name]:
                start = time.perf_counter()
                predicted = run(case.article)
                counts = score(case, predicted, args.errors == system)
                counts.seconds = time.perf_counter() - start
                total.add(counts)
            gold = total.tp + total.fn
            precision = total.tp / (total.tp + total.fp) if total.tp + total.fp else 0.0
            recall = total.tp / gold if gold else 0.0
            print(
                f"{name:16} {label:16} {len(sets[name]):4d} {gold:5d}"
                f" {f1(total.tp, total.fp, total.fn):8.3f}"
                f" {f1(total.u_tp, total.u_fp, total.u_fn):8.3f} {total.duplicates:5d}"
                f" {precision:6.3f} {recall:6.3f} {total.seconds:6.1f}"
            )
            for line in total.errors:
                print(f"    {line}")


if __name__ == "__main__":
    main()
