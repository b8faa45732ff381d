"""yoy: a 增减额 and 增减率 must follow from the current figure (prior = current ∓ delta)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import Context, percent_text, range_text, ratio, severity
from auditor.findings import Finding, lines_of
from auditor.numbers import fmt
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.changes:
        current, delta, rate = claim.current, claim.delta, claim.rate
        if delta is None:
            continue
        sign = delta.sign
        prior = current.figure.in_wan() - delta.figure.in_wan().scale(sign)
        prior_point = current.figure.wan_value() - sign * abs(delta.figure.wan_value())
        lines = lines_of(current, delta, rate)
        if prior.hi < 0 and (rate is not None or delta.concept == current.concept):
            yield Finding(
                rule.id,
                rule.severity,
                f"按本年数 {current.figure.text} 与减少额 {delta.figure.text} 推算，上年数为负（{fmt(prior_point, 2)} 万元），不可能",
                lines,
                stated=delta.figure.text,
                expected=f"不超过 {current.figure.text}",
            )
            continue
        if rate is None or prior_point <= 0:
            continue  # a rate against a zero base is the zero_base rule's finding
        result = ratio(
            rate.figure, delta.figure.in_wan(), abs(delta.figure.wan_value()), prior, prior_point
        )
        if result is None:
            continue
        level = severity(rule, result.verdict)
        if level is None:
            continue
        places = rate.figure.places
        note = "（仅尾数差异，可由四舍五入解释）" if level != rule.severity else ""
        yield Finding(
            rule.id,
            level,
            f"增减率与增减额不符{note}：上年数 = {current.figure.text} {'−' if sign > 0 else '+'} {delta.figure.text} = {fmt(prior_point, 2)} 万元，"
            f"{'增长' if sign > 0 else '下降'}率应为 {range_text(result, places)}，报告为 {rate.figure.text}",
            lines,
            stated=rate.figure.text,
            expected=percent_text(result.point, places),
            difference=f"{fmt(abs(rate.figure.value) - result.point, places)}个百分点",
        )
