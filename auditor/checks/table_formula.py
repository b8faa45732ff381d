"""table_formula: in every row of a table, one column = Σ some columns − Σ others
(政府性基金表: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出).

栏间公式：指定表的每一行中，一栏等于若干栏之和减去另若干栏之和。每个栏目写一组表头词，
取表头中含其中一词的第一栏；表中缺少某一栏时不作判断。
Each column is given as a list of header words, the first column found wins; a table lacking
one of the columns is not judged.

参数:
    table: 表的种类（词表 tables 中的名称）
    total: 等号左边的栏（表头词列表）
    plus: 相加的栏（每栏一个表头词列表）
    minus: 相减的栏（每栏一个表头词列表，可省略）

公式:
    {table} 每行：{total} = {plus: + }[ − {minus: − }]

尾数:
    空白单元格为 0；各栏按所印小数位的区间计算。

示例:
    - id: table.carryover
      title: 政府性基金表各行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出
      kind: table_formula
      severity: error
      table: 政府性基金预算表
      total: [年末结转和结余, 年末结转结余]
      plus: [[年初结转和结余, 年初结转结余, 上年结转], [本年收入]]
      minus: [[本年支出/小计, 本年支出/合计, 本年支出]]

通过:
                         政府性基金预算财政拨款收入支出决算表
    单位：万元
              项目                 年初结转   本年收入            本年支出             年末结转
    科目代码   科目名称             和结余               小计    基本支出   项目支出    和结余
               合计                  20.00     150.00   160.00              160.00      10.00
    212        城乡社区支出          20.00     150.00   160.00              160.00      10.00

报错:
                         政府性基金预算财政拨款收入支出决算表
    单位：万元
              项目                 年初结转   本年收入            本年支出             年末结转
    科目代码   科目名称             和结余               小计    基本支出   项目支出    和结余
               合计                  20.00     150.00   160.00              160.00      12.00
    212        城乡社区支出          20.00     150.00   160.00              160.00      12.00
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.cells import checked, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.numbers import Figure
from auditor.rules import Rule, TableKind, WordLists, Words
from auditor.tables.read import Table

KIND = "table_formula"


@dataclass(frozen=True)
class Params:
    table: TableKind
    total: Words
    plus: WordLists
    minus: WordLists | None = None


def _column(table: Table, segment: int, words: list[str]) -> str | None:
    """The first column whose header holds one of the words (in their order of preference)."""
    names = [c.name for c in table.segments[segment].columns]
    return next((n for word in words for n in names if word in n), None)


def _negated(figure: Figure) -> Figure:
    return Figure(-figure.value, figure.places, figure.unit, f"−{figure.text}", figure.printed)


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        if table.kind != rule.params["table"]:
            continue
        for row in table.rows:
            total = _column(table, row.segment, rule.params["total"])
            plus = [_column(table, row.segment, w) for w in rule.params["plus"]]
            minus = [_column(table, row.segment, w) for w in rule.params.get("minus", [])]
            names = [total, *plus, *minus]
            if None in names or len(set(names)) < len(names):
                continue  # the table lacks one of the columns: nothing to say
            if not any(n in row.cells for n in names):
                continue
            parts = [(n, value(table, row, n)) for n in plus]
            parts += [(f"−{n}", _negated(value(table, row, n))) for n in minus]
            finding = sum_finding(
                ctx,
                rule,
                table,
                total,
                (describe(row), value(table, row, total)),
                parts,
                [row.line],
                "结转结余与收支不衔接",
            )
            if finding:
                yield finding
