"""missing: a label and its unit with no figure between them ("财政拨款收入 万元").

标签与单位之间缺少数字（“财政拨款收入 万元”）：模板中待填的金额没有填写。
A label followed directly by its unit: a figure of the template left unfilled.

参数: 无

公式:
    “标签 + 数字 + 单位”中的数字不能缺

示例:
    - id: missing-value
      title: 标签与单位之间缺少数字
      kind: missing
      severity: error

通过:
    2024年度收入合计532.10万元。其中：财政拨款收入532.10万元，占本年收入100%。

报错:
    2024年度收入合计532.10万元。其中：财政拨款收入 万元，占本年收入100%。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, words
from auditor.findings import Finding
from auditor.rules import Rule, params

KIND = "missing"


@params
class Params:
    """missing takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.missing:
        yield Finding(
            rule.id,
            rule.severity,
            f"缺少数字：“{claim.label}”后直接是“{claim.unit}”",
            claim.lines,
            stated=words(f"{claim.label} {claim.unit}"),
            expected=words("一个金额"),
        )
