"""yoy: a 增减额 and 增减率 must agree with the figures compared (上年数 = 本年数 ∓ 增减额).

增减额、增减率须与所比较的数字相符：上年数 = 本年数 ∓ 增减额（或文中所述的上年数），
增减率 = 增减额 ÷ 上年数；由本年数与增减额推算出的上年数为负，也是错误。以 0 为基数的
增减率由 zero_base 报告。
The 上年数 is the one stated, or 本年数 ∓ 增减额; a 增减率 is 增减额 ÷ 上年数; a
negative 上年数 is an error. A rate against a zero base is zero_base's finding.

参数: 无

公式:
    上年数 = 本年数 ∓ 增减额；增减率 = 增减额 ÷ 上年数 × 100%

尾数:
    本年数、增减额、上年数和增减率都按所印小数位的区间计算。

示例:
    - id: yoy
      title: 增减率应等于增减额除以上年数
      kind: yoy
      severity: error

通过:
    2023年度收入合计865.32万元，与2022年度相比，收入合计增加105.32万元，增长13.86%。

报错:
    2023年度收入合计865.32万元，与2022年度相比，收入合计增加105.32万元，增长12.17%。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from auditor.checks.shared.common import (
    Context,
    as_stated,
    computed,
    expected_range,
    mixed_units,
    note,
    range_text,
    ratio,
    severity,
    trivial,
    words,
)
from auditor.claims import Change
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.numbers import Interval, Rounding, fmt, fmt_range, judge
from auditor.rules import Rule, params

KIND = "yoy"


@params
class Params:
    """yoy takes no parameters: YAML only switches its rule on."""


def _in_wan(fact: Fact | None) -> Fact | None:
    """A 元 or 亿元 amount restated in 万元, so a change across units can be measured."""
    if fact is None or not fact.is_amount:
        return fact
    return replace(fact, figure=fact.figure.to_wan())


def _change(claim: Change, mode: Rounding) -> tuple[Interval, Decimal, str]:
    """The signed change: the stated 增减额, or the difference of the two figures compared."""
    if claim.delta is not None:
        sign, figure = claim.delta.sign, claim.delta.figure
        return figure.bounds(mode).scale(sign), sign * figure.value, figure.text
    current, base = claim.current.figure, claim.base.figure
    point = current.value - base.value
    return (
        current.bounds(mode) - base.bounds(mode),
        point,
        f"{fmt(abs(point), current.places)}{current.unit}",
    )


def _prior(
    claim: Change, change: Interval, change_point: Decimal, mode: Rounding
) -> tuple[Interval, Decimal, str]:
    """The figure the change is measured from, and how it was obtained."""
    if claim.base is not None:
        return claim.base.figure.bounds(mode), claim.base.figure.value, claim.base.figure.text
    current = claim.current.figure
    point = current.value - change_point
    return (
        current.bounds(mode) - change,
        point,
        f"{current.text} {'−' if change_point >= 0 else '+'} {claim.delta.figure.text}",
    )


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.changes:
        current, delta, rate, base = claim.current, claim.delta, claim.rate, claim.base
        equations = claim.equations()
        if mixed_units(*(f for f in (current, delta, base) if f)):
            claim = Change(*(_in_wan(f) for f in (current, delta, rate, base)))
            current, delta, rate, base = claim.current, claim.delta, claim.rate, claim.base
        mode = ctx.mode(rule)
        change, change_point, change_text = _change(claim, mode)
        prior, prior_point, how = _prior(claim, change, change_point, mode)
        unit = (delta or current).figure.unit
        lines = lines_of(base, current, delta, rate)
        if delta is not None and base is not None and current is not None:
            sign = delta.sign
            implied, implied_point = prior + change, prior_point + change_point
            verdict = judge(current.figure, implied_point, implied, mode)
            level = severity(rule, verdict)
            if level:
                places = current.figure.places
                yield Finding(
                    rule.id,
                    level,
                    f"本年数与比较数、增减额不符{note(verdict)}：按所列数据 {base.figure.text} {'+' if sign > 0 else '−'} {delta.figure.text} "
                    f"应为 {fmt_range(implied, places)}{unit}，报告为 {current.figure.text}",
                    lines,
                    stated=as_stated(current.figure),
                    expected=computed(implied_point, places, unit),
                    difference=computed(current.figure.value - implied_point, places, unit),
                    **expected_range(implied, places, unit),
                    rounding_only=trivial(verdict),
                    equation=equations[0],
                )
                continue
        # a figure of another paragraph and another concept may be another quantity
        paired = (
            delta is not None
            and current is not None
            and (
                delta.concept == current.concept
                or (rate is not None and current.paragraph == delta.paragraph)
            )
        )
        if base is None and prior.hi < 0 and paired:
            yield Finding(
                rule.id,
                rule.severity,
                f"按本年数 {current.figure.text} 与增减额 {delta.figure.text} 推算，上年数为负（{fmt(prior_point, 2)}{unit}），不可能",
                lines,
                stated=as_stated(delta.figure),
                expected=words(f"不超过 {current.figure.text}"),
                equation=equations[1],
            )
            continue
        if rate is None or prior_point <= 0:
            continue  # a rate against a zero base is the zero_base rule's finding
        result = ratio(rate.figure, change, change_point, prior, prior_point, mode)
        level = severity(rule, result.verdict) if result else None
        if result is None or level is None:
            continue
        places = rate.figure.places
        shown_prior = f"{fmt(prior_point, (base or current).figure.places)}{unit}"
        basis = f"为 {how}" if base is not None else f" = {how} = {shown_prior}"
        yield Finding(
            rule.id,
            level,
            f"增减率与增减额不符{note(result.verdict)}：按所列数据，比较基数{basis}，"
            f"增减率应为 {change_text} ÷ {shown_prior} = {range_text(result, places)}，报告为 {rate.figure.text}",
            lines,
            stated=as_stated(rate.figure),
            expected=computed(result.point, places, "%"),
            difference=computed(abs(rate.figure.value) - result.point, places, "个百分点"),
            **expected_range(result.allowed, places, "%"),
            rounding_only=trivial(result.verdict),
            equation=equations[1],
        )
