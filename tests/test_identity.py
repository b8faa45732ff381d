"""The identity kind as a finance auditor uses it: three invariants of one's own in a
`--rules` folder (fixtures/identity/rules), YAML only, each with a passing and a failing
report; and the shipped identities that are not narrative sums (table.carryover, weights,
元 against 万元, a rule that cannot be read)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from auditor import audit
from auditor.errors import RulesError
from auditor.findings import Quantity

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "fixtures" / "identity"
RULES = HERE / "rules"


def _facts(result, concept):
    return [(f.scope, f.figure.text) for f in result.facts if f.concept == concept]


def test_project_expenditure_is_the_sum_of_the_project_table():
    ok = audit(HERE / "project-table-ok.txt", rules=RULES)
    assert [(t.standard, len(t.rows)) for t in ok.tables] == [("项目支出表", 4)]
    assert ("全部", "120.00万元") in _facts(ok, "项目支出")
    assert ok.findings == []
    bad = audit(HERE / "project-table-bad.txt", rules=RULES)
    assert [(t.standard, len(t.rows)) for t in bad.tables] == [("项目支出表", 4)]
    (finding,) = bad.findings  # the table adds up (129.00); the narrative says 120.00
    assert (finding.rule, finding.severity) == ("mine.project-table", "error")
    assert finding.lines == (9, 15, 16, 17)  # the sentence and the three projects, not 合计
    assert finding.stated == Quantity(Decimal("120.00"), "万元", "120.00万元")
    assert finding.expected == Quantity(Decimal("129.00"), "万元", "129.00万元")


def test_without_the_rules_folder_the_project_table_is_not_compared():
    assert audit(HERE / "project-table-bad.txt").findings == []


def test_province_equality_of_two_narrative_figures():
    ok = audit(HERE / "running-costs-ok.txt", rules=RULES)
    assert ("全部", "43.44万元") in _facts(ok, "机关运行经费")
    assert ("一般公共预算", "43.44万元") in _facts(ok, "公用经费")
    assert ok.findings == []
    bad = audit(HERE / "running-costs-bad.txt", rules=RULES)
    (finding,) = bad.findings
    assert (finding.rule, finding.severity, finding.lines) == (
        "mine.running-costs",
        "error",
        (6, 9),
    )
    assert finding.stated.text == "45.60万元" and finding.expected.text == "43.44万元"


def test_of_which_at_most_its_total():
    ok = audit(HERE / "small-firms-ok.txt", rules=RULES)
    assert _facts(ok, "授予中小企业合同金额") == [("全部", "240.00万元")]
    assert _facts(ok, "授予小微企业合同金额") == [("全部", "180.00万元")]
    assert ok.findings == []
    bad = audit(HERE / "small-firms-bad.txt", rules=RULES)
    (finding,) = bad.findings
    assert (finding.rule, finding.severity, finding.lines) == ("mine.small-firms", "error", (6,))
    assert finding.stated.text == "240.00万元" and finding.expected.text == "不小于260.00万元"


def test_a_rounding_only_difference_is_a_warning(tmp_path):
    text = (HERE / "project-table-ok.txt").read_text(encoding="utf-8")
    text = text.replace("项目支出120.00万元", "项目支出120.01万元")
    (finding,) = [f for f in audit(text, rules=RULES).findings if f.rule.startswith("mine.")]
    assert (finding.rule, finding.severity) == ("mine.project-table", "warning")


def test_a_table_in_yuan_is_compared_in_wan(tmp_path):
    text = (HERE / "project-table-ok.txt").read_text(encoding="utf-8")
    for wan, yuan in (
        ("120.00", "1200000"),
        ("110.00", "1100000"),
        ("70.00", "700000"),
        ("30.00", "300000"),
        ("20.00", "200000"),
        ("10.00", "100000"),
    ):
        text = text.replace(f" {wan}", f" {yuan}")
    text = text.replace("单位：万元", "单位：元")
    result = audit(text, rules=RULES)
    assert [t.unit for t in result.tables] == ["元"]
    assert result.findings == []
    wrong = audit(
        text.replace(
            "档案数字化工程                       700000",
            "档案数字化工程                       790000",
        ),
        rules=RULES,
    )
    assert [f.rule for f in wrong.findings if f.rule.startswith("mine.")] == ["mine.project-table"]


CARRYOVER = """\
                     政府性基金预算财政拨款收入支出决算表
