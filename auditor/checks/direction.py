"""direction: 大于/小于 and 增加/下降 words must match the figures they describe."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, mixed_units, words
from auditor.claims import Change
from auditor.findings import Finding, lines_of
from auditor.rules import Rule

PARAMS: dict[str, str] = {}
WORD = {True: "大于", False: "小于", None: "等于"}


def _relation(actual, budget) -> bool | None:
    return None if actual == budget else actual > budget


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.directions:
        truth = _relation(claim.actual.figure.wan_value(), claim.budget.figure.wan_value())
        hint = ""
        if mixed_units(claim.actual, claim.budget):
            as_printed = _relation(claim.actual.figure.value, claim.budget.figure.value)
            if as_printed == claim.actual_more:
                # Right if the 元 figure were 万元: a unit slip, which a completion rate
                # beside it lets the unit_slip rule report; otherwise say it here.
                if any(
                    c.actual is claim.actual and c.budget is claim.budget
                    for c in ctx.claims.completions
                ):
                    continue
                hint = "（若把以“元”为单位的数字当作“万元”则相符，疑为单位错误）"
        if truth != claim.actual_more:
            yield Finding(
                rule.id,
                rule.severity,
                f"方向与数字矛盾{hint}：文中称“{claim.words}”，但决算数 {claim.actual.figure.text}{WORD[truth]}预算数 {claim.budget.figure.text}",
                tuple(sorted({*claim.lines, *lines_of(claim.actual, claim.budget)})),
                stated=words(claim.words),
                expected=words(f"决算数{WORD[truth]}预算数"),
            )
    for change in ctx.claims.changes:
        finding = _change_direction(rule, change)
        if finding:
            yield finding


def _change_direction(rule: Rule, change: Change) -> Finding | None:
    """增加 … 下降, or 增长 where the two figures compared show a fall."""
    rate, delta = change.rate, change.delta
    if rate is None or not rate.sign or rate.figure.is_zero():
        return None
    if delta is not None:
        if delta.figure.is_zero() or delta.sign == rate.sign:
            return None
        said = f"增减额称“{'增加' if delta.sign > 0 else '减少'}”"
        facts = (delta, rate)
    else:
        diff = change.current.figure.wan_value() - change.base.figure.wan_value()
        if diff == 0 or (diff > 0) == (rate.sign > 0):
            return None
        said = f"本年数 {change.current.figure.text} {'高于' if diff > 0 else '低于'}比较数 {change.base.figure.text}"
        facts = (change.base, change.current, rate)
    return Finding(
        rule.id,
        rule.severity,
        f"增减方向前后矛盾：{said}，增减率却称“{'增长' if rate.sign > 0 else '下降'}”",
        lines_of(*facts),
        stated=words(f"{rate.label} {rate.figure.text}"),
    )
