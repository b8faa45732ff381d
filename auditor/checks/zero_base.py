"""zero_base: a completion or growth rate stated against a budget or prior year of zero.

以 0 为基数的完成率或增减率无从计算：预算数为 0 却报告完成率，上年数为 0 却报告增长率。
A completion rate against a zero budget, or a growth rate against a zero prior year.

参数: 无

公式:
    预算数 = 0 或 上年数 = 0 ⇒ 不应有完成率、增减率

示例:
    - id: zero-base
      title: 以 0 为基数的完成率或增长率无从计算
      kind: zero_base
      severity: warning

通过:
    2.灾害防治及应急管理支出（类）应急管理事务（款）安全监管（项）。年初预算为0万元，支出决算为24.60万元，支出决算数大于年初预算数的主要原因是年中追加安全生产专项检查经费。

报错:
    2.灾害防治及应急管理支出（类）应急管理事务（款）安全监管（项）。年初预算为0万元，支出决算为24.60万元，完成年初预算的100%，支出决算数大于年初预算数的主要原因是年中追加安全生产专项检查经费。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, as_stated, words
from auditor.equations import ONE, Equation
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.numbers import HUNDRED
from auditor.rules import Rule, params

KIND = "zero_base"


@params
class Params:
    """zero_base takes no parameters: YAML only switches its rule on."""


def _customary(rate: Fact) -> bool:
    """100% on a zero base is the customary way to say the whole is new: the zero is meant,
    the rate is the slip, so no base is named as the culprit (the diagnosis would)."""
    return abs(rate.figure.value) == HUNDRED


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
                equation=None
                if _customary(claim.rate)
                else Equation.ratio(
                    claim.rate.figure, ((ONE, claim.actual.figure),), ((ONE, claim.budget.figure),)
                ),
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
                equation=None if _customary(rate) else change.equations()[1],
            )
