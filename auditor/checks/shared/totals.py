"""A stated total judged against the sum of its parts, where the figures are the prose's (or
stand beside them): the first clean statement of each concept per scope, basis and period,
and the judgement of one figure against a sum of others."""

from __future__ import annotations

from typing import Protocol

from auditor.checks.shared.common import (
    Context,
    as_stated,
    computed,
    expected_range,
    note,
    severity,
    trivial,
)
from auditor.equations import Equation
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.numbers import Figure, Rounding, bounds_sum, fmt, fmt_range, judge
from auditor.records import dataclass
from auditor.rules import Rule

Key = tuple[str, str, str]  # scope, basis, period


class Stated(Protocol):
    """What a sum needs of a figure: a Fact of the prose, or an Operand standing for one."""

    figure: Figure
    concept: str | None
    label: str
    scope: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Operand:
    """A figure set beside the prose's facts: a table cell, or a fact weighted by the rule."""

    figure: Figure
    label: str
    lines: tuple[int, ...]
    scope: str
    concept: str | None = None


def statements(ctx: Context) -> dict[Key, list[Fact]]:
    """The clean amounts stated as such, in reading order, per scope/basis/period (the same
    for every rule of a report, so worked out once; do not change them)."""
    groups = ctx.shared.get("statements")
    if groups is None:
        groups = ctx.shared["statements"] = {}
        for fact in [*ctx.doc.facts, *ctx.doc.absent]:
            if fact.states_concept:
                groups.setdefault((fact.scope, fact.basis, fact.period), []).append(fact)
    return groups  # type: ignore[return-value]


def first(facts: list[Fact], concept: str, subject: str | None = None) -> Fact | None:
    """The first statement of a concept: the department's own (no 科目), or, with `subject`,
    one inside a 类/款/项 paragraph whose 科目 path holds that text."""
    for fact in facts:
        if fact.concept != concept:
            continue
        if (not fact.subject) if subject is None else (subject in (fact.subject or "")):
            return fact
    return None


def compare_total(
    rule: Rule,
    total: Stated,
    parts: list[Stated],
    complete: bool,
    mode: Rounding,
    relation: str = "eq",
    what: str | None = None,
) -> Finding | None:
    """Judge total against Σ parts; with parts possibly missing, only an excess is certain.
    With relation "ge" the total need only be at least the parts (其中 ≤ its whole)."""
    same_unit = all(p.figure.unit == total.figure.unit for p in parts)
    figure = total.figure if same_unit else total.figure.to_wan()
    figures = [p.figure if same_unit else p.figure.to_wan() for p in parts]
    point = sum(f.value for f in figures)
    allowed = bounds_sum(figures, mode)
    if relation == "ge":
        if point <= figure.value or allowed.meets(figure.bounds(mode)):
            return None
    elif not complete and point < figure.value:
        return None  # the parts not stated may make up the rest
    verdict = judge(figure, point, allowed, mode)
    level = severity(rule, verdict)
    if level is None:
        return None
    places, unit = figure.places, figure.unit or ""
    if len(parts) == 1 and relation == "ge":
        message = (
            f"{what or '部分大于整体'}{note(verdict)}：{name(total)} {total.figure.text}，"
            f"小于其中 {name(parts[0], total)} {parts[0].figure.text}"
        )
    elif len(parts) == 1:
        message = f"{what or '两数应相等'}{note(verdict)}：{name(total)} {total.figure.text}，{name(parts[0], total)} {parts[0].figure.text}"
    else:
        stated = [p for p in parts if p.figure.text != "无"]
        listed = " + ".join(f"{name(p, total)} {p.figure.text}" for p in stated)
        listed = listed.replace(" + −", " − ")
        rest = "（其余各项文中称“无”）" if len(stated) < len(parts) else ""
        spread = fmt_range(allowed, places)
        within = "" if spread == fmt(point, places) else f"（按尾数误差可为 {spread}）"
        default = "分项之和超过合计" if relation == "ge" else "合计与分项之和不符"
        message = (
            f"{what or default}{note(verdict)}：{name(total)} {total.figure.text}，"
            f"而 {listed}{rest} = {fmt(point, places)}{unit}{within}"
        )
    return Finding(
        rule.id,
        level,
        message,
        lines_of(total, *parts),
        stated=as_stated(total.figure),
        expected=computed(point, places, unit, "不小于" if relation == "ge" else ""),
        difference=computed(figure.value - point, places, unit),
        **expected_range(allowed, places, unit),
        rounding_only=trivial(verdict),
        equation=Equation.sum(total.figure, [p.figure for p in parts])
        if relation == "eq"
        else None,
    )


def name(fact: Stated, beside: Stated | None = None) -> str:
    """A figure's concept, with its fund scope when that differs from the figure beside it."""
    label = fact.concept or fact.label
    if beside is not None and fact.scope != beside.scope:
        return f"{label}（{fact.scope}）"
    return label
