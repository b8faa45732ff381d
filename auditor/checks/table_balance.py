"""table_balance: in a side-by-side 总表, 收入总计 equals 支出总计."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.cells import checked, describe, sum_finding
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "table_balance"


@dataclass(frozen=True)
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
