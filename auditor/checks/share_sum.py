"""share_sum: the shares of an exhaustive enumeration add up to 100 %.

完整列举（各项占比合计约为 100%）的各项占比之和须恰为 100%。
The shares of an enumeration whose shares make about 100 % add to exactly 100 %.

参数: 无

公式:
    Σ 各项占比 = 100%

尾数:
    各项占比按所印小数位的区间相加：区间包含 100% 即为尾数误差。

示例:
    - id: share-sum
      title: 完整列举的各项占比合计应为 100%
      kind: share_sum
      severity: error

通过:
    2023年度一般公共预算财政拨款支出1,836.32万元，主要用于以下方面：文化旅游体育与传媒（类）支出1,512.61万元，占82.37%；社会保障和就业（类）支出168.30万元，占9.17%；卫生健康（类）支出85.39万元，占4.65%；住房保障（类）支出70.02万元，占3.81%。

报错:
    2023年度一般公共预算财政拨款支出1,836.32万元，主要用于以下方面：文化旅游体育与传媒（类）支出1,512.61万元，占82.37%；社会保障和就业（类）支出168.30万元，占9.17%；卫生健康（类）支出85.39万元，占4.65%；住房保障（类）支出70.02万元，占3.18%。
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.common import Context, computed, expected_range, note, severity, trivial
from auditor.equations import Equation
from auditor.findings import Finding, Quantity, lines_of
from auditor.numbers import HUNDRED, Figure, Interval, Verdict, fmt
from auditor.rules import Rule, params

KIND = "share_sum"


@params
class Params:
    """share_sum takes no parameters: YAML only switches its rule on."""


# 100% as the identity's total: exact, and printed nowhere (never a culprit)
WHOLE = Figure(HUNDRED, 12, "%", "100%", 12)


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for enum in ctx.claims.enumerations:
        if not enum.exhaustive:
            continue
        rates = [s.rate.figure for s in enum.shares]
        point = sum(r.value for r in rates)
        allowed = sum((r.bounds(ctx.mode(rule)) for r in rates), Interval(Decimal(0), Decimal(0)))
        if point == HUNDRED:
            continue
        places = max(r.places for r in rates)
        gap = max(allowed.lo - HUNDRED, HUNDRED - allowed.hi)
        if allowed.contains(HUNDRED):
            verdict = Verdict.ROUNDING
        else:
            verdict = Verdict.LAST_PLACE if gap <= Decimal(1).scaleb(-places) else Verdict.ERROR
        level = severity(rule, verdict)
        yield Finding(
            rule.id,
            level,
            f"各项占比合计应为 100%{note(verdict)}：{' + '.join(r.text for r in rates)} = {fmt(point, places)}%",
            lines_of(enum.whole, *(f for s in enum.shares for f in (s.part, s.rate))),
            stated=computed(point, places, "%"),
            expected=Quantity(HUNDRED, "%", "100%"),
            difference=computed(point - HUNDRED, places, "个百分点"),
            **expected_range(allowed, places, "%"),
            rounding_only=trivial(verdict),
            equation=Equation.sum(WHOLE, rates),
        )
