"""table_layout: a table whose layout could not be read is said so, never guessed at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "table_layout"


@dataclass(frozen=True)
class Params:
    """table_layout takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in ctx.doc.tables:
        if table.problem and table.kind:
            yield Finding(
                rule.id,
                rule.severity,
                f"{table.label()}：{table.problem}",
                (table.line,),
            )
