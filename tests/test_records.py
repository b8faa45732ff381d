"""auditor.records.dataclass: the standard library's dataclass, its __eq__, __hash__ and
__repr__ made without compiling, doing what dataclasses' own do."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from auditor import records


def _pair(frozen: bool):
    """The same class made by dataclasses and by records."""

    def declare(decorate):
        @decorate
        class Point:
            x: int
            label: str = "p"
            tags: tuple[str, ...] = ()
            note: str = dataclasses.field(default="", compare=False, repr=False)
            cost: Decimal = dataclasses.field(default=Decimal(0), hash=False)

        return Point

    return declare(dataclasses.dataclass(frozen=frozen)), declare(records.dataclass(frozen=frozen))


VALUES = [
    (1,),
    (1, "q", ("a",), "n", Decimal("1.50")),
    (1, "q", ("a",), "other note", Decimal("1.5")),
    (float("nan"),),
    (2, "p", ("a", "b")),
]


@pytest.mark.parametrize("frozen", [True, False])
def test_equal_hashed_and_shown_as_dataclasses_does(frozen):
    theirs, ours = _pair(frozen)
    for a in VALUES:
        assert repr(ours(*a)) == repr(theirs(*a))
        for b in VALUES:
            assert (ours(*a) == ours(*b)) == (theirs(*a) == theirs(*b))
            assert (ours(*a) != ours(*b)) == (theirs(*a) != theirs(*b))
        if frozen:
            assert hash(ours(*a)) == hash(theirs(*a))
    assert ours(1) != theirs(1) and ours(1).__eq__(3) is NotImplemented
    assert (ours.__hash__ is None) == (theirs.__hash__ is None) == (not frozen)
    assert ours.__eq__.__qualname__ == theirs.__eq__.__qualname__


def test_one_field_and_none():
    @records.dataclass(frozen=True)
    class One:
        x: float

    @records.dataclass(frozen=True)
    class Empty:
        pass

    nan = float("nan")
    assert One(nan) != One(float("nan")) and One(nan) == One(nan)  # as a tuple compares
    assert hash(One(2)) == hash((2,)) and hash(Empty()) == hash(())
    assert Empty() == Empty() and repr(Empty()) == "test_one_field_and_none.<locals>.Empty()"


def test_what_a_class_defines_is_kept_and_frozen_stays_frozen():
    @records.dataclass(frozen=True)
    class Own:
        x: int

        def __repr__(self) -> str:
            return "own"

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "own" and hash(Own(1)) == 7 and Own(1) == Own(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Own(1).x = 2  # type: ignore[misc]


def test_a_repr_inside_itself():
    @records.dataclass
    class Node:
        child: object = None

    node = Node()
    node.child = node
    assert repr(node) == "test_a_repr_inside_itself.<locals>.Node(child=...)"
