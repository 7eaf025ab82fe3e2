"""Train the speaker model (`reader.analyze.ranker`) on PolNeAR's train split; write its weights.

    python -m reader.analyze.train --data PATH/TO/polnear [--out FILE] [--folds 5]

PolNeAR: Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News",
LREC 2018. Only `train/` is read. For every quote-mark segment that is a gold quote with a
Source, each candidate the ranker collects is an example, positive when its words overlap the
Source. Logistic regression (scikit-learn, `pip install -e '.[train]'`; liblinear, so the
result does not depend on threads or a seed) learns the weights; the regularisation C is
picked by k-fold on train (top-1 accuracy on the held-out folds), and so is the confidence
threshold: the lowest score at which the held-out top choices are right at least
`PRECISION` of the time. Articles are read in name order and features sorted, so a run
rebuilds the shipped `weights/attribution.json` byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analyze.polnear import Document, load_split
from reader.analyze.ranker import WEIGHTS, Model, collect
from reader.model import Article, Block

PRECISION = 0.95
C_GRID = (0.03, 0.1, 0.3, 1.0)
MIN_COUNT = 2
DEFAULT_C = 0.3


@dataclass(slots=True)
class Group:
    """The candidates of one gold quote: their features, and which are right."""

    features: list[list[str]]
    labels: list[bool]


def article_of(document: Document) -> Article:
    """The document as an Article: one paragraph block a line, the offsets unchanged."""
    blocks = tuple(Block("paragraph", start, end) for start, end in document.paragraphs)
    return Article(source=document.name, text=document.text, blocks=blocks)


def groups_of(document: Document, chunks: list[Any]) -> list[Group]:
    from reader.analyze import prepare

    article = article_of(document)
    _, spans, finder, rules = prepare(article, chunks)
    gold = {segment.start: segment for segment in document.segments if segment.gold}
    found = []
    for span, candidates in zip(spans, collect(finder, spans, rules), strict=True):
        segment = gold.get(span.open_mark)
        if segment is None or not segment.sources or not candidates:
            continue
        labels = [
            any(c.start < b and a < c.end for a, b in segment.sources) for c in candidates
        ]
        found.append(Group([c.features for c in candidates], labels))
    return found


def parse(documents: Sequence[Document]) -> list[list[Any]]:
    """The reader's parse of every document (`parse_article`)."""
    from reader.analyze.nlp import parse_article

    return [parse_article(article_of(document)) for document in documents]


def _matrix(groups: Sequence[Group], vocabulary: dict[str, int]) -> tuple[Any, list[int]]:
    from scipy.sparse import csr_matrix

    rows, cols, labels = [], [], []
    row = 0
    for group in groups:
        for features, label in zip(group.features, group.labels, strict=True):
            for feature in sorted(set(features)):
                column = vocabulary.get(feature)
                if column is not None:
                    rows.append(row)
                    cols.append(column)
            labels.append(int(label))
            row += 1
    data = [1.0] * len(rows)
    return csr_matrix((data, (rows, cols)), shape=(row, len(vocabulary))), labels


def _fit(groups: Sequence[Group], c: float) -> Model:
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for group in groups:
        for features in group.features:
            for feature in set(features):
                counts[feature] = counts.get(feature, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    vocabulary = {name: i for i, name in enumerate(names)}
    matrix, labels = _matrix(groups, vocabulary)
    learner = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    learner.fit(matrix, labels)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(names, learner.coef_[0], strict=True)
        if abs(w) >= 1e-5
    }
    return Model(round(float(learner.intercept_[0]), 5), weights, 0.0)


def _top(model: Model, group: Group) -> tuple[float, bool]:
    scores = [model.score(features) for features in group.features]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return scores[best], group.labels[best]


def held_out(groups: Sequence[Group], folds: int, c: float) -> list[tuple[float, bool]]:
    """(top score, right) of every group, each scored by a model that did not see its fold."""
    result: list[tuple[float, bool]] = []
    for fold in range(folds):
        train = [g for i, g in enumerate(groups) if i % folds != fold]
        model = _fit(train, c)
        result.extend(_top(model, g) for i, g in enumerate(groups) if i % folds == fold)
    return result


def threshold_for(tops: list[tuple[float, bool]], precision: float = PRECISION) -> float:
    """The lowest score above which the top choices are right `precision` of the time."""
    ordered = sorted(tops, key=lambda t: -t[0])
    right = 0
    best = 1.0
    for n, (score, ok) in enumerate(ordered, start=1):
        right += ok
        if right / n >= precision:
            best = score
    return round(best, 4)


def fit(
    groups: Sequence[Group],
    *,
    folds: int = 5,
    c: float | None = None,
    report: bool = False,
) -> Model:
    """The model on `groups`: C and the threshold by k-fold, then a fit on them all."""
    grid = C_GRID if c is None else (c,)
    best_c, best_tops, best_accuracy = grid[0], [], -1.0
    for value in grid:
        tops = held_out(groups, folds, value)
        accuracy = sum(ok for _, ok in tops) / max(1, len(tops))
        if report:
            print(f"C={value}: {folds}-fold top-1 accuracy {accuracy:.4f}", file=sys.stderr)
        if accuracy > best_accuracy:
            best_c, best_tops, best_accuracy = value, tops, accuracy
    model = _fit(groups, best_c)
    model.threshold = threshold_for(best_tops)
    if report:
        kept = [ok for score, ok in best_tops if score >= model.threshold]
        print(
            f"C={best_c}; threshold {model.threshold}: {len(kept)}/{len(best_tops)} attributed, "
            f"precision {sum(kept) / max(1, len(kept)):.4f}",
            file=sys.stderr,
        )
    return model


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the quote speaker model on PolNeAR.")
    parser.add_argument("--data", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    try:
        documents = load_split("train", args.data)
    except FileNotFoundError as error:
        raise SystemExit(str(error)) from None
    if args.limit:
        documents = documents[: args.limit]
    groups = [g for d, chunks in zip(documents, parse(documents), strict=True)
              for g in groups_of(d, chunks)]
    model = fit(groups, folds=args.folds, report=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_dict(), indent=0, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"{len(groups)} quotes, {len(model.weights)} weights -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
