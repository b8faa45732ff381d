"""Layouts and phrasings a review found read wrongly (fixtures/variants, invented figures,
every one consistent unless named -bad): nested numbering (一、 > 1. > (1), 其中 under a
sub-line), a heading row without figures over its items, 其中 columns spanning sub-columns or
printed first, a bare 合计 below named sub-totals, continuation rows whose code columns
collapsed (with and without their trailing empty cell), two share lists in one paragraph, a
科目 paragraph with its own breakdown, reasons of two clauses or about another 款's 项, a
unit in a header cell. None may report anything; the -bad copies report their one slip; and
what was read is asserted where the reading is the point.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import RULES, VOCAB, findings

from auditor.pipeline import check_source
from auditor.read import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "variants"

BAD = {
    # (2) 上级补助 150 → 190: 本级安排 300 + 上级补助 190 > 1. 一般公共预算资金 450
    "rows-nested-bad.txt": {("table.part", "error", (5, 6, 7))},
    # 其中：教育收费 400 + 其中：科研收入 100 > 事业收入/小计 450, on the 合计 row and on 205
    "col-span-bad.txt": {("table.part", "error", (6,)), ("table.part", "error", (7,))},
    # a 科目 paid from two budgets (100 + 50): 160 in the narrative is neither nor their sum
    "subject-split-bad.txt": {("table.subject", "error", (8, 18))},
    # 合计 110 ≠ 人员经费合计 80 + 公用经费合计 20
    "basic-named-bad.txt": {("table.total", "error", (6, 9, 10))},
    # 基本支出 600 of 本年支出合计 900 is 66.67 %, printed 60.00 %
    "shares-two-bad.txt": {("share", "error", (4,))},
}
CONSISTENT = sorted(p.name for p in FIXTURES.glob("*.txt") if p.name not in BAD)


@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_variant_reports_nothing(name):
    assert findings(FIXTURES / name) == set()


@pytest.mark.parametrize("name", sorted(BAD))
def test_broken_variant_reports_its_slip(name):
    assert findings(FIXTURES / name) == BAD[name]


def read(name: str):
    doc, _ = check_source(read_source(str(FIXTURES / name)), RULES, VOCAB)
    return doc


def test_nested_numbering_is_read_level_by_level():
    (table,) = read("rows-nested.txt").tables
    whole = {r.label: table.rows[r.part_of].label for r in table.rows if r.part_of is not None}
    assert whole == {
        "一般公共预算资金": "财政拨款收入",
        "本级安排": "一般公共预算资金",
        "上级补助": "一般公共预算资金",
        "政府性基金": "财政拨款收入",
    }


def test_items_of_a_heading_without_figures_are_no_parts():
    (table,) = read("rows-sub-blank.txt").tables
    assert all(r.part_of is None for r in table.rows)
    assert any(r.label == "本年收入" and not r.cells for r in table.rows)


def test_of_which_spanning_sub_columns():
    (table,) = read("col-span.txt").tables
    parts = {c.name: c.part_of for c in table.segments[0].columns}
    assert parts["事业收入/其中/教育收费"] == "事业收入/小计"
    assert parts["事业收入/其中/科研收入"] == "事业收入/小计"
    assert parts["本年收入合计"] is None


def test_collapsed_row_without_trailing_cell_keeps_its_columns():
    (table,) = read("collapsed-trim.txt").tables
    row = next(r for r in table.rows if r.code == "2010301")
    assert {k: c.figure.text for k, c in row.cells.items()} == {
        "小计": "150.00",
        "基本支出": "150.00",
    }
