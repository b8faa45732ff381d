"""What a finding's identity says of its figures, in a form that can be solved for any one
of them: the diagnosis asks which single stated figure, changed, makes every broken identity
it takes part in hold. Amounts are compared in 万元 whatever unit each is printed in."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from itertools import product

from auditor.numbers import HUNDRED, TO_WAN, Figure, Interval, Rounding
from auditor.records import dataclass

ONE = Decimal(1)
Terms = tuple[tuple[Decimal, Figure], ...]  # (coefficient, figure): Σ coefficient × figure
Solved = tuple[Interval, Decimal]  # the values a figure may take, and the exact one


@dataclass(frozen=True)
class Equation:
    """Σ c·x over `terms` = 0 (a sum, an equality); or, with `rate`, |Σ c·x over `terms`| ÷
    |Σ c·x over `base`| × 100 = rate (a change's rate, a share, a completion rate).

    Figures are the objects the report's facts and cells hold, so that two findings naming
    the same printed figure name the same object."""

    terms: Terms
    rate: Figure | None = None
    base: Terms = ()

    @classmethod
    def sum(cls, total: Figure, parts: Iterable[tuple[Decimal, Figure] | Figure]) -> Equation:
        """total = Σ parts (a part may carry its coefficient: (−1, figure) is subtracted)."""
        terms = [(ONE, total)]
        for part in parts:
            coefficient, figure = part if isinstance(part, tuple) else (ONE, part)
            terms.append((-coefficient, figure))
        return cls(tuple(terms))

    @classmethod
    def equal(cls, a: Figure, b: Figure) -> Equation:
        return cls(((ONE, a), (-ONE, b)))

    @classmethod
    def ratio(cls, rate: Figure, numerator: Terms, denominator: Terms) -> Equation:
        return cls(numerator, rate, denominator)

    def flipped(self, target: Figure) -> Equation:
        """The same identity with `target` counted the other way (a change's direction)."""

        def turn(terms: Terms) -> Terms:
            return tuple((-c if f is target else c, f) for c, f in terms)

        return Equation(turn(self.terms), self.rate, turn(self.base))

    def figures(self) -> list[Figure]:
        """Every figure, once each (by identity), in order."""
        seen: dict[int, Figure] = {}
        for _, figure in (*self.terms, *self.base):
            seen.setdefault(id(figure), figure)
        if self.rate is not None:
            seen.setdefault(id(self.rate), self.rate)
        return list(seen.values())

    def solve(self, target: Figure, mode: Rounding) -> Solved | None:
        """The values `target` may take (in its own unit) for this identity to hold with every
        other figure as printed, and the value with every other figure exact; None when no
        single value can be said (the target cancels out, or a base may be zero)."""
        if target is self.rate:  # a rate is printed by its size, or with its sign (−10.11%)
            solved = _rate(self.terms, self.base, mode)
            if solved is None or target.value >= 0:
                return solved
            return solved[0].scale(-ONE), -solved[1]
        if self.rate is None:
            a, b = _split(self.terms, target, mode)
            if b == 0:
                return None
            return _in_unit(a[0].scale(-1 / b), -a[1] / b, target)
        return self._solve_ratio(target, mode)

    def _solve_ratio(self, target: Figure, mode: Rounding) -> tuple[Interval, Decimal] | None:
        # |a + b·x| = k·|c + d·x|, k = rate ÷ 100: x = (s·k·c − a) ÷ (b − s·k·d), s = ±1
        assert self.rate is not None
        (a, a0), b = _split(self.terms, target, mode)
        (c, c0), d = _split(self.base, target, mode)
        k = self.rate.bounds(mode).scale(1 / HUNDRED).abs()
        k0 = abs(self.rate.value) / HUNDRED
        best: tuple[Interval, Decimal] | None = None
        for s in (ONE, -ONE):
            if b - s * k0 * d == 0:
                continue
            point = (s * k0 * c0 - a0) / (b - s * k0 * d)
            if point * target.value < 0 or (point < 0 and target.value == 0):
                continue  # the value keeps the sign the figure is printed with
            if c0 + d * point <= 0:
                continue  # a base is positive
            values = []
            for av, cv, kv in product((a.lo, a.hi), (c.lo, c.hi), (k.lo, k.hi)):
                under = b - s * kv * d
                if under == 0 or (under > 0) != (b - s * k0 * d > 0):
                    break  # the solution runs through infinity: no single range
                values.append((s * kv * cv - av) / under)
            else:
                found = (Interval(min(values), max(values)), point)
                near = target.wan_value()
                if best is None or abs(point - near) < abs(best[1] - near):
                    best = found
        return _in_unit(*best, target) if best else None

    def holds(self, target: Figure, value: Figure, mode: Rounding) -> bool:
        """Whether the identity holds with `value` printed in place of `target`."""
        solved = self.solve(target, mode)
        return solved is not None and solved[0].meets(value.bounds(mode))


def _split(
    terms: Terms, target: Figure, mode: Rounding
) -> tuple[tuple[Interval, Decimal], Decimal]:
    """Σ of the terms other than `target` (range and point, in 万元) and target's coefficient."""
    rest, point, own = Interval(Decimal(0), Decimal(0)), Decimal(0), Decimal(0)
    for coefficient, figure in terms:
        if figure is target:
            own += coefficient
        else:
            rest = rest + figure.in_wan(mode).scale(coefficient)
            point += coefficient * figure.wan_value()
    return (rest, point), own


def _rate(numerator: Terms, denominator: Terms, mode: Rounding) -> tuple[Interval, Decimal] | None:
    (n, n0), _ = _split(numerator, _NONE, mode)
    (d, d0), _ = _split(denominator, _NONE, mode)
    allowed = n.ratio(d)
    if allowed is None or d0 == 0:
        return None
    return allowed.scale(HUNDRED).abs(), abs(n0 / d0 * HUNDRED)


def _in_unit(allowed: Interval, point: Decimal, target: Figure) -> tuple[Interval, Decimal]:
    """A value in 万元 back in the unit `target` is printed in."""
    factor = TO_WAN.get(target.unit or "", ONE)
    return allowed.scale(1 / factor), point / factor


_NONE = Figure(Decimal(0), 0, None, "", 0)  # no figure of an equation: split nothing out
