"""balance: two sides that must be equal (收入总计 = 支出总计), per scope.

两个概念须相等（收入总计 = 支出总计），按资金范围、口径和期间分组比较，组内各取首次明确
陈述的数值。
Facts are grouped by scope, basis and period; the first clean statement of each side is used.

参数:
    left: 左边的概念（词表 concepts 中的名称，可写“概念@范围”指定资金范围）
    right: 右边的概念（同上）

公式:
    {left} = {right}

尾数:
    两边按所印小数位的区间比较。

示例:
    - id: balance.total
      title: 收入总计应等于支出总计
      kind: balance
      severity: error
      left: 收入总计
      right: 支出总计

通过:
    2023年部门收入总计486.90万元，其中：一般公共预算财政拨款收入476.90万元，其他收入10.00万元；支出总计486.90万元，其中：基本支出326.18万元，项目支出160.72万元。

报错:
    2023年部门收入总计486.90万元，其中：一般公共预算财政拨款收入476.90万元，其他收入10.00万元；支出总计468.90万元，其中：基本支出326.18万元，项目支出142.72万元。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context
from auditor.checks.sum import compare_total, operand, statements
from auditor.findings import Finding
from auditor.rules import Concept, Rule

KIND = "balance"


@dataclass(frozen=True)
class Params:
    left: Concept
    right: Concept


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    groups = statements(ctx)
    for key in groups:
        left, right = (
            operand(groups, key, rule.params["left"]),
            operand(groups, key, rule.params["right"]),
        )
        if left and right:
            finding = compare_total(rule, left, [right], complete=True, mode=ctx.mode(rule))
            if finding:
                yield finding
