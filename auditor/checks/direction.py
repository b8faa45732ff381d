"""direction: 大于/小于 and 增加/下降 words must match the figures they describe."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import Context, mixed_units
from auditor.findings import Finding, lines_of
from auditor.rules import Rule

PARAMS: dict[str, str] = {}
WORD = {True: "大于", False: "小于", None: "等于"}


def _relation(actual, budget) -> bool | None:
    return None if actual == budget else actual > budget


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.directions:
        truth = _relation(claim.actual.figure.wan_value(), claim.budget.figure.wan_value())
        if mixed_units(claim.actual, claim.budget):
            as_printed = _relation(claim.actual.figure.value, claim.budget.figure.value)
            if as_printed == claim.actual_more:
                continue  # right once the 元 figure is read as 万元: a unit slip, not a direction
        if truth != claim.actual_more:
            yield Finding(
                rule.id,
                rule.severity,
                f"方向与数字矛盾：文中称“{claim.words}”，但决算数 {claim.actual.figure.text}{WORD[truth]}预算数 {claim.budget.figure.text}",
                tuple(sorted({*claim.lines, *lines_of(claim.actual, claim.budget)})),
                stated=claim.words,
                expected=f"决算数{WORD[truth]}预算数",
            )
    for change in ctx.claims.changes:
        delta, rate = change.delta, change.rate
        if (
            rate
            and rate.sign
            and not delta.figure.is_zero()
            and not rate.figure.is_zero()
            and delta.sign != rate.sign
        ):
            yield Finding(
                rule.id,
                rule.severity,
                f"增减方向前后矛盾：增减额称“{'增加' if delta.sign > 0 else '减少'}”，增减率却称“{'增长' if rate.sign > 0 else '下降'}”",
                lines_of(delta, rate),
                stated=f"{delta.label} {delta.figure.text}，{rate.label} {rate.figure.text}",
            )
