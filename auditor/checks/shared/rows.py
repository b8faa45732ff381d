"""Rows of one table set beside another's: a table's half and column found by header words,
rows paired by 科目代码 (else by name; the 合计 rows with each other), and the sum of a
table's total rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from auditor.checks.shared.cells import checked, describe, places, value
from auditor.checks.shared.common import Context
from auditor.numbers import Figure
from auditor.tables.model import Row, Table
from auditor.text.lazy import lazy

TOTAL_KEY = "本年合计"
SPACE_RUN = lazy(r"\s+")
INCOME_END = lazy(r"收入$")


def find(ctx: Context, spec: dict[str, Any]) -> tuple[Table, list[Row], str] | None:
    """The first table of `spec["table"]`'s kind, the rows of its half `spec["side"]` (all,
    without one) and its first column whose header holds one of the words `spec["column"]`."""
    for table in checked(ctx):
        if table.standard != spec["table"]:
            continue
        side = spec.get("side")
        segments = [s for s in table.segments if not side or SPACE_RUN.sub("", s.group) == side]
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
    return INCOME_END.sub("", row.label)


def pairs(left: list[Row], right: list[Row]) -> list[tuple[Row, Row]]:
    """Rows of two tables that are the same 科目 (or line), one of them holding a figure."""
    by_code = {r.code: r for r in right if r.code}
    names: dict[str, list[Row]] = {}
    for r in right:
        names.setdefault(key(r), []).append(r)
    out = []
    for row in left:
        if row.code:  # a 科目 pairs by its code only: names repeat (行政运行 under many 款)
            other = by_code.get(row.code)
        else:
            found = names.get(key(row), [])
            other = found[0] if len(found) == 1 else None
        if other is not None and (row.cells or other.cells):
            out.append((row, other))
    return out


def this_year(rows: list[Row]) -> list[Row]:
    """The rows down to the 本年合计 of each half (all of them in a half without one)."""
    out: list[Row] = []
    closed: set[int] = set()
    for row in rows:
        if row.segment not in closed:
            out.append(row)
            if key(row) == TOTAL_KEY:
                closed.add(row.segment)
    return out


def total_row(rows: list[Row], column: str) -> Row | None:
    """The 本年合计 row that has a figure in the column."""
    return next((r for r in rows if key(r) == TOTAL_KEY and column in r.cells), None)


def sum_of_totals(
    table: Table, rows: list[Row], column: str
) -> tuple[str, Figure, list[int]] | None:
    """The table's total rows (人员经费合计 + 公用经费合计) added, as one figure printed to
    the table's places."""
    totals = [r for r in rows if r.is_total and not r.is_grand]
    if not totals:
        return None
    figures = [value(table, r, column) for r in totals]
    digits = places(table)
    total = sum((f.value for f in figures), Decimal(0))
    text = " + ".join(f.text for f in figures)
    name = " + ".join(describe(r) for r in totals)
    return name, Figure(total, digits, table.unit, text, digits), [r.line for r in totals]
