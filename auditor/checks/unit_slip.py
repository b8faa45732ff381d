"""unit_slip: an amount printed in 元 where the rate beside it only works in 万元."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context, unit_slip
from auditor.findings import Finding, lines_of
from auditor.rules import Rule

KIND = "unit_slip"


@dataclass(frozen=True)
class Params:
    """unit_slip takes no parameters: YAML only switches its rule on."""


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
            stated=slipped.figure.text,
            expected=slipped.figure.text.replace("元", "万元"),
        )
