"""table_total: a 合计 / 本年收入合计 / 总计 row is the sum of the rows it totals.

合计、总计行须等于其所合计各行之和：有科目代码时，合计行等于本半表最上级科目之和；没有
科目代码时，合计等于上一个合计以来各行之和（印在各行之上的合计亦然），总计等于合计加其后
各行（结转和结余的分项只经其上级计入一次）。
With 科目代码, a total row sums the top-level codes of its column group (类, or 301/302…);
without, each 合计 sums the rows since the previous total and 总计 adds the rows after
it (年初结转和结余 …), a breakdown under a 结转和结余 row counted once, through its parent.

参数: 无

公式:
    合计 = Σ 所合计的各行；总计 = 合计 + 其后各行（每一金额栏）

尾数:
    空白单元格为 0；合计与各行之和按所印小数位的区间比较。

示例:
    - id: table.total
      title: 合计、总计行应等于其所合计各行之和
      kind: table_total
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
    八、其他收入                       10.00    八、社会保障和就业支出         170.72
    本年收入合计                      496.90    本年支出合计                   496.90
    年初结转和结余                     12.00    年末结转和结余                  12.00
    总计                              498.90    总计                           508.90
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.cells import checked, columns_of, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.numbers import Verdict, bounds_sum, judge
from auditor.rules import Rule, params
from auditor.tables.model import Row, Table

KIND = "table_total"


@params
class Params:
    """table_total takes no parameters: YAML only switches its rule on."""


BARE = ("合计", "总计", "小计")
CARRIED = ("结转和结余", "结转结余", "结余")


def _judge(ctx: Context, rule: Rule, table: Table, total: Row, parts: list[Row], what: str):
    for column in columns_of([total, *parts]):
        named = [(describe(p), value(table, p, column)) for p in parts]
        lines = [total.line, *(p.line for p in parts if column in p.cells)]
        finding = sum_finding(
            ctx,
            rule,
            table,
            column,
            (describe(total), value(table, total, column)),
            named,
            lines,
            what,
            [p.line for p in parts if column not in p.cells],
        )
        if finding:
            yield finding


def _holds(ctx: Context, rule: Rule, table: Table, total: Row, parts: list[Row]) -> bool:
    """The total equals its parts in every column, rounding allowed."""
    mode = ctx.mode(rule)
    for column in columns_of([total, *parts]):
        figures = [value(table, p, column) for p in parts]
        point = sum((f.value for f in figures), Decimal(0))
        allowed = bounds_sum(figures, mode)
        if judge(value(table, total, column), point, allowed, mode) is Verdict.ERROR:
            return False
    return True


def _reading(
    ctx: Context, rule: Rule, table: Table, total: Row, readings: list[list[Row]]
) -> list[Row]:
    """Of the rows a 合计 may total (those since the last total; the sub-totals above and
    those rows; the last total and those rows), the first reading under which it holds;
    else the first that has any rows."""
    found = next((r for r in readings if r and _holds(ctx, rule, table, total, r)), None)
    return found or next((r for r in readings if r), readings[0])


def _breakdowns(ctx: Context, rows: list[Row]) -> dict[int, list[Row]]:
    """Rows under a 结转和结余 row that split it by fund (一般公共预算财政拨款 …)."""
    found: dict[int, list[Row]] = {}
    parent: int | None = None
    for i, row in enumerate(rows):
        if row.label.endswith(CARRIED):
            parent = i
            found[i] = []
        elif parent is not None and ctx.vocab.scope(row.label) and not row.is_total:
            found[parent].append(row)
        else:
            parent = None
    return {i: kids for i, kids in found.items() if kids}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        for _, half in table.halves():
            rows = [r for r in half if r.part_of is None]  # parts: table_part's
            codes = [len(r.code) for r in rows if r.code]
            if codes:
                top = [r for r in rows if r.code and len(r.code) == min(codes)]
                for total in (r for r in rows if r.is_total and not r.code):
                    yield from _judge(ctx, rule, table, total, top, "合计不等于各类之和")
                continue
            rows.sort(key=lambda r: r.line)
            breakdowns = _breakdowns(ctx, rows)
            inner = {id(kid) for kids in breakdowns.values() for kid in kids}
            for i, kids in breakdowns.items():
                yield from _judge(ctx, rule, table, rows[i], kids, "结转和结余不等于其分项之和")
            pending: list[Row] = []
            last: Row | None = None
            subtotals: list[Row] = []  # 人员经费合计, 公用经费合计 … since the last bare total
            leading: Row | None = None  # a 合计 printed above the rows it totals
            for row in rows:
                if leading is not None and (row.is_total or row.is_grand):
                    yield from _judge(ctx, rule, table, leading, pending, "合计不等于各行之和")
                    pending, leading = [], None
                if row.is_total and not row.is_grand and not pending and last is None:
                    leading = row
                elif row.is_grand:
                    parts = ([last] if last else []) + pending
                    yield from _judge(ctx, rule, table, row, parts, "总计不等于合计与其余各行之和")
                    pending, last, subtotals = [], None, []
                elif row.is_total:
                    parts = pending
                    if subtotals and row.label in BARE:  # 合计 below 人员经费合计, 公用经费合计
                        parts = _reading(
                            ctx, rule, table, row, [pending, subtotals + pending, [last, *pending]]
                        )
                    yield from _judge(ctx, rule, table, row, parts, "合计不等于各行之和")
                    subtotals = [] if row.label in BARE else [*subtotals, row]
                    pending, last = [], row
                elif id(row) not in inner:
                    pending.append(row)
            if leading is not None:
                yield from _judge(ctx, rule, table, leading, pending, "合计不等于各行之和")
