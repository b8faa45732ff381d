"""share: "占 x%" must equal part ÷ whole, the whole named in the sentence or its enumeration."""

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
    for claim in ctx.claims.shares:
        part, whole, rate = claim.part, claim.whole, claim.rate
        if whole.figure.is_zero() or unit_slip(rate.figure, part, whole):
            continue
        result = amount_ratio(rate.figure, part, whole)
        level = severity(rule, result.verdict) if result else None
        if result is None or level is None:
            continue
        places = rate.figure.places
        note = "（仅尾数差异，可由四舍五入解释）" if level != rule.severity else ""
        yield Finding(
            rule.id,
            level,
            f"占比与金额不符{note}：{part.label or '该项'} {part.figure.text} ÷ {whole.label or '总额'} {whole.figure.text} "
            f"应为 {range_text(result, places)}，报告为 {rate.figure.text}",
            lines_of(part, whole, rate),
            stated=rate.figure.text,
            expected=percent_text(result.point, places),
            difference=f"{fmt(rate.figure.value - result.point, places)}个百分点",
        )
