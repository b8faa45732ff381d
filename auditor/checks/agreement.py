"""agreement: one quantity stated in several places must have one value."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, computed, shown, words
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.rules import Rule

PARAMS: dict[str, str] = {}


def _key(fact: Fact) -> tuple | None:
    if fact.role != "value" or not fact.is_amount:
        return None
    if fact.subject and fact.basis_stated:
        return ("subject", fact.subject, fact.basis, fact.period)
    if fact.concept and fact.clean and not fact.subject:
        return ("concept", fact.concept, fact.scope, fact.basis, fact.period)
    return None


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    mode = ctx.mode(rule)
    first: dict[tuple, Fact] = {}
    reported: set[tuple] = set()
    for fact in sorted([*ctx.doc.facts, *ctx.doc.absent], key=lambda f: f.start):
        key = _key(fact)
        if key is None:
            continue
        earlier = first.setdefault(key, fact)
        if earlier is fact or earlier.figure.in_wan(mode).meets(fact.figure.in_wan(mode)):
            continue
        value = (key, fact.figure.wan_value())
        if value in reported:
            continue
        reported.add(value)
        name = key[1] if key[0] == "concept" else f"{key[1]}（{key[2]}）"
        diff = fact.figure.wan_value() - earlier.figure.wan_value()
        yield Finding(
            rule.id,
            rule.severity,
            f"同一数据前后不一致：{name} 先为 {shown(ctx, earlier)}，后为 {shown(ctx, fact)}，须核对哪一处有误",
            lines_of(earlier, fact),
            stated=words(f"{earlier.figure.text}；{fact.figure.text}"),
            difference=computed(diff, max(fact.figure.places, earlier.figure.places), "万元"),
        )
