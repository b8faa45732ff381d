"""table_narrative: a figure the 情况说明 states must match the table cell that carries it.

A cell's concept comes from its row label (本年收入合计, 卫生健康支出, 人员经费合计) or, on a
total row, from its column header (基本支出, 本年支出合计); its fund scope from the row,
the column or else the table title (一般公共预算财政拨款支出决算表 → 一般公共预算); its basis
from the column (预算数 / 决算数) or the report. Only clean department-level statements of
the current year are compared, and a statement matching any cell of its key is fine.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from auditor.checks.shared.cells import checked
from auditor.checks.shared.common import (
    Context,
    as_stated,
    computed,
    expected_range,
    note,
    severity,
    shown,
)
from auditor.facts import Fact
from auditor.findings import Finding
from auditor.numbers import judge
from auditor.rules import Rule
from auditor.tables.read import TOTAL_WORD, Cell, Column, Row, Table
from auditor.vocabulary import norm_label

PARAMS = {"tables": "tables", "totals_only": "tables?"}

Key = tuple[str, str, str]  # concept, scope, basis


FRAME = regex.compile(r"^(?:本年|全年|财政)*$|^(?:合计|小计)$")
BOTH = {"收入总计": "收支总计", "支出总计": "收支总计"}


def _concept(ctx: Context, text: str) -> str | None:
    """The concept a header or label names as a whole: around it only fund scope words,
    本年 / 财政, or a closing 合计 (so 商品和服务支出 is not 服务支出)."""
    label = norm_label(text)
    found = ctx.vocab.concept(label)
    if found is None:
        return None
    before = ctx.vocab.strip_scopes(label[: found.start])
    after = label[found.end :]
    if (before and not FRAME.match(before)) or (after and not FRAME.match(after)):
        return None
    return found.concept


def _cell_key(ctx: Context, table: Table, row: Row, column: Column) -> Key | None:
    group = table.segments[row.segment].group
    bare = TOTAL_WORD.fullmatch(row.label) is not None
    row_concept = _concept(ctx, group + row.label if bare else row.label)
    col_concept = _concept(ctx, column.leaf) or _concept(ctx, "".join(column.levels))
    main = column.is_total or col_concept is None
    if row.is_total and col_concept:
        concept = col_concept
    elif row_concept and main:
        concept = row_concept
    elif row.is_total and main:
        concept = _concept(ctx, table.title)
    else:
        return None
    if concept is None:
        return None
    scope = (
        ctx.vocab.scope(norm_label(column.name))
        or ctx.vocab.scope(norm_label(row.label))
        or table.scope
    )
    default = "预算" if ctx.doc.kind == "预算" else "决算"
    return concept, scope, ctx.vocab.basis(norm_label(column.name)) or default


def _cells(ctx: Context, rule: Rule) -> dict[Key, list[tuple[Table, Row, Cell]]]:
    found: dict[Key, list[tuple[Table, Row, Cell]]] = {}
    totals_only = set(rule.params.get("totals_only", []))
    for table in checked(ctx):
        if table.kind not in rule.params["tables"]:
            continue
        for row in table.rows:
            if table.kind in totals_only and not row.is_total:
                continue
            for cell in row.cells.values():
                key = _cell_key(ctx, table, row, cell.column)
                if key:
                    found.setdefault(key, []).append((table, row, cell))
                if key and key[0] in BOTH:  # "收、支总计" states both at once
                    found.setdefault((BOTH[key[0]], *key[1:]), []).append((table, row, cell))
    return found


def _stated(fact: Fact) -> bool:
    return (
        fact.role == "value"
        and fact.is_amount
        and fact.clean
        and bool(fact.concept)
        and not fact.subject
        and fact.period == "current"
        and not fact.comparison
    )


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    cells = _cells(ctx, rule)
    if not cells:
        return
    mode = ctx.mode(rule)
    for fact in ctx.doc.facts:
        if not _stated(fact):
            continue
        candidates = cells.get((fact.concept, fact.scope, fact.basis))
        if not candidates:
            continue
        stated = fact.figure.to_wan()
        if any(c.figure.to_wan().bounds(mode).meets(stated.bounds(mode)) for _, _, c in candidates):
            continue
        table, row, cell = candidates[0]
        figure = cell.figure.to_wan()
        verdict = judge(stated, figure.value, figure.bounds(mode), mode)
        level = severity(rule, verdict)
        if level is None:
            continue
        places = max(stated.places, figure.places)
        yield Finding(
            rule.id,
            level,
            f"文字与报表不一致{note(verdict)}：{fact.concept}（{fact.scope}，{fact.basis}）"
            f"文中为 {shown(ctx, fact)}，{table.label()}“{cell.column.name}”栏"
            f"“{row.label or row.code}”为 {cell.figure.text}{table.unit}（{ctx.at([cell.line])}）",
            tuple(sorted({*fact.lines, cell.line})),
            stated=as_stated(fact.figure),
            expected=computed(figure.value, places, "万元"),
            difference=computed(stated.value - figure.value, places, "万元"),
            **expected_range(figure.bounds(mode), places, "万元"),
        )
