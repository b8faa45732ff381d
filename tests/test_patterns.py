"""The five ways reports from other places were misread (issue 11), each as a synthetic
excerpt in fixtures/patterns with invented figures: the correct variant reports nothing and
is read as it is written; the broken variant reports its one slip where it is.

1. ``two-sided-yuan``: a two-sided 收支总表 in 元 (the unit on the 编制部门 line), numbered
   sub-lines "1. 一般公共预算资金" under "一、财政拨款收入", the narrative in 万元.
2. ``of-which-column``: 事业收入 | 其中：教育收费 — the 其中 column is a part of 事业收入.
3. ``totals-final``: a 决算 narrative calling 本年收入 / 本年支出 "收入总计 / 支出总计".
4. ``code-columns``: codes in three 类 | 款 | 项 columns; the 合计 row printed first, on the
   line of the 类 | 款 | 项 header cells; a continuation whose code columns collapsed.
5. ``procurement-items``: "政府采购预算…，其中：政府采购货物预算…" — items, not the total.
``subject-items``: items listed under a 科目 (“初中教育支出…，其中：基本支出…”, “机构运行…，其中：
…”) are that 科目's, not the department's; items under a figure of another year are of that
year; a change told after a 其中 list belongs to the list's head when only the head fits it.
``phrasings``: “收入总计与支出总计均为X万元…收、支总计各增加Y万元”, “政府采购预算合计X万元，
包括：货物类a万元，服务类b万元”; “减少了“三公”经费342.74万元” a change, not a value; “如果剔除这一
因素，…仍然减少了X” not judged; “较2023年预算合计16.08万元增加15.15万元” after a 其中 list measured
to the list's head; a sub-unit's total behind a year (所属事业单位2024年…) not the department's.
``run-together``: 科目 lines run together into one paragraph, each figure of its own 科目;
总收入 (with the carry-over) apart from 本年收入; 商品和服务支出 no procurement 服务.
And ``shifted-columns``: a table whose rows are misread one column to the right is doubted
(table.unread), never a cascade of errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import RULES, VOCAB, Expected, findings

from auditor.pipeline import check_source
from auditor.read import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "patterns"

EXPECTED: dict[str, Expected] = {
    "two-sided-yuan-ok.txt": set(),
    # 城乡社区支出 10,000,000 → 10,100,000: Σ支出 23,556,789 ≠ 支出总计 23,456,789; the
    # finding cites the 支出 rows and the 总计 row, never the 收入 sub-lines' sum.
    "two-sided-yuan-bad.txt": {("table.total", "error", (13, 14, 15, 16, 20))},
    "of-which-column-ok.txt": set(),
    # 其中：教育收费 460.00 > 事业收入 450.00 on the 合计 row and on 205.
    "of-which-column-bad.txt": {("table.part", "error", (5,)), ("table.part", "error", (6,))},
    "totals-final-ok.txt": set(),
    # 收入总计 510.00 is neither 本年收入合计 500.00 nor 总计 580.00: set against the
    # nearer, 本年收入合计.
    "totals-final-bad.txt": {("table.narrative", "error", (13, 20))},
    "code-columns-ok.txt": set(),
    # 2080505 100.00 → 110.00 on the collapsed continuation: 20805 ≠ 2080505, two columns.
    "code-columns-bad.txt": {
        ("table.hierarchy", "error", (24, 25)),
    },
    "procurement-items-ok.txt": set(),
    # 42.50 + 0 + 1,656.53 = 1,699.03 ≠ 1,708.03
    "procurement-items-bad.txt": {("sum.procurement", "error", (5,))},
    "subject-items-ok.txt": set(),
    # 公务用车运行费 10.60 − 2.60 = 8.00, 2.60 ÷ 8.00 = 32.50 %, printed 23.50 %
    "subject-items-bad.txt": {("yoy", "error", (9,))},
    "phrasings-ok.txt": set(),
    # 收入总计与支出总计均为1,250.00，各增加50.00: 50 ÷ 1,200 = 4.17 %, printed 4.71 %;
    # 包括：货物类120.00，服务类190.00 ≠ 合计300.00
    "phrasings-bad.txt": {
        ("yoy", "error", (4,)),
        ("sum.procurement", "error", (6,)),
        ("yoy", "error", (8,)),  # 收入较上年增加2,042.50: of 7,018.50, 41.05 %, not 30.14 %
        # 减少了1,276.52 from 4,333.33: 22.75 % of 5,609.85, not 29.46 % (the current year's base)
        ("yoy", "error", (10,)),
    },
    "run-together-ok.txt": set(),
    "shifted-columns-ok.txt": set(),
    "shifted-columns-unread.txt": {("table.unread", "info", (3,))},
}


def test_every_fixture_has_expectations():
    assert {p.name for p in FIXTURES.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pattern_fixture(name):
    assert findings(FIXTURES / name) == EXPECTED[name]


def read(name: str):
    doc, _ = check_source(read_source(str(FIXTURES / name)), RULES, VOCAB)
    return doc


def rows(table) -> dict[str, dict[str, str]]:
    return {r.code or r.label: {k: c.figure.text for k, c in r.cells.items()} for r in table.rows}


def test_two_sided_yuan_is_read_as_written():
    doc = read("two-sided-yuan-ok.txt")
    (table,) = doc.tables
    assert table.standard == "收支总表" and table.unit == "元"
    income, spending = (rows_ for _, rows_ in table.halves())
    assert [r.label for r in income][:2] == ["财政拨款收入", "一般公共预算资金"]
    sub = income[1]
    assert table.rows[sub.part_of] is income[0]  # the numbered sub-line is a part
    assert [r.label for r in spending][-1] == "支出总计"
    assert {f.figure.text for f in doc.facts} == {"2,345.68万元", "0.00万元"}


def test_of_which_column_is_a_part():
    (table,) = read("of-which-column-ok.txt").tables
    (segment,) = table.segments
    names = {c.name: c.part_of for c in segment.columns}
    assert names["事业收入/其中：教育收费"] == "事业收入/金额"
    assert names["本年收入合计"] is None and names["其他收入"] is None
    assert rows(table)["205"]["事业收入/其中：教育收费"] == "300.00"


def test_totals_final_reads_both_totals():
    doc = read("totals-final-ok.txt")
    (table,) = doc.tables
    labels = {r.label for r in table.rows}
    assert {"本年收入合计", "本年支出合计", "总计"} <= labels
    stated = {(f.concept, f.figure.text) for f in doc.facts if f.role == "value"}
    assert ("收入总计", "500.00万元") in stated and ("支出总计", "520.00万元") in stated


def test_code_columns_read_codes():
    table3, table4 = read("code-columns-ok.txt").tables
    assert set(rows(table3)) == {"205", "20502", "2050205", "208", "20805", "2080505", "合计"}
    assert rows(table3)["2080505"] == {"本年支出合计": "100.00", "基本支出": "100.00"}
    assert rows(table4)["2080505"] == {"本年支出/合计": "100.00", "本年支出/基本支出": "100.00"}
    assert rows(table4)["合计"]["本年支出/合计"] == "900.00"
    assert len(table4.segments) == 1


def test_procurement_items_are_items():
    doc = read("procurement-items-ok.txt")
    concepts = [(f.concept, f.clean, f.figure.text) for f in doc.facts]
    assert concepts[:4] == [
        ("政府采购支出总额", True, "1,708.03万元"),
        ("政府采购货物支出", True, "42.50万元"),
        ("政府采购工程支出", True, "0万元"),
        ("政府采购服务支出", True, "1,665.53万元"),
    ]
    # a sub-unit's list: its items are no statements of the department's own
    assert [c[1] for c in concepts[4:]] == [False, False, False]


def test_subject_items_are_read_as_parts_of_their_head():
    from auditor.claims import gather

    doc = read("subject-items-ok.txt")
    basic = [f for f in doc.facts if f.concept == "基本支出"]
    assert [(f.figure.text, f.clean) for f in basic] == [
        ("4,700,000.00元", True),
        ("2,800,000.00元", False),
        ("1,900,000.00元", False),
        ("1,000,000.00元", False),
        ("500,000.00元", False),
    ]
    prior = [f.figure.text for f in doc.facts if f.period == "prior" and f.is_value]
    assert prior == ["20.00万元", "12.00万元", "8.00万元"]
    changes = {
        (c.current.figure.text, c.delta.figure.text) for c in gather(doc, VOCAB).changes if c.delta
    }
    assert changes == {
        ("11.40万元", "0.60万元"),
        ("10.60万元", "2.60万元"),
        ("3,000,000.00元", "1,000,000.00元"),
    }


def test_run_together_subjects_and_totals():
    doc = read("run-together-ok.txt")
    subjects = [(f.figure.text, f.subject) for f in doc.facts if f.subject and f.is_value]
    assert subjects == [
        ("441.72万元", "一般公共服务/政府办公厅(室)及相关机构事务/行政运行"),
        ("2.00万元", "国防支出/国防动员/其他国防动员支出"),
    ]
    concepts = {f.figure.text: f.concept for f in doc.facts if f.is_value and not f.subject}
    assert concepts["581.45万元"] == "收入总计" and concepts["390.55万元"] == "收入合计"
    assert concepts["154,844.27元"] is None and doc.year == 2023
