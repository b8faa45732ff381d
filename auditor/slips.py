"""The slips a hand makes in a figure, by which the diagnosis names a culprit: two adjacent
digits swapped, one digit mistyped, 元 written for 万元, a rate copied from a neighbouring
line, a wrong basis word (年初预算 for 全年预算), a change counted the wrong way."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

import regex

from auditor.document import Document
from auditor.equations import Equation
from auditor.facts import Fact
from auditor.findings import Place
from auditor.numbers import PLACES_TO_WAN, Figure, Rounding, fmt
from auditor.records import dataclass

NEAR = 15  # lines: a figure this close is one a slip may copy, or a basis word may mean
SAME_SIZE = ("0", "100")  # rates a report repeats for many things: never taken as copied
# how likely each slip is, most likely first: one that leaves every number as printed, the
# other unit, one slip of the hand (two digits swapped, one mistyped, a neighbour's rate
# copied: none likelier than another), then any other value
LIKELIHOOD = {
    "direction": 0,
    "basis-word": 0,
    "unit": 1,
    "transposed-digits": 2,
    "typo": 2,
    "copied": 2,
    "other": 3,
}


class Slip(NamedTuple):
    """What a slip looks like: its pattern, a word on it, and for a wrong word the word
    printed and the one meant."""

    pattern: str
    why: str
    words: tuple[str, str] | None = None

    @property
    def likelihood(self) -> int:
        return LIKELIHOOD[self.pattern]


@dataclass(frozen=True)
class Where:
    """Where the report prints a figure: its line, and the fact it states (None for a cell)."""

    line: int
    fact: Fact | None


@dataclass(frozen=True)
class Look:
    """What naming a slip looks at: the report, where each figure is printed, the figures
    that some finding accuses (never the source of a copy), how figures round, how lines
    are cited, and the words each basis is printed with."""

    doc: Document
    where: dict[int, Where]
    accused: set[int]
    mode: Rounding
    cite: Callable[[int, set], Place]
    bases: dict[str, list[str]]

    def word(self, fact: Fact) -> str:
        """The words a fact's basis is printed with (全年预算), else the basis' name."""
        found = [w for w in self.bases.get(fact.basis, []) if w in fact.label]
        return max(found, key=len) if found else fact.basis

    @cached_property
    def _firsts(self) -> list[int] | None:
        """The first line of each fact, when they go in order (they follow the text)."""
        firsts = [f.lines[0] if f.lines else None for f in self.doc.facts]
        if None in firsts or any(a > b for a, b in pairwise(firsts)):
            return None
        return firsts

    def near(self, line: int) -> Sequence[Fact]:
        """The report's facts, in order, leaving out only some printed further than NEAR
        lines from `line` (a long report's others are not looked at one by one)."""
        firsts = self._firsts
        if firsts is None:
            return self.doc.facts
        low, high = bisect_left(firsts, line - NEAR), bisect_right(firsts, line + NEAR)
        return self.doc.facts[low:high]

    def at(self, line: int, value: Decimal) -> str:
        place = self.cite(line, {abs(value)})
        return str(place) if place.page or place.where else f"第{line}行"


TRANSPOSED = Slip("transposed-digits", "两位数字顺序颠倒")
TYPO = Slip("typo", "一位数字之差")


def printed(figure: Figure, value: Decimal, more: int = 0) -> Figure:
    """`value` printed as `figure` is (with `more` decimals)."""
    places = figure.places + more
    return Figure(value, places, figure.unit, fmt(value, places), figure.printed)


def slips(figure: Figure) -> Iterator[tuple[Figure, Slip]]:
    """What the figure may have been before a slip of the hand: the same digits in the other
    of 元 and 万元, two adjacent digits swapped, or one digit mistyped (never a 0 first)."""
    for value, more, slip in candidates(figure):
        yield printed(figure, value, more), slip


def candidates(figure: Figure) -> Iterator[tuple[Decimal, int, Slip]]:
    """slips() as (value, decimals more than the figure's, slip), none printed yet: a caller
    trying many prints only the one it takes."""
    text = fmt(abs(figure.value), figure.places)
    sign = -1 if figure.value < 0 else 1
    other = {"元": "万元", "万元": "元"}.get(figure.unit or "")
    if other:
        shift = PLACES_TO_WAN["元"] * (1 if figure.unit == "元" else -1)
        why = f"数字与单位“{other}”相符，疑似单位写错"
        yield figure.value.scaleb(shift), -shift, Slip("unit", why)
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a.isdigit() and b.isdigit() and a != b and not (i == 0 and b == "0"):
            swapped = text[:i] + b + a + text[i + 2 :]
            yield sign * Decimal(swapped.replace(",", "")), 0, TRANSPOSED
    for i, a in enumerate(text):
        if a.isdigit():
            for b in "0123456789":
                if b != a and not (i == 0 and b == "0" and len(text) > 1 and text[1] != "."):
                    typed = text[:i] + b + text[i + 1 :]
                    yield sign * Decimal(typed.replace(",", "")), 0, TYPO


def flips(figure: Figure, equations: list[Equation], look: Look) -> bool:
    """Whether every equation holds with the change `figure` counted the other way."""
    fact = look.where[id(figure)].fact
    if fact is None or fact.role != "delta" or not fact.sign:
        return False
    return all(
        eq.flipped(figure).holds(figure, figure, look.mode)
        and not eq.holds(figure, figure, look.mode)
        for eq in equations
    )


def basis(
    figure: Figure, equations: list[Equation], own: set[int], look: Look
) -> tuple[Figure, Slip] | None:
    """A wrong basis word: the identities hold with, in place of `figure` (a 年初预算), the
    figure the report gives nearby for another basis of the same thing (全年预算)."""
    fact = look.where[id(figure)].fact
    if fact is None or not (fact.basis_stated and fact.is_amount and fact.concept):
        return None
    line = look.where[id(figure)].line
    for other in look.near(line):
        if (
            other.concept == fact.concept
            and other.scope == fact.scope
            and other.period == fact.period
            and other.basis not in ("", fact.basis)
            and other.is_amount
            and other.figure.unit == figure.unit
            and abs(other.lines[0] - line) <= NEAR
            and id(other.figure) not in look.accused | own
            and all(eq.holds(figure, other.figure, look.mode) for eq in equations)
        ):
            was, word = look.word(fact), look.word(other)
            why = f"比率按{word} {other.figure.text} 计算无误"
            return other.figure, Slip("basis-word", why, (was, word))
    return None


def copied(figure: Figure, fix: Figure, own: set[int], look: Look) -> Slip:
    """A rate copied from a nearby sentence: the same text, that no finding doubts (never
    0% or 100%, which a report repeats for many things); else a slip with no name."""
    fact = look.where[id(figure)].fact
    line = look.where[id(figure)].line
    if fact is not None and figure.unit == "%" and _digits(figure) not in SAME_SIZE:
        if fix.value.quantize(Decimal(1)) != 0:
            near = [
                o
                for o in look.near(line)
                if o.figure.text == figure.text
                and o.sentence != fact.sentence
                and id(o.figure) not in look.accused | own
                and abs(o.lines[0] - line) <= NEAR
            ]
            if near:
                o = min(near, key=lambda o: abs(o.lines[0] - line))
                at = look.at(o.lines[0], o.figure.value)
                return Slip("copied", f"与{at}无误的 {o.figure.text} 相同，疑似照抄了相邻的数字")
    return Slip("other", "")


def _digits(figure: Figure) -> str:
    return regex.sub(r"\D", "", fmt(abs(figure.value), figure.places)).lstrip("0")
