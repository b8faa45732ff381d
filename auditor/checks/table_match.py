"""table_match: a table that is a part of another (财政拨款 within all funds) exceeds it in no 科目, and equals it in every 科目 when the totals agree.

右表是左表的一部分（财政拨款在全部资金之内、一般公共预算在财政拨款之内）：任何一个科目都不能
超过左表；两表的本年合计相等时（收支全为该类资金），每个科目都须相等。每一侧写明表的种类、
可选的左右半表（收入 / 支出）和要读的栏（表头中含所列词之一的第一栏）。行按科目代码配对，
否则按名称；合计、本年收入合计、本年支出合计相互配对。两表无条件相等的科目由 identity 规则
（row: each）检查；此处“合计相等时才须相等”的条件是 identity 的恒等式写不出的。
Rows pair by 科目代码, else by name; 合计 / 本年收入合计 / 本年支出合计 pair with each
other. No row of the right table may exceed its counterpart, and where the 本年合计 agree
every row down to it must equal its counterpart. Unconditional equalities between tables are
`identity` rules (row: each); this conditional one is not an identity.

参数:
    left: 全部（左表）{table: 表的种类, side: 收入|支出（可省略）, column: [表头词…]}
    right: 部分（右表，同上）

公式:
    每个科目：{left} ≥ {right}；两表合计相等时各科目相等

尾数:
    空白单元格为 0；两表的数字按所印小数位的区间比较。

示例:
    - id: table.cross.general-part
      title: 一般公共预算支出不能超过全部支出；两表合计相等时各科目应一致
      kind: table_match
      severity: error
      left: {table: 支出表, column: [本年支出合计, 合计, 小计]}
      right: {table: 一般公共预算支出表, column: [小计, 合计, 本年支出]}

通过:
                                      支出决算表
    单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 250.00     153.88      96.12
    208        社会保障和就业支出                   153.88     153.88
    220        自然资源海洋气象等支出                 96.12                  96.12
                              一般公共预算财政拨款支出决算表
    单位：万元
                       项目                       本年支出
    科目代码               科目名称                 小计       基本支出   项目支出
               合计                                 226.47     153.88      72.59
    208        社会保障和就业支出                   153.88     153.88
    220        自然资源海洋气象等支出                 72.59                  72.59

报错:
                                      支出决算表
    单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 250.00     153.88      96.12
    208        社会保障和就业支出                   153.88     153.88
    220        自然资源海洋气象等支出                 96.12                  96.12
                              一般公共预算财政拨款支出决算表
    单位：万元
                       项目                       本年支出
    科目代码               科目名称                 小计       基本支出   项目支出
               合计                                 236.47     163.88      72.59
    208        社会保障和就业支出                   163.88     163.88
    220        自然资源海洋气象等支出                 72.59                  72.59
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.cells import describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.checks.shared.rows import TOTAL_KEY, find, key, pairs, this_year
from auditor.findings import Finding
from auditor.numbers import Verdict, judge
from auditor.rules import Rule, Side, params

KIND = "table_match"


@params
class Params:
    """The whole (left) and its part (right): a column of a table each."""

    left: Side
    right: Side


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    left, right = find(ctx, rule.params["left"]), find(ctx, rule.params["right"])
    if left is None or right is None:
        return
    (lt, lrows, lcol), (rt, rrows, rcol) = left, right
    matched = pairs(lrows, rrows)
    mode = ctx.mode(rule)
    whole = any(
        key(a) == TOTAL_KEY
        and value(lt, a, lcol).bounds(mode).meets(value(rt, b, rcol).bounds(mode))
        for a, b in matched
    )
    # Equal 本年合计 say nothing of the 结转和结余 and 总计 printed below them.
    within = {id(r) for r in this_year(lrows)}
    for a, b in matched:
        mine, theirs = value(lt, a, lcol), value(rt, b, rcol)
        equal = whole and id(a) in within
        if not equal and theirs.value <= mine.value:
            continue
        if not equal and judge(mine, theirs.value, theirs.bounds(mode), mode) is not Verdict.ERROR:
            continue
        finding = sum_finding(
            ctx,
            rule,
            lt,
            lcol,
            (describe(a), mine),
            [(f"{rt.label()}“{rcol}”栏 {describe(b)}", theirs)],
            [a.line, b.line],
            "两表同一项目金额不一致" if equal else "部分资金的金额超过了全部资金",
        )
        if finding:
            yield finding
