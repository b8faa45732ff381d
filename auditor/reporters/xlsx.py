"""An Excel workbook: sheet 问题, one row per finding (sheet.COLUMNS), its figures numbers shown
as the report prints them (2,946.25万元, 3.30%, -0.45万元: the value, with a number format of
its decimals and unit); sheet 报告, one row per report. Header rows frozen, autofilter on,
severity cells coloured. Written whole to a temporary file beside the target, then put in
its place."""

from __future__ import annotations

import io
import re
import unicodedata

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from auditor.findings import Quantity
from auditor.pipeline import FileResult
from auditor.reporters.sheet import (
    COLUMNS,
    REPORT_COLUMNS,
    Cell,
    finding_rows,
    report_row,
)
from auditor.reporters.terminal import NAME
from auditor.rules import Rule

FINDINGS, REPORTS = "问题", "报告"
FILL = {  # Excel's own "bad", "neutral" and a light blue
    NAME["error"]: PatternFill("solid", fgColor="FFC7CE"),
    NAME["warning"]: PatternFill("solid", fgColor="FFEB9C"),
    NAME["info"]: PatternFill("solid", fgColor="DDEBF7"),
}
HEADER = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
# widest a column grows to (in Excel's character widths; a Chinese character is two)
WIDEST = {"说明": 70, "原因分析": 60, "原文": 70, "报告": 40, "无法读取原因": 50}
NARROWEST, WIDE = 6, 30
MAX_TEXT = 32767  # Excel's limit on a cell's characters
# a figure as printed: sign, digits (grouped or not), decimals, then its unit
PRINTED = re.compile(r"([-+−]?)(\d[\d,]*)(?:\.(\d+))?(.*)")


def number_format(q: Quantity) -> str:
    """#,##0.00"万元": the figure shown as its text shows it (grouped digits, as many
    decimals, the unit after it); from its value and unit if the text says otherwise."""
    m = PRINTED.fullmatch(q.text.strip())
    if m:
        grouped, decimals, unit = "," in m.group(2), len(m.group(3) or ""), m.group(4).strip()
    else:
        exponent = q.value.as_tuple().exponent if q.value is not None else 0
        grouped, decimals, unit = (
            True,
            max(-exponent, 0) if isinstance(exponent, int) else 0,
            q.unit,
        )
    digits = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    unit = unit.replace('"', "")
    return f'{digits}"{unit}"' if unit else digits


def text(value: str) -> str:
    """What a cell can hold: no control characters XML forbids, at most Excel's length."""
    return ILLEGAL_CHARACTERS_RE.sub(" ", value)[:MAX_TEXT]


def put(ws: Worksheet, row: int, column: int, value: Cell) -> None:
    """A cell: a figure as a number with its format (words as text), text never a formula."""
    if value is None or value == "":
        return  # an empty cell, not an empty string
    cell = ws.cell(row=row, column=column)
    if isinstance(value, Quantity):
        if value.value is None:
            value = value.text
        else:
            cell.value = float(value.value)
            cell.number_format = number_format(value)
            return
    if isinstance(value, str):
        cell.value = text(value)
        cell.data_type = "s"  # "=…" from a report stays text, not a formula
    else:
        cell.value = value


def shown(value: object) -> str:
    if isinstance(value, Quantity):
        return value.text
    return "" if value is None else str(value)


def width(value: str) -> int:
    """Excel's character widths of the longest line: a Chinese character counts two."""
    return max(
        (
            sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            for line in value.split("\n")
        ),
        default=0,
    )


def table(ws: Worksheet, columns: tuple[str, ...], rows: list[list[Cell]]) -> None:
    """A header row, frozen and filtered, then the rows; each column as wide as its
    contents within bounds."""
    for j, name in enumerate(columns, 1):
        cell = ws.cell(row=1, column=j, value=name)
        cell.font, cell.fill = HEADER, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    widest = [width(name) for name in columns]
    for i, row in enumerate(rows, 2):
        for j, value in enumerate(row, 1):
            put(ws, i, j, value)
            widest[j - 1] = max(widest[j - 1], width(shown(value)))
    for j, name in enumerate(columns, 1):
        limit = WIDEST.get(name, WIDE)
        ws.column_dimensions[get_column_letter(j)].width = max(
            NARROWEST, min(widest[j - 1] + 2, limit)
        )
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def workbook(results: list[FileResult]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = FINDINGS
    rows = finding_rows(results)
    table(ws, COLUMNS, rows)
    severity = COLUMNS.index("级别") + 1
    for i in range(2, len(rows) + 2):
        cell = ws.cell(row=i, column=severity)
        if cell.value in FILL:
            cell.fill = FILL[cell.value]
    for name in ("说明", "原因分析", "原文"):  # long text: top-aligned, wrapped
        j = COLUMNS.index(name) + 1
        for i in range(2, len(rows) + 2):
            ws.cell(row=i, column=j).alignment = Alignment(wrap_text=True, vertical="top")
    table(wb.create_sheet(REPORTS), REPORT_COLUMNS, [report_row(r) for r in results])
    return wb


def dumps(results: list[FileResult], rules: list[Rule] | None = None) -> bytes:
    """The whole workbook as the bytes of an .xlsx file."""
    out = io.BytesIO()
    workbook(results).save(out)
    return out.getvalue()
