"""table_balance: in a side-by-side 总表, 收入总计 equals 支出总计.

左右并列的收支总表中，收入一侧的总计须等于支出一侧的总计。
In a 收支总表 printed side by side, the 收入 half's 总计 equals the 支出 half's 总计.

参数: 无

公式:
    收支总表：收入总计 = 支出总计

尾数:
    两个总计按所印小数位的区间比较（报表常注明“可能存在尾数误差”）。

示例:
    - id: table.balance
      title: 收支总表的收入总计应等于支出总计
      kind: table_balance
      severity: error

通过:
    收入支出决算总表
    单位：万元
                     收入                                     支出
                项目                  决算数             项目               决算数
    一、一般公共预算财政拨款收入      486.90    一、一般公共服务支出           326.18
    八、其他收入                       10.00    八、社会保障和就业支出         170.72
    本年收入合计                      496.90    本年支出合计                   496.90
    年初结转和结余                     12.00    年末结转和结余                  12.00
    总计                              508.90    总计                           508.90

报错:
    收入支出决算总表
    单位：万元
                     收入                                     支出
                项目                  决算数             项目               决算数
    一、一般公共预算财政拨款收入      486.90    一、一般公共服务支出           326.18
    八、其他收入                       20.00    八、社会保障和就业支出         170.72
    本年收入合计                      506.90    本年支出合计                   496.90
    年初结转和结余                     12.00    年末结转和结余                  12.00
    总计                              518.90    总计                           508.90
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.cells import checked, describe, sum_finding
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule, params

KIND = "table_balance"


@params
class Params:
    """table_balance takes no parameters: YAML only switches its rule on."""


def _named(group: str, row) -> str:
    """总计 of the 收入 half reads 收入总计; a label that says 收入总计 already, as it is."""
    label = describe(row)
    return label if group in label else f"{group}{label}"


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        grands = []
        for group, half in table.halves():
            for row in half:
                columns = [c.name for c in table.segments[row.segment].columns]
                first = next((c for c in columns if c in row.cells), None)
                if row.is_grand and first:
                    grands.append((group, row, first))
                    break
        if len(grands) < 2:
            continue
        (g0, r0, c0), *others = grands
        for group, row, column in others:
            finding = sum_finding(
                ctx,
                rule,
                table,
                c0,
                (_named(g0, r0), r0.cells[c0].figure),
                [(_named(group, row), row.cells[column].figure)],
                [r0.line, row.line],
                "收入总计不等于支出总计",
            )
            if finding:
                yield finding
