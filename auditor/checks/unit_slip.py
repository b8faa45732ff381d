"""unit_slip: an amount printed in 元 where the rate beside it only works in 万元."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, as_stated, unit_slip
from auditor.findings import Finding, Quantity, lines_of
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pairs = [(c.rate, c.actual, c.budget) for c in ctx.claims.completions]
    pairs += [(c.rate, c.part, c.whole) for c in ctx.claims.shares]
    for rate, numerator, denominator in pairs:
        if not unit_slip(rate.figure, numerator, denominator, ctx.mode(rule)):
            continue
        slipped = next(f for f in (numerator, denominator) if f.figure.unit == "元")
        yield Finding(
            rule.id,
            rule.severity,
            f"单位疑误：{slipped.figure.text} 按“元”计算与 {rate.figure.text} 不符，按“万元”计算才相符",
            lines_of(numerator, denominator, rate),
            stated=as_stated(slipped.figure),
            expected=Quantity(
                slipped.figure.value, "万元", slipped.figure.text.replace("元", "万元")
            ),
        )
