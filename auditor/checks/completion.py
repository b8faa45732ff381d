"""completion: "完成年初预算的 Z%" / 执行率 must equal 决算 ÷ 预算.

完成率（执行率）须等于决算数除以预算数。
A completion (or execution) rate is the 决算 figure divided by the 预算 figure it names.

参数: 无

公式:
    完成率 = 决算数 ÷ 预算数 × 100%

尾数:
    决算数、预算数和完成率都按所印小数位的区间计算。

示例:
    - id: completion
      title: 完成率应等于决算数除以预算数
      kind: completion
      severity: error

通过:
    2023年度一般公共预算财政拨款支出年初预算为486.20万元，支出决算为512.35万元，完成年初预算的105.38%。

报错:
    2023年度一般公共预算财政拨款支出年初预算为486.20万元，支出决算为512.35万元，完成年初预算的105.83%。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, ratio_finding
from auditor.findings import Finding
from auditor.rules import Rule, params

KIND = "completion"


@params
class Params:
    """completion takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.completions:
        budget, actual = claim.budget, claim.actual
        operands = f"{actual.figure.text} ÷ {budget.figure.text}"
        finding = ratio_finding(
            ctx, rule, claim.rate, actual, budget, "完成率与预算、决算数不符", operands
        )
        if finding:
            yield finding
