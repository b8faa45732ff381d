"""table_part: a part never exceeds its whole — a 其中 column its neighbour (事业收入 ≥
其中：教育收费), a 其中 row or the numbered sub-lines under an item (一、财政拨款收入 ≥
1. 一般公共预算资金 + 2. 政府性基金 + …) the row above them.

Parts are read as parts, never as siblings (`table_total` and `table_columns` leave them
out); whether they make up the whole is not asserted, only that they do not exceed it.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.cells import checked, columns_of, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule
from auditor.tables.read import Row

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        for row in table.rows:
            for column in table.segments[row.segment].columns:
                if column.part_of is None or column.name not in row.cells:
                    continue
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    column.part_of,
                    (describe(row), value(table, row, column.part_of)),
                    [(column.name, value(table, row, column.name))],
                    [row.line],
                    "其中栏大于其所属栏",
                    relation="ge",
                )
                if finding:
                    yield finding
        groups: dict[int, list[Row]] = {}
        for row in table.rows:
            if row.part_of is not None:
                groups.setdefault(row.part_of, []).append(row)
        for index, parts in groups.items():
            whole = table.rows[index]
            for column in columns_of([whole, *parts]):
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    column,
                    (describe(whole), value(table, whole, column)),
                    [(describe(p), value(table, p, column)) for p in parts],
                    [whole.line, *(p.line for p in parts if column in p.cells)],
                    "分项（其中）之和大于其所属项",
                    relation="ge",
                )
                if finding:
                    yield finding
