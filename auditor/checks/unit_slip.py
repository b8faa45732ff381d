"""unit_slip: an amount printed in 元 where the rate beside it only works in 万元.

金额单位疑误：一个以“元”印出的金额，按“元”计算与旁边的完成率或占比不符，按“万元”才相符。
An amount in 元 whose completion rate or share only works if it were 万元.

参数: 无

公式:
    比率 ≠ 按“元”计算的结果，而 = 按“万元”计算的结果 ⇒ 单位错误

尾数:
    比率按所印小数位的区间判断是否相符。

示例:
    - id: unit-slip
      title: 金额单位疑误（元与万元）
      kind: unit_slip
      severity: error

通过:
    1.卫生健康支出（类）公共卫生（款）疾病预防控制机构（项）。年初预算数为1,044.77万元，决算数1,030.20万元，完成年初预算的98.61%。

报错:
    1.卫生健康支出（类）公共卫生（款）疾病预防控制机构（项）。年初预算数为1,044.77元，决算数1,030.20万元，完成年初预算的98.61%。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, as_stated, unit_slip
from auditor.findings import Finding, Quantity, lines_of
from auditor.rules import Rule, params

KIND = "unit_slip"


@params
class Params:
    """unit_slip takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pairs = [(c.rate, c.actual, c.budget) for c in ctx.claims.completions]
    pairs += [(c.rate, c.part, c.whole) for c in ctx.claims.shares]
    for rate, numerator, denominator in pairs:
        if not unit_slip(rate.figure, numerator, denominator, ctx.mode(rule)):
            continue
        slipped = next(f for f in (numerator, denominator) if f.figure.unit == "元")
        yield Finding(
            rule.id,
            rule.severity,
            f"单位疑误：{slipped.figure.text} 按“元”计算与 {rate.figure.text} 不符，按“万元”计算才相符",
            lines_of(numerator, denominator, rate),
            stated=as_stated(slipped.figure),
            expected=Quantity(
                slipped.figure.value, "万元", slipped.figure.text.replace("元", "万元")
            ),
        )
