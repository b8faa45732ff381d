"""Synthetic report excerpts in fixtures/narrative: every rule silent on a correct text and
firing, at known lines, on a copy with one slip.

Naming: ``<rule>-ok.txt`` is a correct excerpt, ``<rule>-bad.txt`` the same excerpt with as
few figures changed as possible, ``<rule>-rounding.txt`` one whose only difference is what
rounding explains.  Other ``<rule>-<case>-ok/bad.txt`` files are realistic phrasings that once tripped the tool,
each asserting the correct behaviour.

The expectations live here, not in the fixtures: for each file, the exact set of
(rule, severity, lines) the audit must report.  An ``-ok`` file must report nothing at all.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from harness import RULES, Expected, findings

from auditor.read import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "narrative"

EXPECTED: dict[str, Expected] = {
    # 增减率 against the prior year: 865.32 − 105.32 = 760.00, 105.32 / 760.00 = 13.86 %;
    # bad: 12.17 %, the delta divided by the current year instead (hard-wrapped, spaced digits).
    "yoy-ok.txt": set(),
    "yoy-bad.txt": {("yoy", "error", (15, 17))},
    # the same in a 预算 report (比2022年预算减少), GB18030-encoded: 282.43 / 1652.62 = 17.09 %,
    # bad: 20.61 % (282.43 / 1370.19).
    "yoy-ok-gbk.txt": set(),
    "yoy-bad-gbk.txt": {("yoy", "error", (13,))},
    # 完成年初预算的: 301.27 / 286.40 = 105.19 %, bad: 105.91 % (CRLF line endings).
    "completion-ok.txt": set(),
    "completion-bad.txt": {("completion", "error", (11,))},
    # 占政府采购支出总额的: 298.60 / 326.80 = 91.37 %, bad: 93.17 %.
    "share-ok.txt": set(),
    "share-bad.txt": {("share", "error", (11,))},
    # four 类 shares of 1024.60 that add up to 100.00 %; bad: 9.61 % typed as 9.69 %.  A share
    # that adds the excess to 100 % is itself wrong, so `share` must fire with `share-sum`.
    "share-sum-ok.txt": set(),
    "share-sum-bad.txt": {
        ("share", "error", (15, 27)),
        ("share-sum", "error", (15, 23, 27, 31, 35)),
    },
    # every share correctly rounded (79.28 + 9.60 + 5.10 + 6.01) yet 99.99 %: a warning only.
    "share-sum-rounding.txt": {("share-sum", "warning", (15, 23, 27, 31, 35))},
    # four 类 amounts with one-decimal shares adding to 100.0 %; bad: 70.20 → 70.02, which keeps
    # its share at 3.8 %, so only the amounts no longer add up to 1,836.50.
    "sum.enumeration-ok.txt": set(),
    "sum.enumeration-bad.txt": {("sum.enumeration", "error", (9,))},
    # 决算数小于年初预算数 said of 388.64 vs 420.00 (bad: 大于), and 减少 … 增长 (bad) for one change.
    "direction-ok.txt": set(),
    "direction-bad.txt": {("direction", "error", (15, 17)), ("direction", "error", (37,))},
    # 减少6.95%（95.00 → 88.40），主要原因是…宣传事务一般行政管理事务经费减少; bad: 增加. The
    # reason of item 3 (岗位人数调整) speaks of something else and is not judged.
    "direction.reason-ok.txt": set(),
    "direction.reason-bad.txt": {("direction.reason", "error", (4,))},
    # “三公”经费 决算 stated twice: 6.80, bad: 6.08 the second time.
    "agreement-ok.txt": set(),
    "agreement-bad.txt": {("agreement", "error", (9, 13))},
    # 财政拨款收入 万元: the figure left out (bad).
    "missing-value-ok.txt": set(),
    "missing-value-bad.txt": {("missing-value", "error", (7,))},
    # 年初预算数为1,044.77元 beside 万元 figures: 1,030.20 / 1,044.77 = 98.61 % only in 万元.
    "unit-slip-ok.txt": set(),
    "unit-slip-bad.txt": {("unit-slip", "error", (9,))},
    # a completion rate against a 0 budget, and 增长100% from a prior year of 0 (bad).
    "zero-base-ok.txt": set(),
    "zero-base-bad.txt": {("zero-base", "warning", (17,)), ("zero-base", "warning", (29, 31))},
    # 支出预算 2046.80 = 基本 612.45 + 项目 1434.35 (full-width digits, 预算 report);
    # bad: 项目支出 1443.35.
    "sum.basic-project-ok.txt": set(),
    "sum.basic-project-bad.txt": {("sum.basic-project", "error", (15,))},
    # 基本支出 352.64 = 人员经费 318.20 + 公用经费 34.44; bad: 43.44.
    "sum.personnel-public-ok.txt": set(),
    "sum.personnel-public-bad.txt": {("sum.personnel-public", "error", (5, 9, 13))},
    # 收入合计 3,856.42 = 财政拨款 1,124.60 + 事业 2,698.37 + 其他 33.45, the rest stated nil;
    # bad: 事业收入 2,968.37 (parts exceed the total); shortfall: 2,689.37 (parts fall short,
    # which only the "本年度无…" statement makes certain).
    "sum.income-ok.txt": set(),
    "sum.income-bad.txt": {("sum.income", "error", (7,))},
    "sum.income-shortfall-bad.txt": {("sum.income", "error", (7,))},
    # “三公” 决算 12.60 = 出国 0 + 公务用车 9.80 + 接待 2.80 (full-width, hard-wrapped);
    # bad: 接待 2.08.
    "sum.three-public-ok.txt": set(),
    "sum.three-public-bad.txt": {("sum.three-public", "error", (9, 15, 17, 29))},
    # 公务用车购置及运行维护费 32.86 = 购置 23.50 + 运行维护 9.36; bad: 9.63.
    "sum.vehicles-ok.txt": set(),
    "sum.vehicles-bad.txt": {("sum.vehicles", "error", (15,))},
    # 运行维护费 3.62 = 燃料 1.85 + 维修 1.21 + 保险 0.56; bad: 维修 1.12 (0.09 short);
    # rounding: 保险 0.57, 0.01 over, which rounding of the three parts explains.
    "sum.vehicle-running-ok.txt": set(),
    "sum.vehicle-running-bad.txt": {("sum.vehicle-running", "error", (17, 19, 21))},
    "sum.vehicle-running-rounding.txt": {("sum.vehicle-running", "warning", (17, 19, 21))},
    # 政府采购支出总额 1,286.45 = 货物 412.80 + 工程 530.00 + 服务 343.65; bad: 服务 334.65.
    "sum.procurement-ok.txt": set(),
    "sum.procurement-bad.txt": {("sum.procurement", "error", (7,))},
    # 收入总计 = 支出总计 = 486.90 (预算 report); bad: 支出总计 468.90.
    "balance.total-ok.txt": set(),
    "balance.total-bad.txt": {("balance.total", "error", (7, 15))},
    # ---- realistic phrasings
    # 年初预算 248.60 and 调整预算 300.00 both stated; 完成年初预算的 286.45 / 248.60 = 115.23 %
    # and 决算数大于年初预算数 are both right.
    "completion-adjusted-ok.txt": set(),
    # integer rates (完成年初预算的 98%, 93%) correctly rounded from 98.35 % and 93.43 %.
    "completion-coarse-ok.txt": set(),
    # 比上年增加-5.27万元，增长-10.11%: 46.85 + 5.27 = 52.12, 5.27 / 52.12 = 10.11 %.
    "yoy-negative-ok.txt": set(),
    # 决算 12.60, 比全年预算 15.00 万元减少 2.40; 较上年增加 1.10, 增长 9.57 % (= 1.10 / 11.50).
    "yoy-budget-inline-ok.txt": set(),
    # 较2022年度决算数1,371.00万元减少120.60万元，下降8.80%; bad: 下降9.80%.
    "yoy-stated-prior-ok.txt": set(),
    "yoy-stated-prior-bad.txt": {("yoy", "error", (7,))},
    # a 元 slip in a paragraph that also says 决算数小于年初预算数 (true in 万元): one finding.
    "unit-slip-direction-ok.txt": set(),
    "unit-slip-direction-bad.txt": {("unit-slip", "error", (9,))},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name):
    found = findings(FIXTURES / name)
    if "-ok" in name:
        assert not {f for f in found if f[1] in ("error", "warning")}
    assert found == EXPECTED[name]


def test_every_fixture_has_expectations():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


def test_every_rule_has_an_ok_and_a_bad_fixture():
    rules = RULES
    for rule in rules:
        if rule.id.startswith(("table.", "document.", "count.", "performance.", "across.")):
            continue  # fixtures of their own: tests/test_table_fixtures.py, test_document_rules.py,
            # test_counts.py, test_performance.py, test_series.py
        assert EXPECTED[f"{rule.id}-ok.txt"] == set()
        assert any(f[0] == rule.id for f in EXPECTED[f"{rule.id}-bad.txt"]), rule.id


def partner(name: str) -> str | None:
    """The correct excerpt a -bad / -rounding fixture was made from."""
    if name == "sum.income-shortfall-bad.txt":
        return "sum.income-ok.txt"
    for suffix in ("-bad", "-rounding"):
        if suffix in name:
            ok = name.replace(suffix, "-ok")
            return ok if ok in EXPECTED else None
    return None


PAIRS = [(name, partner(name)) for name in sorted(EXPECTED) if partner(name)]


@pytest.mark.parametrize(("name", "ok"), PAIRS, ids=[p[0] for p in PAIRS])
def test_slip_only_changes_reported_lines(name, ok):
    """A broken copy differs from its correct excerpt only on lines its findings name."""
    bad_lines, ok_lines = (
        read_source(str(FIXTURES / name)).lines,
        read_source(str(FIXTURES / ok)).lines,
    )
    assert len(bad_lines) == len(ok_lines)
    changed = {i + 1 for i, (a, b) in enumerate(zip(ok_lines, bad_lines, strict=True)) if a != b}
    reported = {n for _, _, lines in EXPECTED[name] for n in lines}
    diff = "\n".join(difflib.unified_diff(ok_lines, bad_lines, ok, name, lineterm=""))
    assert changed and changed <= reported, diff


def test_fixture_layouts():
    """The fixtures keep the layouts they exist to cover."""
    for name in ("yoy-ok-gbk.txt", "yoy-bad-gbk.txt"):
        data = (FIXTURES / name).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert read_source(str(FIXTURES / name)).encoding == "gb18030"
    for name in ("completion-ok.txt", "completion-bad.txt"):
        data = (FIXTURES / name).read_bytes()
        assert data.count(b"\r\n") == data.count(b"\n")
    for name in ("sum.basic-project-ok.txt", "sum.three-public-ok.txt"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        assert "％" in text and "．" in text and "（" in text
    for name in ("yoy-ok.txt", "share-sum-ok.txt", "direction-ok.txt", "sum.three-public-ok.txt"):
        lines = read_source(str(FIXTURES / name)).lines
        assert "" in lines and any(line.startswith("- ") and line.endswith(" -") for line in lines)
