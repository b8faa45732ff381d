"""zero_base: a completion or growth rate stated against a budget or prior year of zero."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, as_stated, words
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
                stated=as_stated(claim.rate.figure),
                expected=words("无法计算"),
            )
    for change in ctx.claims.changes:
        delta, rate, base, current = change.delta, change.rate, change.base, change.current
        if rate is None or (delta is not None and delta.figure.is_zero()):
            continue
        if base is not None:
            prior = base.figure.wan_value()
        else:
            prior = current.figure.wan_value() - delta.sign * delta.figure.wan_value()
        if prior == 0:
            whole = f"（{current.figure.text} 全部为本年增加）" if base is None else ""
            yield Finding(
                rule.id,
                rule.severity,
                f"比较基数为 0{whole}，增减率无从计算，却报告为 {rate.figure.text}",
                lines_of(base, current, delta, rate),
                stated=as_stated(rate.figure),
                expected=words("无法计算"),
            )
