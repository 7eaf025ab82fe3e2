"""`Record` gives the frozen dataclasses on the reader's start the equality, hash and repr a
generated dataclass has, from methods compiled once rather than for each class at import."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest

from reader.keep.corrections import Correction
from reader.model import Analysis, Article, Block, Entity, Link, Mark, Mention, Quote
from reader.record import Record
from reader.store.config import Settings
from reader.store.library import HistoryEntry
from reader.tui.text.history import Place
from reader.tui.text.line_index import Line

ARTICLE = Article.from_blocks(
    "a.txt", [("heading", "A title"), ("paragraph", "Kim said: “Yes.”")], title="A title"
)
QUOTE = Quote("q1", "Yes.", 12, 16, speaker="Kim", speaker_id="e1", speaker_span=(0, 3))
ENTITY = Entity("e1", "Kim", "PERSON", aliases=("K",), mentions=(Mention(0, 3),))

#: One instance of each record on the reader's start, and a second one with one field changed.
SAMPLES: list[tuple[Any, Any]] = [
    (Block("paragraph", 0, 5), Block("paragraph", 0, 6)),
    (Link(0, 3, "https://example.org"), Link(0, 3, "https://example.com")),
    (Mark(0, 3, "em"), Mark(0, 3, "strong")),
    (ARTICLE, dataclasses.replace(ARTICLE, lang="en")),
    (Mention(0, 3), Mention(0, 3, "pronoun")),
    (ENTITY, dataclasses.replace(ENTITY, description="Minister")),
    (QUOTE, dataclasses.replace(QUOTE, confidence=0.5)),
    (Analysis(ARTICLE, (ENTITY,), (QUOTE,)), Analysis(ARTICLE, (ENTITY,))),
    (Correction("rename", "e1", "Kim Jong"), Correction("rename", "e1", "Kim")),
    (
        HistoryEntry("a.txt", "A", None, None, 3, 1, 1.0, 0),
        HistoryEntry("a.txt", "A", None, None, 3, 1, 1.0, 0, read_percent=50),
    ),
    (Place(ARTICLE, None, 3), Place(ARTICLE, None, 4)),
    (Line(0, 4, "paragraph"), Line(0, 4, "paragraph", first=True)),
    (Settings(theme="light"), Settings(theme="dark")),
]


def _generated_twin(cls: type) -> type:
    """The same fields in a plain `@dataclass(frozen=True)`: what the methods used to be."""
    specs = [(f.name, f.type, f) for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=True)


def _twin_of(record: Any) -> Any:
    twin = _generated_twin(type(record))
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    return twin(**values)


@pytest.mark.parametrize("one, other", SAMPLES, ids=lambda r: type(r).__name__)
def test_a_record_compares_hashes_and_shows_itself_as_the_generated_dataclass_did(
    one: Any, other: Any
) -> None:
    cls = type(one)
    assert cls.__eq__ is Record.__eq__  # nothing written and compiled for the class itself
    assert cls.__repr__ is Record.__repr__
    assert repr(one) == repr(_twin_of(one))
    assert one == dataclasses.replace(one) and one != other
    assert one.__eq__(object()) is NotImplemented
    if cls is not Settings:  # its keymap is a dict: unhashable, as the generated hash was
        assert hash(one) == hash(_twin_of(one)) == hash(dataclasses.replace(one))
        assert len({one, other, dataclasses.replace(one)}) == 2
    else:
        with pytest.raises(TypeError):
            hash(one)


@pytest.mark.parametrize("one, other", SAMPLES, ids=lambda r: type(r).__name__)
def test_a_record_stays_frozen_and_copies(one: Any, other: Any) -> None:
    name = dataclasses.fields(one)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(one, name, getattr(other, name))
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(one, name)
    assert pickle.loads(pickle.dumps(one)) == one
    assert copy.copy(one) == one and copy.deepcopy(one) == one


def test_a_model_record_has_no_instance_dict() -> None:
    """The model's slots stay: an article's thousands of mentions carry no `__dict__`."""
    for one, _ in SAMPLES:
        if type(one) is not Settings:
            assert not hasattr(one, "__dict__"), type(one).__name__


def test_a_mutable_record_compares_and_shows_itself_as_the_generated_dataclass_did() -> None:
    from reader.load.text_lines import Line as TextLine
    from reader.record import MutableRecord
    from reader.tui.context import ReaderContext
    from reader.tui.launch import Launch
    from reader.tui.screens.selection import Selection

    samples: list[tuple[Any, Any]] = [
        (Selection(ENTITY, 0), Selection(ENTITY, 1)),
        (ReaderContext(keymap={"reader.help": "f1"}), ReaderContext()),
        (Launch(Settings(), None), Launch(Settings(), None, ["a notice"])),
        (TextLine("By Kim"), TextLine("By Kim", bullet=True)),
    ]
    for one, other in samples:
        cls = type(one)
        assert cls.__eq__ is MutableRecord.__eq__ and cls.__repr__ is MutableRecord.__repr__
        specs = [(f.name, f.type, f) for f in dataclasses.fields(cls)]
        twin = dataclasses.make_dataclass(cls.__name__, specs)
        values = {f.name: getattr(one, f.name) for f in dataclasses.fields(one)}
        made = twin(**{f.name: values[f.name] for f in dataclasses.fields(twin) if f.init})
        for f in dataclasses.fields(twin):
            setattr(made, f.name, values[f.name])
        assert repr(one) == repr(made)
        assert one == copy.copy(one) and one != other
        with pytest.raises(TypeError):
            hash(one)
    selection = samples[0][0]
    selection.mention = 1  # still mutable
    assert selection == samples[0][1]
