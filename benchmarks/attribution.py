"""Who said what, on PolNeAR: the reader against spaCy + textacy, same parse, same scoring.

    python benchmarks/attribution.py                 # dev: reader and textacy
    python benchmarks/attribution.py --split train   # train, the reader by k-fold (see below)
    python benchmarks/attribution.py --errors        # list the reader's misses too
    python benchmarks/attribution.py --rules         # the reader without its learned model
    python benchmarks/attribution.py --baseline      # both, and textacy, in one run

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is read from `../shared/data/polnear/` beside
the repository, or `--data DIR`; the scoring is the corpus README's (`benchmarks/polnear.py`).
Rows: quote span F1, speaker accuracy on matched quotes, quote+speaker F1, then speaker
accuracy by the kind of the gold source (named, pronoun, description, context, none).

On train, the reader's shipped model has seen every article, so `--split train` scores it by
k-fold instead: the model is retrained on k-1 folds (`reader.analyze.train`) and scores the
fold it did not see.

The parse of every paragraph (and, for textacy, of each whole text) is kept on disk in the
user's cache folder, keyed by the model's name and version and the text, so a second run skips
spaCy.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import DEFAULT_DATA, KINDS, Document, Prediction, Tally, load_split, score  # noqa: E402

from reader.model import Analysis, Article, Block  # noqa: E402


def article_of(document: Document) -> Article:
    """The document as the reader's Article: one paragraph block a line, offsets unchanged."""
    blocks = tuple(Block("paragraph", start, end) for start, end in document.paragraphs)
    return Article(source=document.name, text=document.text, blocks=blocks)


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    folder = Path(user_cache_dir("article-reader-bench")) / "polnear"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _key(nlp: Any, split: str, what: str, texts: list[str]) -> Path:
    digest = hashlib.sha256(f"{nlp.meta['name']}-{nlp.meta['version']}-{what}".encode())
    for text in texts:
        digest.update(text.encode())
        digest.update(b"\0")
    return cache_dir() / f"{split}-{what}-{digest.hexdigest()[:16]}.spacy"


def parsed_docs(nlp: Any, split: str, what: str, texts: list[str]) -> list[Any]:
    """`nlp.pipe(texts)`, from the disk cache when it holds them."""
    from spacy.tokens import DocBin

    path = _key(nlp, split, what, texts)
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    print(
        f"parsed {len(texts)} {what} texts of {split} in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    bin_ = DocBin(
        attrs=[
            "ORTH",
            "TAG",
            "POS",
            "MORPH",
            "DEP",
            "HEAD",
            "LEMMA",
            "NORM",
            "ENT_IOB",
            "ENT_TYPE",
            "SENT_START",
        ],
        store_user_data=False,
    )
    for doc in docs:
        bin_.add(doc)
    bin_.to_disk(path)
    return docs


def chunks_for(nlp: Any, split: str, documents: list[Document]) -> list[list[Any]]:
    """The reader's parse (`parse_article`'s chunks) of every document, from the cache."""
    from reader.analyze.nlp import ParsedChunk, ParsedDocs, chunk_spans

    articles = [article_of(d) for d in documents]
    layout = [chunk_spans(a, max(1000, nlp.max_length - 1)) for a in articles]
    texts = [
        a.text[o : o + n] for a, spans in zip(articles, layout, strict=True) for _, _, o, n in spans
    ]
    docs = iter(parsed_docs(nlp, split, "chunks", texts))
    result = []
    for article, spans in zip(articles, layout, strict=True):
        holder = ParsedDocs(nlp, article.text)
        chunks = []
        for index, block, offset, length in spans:
            holder.add(len(chunks), next(docs))
            chunks.append(ParsedChunk(index, block, offset, length, holder, len(chunks)))
        result.append(chunks)
    return result


def predictions_of(analysis: Analysis) -> list[Prediction]:
    found = []
    for quote in analysis.quotes:
        if quote.kind == "indirect":
            continue  # reported clauses are not quote-mark segments
        entity = analysis.entity(quote.speaker_id) if quote.speaker_id else None
        mentions = [(m.start, m.end) for m in entity.mentions] if entity is not None else []
        found.append(
            Prediction(quote.start, quote.end, quote.speaker, quote.speaker_span, mentions)
        )
    return found


def run_reader(documents: list[Document], chunks: list[list[Any]], model: Any) -> list[Any]:
    from reader.analyze import analyze_parsed

    return [
        predictions_of(analyze_parsed(article_of(d), c, model=model))
        for d, c in zip(documents, chunks, strict=True)
    ]


