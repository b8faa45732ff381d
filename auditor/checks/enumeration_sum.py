"""enumeration_sum: the parts of an exhaustive "其中" enumeration add up to its whole."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context
from auditor.checks.sum import compare_total
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "enumeration_sum"


@dataclass(frozen=True)
class Params:
    """enumeration_sum takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for enum in ctx.claims.enumerations:
        if enum.exhaustive:
            finding = compare_total(
                rule, enum.whole, [s.part for s in enum.shares], complete=True, mode=ctx.mode(rule)
            )
            if finding:
                yield finding
