"""table_hierarchy: each 类 is the sum of its 款, each 款 of its 项 (and 301 of its 301xx)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.cells import checked, columns_of, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "table_hierarchy"


@dataclass(frozen=True)
class Params:
    """table_hierarchy takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in checked(ctx):
        coded = [r for r in table.rows if r.code]
        counts = Counter(r.code for r in coded)
        if any(n > 1 for n in counts.values()):
            continue  # a 科目 listed twice (a project table): no hierarchy to read
        for parent in coded:
            children = [
                r
                for r in coded
                if len(r.code) == len(parent.code) + 2 and r.code.startswith(parent.code)
            ]
            if not children:
                continue
            for column in columns_of([parent, *children]):
                total = (describe(parent), value(table, parent, column))
                parts = [(describe(c), value(table, c, column)) for c in children]
                lines = [parent.line, *(c.line for c in children if column in c.cells)]
                empty = [c.line for c in children if column not in c.cells]
                finding = sum_finding(
                    ctx,
                    rule,
                    table,
                    column,
                    total,
                    parts,
                    lines,
                    "上级科目不等于下级科目之和",
                    empty,
                )
                if finding:
                    yield finding
