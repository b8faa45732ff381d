"""enumeration_sum: the parts of an exhaustive "其中" enumeration add up to its whole.

完整列举（各项占比合计约为 100%）的各分项金额之和须等于总额。
The amounts of an enumeration whose shares make about 100 % add to the whole it opens with.

参数: 无

公式:
    总额 = Σ 列举的各分项

尾数:
    总额与各分项按所印小数位的区间相加比较。

示例:
    - id: sum.enumeration
      title: 完整列举的各分项之和应等于总额
      kind: enumeration_sum
      severity: error

通过:
    2023年度一般公共预算财政拨款支出1,836.32万元，主要用于以下方面：文化旅游体育与传媒（类）支出1,512.61万元，占82.4%；社会保障和就业（类）支出168.30万元，占9.2%；卫生健康（类）支出85.39万元，占4.6%；住房保障（类）支出70.02万元，占3.8%。

报错:
    2023年度一般公共预算财政拨款支出1,836.50万元，主要用于以下方面：文化旅游体育与传媒（类）支出1,512.61万元，占82.4%；社会保障和就业（类）支出168.30万元，占9.2%；卫生健康（类）支出85.39万元，占4.6%；住房保障（类）支出70.02万元，占3.8%。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context
from auditor.checks.shared.totals import compare_total
from auditor.findings import Finding
from auditor.rules import Rule, params

KIND = "enumeration_sum"


@params
class Params:
    """enumeration_sum takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for enum in ctx.claims.enumerations:
        if enum.exhaustive:
            finding = compare_total(
                rule, enum.whole, [s.part for s in enum.shares], complete=True, mode=ctx.mode(rule)
            )
            if finding:
                yield finding