def run_textacy(nlp: Any, split: str, documents: list[Document]) -> list[list[Prediction]]:
    from textacy.extract.triples import direct_quotations

    whole = parsed_docs(nlp, split, "whole", [d.text for d in documents])
    results = []
    for document, doc in zip(documents, whole, strict=True):
        found: list[Prediction] = []

        def harvest(doc: Any, offset: int, found: list[Prediction] = found) -> None:
            for speaker, _cue, content in direct_quotations(doc):
                span = None
                if speaker:
                    span = (
                        offset + min(t.idx for t in speaker),
                        offset + max(t.idx + len(t) for t in speaker),
                    )
                name = " ".join(t.text for t in speaker) or None
                found.append(
                    Prediction(offset + content.start_char, offset + content.end_char, name, span)
                )

        try:
            harvest(doc, 0)
        except ValueError:  # an odd number of quote marks: paragraph by paragraph
            found.clear()
            for start, end in document.paragraphs:
                try:
                    harvest(nlp(document.text[start:end]), start)
                except ValueError:
                    continue
        results.append(found)
    return results


def tally(documents: list[Document], predicted: list[list[Prediction]], errors: bool) -> Tally:
    total = Tally()
    for document, found in zip(documents, predicted, strict=True):
        total.add(score(document, found, errors))
    return total


def row(label: str, t: Tally) -> str:
    kinds = "  ".join(
        f"{t.right_by_kind.get(k, 0) / t.matched_by_kind[k]:.3f}({t.matched_by_kind[k]})"
        if t.matched_by_kind.get(k)
        else f"{'-':>10}"
        for k in KINDS
    )
    return (
        f"{label:24} {t.quote_f1:8.3f} {t.speaker_accuracy:8.3f} {t.joint_f1:8.3f}"
        f"  {t.predicted:5d}/{t.gold:<5d} {kinds}"
    )


def header() -> str:
    kinds = "  ".join(f"{k:>10}" for k in KINDS)
    return f"{'system':24} {'quote F1':>8} {'spk acc':>8} {'q+s F1':>8}  {'pred/gold':>11} {kinds}"


def kfold_reader(documents: list[Document], chunks: list[list[Any]], folds: int) -> list[Any]:
    from reader.analyze import train

    predicted: list[Any] = [None] * len(documents)
    examples = [train.examples_of(d, c) for d, c in zip(documents, chunks, strict=True)]
    for fold in range(folds):
        held = [i for i in range(len(documents)) if i % folds == fold]
        kept = [i for i in range(len(documents)) if i % folds != fold]
        model = train.fit([examples[i] for i in kept], c=train.DEFAULT_C)
        for i, found in zip(
            held,
            run_reader([documents[i] for i in held], [chunks[i] for i in held], model),
            strict=True,
        ):
            predicted[i] = found
    return predicted


def main() -> None:
    parser = argparse.ArgumentParser(description="Quote attribution on PolNeAR.")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", action="store_true", help="list the reader's misses")
    parser.add_argument("--rules", action="store_true", help="the reader without its model")
    parser.add_argument("--no-textacy", action="store_true")
    parser.add_argument(
        "--baseline", action="store_true", help="the hand-written rules too, in the same run"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="speaker confidence threshold instead of the model's own",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    from reader.analyze import load_model

    try:
        documents = load_split(args.split, args.data)
    except FileNotFoundError as error:
        raise SystemExit(str(error)) from None
    if args.limit:
        documents = documents[: args.limit]
    nlp = load_model()
    chunks = chunks_for(nlp, args.split, documents)
    print(f"PolNeAR {args.split}: {len(documents)} articles")
    print(header())
    started = time.perf_counter()
    if args.split == "train" and not args.rules:
        label = f"reader ({args.folds}-fold)"
        predicted = kfold_reader(documents, chunks, args.folds)
    else:
        from reader.analyze import ranker

        label = "reader (rules)" if args.rules else "reader"
        model = None if args.rules else ranker.shipped()
        if model is not None and args.threshold is not None:
            import copy

            model = copy.deepcopy(model)
            model.speaker.threshold = args.threshold
            label = f"reader (threshold {args.threshold})"
        predicted = run_reader(documents, chunks, model if model is not None else False)
    reader = tally(documents, predicted, args.errors)
    print(row(label, reader), f"  {time.perf_counter() - started:.1f} s")
    if args.baseline and not args.rules:
        rules = tally(documents, run_reader(documents, chunks, False), False)
        print(row("reader (rules, before)", rules))
    if not args.no_textacy:
        textacy = tally(documents, run_textacy(nlp, args.split, documents), False)
        print(row("spaCy sm + textacy", textacy))
    if args.errors:
        print()
        print("\n".join(reader.errors))


if __name__ == "__main__":
    main()
