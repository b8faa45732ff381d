"""table_formula: in every row of a table, one column = Σ some columns − Σ others
(政府性基金表: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.cells import checked, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.numbers import Figure
from auditor.rules import Rule, TableKind, WordLists, Words
from auditor.tables.read import Table

KIND = "table_formula"


@dataclass(frozen=True)
class Params:
    table: TableKind
    total: Words
    plus: WordLists
    minus: WordLists | None = None


def _column(table: Table, segment: int, words: list[str]) -> str | None:
    """The first column whose header holds one of the words (in their order of preference)."""
    names = [c.name for c in table.segments[segment].columns]
    return next((n for word in words for n in names if word in n), None)


def _negated(figure: Figure) -> Figure:
    return Figure(-figure.value, figure.places, figure.unit, f"−{figure.text}", figure.printed)


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        if table.kind != rule.params["table"]:
            continue
        for row in table.rows:
            total = _column(table, row.segment, rule.params["total"])
            plus = [_column(table, row.segment, w) for w in rule.params["plus"]]
            minus = [_column(table, row.segment, w) for w in rule.params.get("minus", [])]
            names = [total, *plus, *minus]
            if None in names or len(set(names)) < len(names):
                continue  # the table lacks one of the columns: nothing to say
            if not any(n in row.cells for n in names):
                continue
            parts = [(n, value(table, row, n)) for n in plus]
            parts += [(f"−{n}", _negated(value(table, row, n))) for n in minus]
            finding = sum_finding(
                ctx,
                rule,
                table,
                total,
                (describe(row), value(table, row, total)),
                parts,
                [row.line],
                "结转结余与收支不衔接",
            )
            if finding:
                yield finding
