"""table_columns: in every row, a 合计 / 小计 column is the sum of the columns beside it
under the same header (本年支出合计 = 基本支出 + 项目支出 + …; 三公 合计 = 出国 + 小计 + 接待).

每一行中，合计（小计）栏须等于同一表头下其旁各分栏之和（有自己小计的分组按其小计计入）。
A sub-group with its own 小计 counts through it.

参数: 无

公式:
    每行：合计栏 = Σ 同一表头下的各分栏

尾数:
    空白单元格为 0；合计栏与各分栏之和按所印小数位的区间比较。

示例:
    - id: table.columns
      title: 每行的合计（小计）栏应等于同一表头下各分栏之和
      kind: table_columns
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
    2080506    机关事业单位职业年金缴费支出          57.04      57.04
    220        自然资源海洋气象等支出                72.59                 72.59
    22001      自然资源事务                          72.59                 72.59
    2200104    自然资源规划及管理                    72.59                 75.29
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.cells import checked, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule, params
from auditor.tables.model import Column

KIND = "table_columns"


@params
class Params:
    """table_columns takes no parameters: YAML only switches its rule on."""


def parts_of(total: Column, columns: list[Column]) -> list[Column]:
    """The columns `total` adds up: its siblings, a sub-group by its own total if it has one."""
    parts: list[Column] = []
    groups: dict[str, list[Column]] = {}
    for col in columns:
        if (
            col is total
            or col.part_of is not None
            or col.levels[: len(total.parent)] != total.parent
        ):
            continue  # a 其中 column is part of its neighbour, not another sibling
        rest = col.levels[len(total.parent) :]
        if len(rest) == 1 and not col.is_total:
            parts.append(col)
        elif len(rest) > 1:
            groups.setdefault(rest[0], []).append(col)
    for members in groups.values():
        own = [c for c in members if c.is_total and len(c.levels) == len(total.levels) + 1]
        parts.extend(own[:1] or [c for c in members if not c.is_total])
    return sorted(parts, key=lambda c: c.index)


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        # per segment, once: each total column with its parts' names (the same for every row)
        sums = [
            [
                (total, parts, [total.name, *(p.name for p in parts)])
                for total in s.columns
                if total.is_total
                for parts in [parts_of(total, s.columns)]
                if len(parts) >= 2
            ]
            for s in table.segments
        ]
        for row in table.rows:
            described = None
            for total, parts, names in sums[row.segment]:
                if not any(n in row.cells for n in names):
                    continue
                described = described or describe(row)  # once a row has a sum to judge
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    total.name,
                    (described, value(table, row, total.name)),
                    [(p.name, value(table, row, p.name)) for p in parts],
                    [row.line],
                    "合计栏不等于各分栏之和",
                )
                if finding:
                    yield finding
