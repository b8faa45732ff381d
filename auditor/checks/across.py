r"""across: a figure one report gives of another report's year is the figure that report gives.

跨报告：本年报告中说到的上一年数（“比2024年预算增加X万元”推算出的2024年预算数，决算中
“与上年相比”的上年决算数），或决算中引用的年初预算数，应与那一年的报告自己所列的数一致。
同一单位（封面、“预算主管部门”行或概况标题中的名称，一方包含另一方即为同一单位；部门报告
与单位报告分开）、按年份与类型配对；找不到对应的报告不是问题，只在汇总中说明。

A rule of this kind runs on two reports of one department (`auditor check --across`), never
on one alone. `pair` says which two: `budget-prior` holds budget N+1's changes (比N年预算…) to
budget N's own figures; `final-prior` holds final N's changes (与上年相比…) to final N−1's;
`final-budget` holds final N's 年初预算 figures to budget N's; `final-carryover` holds final
N's 年初结转和结余 (收支总表) to final N−1's 年末结转和结余. A figure is matched by its
concept, fund scope and 科目; a figure the other report gives twice with two values is not
matched (which one is meant cannot be told). The examples' two reports are separated by a
line `=====`, the earlier first.

参数:
    pair: budget-prior（次年预算的“比上年预算”对上年预算）、final-prior（决算的“与上年相比”对
        上年决算）、final-budget（决算的年初预算数对同年预算）或 final-carryover（决算收支总表的
        年初结转和结余对上年决算的年末结转和结余）

公式:
    本年报告推算或引用的数 = 另一份报告所列的数（{pair}）

尾数:
    推算出的上年数按其各项的尾数取区间（本年数 ∓ 增减额各有末位半个单位），与另一份报告所印
    数字的区间相交即一致；只差尾数为 warning。

示例:
    - id: across.budget-prior
      title: 预算中“比上年预算增减”推算的上年数应与上年预算报告一致
      kind: across
      severity: error
      pair: budget-prior

通过:
    江城市某局2024年度部门预算
    2024年部门收入预算500.00万元。
    =====
    江城市某局2025年度部门预算
    2025年部门收入预算530.00万元，比2024年预算增加30.00万元。

报错:
    江城市某局2024年度部门预算
    2024年部门收入预算500.00万元。
    =====
    江城市某局2025年度部门预算
    2025年部门收入预算530.00万元，比2024年预算增加20.00万元。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING

from auditor.checks.shared.common import computed, severity, trivial
from auditor.findings import Finding, Place, Quantity, mention
from auditor.numbers import Figure, Interval, Rounding, fmt, judge
from auditor.rules import Pairing, Rule, params

if TYPE_CHECKING:
    from auditor.profile import Key, Profile, Stated

KIND = "across"
PAIRED = True  # runs on two reports (check_pair), not in the one-report pipeline


@params
class Params:
    """Which two reports of a series the rule holds together."""

    pair: Pairing


def _name(key: Key) -> str:
    concept, scope, subject = key
    named = concept if scope in ("全部", "") or scope in concept else f"{scope}{concept}"
    return f"“{subject}”{named}" if subject else named


def _in(places: tuple[Place, ...], path: str) -> tuple[Place, ...]:
    """Places marked with the file they are in: a finding cites two reports."""
    return tuple(replace(p, fields=(*p.fields, ("file", path))) for p in places)


def _at(places: tuple[Place, ...], path: str) -> str:
    """Lines of one report as a message names them: 2023-budget.pdf p6:L2 (the terminal says
    第6页第2行), or 2023-budget.txt 第9行."""
    return f"{PurePath(path).name} {mention(list(places))}"


def check_pair(earlier: Profile, later: Profile, rule: Rule, mode: Rounding) -> Iterator[Finding]:
    """Findings of `later` (the report that speaks of the other), citing both reports."""
    from auditor.profile import Stated  # here: a single report's check never holds two

    mode = Rounding(rule.rounding) if rule.rounding else mode
    year = earlier.year
    if rule.params["pair"] == "final-carryover":
        opening, closing = later.balances.get("opening"), earlier.balances.get("closing")
        if opening is not None and closing is not None:
            head = f"年初结转和结余与{year}年决算的年末结转和结余不一致："
            yield from _quoted(rule, mode, head, "决算", (opening, later), (closing, earlier))
        return
    if rule.params["pair"] == "final-budget":
        for key, quoted in later.budgets.items():
            theirs = earlier.values.get(key)
            if theirs is not None:
                head = f"年初预算数与{year}年预算报告不一致：{_name(key)}"
                yield from _quoted(rule, mode, head, "预算报告", (quoted, later), (theirs, earlier))
        return
    for prior in later.priors:
        theirs = earlier.values.get(prior.key)
        if theirs is not None:
            shown = f"{_number(prior.point, theirs.figure)}万元"
            said = (
                f"与{year}年报告不一致：{_name(prior.key)}在{year}年报告中为 {_text(theirs.figure)}"
                f"（{_at(theirs.places, earlier.path)}），而按本报告推算为 {shown}（{prior.said}，{_at(prior.places, later.path)}）"
            )
            mine = Stated(theirs.figure, prior.lines, prior.places)
            yield from _judged(rule, mode, mine, prior.point, prior.allowed, said, later,
                               theirs, earlier, implied=True)  # fmt: skip


def _quoted(
    rule: Rule,
    mode: Rounding,
    head: str,
    kind: str,
    mine: tuple[Stated, Profile],
    theirs: tuple[Stated, Profile],
) -> Iterator[Finding]:
    """A figure the later report prints against the one the earlier report prints."""
    (quoted, later), (stated, earlier) = mine, theirs
    figure = stated.figure.to_wan()
    said = (
        f"{head}本报告为 {_text(quoted.figure)}（{_at(quoted.places, later.path)}），"
        f"而{earlier.year}年{kind}中为 {_text(stated.figure)}（{_at(stated.places, earlier.path)}）"
    )
    yield from _judged(rule, mode, quoted, figure.value, figure.bounds(mode), said, later,
                       stated, earlier)  # fmt: skip


def _text(figure: Figure) -> str:
    """A figure as printed, with its unit when a table cell leaves it to the table's."""
    unit = figure.unit or ""
    return figure.text if figure.text.endswith(unit) else f"{figure.text}{unit}"


def _number(value: Decimal, like: Figure) -> str:
    return fmt(value, like.to_wan().places)


def _judged(
    rule: Rule,
    mode: Rounding,
    mine: Stated,
    point: Decimal,
    allowed: Interval,
    message: str,
    later: Profile,
    theirs: Stated,
    earlier: Profile,
    implied: bool = False,
) -> Iterator[Finding]:
    """`mine.figure` against `point` within `allowed`: a finding of `later` citing `mine`'s
    lines in it and `theirs` in `earlier`. With `implied`, `point` is what the later report
    implies and `mine.figure` the earlier report's: the later report's figure is stated."""
    figure = mine.figure.to_wan()
    verdict = judge(figure, point, allowed, mode)
    level = severity(rule, verdict)
    if level is None:
        return
    places = figure.places
    printed = Quantity(figure.value, "万元", _text(mine.figure))
    derived = computed(point, places, "万元")
    stated, expected = (derived, printed) if implied else (printed, derived)
    yield Finding(
        rule.id,
        level,
        message,
        mine.lines,
        stated=stated,
        expected=expected,
        difference=computed(stated.value - expected.value, places, "万元"),
        rounding_only=trivial(verdict),
        cited=(*_in(mine.places, later.path), *_in(theirs.places, earlier.path)),
        related_file=earlier.path,
    )
