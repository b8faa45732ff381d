"""`dataclass` as the standard library's, with __eq__, __hash__ and __repr__ made without
compiling: dataclasses writes each method of each class as source and compiles it, and for
the ~80 classes a check imports that was a sixth of its start. Here the standard library
writes __init__ (and a frozen class's __setattr__ and __delattr__: its __init__ assigns
through object's); the other three are closures over the class's fields that do what the
written ones do: compare and hash the same tuple of fields, and show the same text."""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


def _fields_key(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an object's fields that dataclasses compares and hashes."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _set(cls: type, name: str, method: Callable[..., Any]) -> None:
    """As dataclasses does: a method the class itself defines is kept."""
    if name not in cls.__dict__:
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


def _eq_and_hash(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> None:
    explicit = cls.__dict__.get("__hash__", dataclasses.MISSING)
    has_own_hash = not (
        explicit is dataclasses.MISSING or (explicit is None and "__eq__" in cls.__dict__)
    )
    compared = _fields_key([f.name for f in fields if f.compare])

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    _set(cls, "__eq__", __eq__)
    if has_own_hash:
        return
    if not frozen:
        cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared: unhashable
        return
    hashed = _fields_key([f.name for f in fields if (f.compare if f.hash is None else f.hash)])

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    _set(cls, "__hash__", __hash__)


def _repr(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    shown = [f.name for f in fields if f.repr]

    @reprlib.recursive_repr()  # "..." for an object inside itself, as dataclasses shows it
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    _set(cls, "__repr__", __repr__)


def _process(cls: type[T], frozen: bool, eq: bool, repr: bool) -> type[T]:
    made = dataclasses.dataclass(frozen=frozen, eq=False, repr=False)(cls)
    fields = dataclasses.fields(made)
    if repr:
        _repr(made, fields)
    if eq:
        _eq_and_hash(made, fields, frozen)
    return made


@overload
def dataclass(cls: type[T], /) -> type[T]: ...
@overload
def dataclass(
    *, frozen: bool = False, eq: bool = True, repr: bool = True
) -> Callable[[type[T]], type[T]]: ...
@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(
    cls: type[T] | None = None, /, *, frozen: bool = False, eq: bool = True, repr: bool = True
) -> type[T] | Callable[[type[T]], type[T]]:
    """dataclasses.dataclass (these options, the others at their defaults), compiling less."""
    if cls is None:
        return lambda cls: _process(cls, frozen, eq, repr)
    return _process(cls, frozen, eq, repr)
