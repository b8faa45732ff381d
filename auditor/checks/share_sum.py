"""share_sum: the shares of an exhaustive enumeration add up to 100 %."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.common import HUNDRED, Context, computed, expected_range, note, severity
from auditor.findings import Finding, Quantity, lines_of
from auditor.numbers import Interval, Verdict, fmt
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for enum in ctx.claims.enumerations:
        if not enum.exhaustive:
            continue
        rates = [s.rate.figure for s in enum.shares]
        point = sum(r.value for r in rates)
        allowed = sum((r.bounds(ctx.mode(rule)) for r in rates), Interval(Decimal(0), Decimal(0)))
        if point == HUNDRED:
            continue
        places = max(r.places for r in rates)
        gap = max(allowed.lo - HUNDRED, HUNDRED - allowed.hi)
        if allowed.contains(HUNDRED):
            verdict = Verdict.ROUNDING
        else:
            verdict = Verdict.LAST_PLACE if gap <= Decimal(1).scaleb(-places) else Verdict.ERROR
        level = severity(rule, verdict)
        yield Finding(
            rule.id,
            level,
            f"各项占比合计应为 100%{note(verdict)}：{' + '.join(r.text for r in rates)} = {fmt(point, places)}%",
            lines_of(enum.whole, *(f for s in enum.shares for f in (s.part, s.rate))),
            stated=computed(point, places, "%"),
            expected=Quantity(HUNDRED, "%", "100%"),
            difference=computed(point - HUNDRED, places, "个百分点"),
            **expected_range(allowed, places, "%"),
        )
