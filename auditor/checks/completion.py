"""completion: "完成年初预算的 Z%" / 执行率 must equal 决算 ÷ 预算."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context, ratio_finding
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "completion"


@dataclass(frozen=True)
class Params:
    """completion takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.completions:
        budget, actual = claim.budget, claim.actual
        operands = f"{actual.figure.text} ÷ {budget.figure.text}"
        finding = ratio_finding(
            ctx, rule, claim.rate, actual, budget, "完成率与预算、决算数不符", operands
        )
        if finding:
            yield finding
