"""zero_base: a completion or growth rate stated against a budget or prior year of zero."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import Context
from auditor.findings import Finding, lines_of
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.completions:
        if claim.budget.figure.is_zero() and not claim.actual.figure.is_zero():
            yield Finding(
                rule.id,
                rule.severity,
                f"预算数为 0，完成率无从计算，却报告为 {claim.rate.figure.text}",
                lines_of(claim.budget, claim.actual, claim.rate),
                stated=claim.rate.figure.text,
                expected="无法计算",
            )
    for change in ctx.claims.changes:
        if change.delta is None or change.rate is None or change.delta.figure.is_zero():
            continue
        prior = change.current.figure.wan_value() - change.delta.sign * abs(
            change.delta.figure.wan_value()
        )
        if prior == 0:
            yield Finding(
                rule.id,
                rule.severity,
                f"上年数为 0（{change.current.figure.text} 全部为本年增加），增长率无从计算，却报告为 {change.rate.figure.text}",
                lines_of(change.current, change.delta, change.rate),
                stated=change.rate.figure.text,
                expected="无法计算",
            )
