"""share: "占 x%" must equal part ÷ whole, the whole named in the sentence or its enumeration."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context, ratio_finding
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "share"


@dataclass(frozen=True)
class Params:
    """share takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.shares:
        part, whole = claim.part, claim.whole
        operands = f"{part.label or '该项'} {part.figure.text} ÷ {whole.label or '总额'} {whole.figure.text}"
        finding = ratio_finding(ctx, rule, claim.rate, part, whole, "占比与金额不符", operands)
        if finding:
            yield finding
