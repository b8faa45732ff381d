"""table_part: a part never exceeds its whole.

“其中”栏不大于它所属的栏（事业收入 ≥ 其中：教育收费），“其中”行、一级项目（一、）下编号的
子行（1. 2. 3.）之和不大于上面那一行（一、财政拨款收入 ≥ 1. 一般公共预算资金 + 2. 政府性
基金 + …）。这些分项按分项读，不与同级各栏、各行相加（table_total、table_columns 不计它们）；
只核对不超过，不断言分项合起来等于整体。
A 其中 column never exceeds the column it is part of; the 其中 rows, or the numbered
sub-lines under a 一、 item, never exceed the row above them. Parts are read as parts,
never summed with their siblings.

参数: 无

公式:
    同一所属栏的各“其中”栏之和、同一所属行的各分项行之和 ≤ 其所属的栏或行（每一行、每一金额栏）

尾数:
    按所印小数位的区间比较：区间相交即不算超过；超出仅在末位的为 warning。

示例:
    - id: table.part
      title: “其中”栏、“其中”行及编号子行不应大于其所属的栏或行
      kind: table_part
      severity: error

通过:
    表2 某学院2024年收入决算表
    单位：万元
    科目编码  科目名称        本年收入合计  财政拨款收入        事业收入            其他收入
                                                              金额    其中：教育收费
              合计                 1500.00        900.00    450.00          300.00    150.00
    205       教育支出             1500.00        900.00    450.00          300.00    150.00

报错:
    表2 某学院2024年收入决算表
    单位：万元
    科目编码  科目名称        本年收入合计  财政拨款收入        事业收入            其他收入
                                                              金额    其中：教育收费
              合计                 1500.00        900.00    450.00          460.00    150.00
    205       教育支出             1500.00        900.00    450.00          460.00    150.00
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.cells import checked, columns_of, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule, params
from auditor.tables.model import Row

KIND = "table_part"


@params
class Params:
    """table_part takes no parameters: the 其中 and sub-line wording is the vocabulary's."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        for row in table.rows:
            wholes: dict[str, list[str]] = {}  # a whole column -> its 其中 columns
            for column in table.segments[row.segment].columns:
                if column.part_of:
                    wholes.setdefault(column.part_of, []).append(column.name)
            for whole, parts in wholes.items():
                if not any(name in row.cells for name in parts):
                    continue
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    whole,
                    (describe(row), value(table, row, whole)),
                    [(name, value(table, row, name)) for name in parts],
                    [row.line],
                    "其中栏之和大于其所属栏",
                    relation="ge",
                )
                if finding:
                    yield finding
        groups: dict[int, list[Row]] = {}
        for row in table.rows:
            if row.part_of is not None:
                groups.setdefault(row.part_of, []).append(row)
        for index, parts in groups.items():
            whole = table.rows[index]
            for column in columns_of([whole, *parts]):
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    column,
                    (describe(whole), value(table, whole, column)),
                    [(describe(p), value(table, p, column)) for p in parts],
                    [whole.line, *(p.line for p in parts if column in p.cells)],
                    "分项（其中）之和大于其所属项",
                    relation="ge",
                )
                if finding:
                    yield finding
