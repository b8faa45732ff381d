"""balance: two sides that must be equal (收入总计 = 支出总计), per scope."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context
from auditor.checks.sum import compare_total, operand, statements
from auditor.findings import Finding
from auditor.rules import Concept, Rule

KIND = "balance"


@dataclass(frozen=True)
class Params:
    left: Concept
    right: Concept


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    groups = statements(ctx)
    for key in groups:
        left, right = (
            operand(groups, key, rule.params["left"]),
            operand(groups, key, rule.params["right"]),
        )
        if left and right:
            finding = compare_total(rule, left, [right], complete=True, mode=ctx.mode(rule))
            if finding:
                yield finding
