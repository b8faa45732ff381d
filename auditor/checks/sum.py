"""sum: a total equals the sum of its declared parts (基本 + 项目 = 支出合计, …).

合计须等于所列分项之和。按资金范围、口径和期间分组，组内各概念取首次明确陈述的数值；
`optional` 中的分项未出现时视为未知的非负数，此时只有分项之和超过合计才是确定的错误。
Facts are grouped by scope, basis and period and the first clean statement of each concept
is used; a missing optional part is an unknown non-negative amount, so only parts exceeding
the total are then certain errors.

参数:
    total: 合计的概念（词表 concepts 中的名称，可写“概念@范围”指定资金范围）
    parts: 必有的分项概念列表
    optional: 可能不出现的分项概念列表（可省略）

公式:
    {total} = {parts}[ (+ 可选: {optional})]

尾数:
    合计与分项按所印小数位的区间相加比较。

示例:
    - id: sum.basic-project
      title: 基本支出与项目支出之和应等于支出合计
      kind: sum
      severity: error
      total: 支出合计
      parts: [基本支出, 项目支出]
      optional: [上缴上级支出, 经营支出, 对附属单位补助支出]

通过:
    2024年度支出合计532.10万元，与2023年度相比，支出合计减少18.40万元，下降3.34%。其中：基本支出402.36万元，项目支出129.74万元。

报错:
    2024年度支出合计532.10万元，与2023年度相比，支出合计减少18.40万元，下降3.34%。其中：基本支出402.36万元，项目支出139.74万元。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from auditor.checks.shared.common import (
    Context,
    as_stated,
    computed,
    expected_range,
    note,
    severity,
)
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.numbers import Interval, Rounding, fmt, fmt_range, judge
from auditor.rules import Concept, Concepts, Rule

KIND = "sum"


@dataclass(frozen=True)
class Params:
    total: Concept
    parts: Concepts
    optional: Concepts | None = None


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


def compare_total(
    rule: Rule, total: Fact, parts: list[Fact], complete: bool, mode: Rounding
) -> Finding | None:
    """Judge total against Σ parts; with parts possibly missing, only an excess is certain."""
    same_unit = all(p.figure.unit == total.figure.unit for p in parts)
    figure = total.figure if same_unit else total.figure.to_wan()
    figures = [p.figure if same_unit else p.figure.to_wan() for p in parts]
    point = sum(f.value for f in figures)
    allowed = sum((f.bounds(mode) for f in figures), ZERO)
    if not complete and point < figure.value:
        return None  # the parts not stated may make up the rest
    verdict = judge(figure, point, allowed, mode)
    level = severity(rule, verdict)
    if level is None:
        return None
    places, unit = figure.places, figure.unit or ""
    if len(parts) == 1:
        message = f"两数应相等{note(verdict)}：{name(total)} {total.figure.text}，{name(parts[0], total)} {parts[0].figure.text}"
    else:
        stated = [p for p in parts if p.figure.text != "无"]
        listed = " + ".join(f"{name(p, total)} {p.figure.text}" for p in stated)
        rest = "（其余各项文中称“无”）" if len(stated) < len(parts) else ""
        spread = fmt_range(allowed, places)
        within = "" if spread == fmt(point, places) else f"（按尾数误差可为 {spread}）"
        message = (
            f"合计与分项之和不符{note(verdict)}：{name(total)} {total.figure.text}，"
            f"而 {listed}{rest} = {fmt(point, places)}{unit}{within}"
        )
    return Finding(
        rule.id,
        level,
        message,
        lines_of(total, *parts),
        stated=as_stated(total.figure),
        expected=computed(point, places, unit),
        difference=computed(figure.value - point, places, unit),
        **expected_range(allowed, places, unit),
    )


def name(fact: Fact, beside: Fact | None = None) -> str:
    """A figure's concept, with its fund scope when that differs from the figure beside it."""
    label = fact.concept or fact.label
    if beside is not None and fact.scope != beside.scope:
        return f"{label}（{fact.scope}）"
    return label


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
        complete = len(present) == len(parts) + len(optional)
        finding = compare_total(rule, total, present, complete, ctx.mode(rule))
        if finding:
            yield finding
