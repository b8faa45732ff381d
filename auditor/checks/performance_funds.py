"""performance_funds: a performance table's 资金总额 is the sum of its sources of funds.

绩效目标表、绩效自评表的资金行：年度资金总额 = 财政拨款 + 上年结转 + 其他资金（表中列出的各项），
每一项（“其中：当年财政拨款”等）都不大于总额。逐行按“标签 金额”读；列出了财政拨款与其他资金
两行才核对合计，只列出部分来源时只核对不超过；某一栏各来源都是“—”或空白（分值、得分栏）
不核对。
In the funding lines of a performance table, 资金总额 equals the sum of the sources listed
(财政拨款, 上年结转, 其他资金) and no source exceeds it. The sum is checked only when both
财政拨款 and 其他资金 are listed; a column whose sources are all dashes or blank (a score
column) is not checked.

参数: 无

公式:
    资金总额 = 财政拨款 + 上年结转 + 其他资金；每一来源 ≤ 资金总额（每一金额栏）

尾数:
    按所印小数位的区间比较：可由四舍五入解释的差异为 warning。

示例:
    - id: performance.funds
      title: 绩效目标表、绩效自评表的资金总额应等于各资金来源之和
      kind: performance_funds
      severity: error

通过:
    某区数据中心2024年度项目绩效目标表
    项目资金（万元）    年度资金总额：      1,200.00
                        其中：财政拨款      1,000.00
                        上年结转            150.00
                        其他资金            50.00

报错:
    某区数据中心2024年度项目绩效目标表
    项目资金（万元）    年度资金总额：      1,200.00
                        其中：财政拨款      1,300.00
                        上年结转            150.00
                        其他资金            50.00
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.common import (
    Context,
    as_stated,
    computed,
    expected_range,
    note,
    severity,
    trivial,
)
from auditor.findings import Finding
from auditor.numbers import Rounding, Verdict, bounds_sum, fmt, fmt_range, judge
from auditor.performance import Cell, FundBlock, Row
from auditor.rules import Rule, params

KIND = "performance_funds"
NAMES = {"appropriation": "财政拨款", "carryover": "上年结转", "other": "其他资金"}


@params
class Params:
    """performance_funds takes no parameters: YAML only switches its rule on."""


def _exceeds(part: Cell, total: Cell, mode: Rounding) -> Verdict | None:
    if part.figure.value <= total.figure.value:
        return None
    if part.figure.bounds(mode).meets(total.figure.bounds(mode)):
        return Verdict.ROUNDING
    return Verdict.ERROR


def _column(
    ctx: Context, rule: Rule, block: FundBlock, total: Cell, parts: list[tuple[Row, Cell | None]]
) -> Iterator[Finding]:
    mode, unit = ctx.mode(rule), block.unit
    known = [(row, cell) for row, cell in parts if cell is not None and cell.figure is not None]
    if all(cell.figure.is_zero() and cell.text != "0" for _, cell in known):
        return  # every source a dash or blank: a score column, not an amount
    over = False
    for row, cell in known:
        verdict = _exceeds(cell, total, mode)
        level = severity(rule, verdict) if verdict else None
        if level:
            over = True
            yield Finding(
                rule.id,
                level,
                f"资金来源大于资金总额{note(verdict)}：{row.label} {cell.text}{unit}，"
                f"而{block.total.label} {total.text}{unit}",
                tuple(sorted({block.total.line, row.line})),
                stated=as_stated(cell.figure, unit),
                expected=computed(total.figure.value, total.figure.places, unit, "不大于"),
                difference=computed(
                    cell.figure.value - total.figure.value, total.figure.places, unit
                ),
                rounding_only=trivial(verdict),
            )
    if over or not block.complete or len(known) < len(parts):
        return
    point = sum((cell.figure.value for _, cell in known), Decimal(0))
    allowed = bounds_sum((cell.figure for _, cell in known), mode)
    verdict = judge(total.figure, point, allowed, mode)
    level = severity(rule, verdict)
    if level is None:
        return
    places = total.figure.places
    listed = " + ".join(f"{NAMES[row.role]} {cell.text}" for row, cell in known)
    yield Finding(
        rule.id,
        level,
        f"资金总额与各资金来源之和不符{note(verdict)}：{block.total.label} {total.text}{unit}，"
        f"而 {listed} = {fmt(point, places)}{unit}（按尾数误差可为 {fmt_range(allowed, places)}）",
        tuple(sorted({block.total.line, *(row.line for row, _ in known)})),
        stated=as_stated(total.figure, unit),
        expected=computed(point, places, unit),
        difference=computed(total.figure.value - point, places, unit),
        **expected_range(allowed, places, unit),
        rounding_only=trivial(verdict),
    )


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for block in ctx.doc.funds:
        for total, parts in block.columns():
            yield from _column(ctx, rule, block, total, parts)
