"""Stated figures as intervals, and the verdict of comparing one with arithmetic.

A figure printed with d decimals stands for every value that rounds to it: the interval
of half a unit in its last place. Sums and ratios are computed on those intervals.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}


@dataclass(frozen=True)
class Interval:
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

    @property
    def half(self) -> Decimal:
        return Decimal(5).scaleb(-self.places - 1)

    @property
    def interval(self) -> Interval:
        return Interval(self.value - self.half, self.value + self.half)

    def in_wan(self) -> Interval:
        """The interval in 万元 (percentages and counts unchanged)."""
        return self.interval.scale(TO_WAN.get(self.unit or "", Decimal(1)))

    def wan_value(self) -> Decimal:
        return self.value * TO_WAN.get(self.unit or "", Decimal(1))

    def is_zero(self) -> bool:
        return self.value == 0


def parse_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def round_to(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


class Verdict(enum.Enum):
    EXACT = "exact"  # the printed figures agree to the last place
    ROUNDING = "rounding"  # they disagree in print, but rounding explains it
    ERROR = "error"  # no values that round to the printed ones satisfy the identity


def judge(stated: Figure, point: Decimal, allowed: Interval) -> Verdict:
    """Compare a stated figure with the point value of its arithmetic and the allowed range."""
    if round_to(point, stated.places) == stated.value:
        return Verdict.EXACT
    if allowed.meets(stated.interval):
        return Verdict.ROUNDING
    coarse = Decimal(5).scaleb(-stated.printed - 1)
    if stated.printed < stated.places and allowed.meets(
        Interval(stated.value - coarse, stated.value + coarse)
    ):
        return Verdict.ROUNDING  # read as printed, more coarsely than its peers
    return Verdict.ERROR


def fmt(value: Decimal, places: int) -> str:
    return f"{round_to(value, places):,.{places}f}"


def fmt_range(allowed: Interval, places: int) -> str:
    lo, hi = fmt(allowed.lo, places), fmt(allowed.hi, places)
    return lo if lo == hi else f"{lo}–{hi}"
