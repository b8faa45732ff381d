"""table_match: the same 科目 (or line) carries the same amount in two tables.

两张表中同一科目（或同一行）的金额须一致。每一侧写明表的种类、可选的左右半表（收入 / 支出）
和要读的栏（表头中含所列词之一的第一栏）。行按科目代码配对，否则按名称；合计、本年收入合计、
本年支出合计相互配对。`rows: totals` 时一侧取其各合计行之和（人员经费合计 + 公用经费合计），
`rows: items` 时只配对非合计行。`relation: part` 表示右表是左表的一部分（财政拨款在全部资金
之内）：任何一行都不能超过左表，两表合计相等时每一行都须相等。
Each side names a table kind, optionally its half (收入 / 支出), and the column to read
(the first whose header contains one of the given words). Rows pair by 科目代码, else by
name; 合计 / 本年收入合计 / 本年支出合计 pair with each other. With `rows: totals` a side
is the sum of its total rows (人员经费合计 + 公用经费合计); with `rows: items` only the
rows that are not totals pair (财政拨款 income lines, while the 本年收入合计 differ). With
`relation: part` the right table is a part of the left one (财政拨款 within all funds): no row
may exceed its counterpart, and where the totals agree every row must.

参数:
    left: 左表 {table: 表的种类, side: 收入|支出（可省略）, column: [表头词…], rows: each|items|totals（可省略）}
    right: 右表（同上）
    relation: equal（缺省，“=”）或 part（“≥”：右表是左表的一部分，两表合计相等时各行须相等；可省略）

公式:
    每个科目：{left} {relation} {right}

尾数:
    空白单元格为 0；两表的数字按所印小数位的区间比较。

示例:
    - id: table.cross.expenditure
      title: 收支总表的支出各类及合计应与支出表一致
      kind: table_match
      severity: error
      left: {table: 收支总表, side: 支出, column: [金额, 合计, 预算数, 决算数]}
      right: {table: 支出表, column: [本年支出合计, 合计, 小计]}

通过:
                                   收入支出决算总表
    单位：万元
                     收入                                          支出
                项目                  决算数                  项目                 决算数
    一、一般公共预算财政拨款收入       226.47    八、社会保障和就业支出             153.88
                                                 十八、自然资源海洋气象等支出         72.59
    本年收入合计                       226.47    本年支出合计                       226.47
    总计                               226.47    总计                               226.47
                                      支出决算表
    单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 226.47     153.88      72.59
    208        社会保障和就业支出                   153.88     153.88
    220        自然资源海洋气象等支出                 72.59                  72.59

报错:
                                   收入支出决算总表
    单位：万元
                     收入                                          支出
                项目                  决算数                  项目                 决算数
    一、一般公共预算财政拨款收入       226.47    八、社会保障和就业支出             135.88
                                                 十八、自然资源海洋气象等支出         90.59
    本年收入合计                       226.47    本年支出合计                       226.47
    总计                               226.47    总计                               226.47
                                      支出决算表
    单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 226.47     153.88      72.59
    208        社会保障和就业支出                   153.88     153.88
    220        自然资源海洋气象等支出                 72.59                  72.59
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from auditor.checks.shared.cells import checked, describe, places, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.numbers import Figure, Verdict, judge
from auditor.rules import Relation, Rule, Side
from auditor.tables.read import Row, Table

KIND = "table_match"


@dataclass(frozen=True)
class Params:
    left: Side
    right: Side
    relation: Relation | None = None


TOTAL_KEY = "本年合计"


def _find(ctx: Context, spec: dict[str, Any]) -> tuple[Table, list[Row], str] | None:
    for table in checked(ctx):
        if table.kind != spec["table"]:
            continue
        side = spec.get("side")
        segments = [s for s in table.segments if not side or regex.sub(r"\s+", "", s.group) == side]
        names = [c.name for s in segments for c in s.columns]
        column = next((n for word in spec["column"] for n in names if word in n), None)
        if column is None:
            return None
        groups = {s.group for s in segments}
        rows = [r for r in table.rows if table.segments[r.segment].group in groups]
        return table, rows, column
    return None


def key(row: Row) -> str:
    if row.is_grand:
        return "总计"
    if row.is_total:
        return TOTAL_KEY
    return regex.sub(r"收入$", "", row.label)


def _pairs(left: list[Row], right: list[Row]) -> list[tuple[Row, Row]]:
    by_code = {r.code: r for r in right if r.code}
    names: dict[str, list[Row]] = {}
    for r in right:
        names.setdefault(key(r), []).append(r)
    pairs = []
    for row in left:
        if row.code:  # a 科目 pairs by its code only: names repeat (行政运行 under many 款)
            other = by_code.get(row.code)
        else:
            found = names.get(key(row), [])
            other = found[0] if len(found) == 1 else None
        if other is not None and (row.cells or other.cells):
            pairs.append((row, other))
    return pairs


def _this_year(rows: list[Row]) -> list[Row]:
    """The rows down to the 本年合计 of each half (all of them in a half without one)."""
    out: list[Row] = []
    closed: set[int] = set()
    for row in rows:
        if row.segment not in closed:
            out.append(row)
            if key(row) == TOTAL_KEY:
                closed.add(row.segment)
    return out


def _sum(table: Table, rows: list[Row], column: str) -> tuple[str, Figure, list[int]] | None:
    totals = [r for r in rows if r.is_total and not r.is_grand]
    if not totals:
        return None
    figures = [value(table, r, column) for r in totals]
    digits = places(table)
    total = sum((f.value for f in figures), Decimal(0))
    text = " + ".join(f.text for f in figures)
    name = " + ".join(describe(r) for r in totals)
    return name, Figure(total, digits, table.unit, text, digits), [r.line for r in totals]


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    left, right = _find(ctx, rule.params["left"]), _find(ctx, rule.params["right"])
    if left is None or right is None:
        return
    (lt, lrows, lcol), (rt, rrows, rcol) = left, right
    if "totals" in (rule.params["left"].get("rows"), rule.params["right"].get("rows")):
        yield from _totals(ctx, rule, left, right)
        return
    part = rule.params.get("relation") == "part"
    pairs = _pairs(lrows, rrows)
    if "items" in (rule.params["left"].get("rows"), rule.params["right"].get("rows")):
        pairs = [(a, b) for a, b in pairs if not (a.is_total or b.is_total)]
    mode = ctx.mode(rule)
    whole = not part or any(
        key(a) == TOTAL_KEY
        and value(lt, a, lcol).bounds(mode).meets(value(rt, b, rcol).bounds(mode))
        for a, b in pairs
    )
    # Equal 本年合计 say nothing of the 结转和结余 and 总计 printed below them.
    this_year = {id(r) for r in _this_year(lrows)} if part else set()
    for a, b in pairs:
        mine, theirs = value(lt, a, lcol), value(rt, b, rcol)
        equal = whole and (not part or id(a) in this_year)
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


def _totals(ctx: Context, rule: Rule, left, right) -> Iterator[Finding]:
    (lt, _, lcol), (rt, _, rcol) = left, right
    sides = []
    for (table, rows, column), spec in ((left, rule.params["left"]), (right, rule.params["right"])):
        if spec.get("rows") == "totals":
            found = _sum(table, rows, column)
        else:
            row = next((r for r in rows if key(r) == TOTAL_KEY and column in r.cells), None)
            found = (describe(row), row.cells[column].figure, [row.line]) if row else None
        if found is None:
            return
        sides.append(found)
    (lname, lfig, llines), (rname, rfig, rlines) = sides
    finding = sum_finding(
        ctx,
        rule,
        lt,
        lcol,
        (lname, lfig),
        [(f"{rt.label()}“{rcol}”栏 {rname}", rfig)],
        [*llines, *rlines],
        "两表的合计不一致",
    )
    if finding:
        yield finding
