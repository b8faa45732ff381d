"""table_subject: a 科目's amount in the narrative matches its row in the tables.

情况说明逐项说明的“X（类）Y（款）Z（项）”金额，须与报表中同一科目（类、款、项名称逐级相同）
那一行的数字相符：预算报告的本年预算数、决算报告的“支出决算为”，与该行合计栏；“年初预算为”
与年初预算数栏（表中有此栏时）。按一致性读：文中数字与该科目在所列各表中任一行、任一栏
相符即不报；科目在表中找不到或名称对应不唯一时不作判断。只核对说科目本身的数字：
列举项（其中、主要用于之后的数字）和有自己概念的数字（人员经费、基本支出）不核对。
A 科目 amount the narrative states (inside a “X（类）Y（款）Z（项）” paragraph) must be a figure
of that 科目's row in the tables — its 类, 款 and 项 names matching level by level. Read by
consistency: a figure matching any cell of the 科目's rows in the tables listed is fine; a
科目 not found, or not found once, is not judged; nor are the items of a list in the
paragraph (其中 / 主要用于 …) or figures with a concept of their own (人员经费).

参数:
    tables: 核对的表（词表 tables 中表的种类），按顺序

公式:
    文中“类/款/项”金额 ∈ {tables} 中同一科目行的各栏

尾数:
    按所印小数位的区间比较（元表换算为万元）；只差尾数时为 warning。

示例:
    - id: table.subject
      title: 情况说明中逐项说明的科目金额应与报表中该科目一致
      kind: table_subject
      severity: error
      tables: [一般公共预算支出表]

通过:
    某区档案馆2025年部门预算

    一般公共预算支出功能分类预算表
    单位：万元
    科目编码     科目名称              合计      基本支出    项目支出
    201          一般公共服务支出      520.00      400.00      120.00
    20126        档案事务              520.00      400.00      120.00
    2012601      行政运行              400.00      400.00
    2012604      档案馆                120.00                  120.00

    二、财政拨款支出主要内容
    1.“一般公共服务支出（类）档案事务（款）档案馆（项）”科目120.00万元，主要用于档案数字化。

报错:
    某区档案馆2025年部门预算

    一般公共预算支出功能分类预算表
    单位：万元
    科目编码     科目名称              合计      基本支出    项目支出
    201          一般公共服务支出      520.00      400.00      120.00
    20126        档案事务              520.00      400.00      120.00
    2012601      行政运行              400.00      400.00
    2012604      档案馆                120.00                  120.00

    二、财政拨款支出主要内容
    1.“一般公共服务支出（类）档案事务（款）档案馆（项）”科目1200.00万元，主要用于档案数字化。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.cells import against_cell, checked
from auditor.checks.shared.common import (
    Context,
    shown,
)
from auditor.facts import subject_at
from auditor.findings import Finding
from auditor.numbers import Figure, Rounding, bounds_sum
from auditor.rules import Rule, TableKinds, params
from auditor.tables.model import Cell, Row, Table
from auditor.vocabulary import norm_label

KIND = "table_subject"
LIST_MARKER = "{head_markers}"


@params
class Params:
    """The tables whose 科目 rows are checked."""

    tables: TableKinds


def _paths(table: Table) -> dict[str, Row]:
    """Each coded row by its 科目 path of names (类/款/项), as far as its parents are listed."""
    by_code = {r.code: r for r in table.rows if r.code}
    out: dict[str, Row] = {}
    for code, row in by_code.items():
        chain = [by_code.get(code[:n]) for n in range(3, len(code) + 1, 2)]
        if all(chain):
            out["/".join(norm_label(r.label) for r in chain)] = row
    return out


def _split_across(found: list[tuple[Table, Row]], stated: Figure, mode: Rounding) -> bool:
    """The stated amount is the sum of the 科目's first figure in each table (一般公共预算 and
    政府性基金 both paying for it)."""
    firsts = [
        next((c.figure.to_wan() for c in row.cells.values() if c.column.part_of is None), None)
        for _, row in found
    ]
    if any(f is None for f in firsts):
        return False
    total = bounds_sum(firsts, mode)
    return total.meets(stated.bounds(mode))


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    wanted = rule.params["tables"]
    tables = [t for t in checked(ctx) if t.standard in wanted]
    if not tables:
        return
    rows: dict[str, list[tuple[Table, Row]]] = {}
    for table in tables:
        for path, row in _paths(table).items():
            rows.setdefault(path, []).append((table, row))
    mode = ctx.mode(rule)
    own = "预算" if ctx.doc.genre == "预算" else "决算"
    markers = ctx.vocab.compiled(LIST_MARKER)
    raw = ctx.doc.text.text
    for fact in ctx.doc.facts:
        if not (fact.is_value and fact.subject and fact.period == "current"):
            continue
        if fact.concept and fact.concept not in ctx.vocab.classes:
            continue  # a figure of its own (人员经费, 基本支出) within the 科目, not the 科目's
        named = subject_at(ctx.doc.subjects[fact.paragraph], fact.start)
        if named and markers.search(raw, max(named[0], fact.sentence[0]), fact.start):
            continue  # an item of a list in its sentence (其中 / 主要用于 …), not the 科目's
        found = rows.get(fact.subject)
        if not found or len({id(table) for table, _ in found}) < len(found):
            continue  # not in the tables, or twice in one table: nothing to say
        stated = fact.figure.to_wan()
        # the report's own basis against any column; 年初预算 / 调整预算 only against a
        # column that says so (a 决算 table need not print the budget)
        cells: list[tuple[Table, Row, Cell]] = [
            (table, row, cell)
            for table, row in found
            for cell in row.cells.values()
            if fact.basis == own or fact.basis in cell.column.name
        ]
        if not cells or any(
            c.figure.to_wan().bounds(mode).meets(stated.bounds(mode)) for _, _, c in cells
        ):
            continue
        if len(found) > 1 and _split_across(found, stated, mode):
            continue  # a 科目 funded from two budgets: the narrative gives their sum
        table, row, cell = next(
            ((t, r, c) for t, r, c in cells if c.column.part_of is None), cells[0]
        )
        finding = against_cell(
            ctx,
            rule,
            fact,
            cell,
            f"{fact.subject.replace('/', '—')} 文中为 "
            f"{shown(ctx, fact)}，{table.label()}“{cell.column.name}”栏该科目"
            f"（{row.code}）为 {cell.figure.text}{table.unit}（{ctx.at([cell.line])}）",
        )
        if finding:
            yield finding
