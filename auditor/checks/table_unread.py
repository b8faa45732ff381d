"""table_unread: doubt before accusing. A real published table is overwhelmingly consistent;
one that fails many of its own identities as read (more than `share` of those judged, and at
least `least` of them) was far more likely misread — halves paired wrongly, columns shifted,
a 其中 taken for a sibling — than published that broken. It is reported once, as unread,
and no error is raised from it: not its own, nor a comparison of its cells with another
table or the narrative.

This is a review of the other checks' findings, run after them (`review`); `check` itself
finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule

PARAMS = {"share": "fraction", "least": "count"}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    return iter(())


def review(ctx: Context, rule: Rule, findings: set[Finding]) -> set[Finding]:
    share, least = Decimal(str(rule.params["share"])), int(rule.params["least"])
    for table in ctx.doc.tables:
        judged, failed = ctx.tally.get(table.line, (0, 0))
        if failed < least or failed <= share * judged:
            continue
        lines = {table.line, *(row.line for row in table.rows)}
        findings = {
            f
            for f in findings
            if not (set(f.lines) & lines and (f.severity == "error" or f.rule.startswith("table.")))
        }
        findings.add(
            Finding(
                rule.id,
                rule.severity,
                f"{table.label()}：按读出的行列，{judged} 个恒等式中有 {failed} 个不成立，"
                "更可能是版式没有读对，而不是报表本身有误；未据此报告任何错误，请人工核对此表",
                (table.line,),
            )
        )
    return findings
