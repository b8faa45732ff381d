"""Reports as departments really keep them: the synthetic report of fixtures/formats (made by
its make.py) in every format gives the findings of its text version, each citing in its own
scheme; the real seeds turned into .docx, a web page and one long line (tests/converters.py)
keep their errors and gain none; formats that cannot be read are refused in one line."""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from converters import to_docx, to_html, to_long
from harness import RULES, VOCAB

from auditor.cli import main
from auditor.pipeline import audit_path, audit_source
from auditor.read import read_bytes, read_source

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "fixtures" / "formats"
TEXT = FORMATS / "report.txt"
SEEDS = sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("*.txt"))

# How each format names the lines a finding cites (terminal), and the JSON keys it adds.
SCHEMES = {
    "report.docx": (r"段\d+|表\d+ 第\d+行", {"paragraph", "table", "row"}),
    "report.xlsx": (r"(?:'[^']+'|\w+)![A-Z]+\d+(?::[A-Z]+\d+)?", {"sheet", "cell", "row"}),
    "report.xls": (r"(?:'[^']+'|\w+)![A-Z]+\d+(?::[A-Z]+\d+)?", {"sheet", "cell", "row"}),
    "report.html": (r"L\d+|表\d+ 第\d+行", {"table", "row"}),
    "report-gbk.html": (r"L\d+|表\d+ 第\d+行", {"table", "row"}),
    "report-long.txt": (r"1:\d+", {"column"}),
}


def key(finding) -> tuple:
    """What a finding says, wherever it is: its rule, severity and figures."""
    text = lambda q: q.text if q else None  # noqa: E731
    return finding.rule, finding.severity, text(finding.stated), text(finding.expected)


def keys(findings) -> Counter:
    return Counter(key(f) for f in findings)


def text_findings():
    result = audit_path(str(TEXT), RULES, VOCAB)
    assert result.error is None
    return result.findings


def test_the_text_report_has_its_five_deliberate_errors():
    assert sorted(f.rule for f in text_findings()) == sorted(
        ["table.narrative", "table.columns", "table.total", "yoy", "share"]
    )


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_each_format_gives_the_findings_of_the_text(name):
    result = audit_path(str(FORMATS / name), RULES, VOCAB)
    assert result.error is None, result.error
    assert keys(result.findings) == keys(text_findings())
    assert result.tables == 9 or name == "report-long.txt"
    pattern, fields = SCHEMES[name]
    for finding in result.findings:
        for place in finding.cited:
            assert re.fullmatch(pattern, str(place)), (name, str(place))
            assert set(dict(place.fields)) <= fields | {"column"}
        # messages name lines as the reader finds them, never as 第n行 of a text file
        assert not re.search(r"第[\d,]+行", re.sub(r"表\d+ 第\d+行", "", finding.message))


def test_two_files_are_one_report():
    runner = CliRunner()
    files = [str(FORMATS / "narrative.docx"), str(FORMATS / "tables.xlsx")]
    result = runner.invoke(main, ["check", "--format", "json", "--as-one", *files])
    assert result.exit_code == 1, result.output
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["tables"] == 9
    got = Counter(
        (f["rule"], f["severity"], f["stated"]["text"], f["expected"]["text"])
        for f in entry["findings"]
    )
    assert got == keys(text_findings())
    narrative = next(f for f in entry["findings"] if f["rule"] == "table.narrative")
    assert {c["file"] for c in narrative["cited"]} == {"narrative.docx", "tables.xlsx"}
    assert any("paragraph" in c for c in narrative["cited"])
    assert any("sheet" in c for c in narrative["cited"])
    terminal = runner.invoke(main, ["check", "--no-color", "--as-one", *files]).stdout
    assert re.search(
        r"^  错误  narrative\.docx:段\d+，tables\.xlsx:'01 收入支出决算总表'!", terminal, re.M
    )


