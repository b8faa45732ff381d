"""The table reader on real and hand-made layouts: what it recognises, and that a table
reads the same whether its cells are tab-separated or laid out with spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from auditor.tables.read import read_tables
from auditor.text.width import display_width

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"
WUCHANG = SEEDS / "wuchang-2023-final.txt"


def lines_of(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").split("\n"))


def to_spaces(lines: tuple[str, ...], centred: bool = False) -> tuple[str, ...]:
    """Lay every run of tab-separated lines out in aligned columns, as pdftotext -layout
    does: numbers right-aligned, text left-aligned (or centred: a cell of the top row
    followed by empty ones is merged with them and centred over them), cells two spaces
    apart."""
    out = list(lines)
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        block = []
        while i < len(lines) and ("\t" in lines[i] or not lines[i].strip()):
            if "\t" in lines[i]:
                block.append(i)
            i += 1
        rows = {k: lines[k].split("\t") for k in block}
        count = max(len(r) for r in rows.values())
        widths = [
            max((display_width(r[c]) for r in rows.values() if c < len(r)), default=0)
            for c in range(count)
        ]
        for k, row in rows.items():
            row = row + [""] * (count - len(row))
            top = k == block[0]
            cells, c = [], 0
            while c < count:
                span = 1
                while top and centred and row[c] and c + span < count and not row[c + span]:
                    span += 1
                width = sum(widths[c : c + span]) + 2 * (span - 1)
                text, pad = row[c], width - display_width(row[c])
                if regex.fullmatch(r"[\d,.\-]+", text):
                    cells.append(" " * pad + text)
                elif centred and text:
                    cells.append(" " * (pad // 2) + text + " " * (pad - pad // 2))
                else:
                    cells.append(text + " " * pad)
                c += span
            out[k] = "  ".join(cells).rstrip()
    return tuple(out)


def summary(tables) -> list[tuple]:
    return [
        (
            t.line,
            t.standard,
            t.empty,
            t.problem,
            [(s.group, [c.name for c in s.columns]) for s in t.segments if s.columns],
            sorted(
                (
                    r.line,
                    r.code or "",
                    r.label,
                    tuple(sorted((k, c.figure.text) for k, c in r.cells.items())),
                )
                for r in t.rows
                if r.cells or r.code
            ),
        )
        for t in tables
        if t.standard
    ]


@pytest.mark.skipif(not WUCHANG.exists(), reason="needs ../shared/corpus")
def test_every_standard_table_of_a_real_report_is_recognised(loaded):
    _, vocab = loaded
    tables = {t.number: t for t in read_tables(lines_of(WUCHANG), vocab) if t.standard}
    shape = {n: (t.standard, t.empty, len(t.rows)) for n, t in tables.items()}
    assert shape == {
        "公开01表": ("收支总表", False, 42),
        "公开02表": ("收入表", False, 20),
        "公开03表": ("支出表", False, 20),
        "公开04表": ("财政拨款收支总表", False, 38),
        "公开05表": ("一般公共预算支出表", False, 20),
        "公开06表": ("一般公共预算基本支出表", False, 83),
        "公开07表": ("政府性基金预算表", True, 1),  # its empty 合计 row
        "公开08表": ("国有资本经营预算表", True, 1),
        "公开09表": ("三公经费表", True, 0),
    }
    assert all(t.problem is None for t in tables.values())
    basic = tables["公开06表"]
    assert [s.group for s in basic.segments] == ["人员经费", "公用经费", "公用经费"]
    totals = {r.label: r.cells["决算数"].figure.text for r in basic.rows if r.is_total}
    assert totals == {
        "人员经费合计": "407.42",
        "公用经费合计": "74.32",
    }  # 74.32 sits two columns over
    general = tables["公开05表"]
    assert [c.name for c in general.segments[0].columns] == [
        "本年支出/小计",
        "本年支出/基本支出",
        "本年支出/项目支出",
    ]
    three = tables["公开09表"]
    assert "决算数/公务用车购置及运行维护费/小计" in [c.name for c in three.segments[0].columns]


@pytest.mark.skipif(not WUCHANG.exists(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("centred", [False, True])
def test_spaces_read_like_tabs(loaded, centred):
    _, vocab = loaded
    lines = lines_of(WUCHANG)
    tabbed = summary(read_tables(lines, vocab))
    spaced = summary(read_tables(to_spaces(lines, centred), vocab))
    assert spaced[:6] == tabbed[:6]  # 01–06; 07–09 hold no rows either way
    assert [t[:3] for t in spaced] == [t[:3] for t in tabbed]


@pytest.mark.skipif(not WUCHANG.exists(), reason="needs ../shared/corpus")
def test_real_report_tables_only_draw_rounding_warnings(audit):
    result = audit(WUCHANG.read_text(encoding="utf-8"))
    table = [f for f in result.findings if f.rule.startswith("table.")]
    # 06 表: 301 = 407.13 printed 407.14; 302 = 68.73 printed 68.72; 公用经费 74.33 printed
    # 74.32 — info, for the report declares 尾数误差
    assert sorted((f.rule, f.severity, f.lines[0]) for f in table) == [
        ("table.hierarchy", "info", 279),
        ("table.hierarchy", "info", 279),
        ("table.total", "info", 279),
    ]


TABLE = """某局2024年度部门决算表
一般公共预算财政拨款支出决算表
公开05表
单位：万元
项目\t\t本年支出\t\t
科目代码\t科目名称\t小计\t基本支出\t项目支出
栏次\t\t1\t2\t3
合计\t\t{total}\t300.00\t{project}
201\t一般公共服务支出\t500.00\t300.00\t200.00
20101\t人大事务\t500.00\t300.00\t200.00
2010101\t行政运行\t300.00\t300.00\t
2010199\t其他人大事务支出\t200.00\t\t200.00
注：本表反映部门本年度一般公共预算财政拨款支出情况。
"""


def test_a_consistent_table_passes_and_one_cell_is_caught_on_its_row(audit):
    assert not audit(TABLE.format(total="500.00", project="200.00")).findings
    found = audit(TABLE.format(total="500.00", project="210.00")).findings
    assert {(f.rule, f.severity) for f in found} == {
        ("table.columns", "error"),
        ("table.total", "error"),
    }
    assert all(8 in f.lines for f in found)


def test_rounding_only_total_is_a_warning(audit):
    found = audit(TABLE.format(total="500.01", project="200.00")).findings
    # one 0.01 seen by two rules: one finding, flagged as rounding only
    assert [(f.rules, f.severity, f.rounding_only) for f in found] == [
        (("table.columns", "table.total"), "warning", True)
    ]


def test_unalignable_layout_is_said_not_guessed(audit):
    text = TABLE.replace("\t", "  ").format(total="500.00", project="200.00")
    text = text.replace("201  一般公共服务支出  500.00", "201  一般公共服务支出 500.00  9.99")
    result = audit(text)
    assert [(f.rule, f.severity, f.lines) for f in result.findings] == [
        ("table.layout", "info", (2,))
    ]


def test_declared_empty_table_is_empty_not_missing(loaded):
    _, vocab = loaded
    text = (
        "政府性基金预算财政拨款收入支出决算表\n公开07表\n单位：万元\n"
        "项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余\n"
        "科目代码\t科目名称\t\t\t小计\t基本支出\t项目支出\t\n合计\t\t\t\t\t\t\t\n"
        "注：本表反映政府性基金预算财政拨款收入、支出及结转和结余情况。\n"
        "说明：本单位本年度无政府性基金预算财政拨款收入支出，故本表无数据。\n"
    )
    (table,) = read_tables(tuple(text.split("\n")), vocab)
    assert table.standard == "政府性基金预算表" and table.empty and table.problem is None


FUND = (
    "某局2024年度部门决算\n\n政府性基金预算财政拨款收入支出决算表\n公开07表\n单位：万元\n"
    "项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余\n"
    "科目代码\t科目名称\t\t\t小计\t基本支出\t项目支出\t\n"
    "合计\t\t10.00\t50.00\t45.00\t\t45.00\t15.00\n"
    "229\t其他支出\t10.00\t50.00\t45.00\t\t45.00\t{end}\n"
    "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。\n"
)


def test_carryover_follows_from_income_and_spending(audit):
    assert not audit(FUND.format(end="15.00")).findings
    found = audit(FUND.format(end="5.00")).findings
    assert ("table.carryover", "error", (9,)) in {(f.rule, f.severity, f.lines) for f in found}


def test_a_superscript_digit_is_no_column_number(loaded):
    """ "²" is a digit to str.isdigit but not to int(): a 栏次 test must not choke on it."""
    text = "收入支出决算总表\n²\n单位：万元\n项目\t金额\n²\t1\n本年收入合计\t0.01\n"
    (table,) = read_tables(text.split("\n"), loaded[1])
    assert table.standard and [r.label for r in table.rows][-1] == "本年收入合计"
