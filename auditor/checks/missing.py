"""missing: a label and its unit with no figure between them ("财政拨款收入 万元")."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, words
from auditor.findings import Finding
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for claim in ctx.claims.missing:
        yield Finding(
            rule.id,
            rule.severity,
            f"缺少数字：“{claim.label}”后直接是“{claim.unit}”",
            claim.lines,
            stated=words(f"{claim.label} {claim.unit}"),
            expected=words("一个金额"),
        )
