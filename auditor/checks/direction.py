"""direction: 大于/小于 and 增加/下降 words must match the figures they describe.

“决算数大于/小于预算数”须与两个数字的大小一致；同一句中的“增加”与“下降”（或本年数
低于比较数却称“增长”）不能互相矛盾。
大于/小于 against the 决算 and 预算 figures; 增加 … 下降 contradictions within a change.

参数: 无

公式:
    “大于”⇔ 决算数 > 预算数，“小于”⇔ 决算数 < 预算数；增减额与增减率同向

示例:
    - id: direction
      title: 大于/小于、增加/减少等措辞应与数字一致
      kind: direction
      severity: error

通过:
    1.农林水支出（类）水利（款）行政运行（项）。年初预算为268.50万元，支出决算为275.12万元，完成年初预算的102.47%，支出决算数大于年初预算数的主要原因是人员调入。

报错:
    2.农林水支出（类）水利（款）水利工程运行与维护（项）。年初预算为420.00万元，支出决算为388.64万元，完成年初预算的92.53%，支出决算数大于年初预算数的主要原因是部分维修项目延至下年实施。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, mixed_units, words
from auditor.claims import Change
from auditor.findings import Finding, lines_of
from auditor.rules import Rule, params

KIND = "direction"


@params
class Params:
    """direction takes no parameters: YAML only switches its rule on."""


def _relation(actual, budget) -> bool | None:
    return None if actual == budget else actual > budget


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    # how the report words each relation: the first word of each of the vocabulary's lists
    word = {
        more: ctx.vocab.relations[name][0]
        for more, name in ((True, "more"), (False, "less"), (None, "equal"))
    }
    for claim in ctx.claims.directions:
        truth = _relation(claim.actual.figure.wan_value(), claim.budget.figure.wan_value())
        hint = ""
        if mixed_units(claim.actual, claim.budget):
            as_printed = _relation(claim.actual.figure.value, claim.budget.figure.value)
            if as_printed == claim.actual_more:
                # Right if the 元 figure were 万元: a unit slip, which a completion rate
                # beside it lets the unit_slip rule report; otherwise say it here.
                if any(
                    c.actual is claim.actual and c.budget is claim.budget
                    for c in ctx.claims.completions
                ):
                    continue
                hint = "（若把以“元”为单位的数字当作“万元”则相符，疑为单位错误）"
        if truth != claim.actual_more:
            yield Finding(
                rule.id,
                rule.severity,
                f"方向与数字矛盾{hint}：文中称“{claim.words}”，但决算数 {claim.actual.figure.text}{word[truth]}预算数 {claim.budget.figure.text}",
                tuple(sorted({*claim.lines, *lines_of(claim.actual, claim.budget)})),
                stated=words(claim.words),
                expected=words(f"决算数{word[truth]}预算数"),
            )
    for change in ctx.claims.changes:
        finding = _change_direction(ctx, rule, change)
        if finding:
            yield finding


def _change_direction(ctx: Context, rule: Rule, change: Change) -> Finding | None:
    """增加 … 下降, or 增长 where the two figures compared show a fall."""
    rate, delta = change.rate, change.delta
    if rate is None or not rate.sign or rate.figure.is_zero():
        return None
    if delta is not None:
        if delta.figure.is_zero() or delta.sign == rate.sign:
            return None
        said = f"增减额称“{ctx.vocab.changes['increase' if delta.sign > 0 else 'decrease'][0]}”"
        facts = (delta, rate)
    else:
        diff = change.current.figure.wan_value() - change.base.figure.wan_value()
        if diff == 0 or (diff > 0) == (rate.sign > 0):
            return None
        said = f"本年数 {change.current.figure.text} {'高于' if diff > 0 else '低于'}比较数 {change.base.figure.text}"
        facts = (change.base, change.current, rate)
    return Finding(
        rule.id,
        rule.severity,
        f"增减方向前后矛盾：{said}，增减率却称“{'增长' if rate.sign > 0 else '下降'}”",
        lines_of(*facts),
        stated=words(f"{rate.label} {rate.figure.text}"),
    )
