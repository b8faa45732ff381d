"""The spreadsheet formats carry every finding the JSON carries, one row each, with the same
rule, severity, message (its citations said in Chinese) and stated figure; figures are
numbers shown as printed; the header row is frozen; CSV is UTF-8 with a byte order mark.
On the fixtures and, when present, a real PDF of ../shared/corpus."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from harness import RULES, VOCAB
from openpyxl import load_workbook

from auditor.cli_io import write_file
from auditor.findings import Finding, Quantity
from auditor.pipeline import FileResult, audit_path
from auditor.reporters import csv_report, json_report, xlsx
from auditor.reporters.citations import chinese
from auditor.reporters.sheet import COLUMNS, REPORT_COLUMNS
from auditor.reporters.terminal import NAME

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT.parent / "shared" / "corpus" / "pdf" / "putuo-planning-2024-final.pdf"
FIXTURES = [
    ROOT / "fixtures" / "example-final.txt",
    *sorted((ROOT / "fixtures" / "diagnosis").glob("*.txt")),
]
UNREADABLE = FileResult("no-such-report.txt", error="文件不存在")
COLUMN = {name: i for i, name in enumerate(COLUMNS)}


@pytest.fixture(scope="module")
def fixtures() -> list[FileResult]:
    return [audit_path(str(p), RULES, VOCAB) for p in FIXTURES] + [UNREADABLE]


@pytest.fixture(scope="module")
def corpus() -> list[FileResult]:
    if not PDF.exists():
        pytest.skip("../shared/corpus not present")
    return [audit_path(str(PDF), RULES, VOCAB)]


def expected(results: list[FileResult]) -> list[tuple[str, dict]]:
    document = json.loads(json_report.dumps(results))
    return [(entry["path"], f) for entry in document["files"] for f in entry["findings"]]


def check_xlsx(results: list[FileResult], tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(xlsx.dumps(results, RULES)))
    assert wb.sheetnames == ["问题", "报告"]
    ws = wb["问题"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:P{ws.max_row}"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    wanted = expected(results)
    assert len(rows) - 1 == len(wanted) > 0
    for i, (row, (path, f)) in enumerate(zip(rows[1:], wanted, strict=True), 2):
        assert row[COLUMN["报告"]] == path
        assert row[COLUMN["规则"]] == f["rule"]
        assert row[COLUMN["标题"]] == f["title"]
        assert row[COLUMN["级别"]] == NAME[f["severity"]]
        assert row[COLUMN["说明"]] == chinese(f["message"])
        assert row[COLUMN["编号"]] == f["id"]
        assert row[COLUMN["尾数差异"]] == ("是" if f["rounding_only"] else "否")
        for name, key in (("报告数", "stated"), ("应为", "expected"), ("差额", "difference")):
            cell, q = ws.cell(row=i, column=COLUMN[name] + 1), f.get(key)
            if q is None:
                assert cell.value is None
            elif q["value"] is None:
                assert cell.value == q["text"]
            else:  # a number, shown with its decimals and unit
                assert isinstance(cell.value, int | float)
                assert Decimal(str(cell.value)) == Decimal(q["value"])
                assert cell.number_format.endswith(f'"{q["unit"]}"' if q["unit"] else "0")
        assert ws.cell(row=i, column=COLUMN["级别"] + 1).fill.fgColor.rgb.endswith(
            {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}[f["severity"]]
        )
    reports = list(wb["报告"].iter_rows(values_only=True))
    assert reports[0] == REPORT_COLUMNS
    assert [r[0] for r in reports[1:]] == [r.path for r in results]
    assert wb["报告"].freeze_panes == "A2"
    for row, r in zip(reports[1:], results, strict=True):
        tally = [sum(f.severity == s for f in r.findings) for s in NAME]
        assert list(row[6:9]) == tally
        assert row[-1] == (r.error or None)


def check_csv(results: list[FileResult]) -> None:
    data = csv_report.dumps(results, RULES)
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    wanted = expected(results)
    assert len(rows) - 1 == len(wanted) > 0
    for row, (path, f) in zip(rows[1:], wanted, strict=True):
        assert row[COLUMN["报告"]] == path
        assert row[COLUMN["规则"]] == f["rule"]
        assert row[COLUMN["级别"]] == NAME[f["severity"]]
        assert row[COLUMN["说明"]] == chinese(f["message"])
        stated = f["stated"]["text"] if "stated" in f else ""
        assert row[COLUMN["报告数"]] == csv_report.cell(stated)
    out = io.StringIO()
    csv_report.write(results, RULES, out)
    assert out.getvalue().encode(csv_report.ENCODING) == data


def test_fixtures_xlsx(fixtures, tmp_path):
    check_xlsx(fixtures, tmp_path)


def test_fixtures_csv(fixtures):
    check_csv(fixtures)


def test_corpus_pdf(corpus, tmp_path):
    check_xlsx(corpus, tmp_path)
    check_csv(corpus)
    ws = load_workbook(io.BytesIO(xlsx.dumps(corpus)))["问题"]
    pages = [row[COLUMN["页"]] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert pages and all(isinstance(p, int) and p > 0 for p in pages)
    assert any("页第" in row[COLUMN["位置"]] for row in ws.iter_rows(min_row=2, values_only=True))


def test_written_whole_in_place_of_the_old_file(fixtures, tmp_path):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old")
    write_file(str(path), xlsx.dumps(fixtures, RULES))  # as check --format xlsx -o writes it
    assert load_workbook(path)["问题"].max_row > 1
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_figures_shown_as_printed():
    cases = {
        "2,946.25万元": '#,##0.00"万元"',
        "3.30%": '0.00"%"',
        "100%": '0"%"',
        "-0.45万元": '0.00"万元"',
        "0.10个百分点": '0.00"个百分点"',
    }
    for printed, fmt in cases.items():
        value = Decimal(printed.split("万")[0].split("%")[0].split("个")[0].replace(",", ""))
        assert xlsx.number_format(Quantity(value, "", printed)) == fmt


def test_report_text_is_never_a_formula():
    f = Finding("share", "error", "=1+1", (1,), stated=Quantity(Decimal("-3.5"), "%", "-3.5%"))
    r = FileResult('=HYPERLINK("x").txt', figures=1, findings=[f])
    ws = load_workbook(io.BytesIO(xlsx.dumps([r])))["问题"]
    assert ws.cell(row=2, column=1).value == r.path
    assert ws.cell(row=2, column=1).data_type == "s"
    assert ws.cell(row=2, column=COLUMN["报告数"] + 1).value == -3.5
    row = list(csv.reader(io.StringIO(csv_report.dumps([r]).decode("utf-8-sig"))))[1]
    assert row[COLUMN["报告"]] == "'" + r.path
    assert row[COLUMN["报告数"]] == "-3.5%"  # a negative figure, no formula: as printed
    assert (
        csv_report.cell("-2+3+cmd") == "'-2+3+cmd" and csv_report.cell("-0.01万元") == "-0.01万元"
    )
    assert ws.cell(row=2, column=COLUMN["说明"] + 1).value == "=1+1"
