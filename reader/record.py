"""`Record`: the equality, hash and repr that frozen dataclasses share, written once.

`@dataclass(frozen=True)` writes `__eq__`, `__hash__` and `__repr__` as source for each class
and compiles them when the module is imported: some 2.5 million instructions a class of ten
fields, paid at every start of the reader for each of the model's classes before the first
frame. A dataclass made with `eq=False, repr=False` on this base behaves the same way
(`==` and `hash` over the fields in order, the same repr, `dataclasses.replace` and
`fields` as before) from three functions compiled once with this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

_Key = Callable[[Any], tuple[Any, ...]]

#: For each record class: its comparison key, its hash key and its repr's field names.
_SHAPES: dict[type, tuple[_Key, _Key, tuple[str, ...]]] = {}


def _getter(names: list[str]) -> _Key:
    """The fields `names` of an instance as a tuple (what a dataclass compares and hashes)."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    if not names:
        return lambda record: ()
    return attrgetter(*names)


def _shape(cls: type) -> tuple[_Key, _Key, tuple[str, ...]]:
    """How `cls` compares, hashes and shows itself, by the dataclass rules for its fields."""
    shape = _SHAPES.get(cls)
    if shape is None:
        every = fields(cls)
        compared = [f.name for f in every if f.compare]
        hashed = [f.name for f in every if (f.compare if f.hash is None else f.hash)]
        shown = tuple(f.name for f in every if f.repr)
        shape = _SHAPES[cls] = (_getter(compared), _getter(hashed), shown)
    return shape


class Record:
    """Base of frozen dataclasses declared `@dataclass(frozen=True, eq=False, repr=False)`:
    equal when of the same class with equal fields, hashed by the fields, shown as
    `Name(field=value, ...)`, exactly as the generated methods would do."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = _shape(self.__class__)[0]
        return key(self) == key(other)

    def __hash__(self) -> int:
        return hash(_shape(self.__class__)[1](self))

    def __repr__(self) -> str:
        names = _shape(self.__class__)[2]
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"


class MutableRecord(Record):
    """Base of mutable dataclasses declared `@dataclass(eq=False, repr=False)`: compared and
    shown as a `Record`, and unhashable, as a generated dataclass that compares is."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]
