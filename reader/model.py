"""The data the reader works on: plain frozen dataclasses, no Textual, no spaCy.

Their equality, hash and repr come from `reader.record.Record` (the same behaviour as the
generated ones, without compiling them for each class at every start).

One text, many spans: `Article.text` is the whole clean body (blocks joined by a blank
line) and every block, mention and quote is a pair of character offsets into it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from reader.record import Record
from reader.scripts import word_count

BlockKind = Literal["heading", "paragraph", "caption", "blockquote", "list_item"]
EntityType = Literal["PERSON", "ORG", "PLACE", "DATE", "OTHER"]
QuoteKind = Literal["direct", "partial", "indirect"]
MentionKind = Literal["name", "pronoun"]
MarkKind = Literal["strong", "em"]

BLOCK_SEPARATOR = "\n\n"

#: Below this confidence a quote's speaker is shown as unsure (a dim `?` in the quotes panel).
UNSURE_CONFIDENCE = 0.6

#: Order and labels of entity groups in the sidebar.
ENTITY_GROUPS: tuple[tuple[EntityType, str], ...] = (
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("PLACE", "Places"),
    ("DATE", "Dates"),
    ("OTHER", "Other"),
)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Block(Record):
    """A paragraph-level piece of the body: `text[start:end]`."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Link(Record):
    """A link in the body: `text[start:end]` points to `href` (http, https or mailto)."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Mark(Record):
    """Emphasis in the body: `text[start:end]` is bold (`strong`) or italic (`em`)."""

    start: int
    end: int
    kind: MarkKind


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Article(Record):
    """A clean article: metadata plus one body string cut into blocks."""

    source: str
    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    links: tuple[Link, ...] = ()  # in offsets of `text`, in order
    #: Bold and italic spans in offsets of `text`, in order (the two kinds may overlap).
    marks: tuple[Mark, ...] = ()
    #: One sentence for each loader cap the source reached (`reader.load.notes`); most
    #: articles have none.
    limits: tuple[str, ...] = ()
    #: The ISO 639-1 code of the article's language ("en", "de", "zh"); None until detected
    #: (`reader.load.language`), or when the text is too short to tell.
    lang: str | None = None

    @classmethod
    def from_blocks(
        cls, source: str, parts: Iterable[tuple[BlockKind, str]], **meta: Any
    ) -> Article:
        """Build an article from `(kind, text)` pairs, computing every offset.

        Parts are stripped; empty parts are dropped. Text is expected to be clean already
        (see `reader.sanitize`).
        """
        pieces: list[str] = []
        blocks: list[Block] = []
        position = 0
        for kind, raw in parts:
            piece = raw.strip()
            if not piece:
                continue
            if pieces:
                position += len(BLOCK_SEPARATOR)
            blocks.append(Block(kind, position, position + len(piece)))
            pieces.append(piece)
            position += len(piece)
        return cls(source=source, text=BLOCK_SEPARATOR.join(pieces), blocks=tuple(blocks), **meta)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def word_count(self) -> int:
        """Words, each character counted as one in Chinese or Japanese (`reader.scripts`)."""
        return word_count(self.text)

    @property
    def reading_minutes(self) -> int:
        """Minutes to read at 230 words a minute, at least one."""
        return max(1, round(self.word_count / 230))


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Mention(Record):
    """Where the text names an entity: `text[start:end]`."""

    start: int
    end: int
    kind: MentionKind = "name"  # "pronoun": a pronoun naming the entity as a quote's speaker


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Entity(Record):
    """One real-world entity named in the article, with every mention of it."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    description: str | None = None  # e.g. a title stripped from the name: "Unification Minister"

    @property
    def named_mentions(self) -> tuple[Mention, ...]:
        """The mentions that name it (not the pronouns that name it as a quote's speaker)."""
        return tuple(m for m in self.mentions if m.kind != "pronoun")

    @property
    def first_position(self) -> int:
        return self.mentions[0].start if self.mentions else -1


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Quote(Record):
    """Words inside one pair of quote marks (or a reported clause, for `indirect`)."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    kind: QuoteKind = "direct"
    cue: str | None = None  # the reporting verb or phrase that attributes it: "said"
    #: The words in `text` that name the speaker for this quote ("he" of "he said", the name
    #: after "according to"), as offsets; None when no speaker was found or kept.
    speaker_span: tuple[int, int] | None = None
    #: How sure the speaker choice is, 0..1 (the model's probability that it is right); 0 for
    #: reported speech and for analyses made without the model.
    confidence: float = 0.0

    @property
    def unsure(self) -> bool:
        """A speaker given, but with a low confidence from the model."""
        return self.speaker is not None and 0.0 < self.confidence < UNSURE_CONFIDENCE


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Analysis(Record):
    """An article with what the analysis found in it."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = field(default=())

    @property
    def quote_count(self) -> int:
        """The quotes in quote marks: what the quotes panel lists (reported speech, said
        without them, only on request). The library and the history count the same."""
        return sum(1 for quote in self.quotes if quote.kind != "indirect")

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None
