"""missing: a label and its unit with no figure between them ("财政拨款收入 万元")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule

KIND = "missing"


@dataclass(frozen=True)
class Params:
    """missing takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.missing:
        yield Finding(
            rule.id,
            rule.severity,
            f"缺少数字：“{claim.label}”后直接是“{claim.unit}”",
            claim.lines,
            stated=f"{claim.label} {claim.unit}",
            expected="一个金额",
        )