def test_a_spreadsheet_keeps_its_places_and_reads_formulas_cached():
    source = read_source(str(FORMATS / "report.xlsx"))
    text = read_source(str(TEXT))
    rows = {line for line in text.lines if "\t" in line}
    # 63.50 is stored as 63.5 shown "0.00"; the 合计 of the 收入决算表 is a formula
    assert "合计\t\t1816.97\t1747.22\t\t63.50\t\t\t6.25" in source.lines
    assert {line for line in source.lines if "\t" in line} == rows
    columns = next(
        f
        for f in audit_path(str(FORMATS / "report.xlsx"), RULES, VOCAB).findings
        if f.rule == "table.columns"
    )
    assert [str(p) for p in columns.cited] == ["'03 支出决算表'!C8"]  # the 1836.17 cell


def test_a_word_document_leaves_out_its_header_and_footer():
    lines = read_source(str(FORMATS / "report.docx")).lines
    assert not any("内部审核稿" in line or line.strip() == "- 1 -" for line in lines)
    text = [line for line in read_source(str(TEXT)).lines if line.strip()]
    assert [line for line in lines if line.strip()] == text


@pytest.mark.parametrize("name", ["report.html", "report-gbk.html"])
def test_a_web_page_is_read_without_its_chrome(name):
    lines = read_source(str(FORMATS / name)).lines
    assert not any(
        bad in line for line in lines for bad in ("9999.99", "首页", "版权所有", "1.00万元")
    )
    text = [line for line in read_source(str(TEXT)).lines if line.strip()]
    assert list(lines) == text  # colspan and rowspan give back the tab copy


def test_json_of_every_format_is_valid_v2():
    from test_json_v2 import assert_valid, v2

    for name in SCHEMES:
        data = v2(audit_path(str(FORMATS / name), RULES, VOCAB))
        assert_valid(data)
    data = v2(
        audit_path((str(FORMATS / "narrative.docx"), str(FORMATS / "tables.xlsx")), RULES, VOCAB)
    )
    assert_valid(data)


def test_text_and_pdf_citations_do_not_move():
    (finding,) = [f for f in text_findings() if f.rule == "table.narrative"]
    assert [str(p) for p in finding.cited] == ["42", "260"] and "第260行" in finding.message
    assert all(not p.fields and not p.where for p in finding.cited)


def _errors(source) -> Counter:
    found = audit_source(source, RULES, VOCAB).findings
    return Counter(
        (f.rule, f.stated.text if f.stated else None) for f in found if f.severity == "error"
    )


@pytest.mark.skipif(not SEEDS, reason="../shared/corpus not present")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_as_docx_and_web_page_keeps_its_errors(seed):
    source = read_source(str(seed))
    lines = list(source.lines)
    expected = _errors(source)
    assert _errors(read_bytes(f"{seed.stem}.docx", to_docx(lines))) == expected
    assert _errors(read_bytes(f"{seed.stem}.html", to_html(lines))) == expected
    assert _errors(read_bytes(f"{seed.stem}.htm", to_html(lines, "gbk"))) == expected


@pytest.mark.skipif(not SEEDS, reason="../shared/corpus not present")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("joiner", ["", " "], ids=["nothing", "space"])
def test_seed_on_one_line_gains_no_error(seed, joiner):
    source = read_source(str(seed))
    flowed = read_bytes(f"{seed.stem}.txt", to_long(list(source.lines), joiner))
    assert len(flowed.lines) > 100  # split back into sentences and rows
    assert not (_errors(flowed) - _errors(source))


REFUSED = {
    "report.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "请另存为 .docx 或 PDF"),
    "report.wps": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "WPS 文字"),
    "report.et": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "请另存为 .xlsx"),
    "report.rtf": (rb"{\rtf1\ansi 1,234.00}", "RTF"),
    "scan.png": (b"\x89PNG\r\n\x1a\n" + bytes(64), "图片"),
    "scan.jpg": (b"\xff\xd8\xff\xe0" + bytes(64), "图片"),
    "reports.zip": (None, "请解压"),
    "report.ods": (None, "请另存为 .xlsx"),
    "report.odt": (None, "请另存为 .docx 或 PDF"),
    "report.ofd": (None, "OFD"),
}


