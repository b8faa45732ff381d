"""What the spreadsheet formats (xlsx, csv) say alike: one row per finding, in the columns a
clerk filters and sorts by (report, page, lines as 第7页第12行, rule, severity in Chinese, the
figures, the culprit, whether only rounding, the cited lines' text), and one row per report."""

from __future__ import annotations

import re

from auditor.findings import Finding, Quantity
from auditor.pipeline import FileResult
from auditor.reporters.citations import chinese, places
from auditor.reporters.machine import anchor, page_of
from auditor.reporters.summary import counts, pages
from auditor.reporters.terminal import NAME

# the finding sheet's columns, in order; 报告数, 应为 and 差额 hold a Quantity (a number in
# .xlsx, its text in .csv)
COLUMNS = (
    "报告",
    "页",
    "位置",
    "规则",
    "标题",
    "级别",
    "说明",
    "报告数",
    "应为",
    "应为范围",
    "差额",
    "原因分析",
    "尾数差异",
    "原文",
    "并入规则",
    "编号",
)
REPORT_COLUMNS = (
    "报告",
    "类型",
    "年度",
    "页数",
    "读出数字",
    "标准表",
    *(NAME[name] for name in NAME),
    "尾数差异",
    "无法读取的页",
    "无法读取原因",
)
YES, NO = "是", "否"
SPACES = re.compile(r"\s+")

Cell = str | int | Quantity | None


def expected_range(f: Finding) -> str:
    """420.59万元–420.62万元: the range the stated inputs allow, when recomputed."""
    if f.expected_low is None or f.expected_high is None:
        return ""
    return f"{f.expected_low.text}–{f.expected_high.text}"


def source_text(f: Finding) -> str:
    """The cited lines as the report prints them, each on one line (spaces collapsed)."""
    return "\n".join(SPACES.sub(" ", p.text).strip() for p in f.cited)


def finding_row(r: FileResult, f: Finding) -> list[Cell]:
    """One finding, in COLUMNS order."""
    shown = anchor(f)
    return [
        r.path,
        page_of(shown) if shown else None,
        places(f.cited) or "全文",
        f.rule,
        f.title,
        NAME.get(f.severity, f.severity),
        chinese(f.message),
        f.stated,
        f.expected,
        expected_range(f),
        f.difference,
        chinese(f.culprit.explanation) if f.culprit else "",
        YES if f.rounding_only else NO,
        source_text(f),
        "、".join(g.rule for g in f.also),
        f.id,
    ]


def finding_rows(results: list[FileResult]) -> list[list[Cell]]:
    return [finding_row(r, f) for r in results for f in r.findings]


def report_row(r: FileResult) -> list[Cell]:
    """One report, in REPORT_COLUMNS order."""
    tally = counts([r])
    return [
        r.path,
        r.genre or "",
        r.year,
        r.pages or None,
        r.figures,
        r.tables,
        *(tally[name] for name in NAME),
        sum(1 for f in r.findings if f.rounding_only),
        pages(r.scanned),
        r.error or "",
    ]
