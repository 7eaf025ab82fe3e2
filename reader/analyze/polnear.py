"""PolNeAR (Newell, Margolin and Ruths, LREC 2018): its articles and their quote-mark segments.

Read by the training script (`reader.analyze.train`) and the benchmark
(`benchmarks/attribution.py`, which holds the scoring). The corpus is not part of the package:
it is read from a folder given on the command line.

The corpus lives beside the repository (`../shared/data/polnear/`, or `--data DIR`); none of
its text is ever copied into the repository. The scoring that the held-back figures use is
in `benchmarks/polnear.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

OPEN_MARKS = frozenset('"“')
CLOSE_MARKS = frozenset('"”')
PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}
    | {"his", "its", "their", "our", "who", "this", "that"}
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "many"})
KINDS = ("named", "pronoun", "description", "context", "none")

Span = tuple[int, int]


@dataclass(slots=True)
class Segment:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph's end)
    paragraph: Span
    gold: bool = False
    sources: list[Span] = field(default_factory=list)
    kind: str = "none"


@dataclass(slots=True)
class Document:
    name: str
    split: str
    text: str
    paragraphs: list[Span]
    segments: list[Segment]


def paragraphs_of(text: str) -> list[Span]:
    """Every non-empty line, less its edge spaces."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append((start, end))
    return found


def segments_of(text: str, paragraphs: list[Span]) -> list[Segment]:
    segments = []
    for p_start, p_end in paragraphs:
        opened: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if opened is None:
                if ch in OPEN_MARKS:
                    opened = i
            elif ch in CLOSE_MARKS:
                segments.append(Segment(opened, i + 1, (p_start, p_end)))
                opened = None
        if opened is not None:
            segments.append(Segment(opened, p_end, (p_start, p_end)))
    return segments


def _spans(field_text: str) -> list[Span]:
    spans = []
    for part in field_text.split(";"):
        a, b = part.split()
        spans.append((int(a), int(b)))
    return spans


def read_ann(path: Path) -> list[tuple[list[Span], list[Span]]]:
    """(content spans, source spans) of every attribution in a brat file."""
    spans: dict[str, list[Span]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            ident, info = line.split("\t")[:2]
            head, _, where = info.partition(" ")
            try:
                spans[ident] = _spans(where)
            except ValueError:
                continue
        elif re.match(r"E\d+\t", line):
            roles: dict[str, str] = {}
            for part in line.split("\t")[1].split():
                role, _, ident = part.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), ident)
            events.append(roles)
    found = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), [])
        if not content:
            continue
        found.append((content, spans.get(roles.get("Source", ""), [])))
    return found


def _inside(start: int, end: int, spans: Iterable[Span]) -> int:
    return sum(max(0, min(end, b) - max(start, a)) for a, b in spans)


def _kind(text: str, segment: Segment) -> str:
    if not segment.sources:
        return "none"
    p_start, p_end = segment.paragraph
    if not any(a < p_end and b > p_start for a, b in segment.sources):
        return "context"
    words = " ".join(text[a:b] for a, b in segment.sources).split()
    if len(words) == 1 and words[0].lower().strip(",.") in PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() and w.lower() not in DETERMINERS for w in words):
        return "named"
    return "description"


def load_split(split: str, data: Path) -> list[Document]:
    folder = data / split
    if not (folder / "text").is_dir():
        raise FileNotFoundError(f"PolNeAR's {split} split was not found in {folder}.")
    annotations: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", path.stem)
        annotations.setdefault(stem, path)  # the first annotator's file by name
    documents = []
    for path in sorted((folder / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = paragraphs_of(text)
        segments = segments_of(text, paragraphs)
        ann = annotations.get(path.stem)
        attributions = read_ann(ann) if ann is not None else []
        for segment in segments:
            length = segment.end - segment.start
            best, best_inside = None, 0
            for content, sources in attributions:
                inside = _inside(segment.start, segment.end, content)
                if inside > best_inside:
                    best, best_inside = sources, inside
            if best is not None and 2 * best_inside >= length:
                segment.gold = True
                segment.sources = list(best)
                segment.kind = _kind(text, segment)
        documents.append(Document(path.stem, split, text, paragraphs, segments))
    return documents
