"""share: "占 x%" must equal part ÷ whole, the whole named in the sentence or its enumeration.

占比须等于分项除以总额：“占本年支出”的总额是支出合计，“占X的”是 X，只写“占”时是
所列举各项的总额（列举的开头）。
The whole is the one named (占本年支出 → 支出合计; 占X的 → X), else the head of the
enumeration the share stands in.

参数: 无

公式:
    占比 = 分项 ÷ 总额 × 100%

尾数:
    分项、总额和占比都按所印小数位的区间计算。

示例:
    - id: share
      title: 占比应等于分项除以总额
      kind: share
      severity: error

通过:
    2024年度支出合计532.10万元。其中：基本支出402.36万元，占本年支出75.62%；项目支出129.74万元，占本年支出24.38%。

报错:
    2024年度支出合计532.10万元。其中：基本支出402.36万元，占本年支出76.52%；项目支出129.74万元，占本年支出24.38%。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, ratio_finding
from auditor.findings import Finding
from auditor.rules import Rule, params

KIND = "share"


@params
class Params:
    """share takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.shares:
        part, whole = claim.part, claim.whole
        operands = f"{part.label or '该项'} {part.figure.text} ÷ {whole.label or '总额'} {whole.figure.text}"
        finding = ratio_finding(ctx, rule, claim.rate, part, whole, "占比与金额不符", operands)
        if finding:
            yield finding
