"""agreement: one quantity stated in several places must have one value.

同一数据（同一概念或科目、同一资金范围、口径和期间）在报告各处只能有一个数值。
One concept (or 科目) with one scope, basis and period has one value everywhere.

参数: 无

公式:
    同一概念、范围、口径、期间的各处陈述数值相等

尾数:
    两处的数字按所印小数位的区间比较，区间相交即视为一致。

示例:
    - id: agreement
      title: 同一数据在报告各处应一致
      kind: agreement
      severity: error

通过:
    （一）“三公”经费财政拨款支出决算总体情况说明
    2022年度“三公”经费财政拨款支出决算为6.80万元，较上年减少0.40万元，下降5.56%。
    （二）“三公”经费财政拨款支出决算具体情况说明
    2022年度“三公”经费财政拨款支出决算6.80万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费5.20万元，公务接待费1.60万元。

报错:
    （一）“三公”经费财政拨款支出决算总体情况说明
    2022年度“三公”经费财政拨款支出决算为6.80万元，较上年减少0.40万元，下降5.56%。
    （二）“三公”经费财政拨款支出决算具体情况说明
    2022年度“三公”经费财政拨款支出决算6.08万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费5.20万元，公务接待费1.60万元。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, computed, shown, words
from auditor.equations import Equation
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.rules import Rule, params

KIND = "agreement"


@params
class Params:
    """agreement takes no parameters: YAML only switches its rule on."""


def _key(fact: Fact) -> tuple | None:
    if not fact.is_value:
        return None
    if fact.subject and fact.basis_stated:
        return ("subject", fact.subject, fact.basis, fact.period)
    if fact.states_concept and not fact.subject:
        return ("concept", fact.concept, fact.scope, fact.basis, fact.period)
    return None


def _places(*facts: Fact) -> int:
    """The decimals the printed figures show (a “无” shows none)."""
    shown = [f.figure.places for f in facts if any(c.isdigit() for c in f.figure.text)]
    return max(shown, default=2)


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    mode = ctx.mode(rule)
    first: dict[tuple, Fact] = {}
    reported: set[tuple] = set()
    for fact in sorted([*ctx.doc.facts, *ctx.doc.absent], key=lambda f: f.start):
        key = _key(fact)
        if key is None:
            continue
        earlier = first.setdefault(key, fact)
        if earlier is fact or earlier.figure.in_wan(mode).meets(fact.figure.in_wan(mode)):
            continue
        value = (key, fact.figure.wan_value())
        if value in reported:
            continue
        reported.add(value)
        name = key[1] if key[0] == "concept" else f"{key[1]}（{key[2]}）"
        diff = fact.figure.wan_value() - earlier.figure.wan_value()
        yield Finding(
            rule.id,
            rule.severity,
            f"同一数据前后不一致：{name} 先为 {shown(ctx, earlier)}，后为 {shown(ctx, fact)}，须核对哪一处有误",
            lines_of(earlier, fact),
            stated=words(f"{earlier.figure.text}；{fact.figure.text}"),
            difference=computed(diff, _places(earlier, fact), "万元"),
            equation=Equation.equal(earlier.figure, fact.figure),
        )