def _zip(name: str) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        if name.endswith(".ods"):
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        elif name.endswith(".odt"):
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        elif name.endswith(".ofd"):
            z.writestr("OFD.xml", "<ofd:OFD/>")
        else:
            z.writestr("report.txt", "2023年度部门决算 合计 1,234.00万元")
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_formats_not_read_are_refused_in_one_line(tmp_path, name):
    data, words = REFUSED[name]
    path = tmp_path / name
    path.write_bytes(data if data is not None else _zip(name))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"auditor: {path}: ") and words in line, line
    assert result.stdout.strip() == ""  # never findings


def test_a_web_page_in_layout_tables_with_its_title_inside_the_table():
    page = """<html><head><meta charset="gb2312"><style>td{}</style></head><body>
    <table><tr><td><div class="menu">首页 | 公开 100.00万元</div></td></tr>
    <tr><td><p>一、收入支出决算总体情况说明</p>
    <table border=1>
    <tr><td colspan=3>收入决算表</td></tr>
    <tr><td colspan=3>单位：万元</td></tr>
    <tr><th rowspan=2>项目</th><th colspan=2>本年收入</th></tr>
    <tr><th>财政拨款</th><th>其他</th></tr>
    <tr><td>合计</td><td>1,234.50</td><td>&nbsp;</td></tr>
    <tr><td>注：本表反映收入。</td><td></td><td></td></tr>
    </table></td></tr></table></body></html>"""
    source = read_bytes("page.htm", page.encode("gbk"))
    assert list(source.lines) == [
        "一、收入支出决算总体情况说明",
        "收入决算表",
        "单位：万元",
        "项目\t本年收入\t",
        "\t财政拨款\t其他",
        "合计\t1,234.50\t",
        "注：本表反映收入。",
    ]
    assert [str(source.place(n)) for n in (1, 2, 6)] == ["L1", "表1 第1行", "表1 第5行"]


def test_a_sheet_without_a_title_row_is_headed_by_its_name():
    import io

    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "收入决算表"
    ws.append(["项目", "金额", "占比"])
    ws.append(["合计", 2360.7, 0.0384])
    ws["B2"].number_format = "#,##0.00"
    ws["C2"].number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    source = read_bytes("t.xlsx", out.getvalue())
    assert list(source.lines) == ["收入决算表", "项目\t金额\t占比", "合计\t2,360.70\t3.84%"]
    assert [str(source.place(n)) for n in (1, 2, 3)] == [
        "收入决算表",
        "收入决算表!A1:C1",
        "收入决算表!A2:C2",
    ]
    assert str(source.cited(3, {Decimal("2360.70")})) == "收入决算表!B2"


def test_a_folder_of_formats_is_checked_file_by_file(tmp_path):
    import shutil

    for name in ("report.docx", "report.xlsx", "report.html", "report.txt"):
        shutil.copy(FORMATS / name, tmp_path / name)
    (tmp_path / "~$report.docx").write_bytes(b"\x00" * 162)  # Word's lock file: not a report
    result = CliRunner().invoke(main, ["check", "--format", "json", "-j", "1", str(tmp_path)])
    files = json.loads(result.stdout)["files"]
    assert [Path(f["path"]).name for f in files] == sorted(
        ["report.docx", "report.html", "report.txt", "report.xlsx"]
    )
    assert len({len(f["findings"]) for f in files}) == 1


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("broken.docx", b"PK\x03\x04" + bytes(100), ".docx 文件已损坏"),
        ("broken.xlsx", b"PK\x03\x04" + bytes(100), ".xlsx 文件已损坏"),
        ("renamed.xlsx", "2023年度部门决算 合计 1,234.00万元".encode(), "不是 .xlsx 文件"),
        ("empty.html", b"<html><body><script>var a = 1;</script></body></html>", "没有任何正文"),
    ],
)
def test_damaged_files_are_unreadable_in_one_line(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    result = audit_path(str(path), RULES, VOCAB)
    assert result.error and words in result.error and not result.findings
