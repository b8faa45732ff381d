"""Stated figures as intervals, and the verdict of comparing one with arithmetic.

A figure printed with d decimals stands for every value that rounds to it: half a unit
either side of its last place when rounded half-up, up to a whole unit above it when
truncated. Sums and ratios are computed on those intervals.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from auditor.records import dataclass

TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}
PLACES_TO_WAN = {"元": 4, "亿元": -4}
MAX_DIGITS, MAX_DECIMALS = 16, 6  # beyond these no amount of a report looks like it


@dataclass(frozen=True)
class Interval:
    """The values a printed figure may stand for, rounding allowed: arithmetic on these
    says whether figures can agree."""

    lo: Decimal
    hi: Decimal

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def ratio(self, other: Interval) -> Interval | None:
        """self / other, or None when other may be zero (no ratio can be said)."""
        if other.lo <= 0 <= other.hi:
            return None
        quotients = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(quotients), max(quotients))

    def abs(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return Interval(-self.hi, -self.lo)
        return Interval(Decimal(0), max(-self.lo, self.hi))

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi


@dataclass(frozen=True)
class Figure:
    """A number as stated: exact value, the decimals it stands for, its unit and text."""

    value: Decimal
    places: int
    unit: str | None
    text: str
    printed: int  # decimals actually printed (places may be more: trailing zeros dropped)

    def unit_size(self, places: int | None = None) -> Decimal:
        return step(self.places if places is None else places)

    def bounds(self, mode: Rounding) -> Interval:
        """Every value this figure can stand for, rounded (or truncated) as `mode` says."""
        below, above = _reach(self.places, mode, self.value < 0)
        return Interval(self.value - below, self.value + above)

    def in_wan(self, mode: Rounding) -> Interval:
        """The bounds in 万元 (percentages and counts unchanged)."""
        return self.bounds(mode).scale(TO_WAN.get(self.unit or "", Decimal(1)))

    def to_wan(self) -> Figure:
        """The same figure in 万元: 1.25亿元 is 12,500万元 to the nearest 100万元."""
        shift = PLACES_TO_WAN.get(self.unit or "", 0)
        return Figure(
            self.wan_value(), self.places + shift, "万元", self.text, self.printed + shift
        )

    def wan_value(self) -> Decimal:
        return self.value * TO_WAN.get(self.unit or "", Decimal(1))

    def is_zero(self) -> bool:
        return self.value == 0


@lru_cache(maxsize=64)  # a few places: asked for every figure rounded or judged
def step(places: int) -> Decimal:
    """One unit in the last of `places` decimals: 0.01 for 2, 100 for -2."""
    return Decimal(1).scaleb(-places)


@lru_cache(maxsize=256)  # a few places and modes; asked for every figure judged
def _reach(places: int, mode: Rounding, negative: bool) -> tuple[Decimal, Decimal]:
    """How far below and above a figure of `places` decimals its value may lie."""
    unit = step(places)
    below = unit / 2 if mode is not Rounding.TRUNCATE else Decimal(0)
    above = unit / 2 if mode is Rounding.HALF_UP else unit
    return (above, below) if negative else (below, above)  # truncation moves toward zero


def bounds_sum(figures: Iterable[Figure], mode: Rounding) -> Interval:
    """Σ of the figures' bounds, added as Interval.__add__ adds them (the same sums in the
    same order) without an Interval for each figure: a table's totals add many."""
    lo = hi = Decimal(0)
    for f in figures:
        below, above = _reach(f.places, mode, f.value < 0)
        lo += f.value - below
        hi += f.value + above
    return Interval(lo, hi)


HUNDRED = Decimal(100)


def percent_meets(numerator: Interval, denominator: Interval, stated: Figure) -> bool:
    """Whether a stated percentage, read at the places it prints, can be numerator ÷
    denominator (sign apart) within every rounding: the test that picks, among readings of a
    sentence, the one under which the report is consistent."""
    ratio = numerator.ratio(denominator)
    printed = Figure(stated.value, stated.printed, stated.unit, stated.text, stated.printed)
    return ratio is not None and ratio.scale(HUNDRED).abs().meets(printed.bounds(Rounding.EITHER))


def parse_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def round_to(value: Decimal, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    return value.quantize(step(places), rounding=rounding)


class Rounding(enum.Enum):
    """How a report rounds the figures it prints."""

    HALF_UP = "half-up"
    TRUNCATE = "truncate"
    EITHER = "either"

    def shows(self, point: Decimal, places: int) -> set[Decimal]:
        """The figures this rounding can print for an exact value."""
        shown = set()
        if self is not Rounding.TRUNCATE:
            shown.add(round_to(point, places))
        if self is not Rounding.HALF_UP:
            shown.add(round_to(point, places, ROUND_DOWN))
        return shown


class Verdict(enum.Enum):
    EXACT = "exact"  # the printed figures agree to the last place
    ROUNDING = "rounding"  # they disagree in print, but rounding explains it
    LAST_PLACE = "last-place"  # off by at most one unit in the last printed place (末位误差)
    ERROR = "error"  # further off than that


def exact(stated: Figure, point: Decimal, mode: Rounding) -> bool:
    """Whether `point` prints as the stated figure, to its places or to the last place printed
    (265.6% among peers of two decimals): judge's first test, which needs no bounds."""
    return stated.value in mode.shows(point, stated.places) or (
        stated.printed < stated.places and stated.value in mode.shows(point, stated.printed)
    )


def judge(stated: Figure, point: Decimal, allowed: Interval, mode: Rounding) -> Verdict:
    """Compare a stated figure with the point value of its arithmetic and the allowed range."""
    if exact(stated, point, mode):
        return Verdict.EXACT
    if allowed.meets(stated.bounds(mode)):
        return Verdict.ROUNDING
    coarse = Figure(stated.value, stated.printed, stated.unit, stated.text, stated.printed)
    if stated.printed < stated.places and allowed.meets(coarse.bounds(mode)):
        return Verdict.ROUNDING  # read as printed, more coarsely than its peers
    gap = max(allowed.lo - stated.value, stated.value - allowed.hi)
    if gap <= stated.unit_size(stated.printed):
        return Verdict.LAST_PLACE
    return Verdict.ERROR


def fmt(value: Decimal, places: int) -> str:
    places = max(places, 0)
    return f"{round_to(value, places):,.{places}f}"


def fmt_bounds(allowed: Interval, places: int) -> tuple[str, str]:
    """The range rounded outward to the places shown, so it never looks narrower than it is."""
    places = max(places, 0)
    lo = f"{round_to(allowed.lo, places, ROUND_FLOOR):,.{places}f}"
    hi = f"{round_to(allowed.hi, places, ROUND_CEILING):,.{places}f}"
    return lo, hi


def fmt_range(allowed: Interval, places: int) -> str:
    lo, hi = fmt_bounds(allowed, places)
    return lo if lo == hi else f"{lo}–{hi}"
