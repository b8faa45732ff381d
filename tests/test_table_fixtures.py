"""Synthetic standard tables in fixtures/tables: every table rule silent on correct reports
and firing, at known lines, on copies with one slip.

Four correct excerpts, invented departments and figures, every total exact:

- ``final-tab-ok.txt``    某市某区档案馆 2024 决算, cells separated by tabs, no thousands
  separators; not wholly 财政拨款 (事业收入 63.50 and 其他收入 6.25 besides 一般公共预算
  1747.22; 年初结转 45.20 of which 财政拨款 18.00, 年末 26.00 of which 财政拨款 8.00), so
  the all-funds tables (01–03) and the 财政拨款 tables (04–06) differ; a 情况说明 follows.
- ``final-space-ok.txt``  某县自然资源局 2023 决算, laid out with runs of spaces as
  ``pdftotext -layout`` prints it (CJK width 2, wrapped headers, blank empty cells, 05 表's
  合计 row at the bottom), thousands separators; wholly 一般公共预算财政拨款.
- ``budget-tab-ok.txt``   某县农业农村局 2025 预算 (表1–表10 incl. 项目支出表), tabs,
  thousands separators; 其他收入 12.00 besides 一般公共预算 3,564.72; a 情况说明 follows.
- ``budget-space-ok.txt`` 某区退役军人事务局 2022 预算, spaces, no separators; wholly
  一般公共预算.

Each ``-bad-<what>.txt`` / ``-rounding.txt`` differs from its ``-ok`` file in one cell (two
for the cross-table case), so on one line (two).  The expectations list every finding the
slip makes true — one wrong cell usually breaks more than one identity.  Lines: a sum's
finding cites the total and those of its parts that hold a figure (an empty cell is a zero
and is not cited); a side-by-side row is one line for both halves.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from harness import RULES, Expected, findings

from auditor.read import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tables"

EXPECTED: dict[str, Expected] = {
    # ---------------------------------------------------------------- final-tab (决算, tabs)
    "final-tab-ok.txt": set(),
    # 03 表 row 20805 基本支出 68.21 → 68.12 (line 91).  208 基本支出 80.81 ≠ 20805 68.12 +
    # 20808 12.60 = 80.72; 20805 68.12 ≠ 2080505 48.72 + 2080506 19.49 = 68.21; and row
    # 20805's 本年支出合计 68.21 ≠ 基本 68.12 + 项目 0.
    "final-tab-bad-hierarchy.txt": {
        ("table.hierarchy", "error", (90, 91, 94)),
        ("table.hierarchy", "error", (91, 92, 93)),
        ("table.columns", "error", (91,)),
    },
    # 03 表 合计 row 项目支出 1250.05 → 1205.05 (line 85): ≠ Σ类 (only 201 has 项目支出,
    # 1250.05), and 合计 1836.17 ≠ 基本 586.12 + 项目 1205.05 = 1791.17.
    "final-tab-bad-total.txt": {
        ("table.total", "error", (85, 86)),
        ("table.columns", "error", (85,)),
    },
    # 01 表 expenditure: 一般公共服务支出 1687.81 → 1677.81 (line 12) and 住房保障支出
    # 44.70 → 54.70 (line 30), so 01 表 itself still adds up (本年支出合计 1836.17, 总计
    # 1862.17 both sides) but disagrees with 03 表's 201 (1687.81, line 86) and 221 (44.70,
    # line 99).  Both stay ≥ their 财政拨款 amounts in 04 表 (1608.86, 44.70), so
    # table.cross.fiscal-part has nothing to say.
    "final-tab-bad-cross.txt": {
        ("table.cross.expenditure", "error", (12, 86)),
        ("table.cross.expenditure", "error", (30, 99)),
    },
    # 情况说明 "收、支总计均为1862.17万元" → 1826.17 (line 260) against 01 表 总计 1862.17
    # (line 42).
    "final-tab-bad-narrative.txt": {("table.narrative", "error", (42, 260))},
    # 06 表 30201 办公费 12.36 → 12.37 (line 189): 302 62.35 vs Σ302xx 62.36, 0.01 off, which
    # rounding of thirteen parts explains: a warning only.
    "final-tab-rounding.txt": {
        (
            "table.hierarchy",
            "warning",
            (188, 189, 191, 192, 193, 194, 195, 196, 199, 202, 203, 204, 206),
        ),
    },
    # ---------------------------------------------------------------- final-space (决算, spaces)
    "final-space-ok.txt": set(),
    # 01 表 支出 总计 2,724.25 → 2,742.25 (line 37): 收入总计 2,724.25 ≠ 支出总计; 支出总计 ≠
    # 本年支出合计 2,711.85 + 年末结转和结余 12.40 (结余分配 empty); and, the report being
    # wholly 财政拨款, ≠ 04 表's 总计 2,724.25 (line 126).
    "final-space-bad-balance.txt": {
        ("table.balance", "error", (37,)),
        ("table.total", "error", (34, 35, 36, 37)),  # 35: the empty 结余分配 row
        # not table.cross.fiscal-part: 财政拨款 总计 2,724.25 ≤ 2,742.25, and equal 本年合计
        # say nothing of the 结转和结余 rows that make up the rest of a 总计
    },
    # 02 表 款 22001 本年收入合计 2,407.00 → 2,470.00 (line 55): 类 220 2,407.00 ≠ 22001;
    # 22001 ≠ 624.38 + 1,190.60 + 388.85 + 203.17 = 2,407.00; 本年收入合计 ≠ 财政拨款收入
    # 2,407.00 (the other income columns are blank, as pdftotext prints them).
    "final-space-bad-hierarchy.txt": {
        ("table.hierarchy", "error", (54, 55)),
        ("table.hierarchy", "error", (55, 56, 57, 58, 59)),
        ("table.columns", "error", (55,)),
    },
    # 06 表 30213 维修（护）费 7.24 → 2.74 (line 166): 302 155.17 ≠ Σ302xx 150.67.  302 itself
    # and 公用经费合计 are untouched, so nothing else breaks.
    "final-space-bad-302.txt": {
        (
            "table.hierarchy",
            "error",
            tuple(range(158, 177)),  # 302 and every 302xx row: the missing 4.50 may be in any
        ),
    },
    # 09 表 决算 公务接待费 2.88 → 2.38 (line 202): 决算 合计 15.37 ≠ 出国 0 + 公务用车 12.49 +
    # 接待 2.38 = 14.87 (出国 and 购置费 printed blank).
    "final-space-bad-three-public.txt": {("table.columns", "error", (202,))},
    # ---------------------------------------------------------------- budget-tab (预算, tabs)
    "budget-tab-ok.txt": set(),
    # 表5 row 2130104 事业运行 基本支出 412.18 → 421.18 (line 108): 合计 412.18 ≠ 421.18 + 0;
    # 款 21301 基本支出 1,268.60 ≠ 856.42 + 421.18 = 1,277.60.
    "budget-tab-bad-columns.txt": {
        ("table.columns", "error", (108,)),
        ("table.hierarchy", "error", (106, 107, 108)),
    },
    # 表1 社会保障和就业支出 199.30 → 209.30 (line 10) and 农林水支出 3,208.20 → 3,198.20
    # (line 12): 表1 still balances at 3,576.72 but disagrees with 表3's 208 (line 55) and
    # 213 (line 63); 3,198.20 stays ≥ 表4's 财政拨款 3,196.20.
    "budget-tab-bad-cross.txt": {
        ("table.cross.expenditure", "error", (10, 55)),
        ("table.cross.expenditure", "error", (12, 63)),
    },
    # 表6 row 30107 绩效工资 人员经费 236.58 → 263.58 (line 129): 301 人员经费 1,271.06 ≠ Σ301xx
    # 1,298.06; row 30107 合计 236.58 ≠ 人员 263.58 + 公用 0.
    "budget-tab-bad-economic.txt": {
        ("table.hierarchy", "error", (125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135)),
        ("table.columns", "error", (129,)),
    },
    # ---------------------------------------------------------------- budget-space (预算, spaces)
    "budget-space-ok.txt": set(),
    # 表4 支出总计 合计 3978.17 → 3987.17 (line 89): 收入总计 3978.17 ≠ 支出总计; 支出总计 ≠
    # 本年支出合计 3978.17 (年终结转结余 empty); 合计 ≠ 一般公共预算 3978.17 (基金, 国资 blank);
    # 财政拨款 支出总计 exceeds 表1's all-funds 支出总计 3978.17 (line 17).
    "budget-space-bad-balance.txt": {
        ("table.balance", "error", (89,)),
        ("table.total", "error", (87, 88, 89)),  # 88: the empty 结转 row, where 9.00 may be missing
        ("table.columns", "error", (89,)),
        ("table.cross.fiscal-part", "error", (17, 89)),
    },
    # 表7 2022年预算数 合计 8.00 → 8.80 (line 161): ≠ 出国 0 + 公务用车 6.20 + 接待 1.80 = 8.00.
    "budget-space-bad-three-public.txt": {("table.columns", "error", (161,))},
    # 表3 合计 row 项目支出 3091.45 → 3091.46 (line 53): 0.01 above 208's 3091.45 (the only
    # 类 with 项目支出) and 886.72 + 3091.46 = 3978.18 against 合计 3978.17: warnings only.
    "budget-space-rounding.txt": {
        ("table.total", "warning", (53, 54)),
        ("table.columns", "warning", (53,)),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name):
    found = findings(FIXTURES / name)
    if "-ok" in name:
        assert found == set()  # not even an info
    assert found == EXPECTED[name]


def test_every_fixture_has_expectations():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


def test_expected_rules_exist():
    rules = RULES
    ids = {r.id for r in rules}
    assert {rule for expected in EXPECTED.values() for rule, _, _ in expected} <= ids


def partner(name: str) -> str:
    stem = name.split("-bad-")[0] if "-bad-" in name else name.removesuffix("-rounding.txt")
    return f"{stem}-ok.txt"


PAIRS = [(name, partner(name)) for name in sorted(EXPECTED) if "-ok" not in name]


@pytest.mark.parametrize(("name", "ok"), PAIRS, ids=[p[0] for p in PAIRS])
def test_slip_only_changes_reported_lines(name, ok):
    """A broken copy differs from its correct report in one cell (the cross-table case in
    two), on lines its findings name."""
    bad_lines = read_source(str(FIXTURES / name)).lines
    ok_lines = read_source(str(FIXTURES / ok)).lines
    assert len(bad_lines) == len(ok_lines)
    changed = [i + 1 for i, (a, b) in enumerate(zip(ok_lines, bad_lines, strict=True)) if a != b]
    reported = {n for _, _, lines in EXPECTED[name] for n in lines}
    diff = "\n".join(difflib.unified_diff(ok_lines, bad_lines, ok, name, lineterm=""))
    assert changed and set(changed) <= reported, diff
    assert len(changed) == (2 if "-cross" in name else 1), diff
    for n in changed:
        before, after = ok_lines[n - 1], bad_lines[n - 1]
        if "\t" in before:  # one cell, and the line keeps its cells
            cells = list(zip(before.split("\t"), after.split("\t"), strict=True))
            assert sum(a != b for a, b in cells) == 1, diff
        else:  # a spaced line keeps its alignment
            assert len(before) == len(after), diff


def test_rounding_fixtures_are_off_by_one_cent():
    for name in (n for n in EXPECTED if n.endswith("-rounding.txt")):
        ok = read_source(str(FIXTURES / partner(name))).lines
        bad = read_source(str(FIXTURES / name)).lines
        ((a, b),) = [(x, y) for x, y in zip(ok, bad, strict=True) if x != y]
        tokens = zip(a.replace("\t", " ").split(), b.replace("\t", " ").split(), strict=True)
        ((s, t),) = [(x, y) for x, y in tokens if x != y]
        assert abs(float(s.replace(",", "")) - float(t.replace(",", ""))) == pytest.approx(0.01)


def test_fixture_layouts():
    """The fixtures keep the layouts they exist to cover."""
    text = {name: (FIXTURES / name).read_text(encoding="utf-8") for name in EXPECTED}
    for name, body in text.items():
        if "-tab" in name:
            assert "\t\t" in body  # empty cells are empty between tabs
        else:
            assert "\t" not in body and "      " in body
    separated = re.compile(r"\d,\d{3}\.\d{2}")
    for stem in ("final-space", "budget-tab"):
        assert separated.search(text[f"{stem}-ok.txt"])
    for stem in ("final-tab", "budget-space"):  # amounts over 1000 printed without separators
        body = text[f"{stem}-ok.txt"]
        assert not separated.search(body) and re.search(r"(?<![\d.])\d{4}\.\d{2}", body)
    for stem in ("final-tab", "final-space"):
        body = text[f"{stem}-ok.txt"]
        assert "公开 06 表" in body or "公开06表" in body
        assert "本表无数据" in body  # 07 and 08 declared empty
    for stem in ("budget-tab", "budget-space"):
        assert "政府性基金预算支出表" in text[f"{stem}-ok.txt"]
