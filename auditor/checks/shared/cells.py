"""What the table check kinds share: cells as figures, and a total judged against its parts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
from auditor.equations import Equation
from auditor.facts import Fact
from auditor.findings import Finding
from auditor.numbers import Figure, Verdict, bounds_sum, exact, fmt, fmt_range, judge
from auditor.rules import Rule
from auditor.tables.model import Cell, Row, Table

SHOWN_PARTS = 6
BLANK = "空"
EXACT = 8  # decimals of an empty cell: nothing there, so exactly zero


def checked(ctx: Context) -> Iterable[Table]:
    """The standard tables whose layout was read and that hold figures."""
    return (t for t in ctx.doc.tables if t.standard and not t.problem and not t.empty and t.rows)


def against_cell(ctx: Context, rule: Rule, fact: Fact, cell: Cell, said: str) -> Finding | None:
    """A narrative figure judged against the table cell that carries it; `said` names both
    for the message, after "文字与报表不一致…：" and the rounding note."""
    mode = ctx.mode(rule)
    stated, figure = fact.figure.to_wan(), cell.figure.to_wan()
    verdict = judge(stated, figure.value, figure.bounds(mode), mode)
    level = severity(rule, verdict)
    if level is None:
        return None
    places = max(stated.places, figure.places)
    return Finding(
        rule.id,
        level,
        f"文字与报表不一致{note(verdict)}：{said}",
        tuple(sorted({*fact.lines, cell.line})),
        stated=as_stated(fact.figure),
        expected=computed(figure.value, places, "万元"),
        difference=computed(stated.value - figure.value, places, "万元"),
        **expected_range(figure.bounds(mode), places, "万元"),
        rounding_only=trivial(verdict),
        equation=Equation.equal(fact.figure, cell.figure),
    )


def places(table: Table) -> int:
    return table.places


def value(table: Table, row: Row, column: str) -> Figure:
    """A row's figure in a column; an empty cell is a stated zero."""
    cell = row.cells.get(column)
    if cell is not None:
        return cell.figure
    return Figure(Decimal(0), EXACT, table.unit, BLANK, places(table))


def describe(row: Row) -> str:
    return " ".join(p for p in (row.code, row.label) if p) or f"第{row.line}行"


def sum_finding(
    ctx: Context,
    rule: Rule,
    table: Table,
    column: str,
    total: tuple[str, Figure],
    parts: Sequence[tuple[str, Figure]],
    lines: Iterable[int],
    what: str,
    empty: Iterable[int] = (),
    relation: str = "eq",
) -> Finding | None:
    """`total` against Σ `parts` (named figures), with every line involved: the lines of
    `empty` parts too when the parts fall short, for the amount missing may be any of them.
    With relation "ge" the total need only be at least the parts (其中 ≤ its whole)."""
    mode = ctx.mode(rule)
    lines, empty = list(lines), list(empty)
    name, figure = total
    point = sum((f.value for _, f in parts), Decimal(0))
    if relation == "ge" and point <= figure.value:
        ctx.judged(table.line, None)
        return None
    if relation == "eq" and exact(figure, point, mode):
        verdict = Verdict.EXACT  # as judge says, without the bounds (most totals hold)
    else:
        allowed = bounds_sum((f for _, f in parts), mode)
        if relation == "ge" and allowed.meets(figure.bounds(mode)):
            ctx.judged(table.line, None)
            return None
        verdict = judge(figure, point, allowed, mode)
    ctx.judged(table.line, [*lines, *empty] if verdict is Verdict.ERROR else None)
    level = severity(rule, verdict)
    if level is None:
        if verdict in (Verdict.EXACT, Verdict.ROUNDING) and relation == "eq" and len(parts) > 1:
            ctx.held.update(id(f) for f in (figure, *(f for _, f in parts)))
        return None
    digits, unit = places(table), table.unit
    stated = [(n, f) for n, f in parts if f.text != BLANK] or list(parts[:1])
    shown = " + ".join(f"{n} {f.text}" for n, f in stated[:SHOWN_PARTS])
    if len(stated) > SHOWN_PARTS:
        shown += f" + …（共{len(stated)}项）"
    if len(stated) < len(parts):
        shown += "（其余为空）"
    spread = fmt_range(allowed, digits)
    within = "" if spread == fmt(point, digits) else f"（按尾数误差可为 {spread}）"
    result = f"{shown} = {fmt(point, digits)}{within}" if len(parts) > 1 else shown
    against = "小于其分项" if relation == "ge" else "而"
    return Finding(
        rule.id,
        level,
        f"{what}{note(verdict)}：{table.label()}“{column}”栏，{name} {figure.text}，{against} {result}",
        tuple(
            sorted({*lines, *(empty if verdict is Verdict.ERROR and point < figure.value else ())})
        ),
        stated=as_stated(figure, unit),
        expected=computed(point, digits, unit, "不小于" if relation == "ge" else ""),
        difference=computed(figure.value - point, digits, unit),
        **expected_range(allowed, digits, unit),
        rounding_only=trivial(verdict),
        equation=Equation.sum(figure, [f for _, f in parts]) if relation == "eq" else None,
    )


def columns_of(rows: Iterable[Row]) -> list[str]:
    """Column names in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row.cells))
    return list(seen)