单位：万元
          项目                 年初结转   本年收入            本年支出             年末结转
科目代码   科目名称             和结余               小计    基本支出   项目支出    和结余
           合计                  20.00     150.00   160.00              160.00      {end}
212        城乡社区支出          20.00     150.00   160.00              160.00      {end}
"""


def test_carryover_in_every_row():
    ok = audit("2023年度部门决算\n" + CARRYOVER.format(end="10.00"))
    assert [(t.standard, len(t.rows)) for t in ok.tables] == [("政府性基金预算表", 2)]
    assert ok.findings == []
    bad = audit("2023年度部门决算\n" + CARRYOVER.format(end="12.00"))
    # the same 12.00 against 10.00 on both rows: one discrepancy, one finding citing both
    found = [(g.rule, g.severity, g.lines) for f in bad.findings for g in (f, *f.also)]
    assert found == [("table.carryover", "error", (6,)), ("table.carryover", "error", (7,))]
    assert len(bad.findings) == 1
    assert "−本年支出/小计 −160.00" in bad.findings[0].message


def _rule(tmp_path, body: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(
        "rules:\n  - id: x\n    title: t\n    kind: identity\n    severity: error\n" + body,
        encoding="utf-8",
    )
    return folder


def test_weights_and_ge(tmp_path):
    # 基本支出 − 人员经费 ≥ 公用经费 is the same identity written with a negative weight
    body = (
        "    left: [基本支出, {concept: 人员经费, weight: -1}]\n"
        "    relation: ge\n    right: [公用经费]\n"
    )
    folder = _rule(tmp_path, body)
    ok = audit((ROOT / "fixtures" / "narrative" / "sum.personnel-public-ok.txt"), rules=folder)
    assert [f for f in ok.findings if f.rule == "x"] == []
    bad = audit((ROOT / "fixtures" / "narrative" / "sum.personnel-public-bad.txt"), rules=folder)
    seen = [g for f in bad.findings for g in (f, *f.also)]  # x may fold into the built-in rule
    assert [g.severity for g in seen if g.rule == "x"] == ["error"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (
            "    left: [{table: 项目支出表, row: firsts, column: [合计]}]\n    right: [项目支出]\n",
            "row",
        ),
        ("    left: [{concept: 项目支出, period: 明年}]\n    right: [项目支出]\n", "period"),
        ("    left: [{concept: 项目支出, weight: 2}]\n    right: [项目支出]\n", "weight"),
        (
            "    left: [{table: 项目支出表, column: [合计], colour: red}]\n    right: [项目支出]\n",
            "colour",
        ),
        ("    left: [项目支出]\n    right: [{table: 无此表, column: [合计]}]\n", "无此表"),
    ],
)
def test_a_wrong_operand_names_file_and_line(tmp_path, body, needle):
    with pytest.raises(RulesError) as caught:
        audit("2023年度部门决算\n支出合计1.00万元。", rules=_rule(tmp_path, body))
    assert needle in str(caught.value) and "r.yaml:2" in str(caught.value)


def test_readme_walkthrough_folder_is_the_fixture(tmp_path):
    # the README copies fixtures/identity/rules/mine.yaml; a copy elsewhere works the same
    shutil.copytree(RULES, tmp_path / "mine")
    result = audit(HERE / "small-firms-bad.txt", rules=tmp_path / "mine")
    assert [f.rule for f in result.findings] == ["mine.small-firms"]


def test_explain_works_for_ones_own_rules():
    from click.testing import CliRunner

    from auditor.cli import main

    runner = CliRunner()
    for rule in ("mine.project-table", "mine.running-costs", "mine.small-firms"):
        out = runner.invoke(main, ["explain", rule, "--rules", str(RULES)])
        assert out.exit_code == 0, out.output
        assert "检查的公式：" in out.output
    formula = runner.invoke(main, ["explain", "mine.small-firms", "--rules", str(RULES)]).output
    assert "授予小微企业合同金额 ≤ 授予中小企业合同金额" in formula
