"""completion: "完成年初预算的 Z%" / 执行率 must equal 决算 ÷ 预算."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import (
    Context,
    amount_ratio,
    percent_text,
    range_text,
    severity,
    unit_slip,
)
from auditor.findings import Finding, lines_of
from auditor.numbers import fmt
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.completions:
        budget, actual, rate = claim.budget, claim.actual, claim.rate
        if budget.figure.is_zero() or unit_slip(rate.figure, actual, budget):
            continue  # zero_base and unit_slip say what is wrong there
        result = amount_ratio(rate.figure, actual, budget)
        level = severity(rule, result.verdict) if result else None
        if result is None or level is None:
            continue
        places = rate.figure.places
        note = "（仅尾数差异，可由四舍五入解释）" if level != rule.severity else ""
        yield Finding(
            rule.id,
            level,
            f"完成率与预算、决算数不符{note}：{actual.figure.text} ÷ {budget.figure.text} 应为 {range_text(result, places)}，报告为 {rate.figure.text}",
            lines_of(budget, actual, rate),
            stated=rate.figure.text,
            expected=percent_text(result.point, places),
            difference=f"{fmt(rate.figure.value - result.point, places)}个百分点",
        )
