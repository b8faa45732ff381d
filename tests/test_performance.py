"""The funding lines of performance tables, read line by line: synthetic tables in
fixtures/performance (a 项目绩效目标表 laid out with spaces, a 绩效自评表 with tabs and
several columns, a 部门整体支出绩效目标表 in 元) and the 26 绩效目标表 of a real budget."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from harness import VOCAB, audit, findings

from auditor.performance import read_funds
from auditor.pipeline import audit_path
from auditor.read import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "performance"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def columns(lines: tuple[str, ...]) -> list[tuple]:
    """(total line, unit, total, [(source, value)…]) of every column checked."""
    out = []
    for block in read_funds(lines, VOCAB):
        for total, parts in block.columns():
            values = [(row.role, cell.figure.value if cell else None) for row, cell in parts]
            out.append((block.total.line, block.unit, total.figure.value, values))
    return out


def D(text: str) -> Decimal:
    return Decimal(text)


def test_correct_tables_are_read_and_silent():
    path = FIXTURES / "performance-ok.txt"
    assert findings(path) == set()
    read = columns(read_source(str(path)).lines)
    assert read == [
        (
            9,
            "万元",
            D("1200.00"),
            [("appropriation", D("1000.00")), ("carryover", D("150.00")), ("other", D("50.00"))],
        ),
        # 年初预算数, 全年预算数, 全年执行数, and the score columns (分值 10, 得分 9.17)
        # whose sources are dashes; 执行率 (a percentage) is not an amount
        (
            19,
            "万元",
            D("100.00"),
            [("appropriation", D("100.00")), ("carryover", D("0.00")), ("other", D("0.00"))],
        ),
        (
            19,
            "万元",
            D("120.00"),
            [("appropriation", D("110.00")), ("carryover", D("10.00")), ("other", D("0.00"))],
        ),
        (
            19,
            "万元",
            D("110.00"),
            [("appropriation", D("102.00")), ("carryover", D("8.00")), ("other", D("0.00"))],
        ),
        (
            19,
            "万元",
            D("10"),
            [("appropriation", D("0")), ("carryover", D("0")), ("other", D("0"))],
        ),
        (
            19,
            "万元",
            D("9.17"),
            [("appropriation", D("0")), ("carryover", D("0")), ("other", D("0"))],
        ),
        (26, "元", D("5230000"), [("appropriation", D("4800000")), ("other", D("430000"))]),
    ]


def test_broken_tables_are_reported_at_their_lines():
    assert findings(FIXTURES / "performance-bad.txt") == {
        ("performance.funds", "error", (9, 10)),  # 其中：财政拨款 1,300.00 > 年度资金总额 1,200.00
        ("performance.funds", "error", (19, 20, 21, 22)),  # 全年执行数 115.00 ≠ 102 + 8 + 0
        ("performance.funds", "error", (26, 27, 28)),  # 5,320,000 元 ≠ 4,800,000 + 430,000
    }


def test_fixtures_differ_only_on_the_slips():
    ok = read_source(str(FIXTURES / "performance-ok.txt")).lines
    bad = read_source(str(FIXTURES / "performance-bad.txt")).lines
    assert [n for n, (a, b) in enumerate(zip(ok, bad, strict=True), 1) if a != b] == [10, 19, 26]


def funds(text: str) -> set[tuple]:
    return {
        (f.rule, f.severity, f.lines) for f in audit(text).findings if f.rule == "performance.funds"
    }


HEAD = "某区数据中心2024年度部门预算\n本年收入预算 1,500.00 万元。\n"


def test_only_some_sources_listed_checks_only_that_none_exceeds():
    text = HEAD + "年度资金总额：\t1,200.00\n其中：财政拨款\t1,000.00\n年度总体目标\t保障运行\n"
    assert funds(text) == set()  # 其他资金 not listed: 1,000 of 1,200 is no error
    assert columns(tuple(text.split("\n")))[0][2:] == (
        D("1200.00"),
        [("appropriation", D("1000.00"))],
    )
    over = text.replace("1,000.00", "1,250.00")
    assert funds(over) == {("performance.funds", "error", (3, 4))}


def test_blank_source_cells_are_not_zeros():
    text = (
        HEAD
        + "\t年度资金总额\t100.00\t110.00\n\t其中：当年财政拨款\t90.00\t100.00\n\t上年结转资金\t\t\n\t其他资金\t\t\n"
    )
    assert funds(text) == set()  # 上年结转 and 其他资金 not filled in: the sum is not known


def test_rounding_is_a_warning():
    text = HEAD + "年度资金总额\t100.01\n其中：财政拨款\t80.00\n其他资金\t20.00\n"
    assert funds(text) == {("performance.funds", "warning", (3, 4, 5))}  # 尾数差异
    assert funds(text.replace("100.01", "100.50")) == {("performance.funds", "error", (3, 4, 5))}


def test_a_row_continued_on_the_next_page_still_meets_its_total():
    # the PDF reader prints the 上年结转 row of a table continued on a new page one cell to
    # the right: a row with one value is matched with the total's one value
    text = (
        HEAD
        + "项目资金（万元）\t年度资金总额：\t1,586.90\t\t执行率分值（10）\n\t其中：财政拨款\t605.00\t\t\n\t\t上年结转\t\t981.90\n\t\t其他资金\t\t-\n"
    )
    assert funds(text) == set()
    assert funds(text.replace("981.90", "918.90")) == {("performance.funds", "error", (3, 4, 5, 6))}


SWU = CORPUS / "pdf" / "swu-2024-budget.pdf"


@pytest.mark.skipif(not SWU.exists(), reason="../shared/corpus not present")
def test_the_26_project_tables_of_a_real_budget_add_up(loaded):
    source = read_source(str(SWU))
    blocks = read_funds(source.lines, VOCAB)
    assert len(blocks) == 26 and all(b.complete and b.unit == "万元" for b in blocks)
    assert all(len(b.columns()) == 1 for b in blocks)  # 执行率分值（10） is not an amount
    result = audit_path(str(SWU), *loaded)
    assert [f for f in result.findings if f.rule == "performance.funds"] == []


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not present")
@pytest.mark.parametrize(
    "path",
    sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf")) if CORPUS.exists() else [],
    ids=lambda p: p.name,
)
def test_no_performance_finding_on_the_real_reports(loaded, path):
    result = audit_path(str(path), *loaded)
    assert [f for f in result.findings if f.rule == "performance.funds"] == []
