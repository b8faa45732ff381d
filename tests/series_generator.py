"""Synthetic series of one department's reports over three years — budgets and final
accounts, prose and a table — consistent across the years, and the same with one
cross-report figure wrong (tests/test_series.py)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

NAME = "江城市临江区档案馆"
CENT = Decimal("0.01")


def _amount(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def _change(now: Decimal, before: Decimal, prior: str) -> str:
    """比上年…: how a report says the change from the figure of the year before."""
    delta = now - before
    if delta == 0:
        return ""
    word = "增加" if delta > 0 else "减少"
    return f"，比{prior}{word}{abs(delta):.2f}万元"


@dataclass(frozen=True)
class Year:
    year: int
    budget: Decimal  # 部门收入预算
    three: Decimal  # “三公”经费预算 (年初预算 in the final account)
    final: Decimal  # 收入合计 (决算)
    spent: Decimal  # “三公”经费决算


def years(rng: random.Random, first: int = 2022, count: int = 3) -> list[Year]:
    return [
        Year(
            first + i,
            _amount(rng, 400, 900),
            _amount(rng, 5, 40),
            _amount(rng, 400, 900),
            _amount(rng, 2, 5),
        )
        for i in range(count)
    ]


def budget(y: Year, before: Year | None, slip: Decimal = Decimal(0)) -> str:
    prior = f"{y.year - 1}年预算"
    income = _change(y.budget, before.budget - slip, prior) if before else ""
    three = _change(y.three, before.three, prior) if before else ""
    return (
        f"{NAME}\n{y.year}年度部门预算\n\n第一部分 {NAME}概况\n一、主要职能\n负责全区档案工作。\n\n"
        f"第二部分 {y.year}年度部门预算情况说明\n"
        f"{y.year}年部门收入预算{y.budget:.2f}万元{income}。\n"
        f"{y.year}年“三公”经费预算数为{y.three:.2f}万元{three}。\n"
    )


def final(
    y: Year,
    before: Year | None,
    carried: Decimal,
    quoted: Decimal | None = None,
    slip: Decimal = Decimal(0),
) -> str:
    """A final account whose 收支总表 carries `carried` in (年初) and out (年末) alike."""
    change = _change(y.final, before.final - slip, "上年") if before else ""
    three = quoted if quoted is not None else y.three
    rate = y.spent / three * 100
    amount, total, kept = f"{y.final:.2f}", f"{y.final + carried:.2f}", f"{carried:.2f}"
    return (
        f"{NAME}\n{y.year}年度部门决算\n\n第一部分 {NAME}概况\n一、主要职能\n负责全区档案工作。\n\n"
        f"第二部分 {y.year}年度部门决算表\n\n"
        "                         收入支出决算总表\n"
        "                                                                    公开01表\n"
        f"部门：{NAME}                                                单位：万元\n"
        "                    收入                                            支出\n"
        "            项目                     决算数               项目                     决算数\n"
        f"一、一般公共预算财政拨款收入    {amount:>12}    一、一般公共服务支出         {amount:>12}\n"
        f"本年收入合计                    {amount:>12}    本年支出合计                 {amount:>12}\n"
        f"年初结转和结余                  {kept:>12}    年末结转和结余               {kept:>12}\n"
        f"总计                            {total:>12}    总计                         {total:>12}\n\n"
        f"第三部分 {y.year}年度部门决算情况说明\n\n一、收入支出决算总体情况说明\n"
        f"{y.year}年度收入总计{amount}万元{change.replace('，比上年', '，与上年相比，')}。\n\n"
        "二、财政拨款“三公”经费支出决算情况说明\n"
        f"{y.year}年度“三公”经费财政拨款支出年初预算为{three:.2f}万元，支出决算为{y.spent:.2f}万元，"
        f"完成年初预算的{rate.quantize(CENT)}%。\n"
    )


SLIPS = ("budget-prior", "final-prior", "final-budget", "final-carryover")


def series(seed: int, slip: str | None = None) -> tuple[dict[str, str], tuple[str, str] | None]:
    """Six reports (file name → text) of three years, and with `slip` the (later, earlier)
    pair of files where one cross-report figure was made wrong (in the later one)."""
    rng = random.Random(seed)
    ys = years(rng)
    wrong = Decimal(rng.choice((1, -1)) * rng.randint(100, 5000)) / 100
    carried = _amount(rng, 20, 90)
    # a carry-over slipped in a middle year would be carried on into the next: the last year
    target = (ys[-1] if slip == "final-carryover" else rng.choice(ys[1:])) if slip else None
    files: dict[str, str] = {}
    for i, y in enumerate(ys):
        before = ys[i - 1] if i else None
        slipped = slip if y is target else None
        files[f"{y.year}-budget.txt"] = budget(
            y, before, wrong if slipped == "budget-prior" else Decimal(0)
        )
        files[f"{y.year}-final.txt"] = final(
            y,
            before,
            carried + abs(wrong) if slipped == "final-carryover" else carried,
            y.three + abs(wrong) if slipped == "final-budget" else None,
            wrong if slipped == "final-prior" else Decimal(0),
        )
    if target is None or slip is None:
        return files, None
    kind = "final" if slip.startswith("final") else "budget"
    other = "budget" if slip == "final-budget" else kind
    year = target.year if slip == "final-budget" else target.year - 1
    return files, (f"{target.year}-{kind}.txt", f"{year}-{other}.txt")
