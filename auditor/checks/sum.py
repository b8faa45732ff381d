"""sum: a total equals the sum of its declared parts (基本 + 项目 = 支出合计, …)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.common import Context, severity
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.numbers import Interval, fmt, fmt_range, judge
from auditor.rules import Rule

PARAMS = {"total": "concept", "parts": "concepts", "optional": "concepts?"}
ZERO = Interval(Decimal(0), Decimal(0))

Key = tuple[str, str, str]  # scope, basis, period


def statements(ctx: Context) -> dict[Key, dict[str, Fact]]:
    """The first clean department-level statement of each concept, per scope/basis/period."""
    groups: dict[Key, dict[str, Fact]] = {}
    for fact in [*ctx.doc.facts, *ctx.doc.absent]:
        if (
            fact.role == "value"
            and fact.is_amount
            and fact.clean
            and fact.concept
            and not fact.subject
        ):
            groups.setdefault((fact.scope, fact.basis, fact.period), {}).setdefault(
                fact.concept, fact
            )
    return groups


def operand(groups: dict[Key, dict[str, Fact]], key: Key, name: str) -> Fact | None:
    concept, _, scope = name.partition("@")
    return groups.get((scope or key[0], key[1], key[2]), {}).get(concept)


def compare_total(rule: Rule, total: Fact, parts: list[Fact], complete: bool) -> Finding | None:
    """Judge total against Σ parts; with parts possibly missing, only an excess is certain."""
    if any(p.figure.unit != total.figure.unit for p in parts):
        return None
    point = sum(p.figure.value for p in parts)
    allowed = sum((p.figure.interval for p in parts), ZERO)
    if not complete and point < total.figure.value:
        return None  # the parts not stated may make up the rest
    level = severity(rule, judge(total.figure, point, allowed))
    if level is None:
        return None
    places, unit = total.figure.places, total.figure.unit or ""
    note = "（仅尾数差异，可由四舍五入解释）" if level != rule.severity else ""
    names = " + ".join(f"{p.concept or p.label} {p.figure.text}" for p in parts)
    return Finding(
        rule.id,
        level,
        f"合计与分项之和不符{note}：{total.concept or total.label} {total.figure.text}，而 {names} = {fmt(point, places)}{unit}"
        + (
            ""
            if fmt_range(allowed, places) == fmt(point, places)
            else f"（允许范围 {fmt_range(allowed, places)}）"
        ),
        lines_of(total, *parts),
        stated=total.figure.text,
        expected=f"{fmt(point, places)}{unit}",
        difference=f"{fmt(total.figure.value - point, places)}{unit}",
    )


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    groups = statements(ctx)
    names = [rule.params["total"], *rule.params["parts"], *rule.params.get("optional", [])]
    scoped = any("@" in name for name in names)
    for key in groups:
        if scoped and key[0] != "全部":
            continue  # "概念@范围" operands relate a named scope to the department as a whole
        total = operand(groups, key, rule.params["total"])
        if total is None:
            continue
        parts = [operand(groups, key, name) for name in rule.params["parts"]]
        if any(p is None for p in parts):
            continue
        optional = [operand(groups, key, name) for name in rule.params.get("optional", [])]
        present = [p for p in [*parts, *optional] if p is not None]
        finding = compare_total(
            rule, total, present, complete=len(present) == len(parts) + len(optional)
        )
        if finding:
            yield finding
