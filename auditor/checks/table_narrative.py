"""table_narrative: a figure the 情况说明 states must match the table cell that carries it.

情况说明中明确陈述的本年金额，须与报表中同一概念、同一资金范围、同一口径的单元格一致。单元格
的概念取自行名（本年收入合计、卫生健康支出、人员经费合计），合计行上取自栏目名（基本支出、
本年支出合计）；资金范围取自行、栏或表名（一般公共预算财政拨款支出决算表 → 一般公共预算）；
口径取自栏目（预算数 / 决算数）或报告类型。与同一键的任一单元格相符即可。
A cell's concept comes from its row label or, on a total row, from its column header; its
fund scope from the row, the column or else the table title; its basis from the column or
the report. Only clean department-level statements of the current year are compared, and a
statement matching any cell of its key is fine.

参数:
    tables: 参与比较的表的种类列表（词表 tables 中的名称）
    totals_only: 其中只取合计行的表（可省略）

公式:
    情况说明中的金额 = {tables} 中同一概念、资金范围、口径的单元格[（{totals_only} 只取合计行）]

尾数:
    文中数字与单元格按所印小数位的区间比较（元、亿元折算为万元）。

示例:
    - id: table.narrative
      title: 情况说明中的金额应与报表一致
      kind: table_narrative
      severity: error
      tables: [收支总表, 收入表, 支出表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表, 三公经费表]
      totals_only: [收入表]

通过:
    三、支出决算情况说明
    2023年度支出合计226.47万元，其中：基本支出153.88万元，项目支出72.59万元。
                                      支出决算表
    单位：万元
                       项目                       本年支出   基本支出   项目支出
    科目代码               科目名称                 合计
               合计                                 226.47     153.88      72.59
    208        社会保障和就业支出                   153.88     153.88
    220        自然资源海洋气象等支出                 72.59                  72.59

报错:
    三、支出决算情况说明
    2023年度支出合计262.47万元，其中：基本支出153.88万元，项目支出72.59万元。
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

from auditor.checks.shared.cells import against_cell, checked
from auditor.checks.shared.common import (
    Context,
    called,
    shown,
)
from auditor.findings import Finding
from auditor.rules import Rule, TableKinds, params
from auditor.tables.model import TOTAL_WORD, Cell, Column, Row, Table
from auditor.text.lazy import lazy
from auditor.vocabulary import norm_label

KIND = "table_narrative"


@params
class Params:
    """The tables the prose is held to, and those held only by their totals."""

    tables: TableKinds
    totals_only: TableKinds | None = None


Key = tuple[str, str, str]  # concept, scope, basis


FRAME = lazy(r"^(?:本年|全年|财政)*$|^(?:合计|小计)$")
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


def _cell_key(
    ctx: Context, table: Table, row: Row, column: Column, named: dict[str, str | None]
) -> Key | None:
    """The concept, scope and basis a cell states; `named` keeps each text's concept (a row's
    label and a column's header are asked of every cell in them)."""

    def concept_of(text: str) -> str | None:
        if text not in named:
            named[text] = _concept(ctx, text)
        return named[text]

    group = table.segments[row.segment].group
    bare = TOTAL_WORD.fullmatch(row.label) is not None
    row_concept = concept_of(group + row.label if bare else row.label)
    col_concept = concept_of(column.leaf) or concept_of("".join(column.levels))
    main = column.is_total or col_concept is None
    if row.is_total and col_concept:
        concept = col_concept
    elif row_concept and main:
        concept = row_concept
    elif row.is_total and main:
        concept = concept_of(table.title)
    else:
        return None
    if concept is None:
        return None
    scope = (
        ctx.vocab.scope(norm_label(column.name))
        or ctx.vocab.scope(norm_label(row.label))
        or table.scope
    )
    default = "预算" if ctx.doc.genre == "预算" else "决算"
    return concept, scope, ctx.vocab.basis(norm_label(column.name)) or default


def _cells(ctx: Context, rule: Rule) -> dict[Key, list[tuple[Table, Row, Cell]]]:
    found: dict[Key, list[tuple[Table, Row, Cell]]] = {}
    totals_only = set(rule.params.get("totals_only", []))
    named: dict[str, str | None] = {}
    for table in checked(ctx):
        if table.standard not in rule.params["tables"]:
            continue
        for row in table.rows:
            if table.standard in totals_only and not row.is_total:
                continue
            for cell in row.cells.values():
                key = _cell_key(ctx, table, row, cell.column, named)
                if key:
                    found.setdefault(key, []).append((table, row, cell))
                if key and key[0] in BOTH:  # "收、支总计" states both at once
                    found.setdefault((BOTH[key[0]], *key[1:]), []).append((table, row, cell))
    return found


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    cells = _cells(ctx, rule)
    if not cells:
        return
    mode = ctx.mode(rule)
    for fact in ctx.doc.facts:
        if not fact.states_current:
            continue
        candidates = cells.get((fact.concept, fact.scope, fact.basis))
        if not candidates:
            continue
        stated = fact.figure.to_wan()
        readings = [  # the same words read as another total (收入总计 for 本年收入合计)
            found
            for other in ctx.vocab.readings.get(fact.concept, [])
            for found in cells.get((other, fact.scope, fact.basis), [])
        ]
        if any(
            c.figure.to_wan().bounds(mode).meets(stated.bounds(mode))
            for c in [cell for _, _, cell in (*candidates, *readings)]
        ):
            continue
        # none holds: set it against the reading it is nearest, the one it most likely means
        table, row, cell = min(
            [*candidates, *readings],
            key=lambda c: abs(c[2].figure.wan_value() - stated.value),
        )
        finding = against_cell(
            ctx,
            rule,
            fact,
            cell,
            f"{called(ctx, fact)}文中为 {shown(ctx, fact)}，{table.label()}“{cell.column.name}”栏"
            f"“{row.label or row.code}”为 {cell.figure.text}{table.unit}（{ctx.at([cell.line])}）",
        )
        if finding:
            yield finding
