"""count_agreement: one count stated in two places must be one number.

同一计数（同一主语、同一期间的个、次、辆、家、人、项……）在报告各处只能有一个数。两处算同一
计数：词表 count_subjects 给同一名称的（“公务用车保有量 2 辆”与“仅保留一辆公务用车”），
或者同一句话的重述——从该数所在分句到句末一字不差（其他数字、年份不计），且冒号前的题目、
“其中”所分的总数也相同；这一段至少有 least 个汉字。约数、目标与计划数、与上年比较的增减、
累计数各自不同期，不比较；按句子重述比较的两处须在不同的部分（第X部分、一、二、…之下），
同一部分之内的、三处以上各不相同的（多半是几个项目各说各的）不比较。
词表 count_parts 所列的部分（开支财政拨款的公务用车保有量）不应多于其整体（共有车辆）。
One count (the same subject and period) stated twice has one value. Two statements count
the same thing when the vocabulary's count_subjects names both, or when one sentence is
restated: the same words from the count's clause to the end of its sentence (other numbers
and years apart), under the same topic and enumeration head, at least `least` Han
characters long, in different parts of the report (一、 二、 …). Approximate, planned,
compared and cumulative counts are not read; three or more all different are not compared. A subject
the vocabulary's count_parts names as part of another never exceeds it.

参数:
    least: 按句子重述比较时，从该数所在分句到句末至少要有的汉字数（越大越保守）

公式:
    同一主语、同一期间的各处计数相等（按句子重述比较时至少 {least} 个汉字相同）；部分 ≤ 整体

示例:
    - id: count.agreement
      title: 同一计数在报告各处应一致
      kind: count_agreement
      severity: error
      least: 10

通过:
    一、主要工作完成情况
    全区共接入 421 个行政事业单位、基层站所和社区，业务终端入网率达到 100%。
    截至 2022 年 12 月 31 日，开支财政拨款的公务用车保有量 2 辆。
    二、绩效自评情况
    2022 年全区共接入 421 个行政事业单位、基层站所和社区，业务终端入网率达到 100%。
    截至 2022 年 12 月 31 日，本部门共有车辆 2 辆。

报错:
    一、主要工作完成情况
    全区共接入 421 个行政事业单位、基层站所和社区，业务终端入网率达到 100%。
    截至 2022 年 12 月 31 日，开支财政拨款的公务用车保有量 2 辆。
    二、绩效自评情况
    2022 年全区共接入 430 个行政事业单位、基层站所和社区，业务终端入网率达到 100%。
    截至 2022 年 12 月 31 日，本部门共有车辆 1 辆。
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.common import Context, words
from auditor.counts import Count
from auditor.findings import Finding, Quantity, lines_of
from auditor.rules import Count as Whole
from auditor.rules import Rule, params

KIND = "count_agreement"


@params
class Params:
    """How many Han characters from a count's clause to its sentence's end let restatements
    be compared by their sentence (more: more cautious)."""

    least: Whole


def groups(counts: list[Count], least: int) -> dict[tuple, list[Count]]:
    """Statements of one count: by named subject, or by the sentence they restate."""
    found: dict[tuple, list[Count]] = {}
    for count in sorted(counts, key=lambda c: c.start):
        if count.subject:
            key: tuple = ("subject", count.subject, count.period)
        elif not count.spelled and count.weight >= least:
            key = ("said", count.key, count.unit, count.period)
        else:
            continue
        found.setdefault(key, []).append(count)
    return found


def _comparable(key: tuple, said: list[Count]) -> bool:
    if key[0] == "subject":
        return len({c.unit for c in said}) == 1
    if len({c.chapter for c in said}) < len(said):
        return False  # said twice in one part (一、…): like things of a list, not a restatement
    return not (len(said) >= 3 and len({c.value for c in said}) == len(said))


def _name(count: Count) -> str:
    return count.subject or count.name


def _quantity(value: int | Decimal, unit: str, text: str | None = None) -> Quantity:
    return Quantity(Decimal(value), unit, text or f"{value}{unit}")


def _differ(rule: Rule, ctx: Context, first: Count, later: Count, name: str) -> Finding:
    return Finding(
        rule.id,
        rule.severity,
        f"同一计数前后不一致：{name} 先为 {first.text}（{ctx.at(first.lines)}），"
        f"后为 {later.text}（{ctx.at(later.lines)}），须核对哪一处有误",
        lines_of(first, later),
        stated=words(f"{first.text}；{later.text}"),
        difference=_quantity(later.value - first.value, first.unit),
    )


def _exceeds(rule: Rule, ctx: Context, part: Count, whole: Count) -> Finding:
    return Finding(
        rule.id,
        rule.severity,
        f"部分多于整体：{part.subject} {part.text}（{ctx.at(part.lines)}）"
        f"多于 {whole.subject} {whole.text}（{ctx.at(whole.lines)}）",
        lines_of(part, whole),
        stated=_quantity(part.value, part.unit, part.text),
        expected=_quantity(whole.value, whole.unit, f"不大于{whole.text}"),
        difference=_quantity(part.value - whole.value, part.unit),
    )


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    found = groups(ctx.doc.counts, int(rule.params["least"]))
    for key, said in found.items():
        if len(said) < 2 or not _comparable(key, said):
            continue
        first, reported = said[0], {said[0].value}
        for later in said[1:]:
            if later.value not in reported:
                reported.add(later.value)
                yield _differ(rule, ctx, first, later, _name(first))
    for (route, subject, period, *_), parts in found.items():
        if route != "subject":
            continue
        for whole_name in ctx.vocab.count_parts.get(subject, []):
            wholes = found.get(("subject", whole_name, period), [])
            pairs = [(p, w) for p in parts for w in wholes if p.value > w.value]
            if pairs:  # one finding: the first part said to exceed a whole
                yield _exceeds(rule, ctx, *pairs[0])
