"""table_hierarchy: each 类 is the sum of its 款, each 款 of its 项 (and 301 of its 301xx).

按科目代码的层级：类等于其下各款之和，款等于其下各项之和（经济分类 301 等于各 301xx 之和），
每一金额栏分别核对；同一科目列出两次的表（项目表）不核对。
In every amount column, a code is the sum of the codes two digits longer that start with it.

参数: 无

公式:
    上级科目 = Σ 下级科目（类 = Σ款，款 = Σ项；301 = Σ301xx），每一金额栏

尾数:
    空白单元格为 0；上级科目与下级之和按所印小数位的区间比较。

示例:
    - id: table.hierarchy
      title: 上级科目应等于其下级科目之和（类 = Σ款，款 = Σ项；301 = Σ301xx）
      kind: table_hierarchy
      severity: error

通过:
                                      支出决算表
    部门：某县自然资源局                                                单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 226.47     153.88      72.59
    208        社会保障和就业支出                   153.88     153.88
    20805      行政事业单位养老支出                 153.88     153.88
    2080505    机关事业单位基本养老保险缴费支出      96.84      96.84
    2080506    机关事业单位职业年金缴费支出          57.04      57.04
    220        自然资源海洋气象等支出                72.59                 72.59
    22001      自然资源事务                          72.59                 72.59
    2200104    自然资源规划及管理                    72.59                 72.59

报错:
                                      支出决算表
    部门：某县自然资源局                                                单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 226.47     153.88      72.59
    208        社会保障和就业支出                   153.88     153.88
    20805      行政事业单位养老支出                 153.88     153.88
    2080505    机关事业单位基本养老保险缴费支出      96.84      96.84
    2080506    机关事业单位职业年金缴费支出          58.04      58.04
    220        自然资源海洋气象等支出                72.59                 72.59
    22001      自然资源事务                          72.59                 72.59
    2200104    自然资源规划及管理                    72.59                 72.59
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from auditor.checks.shared.cells import checked, columns_of, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule, params
from auditor.tables.model import Row

KIND = "table_hierarchy"


@params
class Params:
    """table_hierarchy takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        coded = [r for r in table.rows if r.code]
        counts = Counter(r.code for r in coded)
        if any(n > 1 for n in counts.values()):
            continue  # a 科目 listed twice (a project table): no hierarchy to read
        below: dict[str, list[Row]] = {}  # a code's children: its code and two digits more
        for r in coded:
            below.setdefault(r.code[:-2], []).append(r)
        for parent in coded:
            children = below.get(parent.code)
            if not children:
                continue
            head, names = describe(parent), [describe(c) for c in children]  # once, not per column
            for column in columns_of([parent, *children]):
                total = (head, value(table, parent, column))
                parts = [(n, value(table, c, column)) for n, c in zip(names, children, strict=True)]
                lines = [parent.line, *(c.line for c in children if column in c.cells)]
                empty = [c.line for c in children if column not in c.cells]
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    column,
                    total,
                    parts,
                    lines,
                    "上级科目不等于下级科目之和",
                    empty,
                )
                if finding:
                    yield finding
