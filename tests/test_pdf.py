"""PDF reports end to end: the synthetic PDFs of fixtures/pdf (made by fixtures/pdf/make.py)
checked and extracted through the command line, and every kind of PDF that cannot be read."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
EXAMPLE = PDF / "example-final.pdf"
EXAMPLE_OK = PDF / "example-final-ok.pdf"
SCANNED_PAGE = PDF / "scanned-page.pdf"
UNRULED = PDF / "unruled-final.pdf"
UNRULED_OK = PDF / "unruled-final-ok.pdf"
FLOWING = PDF / "unruled-final-flowing.pdf"

# The deliberate errors of example-final.pdf (example-final-ok.pdf prints the right values).
# One wrong cell in the table breaks two sums: its own row (table.columns) and, as its 合计 row
# was added up from the right value, the 本年支出合计 column (table.total). Nothing else is wrong.
DELIBERATE = {
    "yoy": {
        # 三、支出决算情况说明: 支出合计 1,234.56 up 134.56 on 1,100.00 is 12.23%, printed 12.32%
        "page": 4,
        "lines": [9, 10],  # the amount's line (its digits printed 3 pt low) and the rate's
        "stated": "12.32%",
        "expected": "12.23%",
        "text": "增长12.32%",
    },
    "table.columns": {
        # 支出决算表, continuation page (no header): 229 其他支出 本年支出合计 64.00, but
        # 基本支出 (empty) + 项目支出 54.00 = 54.00
        "page": 3,
        "lines": [5],
        "stated": "64.00万元",
        "expected": "54.00万元",
        "text": "229\t其他支出\t64.00\t\t54.00",
    },
    "table.total": {
        # the same cell seen from its column: 合计 1,234.56 vs Σ类 with 64.00 = 1,244.56
        "page": 3,  # the cited row on the continuation page (with p2 合计 and 类 rows)
        "lines": [5],
        "stated": "1,234.56万元",
        "expected": "1,244.56万元",
        "text": "229\t其他支出\t64.00\t\t54.00",
    },
}

UNREADABLE = {
    "scanned.pdf": "PDF 没有可读的文字（扫描件，或字体没有 Unicode 编码，或字体未嵌入且本机未安装；共 3 页），无法检查",
    "encrypted.pdf": "PDF 已加密，无法读取",
    "truncated.pdf": "PDF 文件已损坏或不完整",
    "zero-pages.pdf": "PDF 没有任何页面",
}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@cache
def checked(path: Path) -> tuple[int, dict, str]:
    result = run("check", "--format", "json", "--jobs", "1", str(path))
    return result.exit_code, json.loads(result.stdout), result.stderr


@cache
def extracted(path: Path) -> dict:
    result = run("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def errors(entry: dict) -> list[dict]:
    return [f for f in entry["findings"] if f["severity"] == "error"]


def line_at(data: dict, page: int, line: int) -> str:
    return next(x["text"] for x in data["lines"] if x["at"] == f"p{page}:L{line}")


# --- example-final.pdf: the deliberate errors, and nothing else ------------------------------


def test_example_exit_code_and_only_the_deliberate_errors():
    code, data, stderr = checked(EXAMPLE)
    assert code == 1 and stderr == ""
    (entry,) = data["files"]
    assert (entry["genre"], entry["year"], entry["pages"], entry["tables"]) == ("决算", 2023, 5, 1)
    assert entry["scanned_pages"] == []
    assert sorted(f["rule"] for f in errors(entry)) == sorted(DELIBERATE)
    assert len(entry["findings"]) == len(DELIBERATE)  # no warning either
    assert data["summary"]["error"] == len(DELIBERATE)


def test_wrong_growth_rate_cited_at_its_page_and_line():
    _, data, _ = checked(EXAMPLE)
    want = DELIBERATE["yoy"]
    (finding,) = [f for f in data["files"][0]["findings"] if f["rule"] == "yoy"]
    assert (finding["severity"], finding["stated"]["text"]) == ("error", want["stated"])
    assert finding["expected"]["text"] == want["expected"]
    assert {c["page"] for c in finding["cited"]} == {want["page"]}
    assert [c["line"] for c in finding["cited"]] == want["lines"]
    (rate,) = [c for c in finding["cited"] if want["stated"] in c["text"]]
    assert want["text"] in rate["text"]
    assert rate["line"] == want["lines"][-1]


def test_wrong_table_row_cited_on_the_continuation_page():
    _, data, _ = checked(EXAMPLE)
    findings = data["files"][0]["findings"]
    for rule in ("table.columns", "table.total"):
        want = DELIBERATE[rule]
        (finding,) = [f for f in findings if f["rule"] == rule]
        assert finding["severity"] == "error"
        assert (finding["stated"]["text"], finding["expected"]["text"]) == (
            want["stated"],
            want["expected"],
        )
        on_page = [c for c in finding["cited"] if c["page"] == want["page"]]
        assert [c["line"] for c in on_page][-1:] == want["lines"]
        assert on_page[-1]["text"] == want["text"]
    (columns,) = [f for f in findings if f["rule"] == "table.columns"]
    assert [(c["page"], c["line"]) for c in columns["cited"]] == [(3, 5)]


def test_cited_lines_are_the_lines_extract_shows():
    _, data, _ = checked(EXAMPLE)
    shown = extracted(EXAMPLE)
    for finding in data["files"][0]["findings"]:
        for c in finding["cited"]:
            assert line_at(shown, c["page"], c["line"]) == c["text"]


def test_terminal_cites_page_and_line():
    result = run("check", "--no-color", "--jobs", "1", str(EXAMPLE))
    assert result.exit_code == 1
    assert f"{EXAMPLE}  2023年度决算" in result.stdout
    assert "错误  第4页第9、10行  yoy（" in result.stdout
    assert "错误  第3页第5行  table.columns（" in result.stdout


def test_corrected_example_is_clean():
    code, data, stderr = checked(EXAMPLE_OK)
    assert code == 0 and stderr == ""
    (entry,) = data["files"]
    assert entry["findings"] == []  # not even a rounding warning: every figure adds up exactly
    assert entry["figures"] == checked(EXAMPLE)[1]["files"][0]["figures"]


# --- what was read ---------------------------------------------------------------------------


def test_lowered_digits_stay_on_their_line():
    data = extracted(EXAMPLE)
    # 2023 and 1,234.56 are printed 3 pt below 年度支出合计 / 万元 on this line
    text = line_at(data, 4, 9)
    assert text == "　　2023年度支出合计1,234.56万元，与2022年度相比，支出合计增"
    assert not any(x["text"].strip() in ("2023", "1,234.56", "20231,234.56") for x in data["lines"])
    facts = [f for f in data["facts"] if f["lines"] == ["p4:L9"]]
    assert [(f["text"], f["concept"], f["role"]) for f in facts] == [
        ("1,234.56万元", "支出合计", "value")
    ]


def test_letter_spaced_header_is_read_as_its_column():
    data = extracted(EXAMPLE)
    assert "本 年 支 出 合 计" in line_at(data, 2, 4)  # printed spaced out, WPS style
    (table,) = data["tables"]
    assert [half["columns"] for half in table["halves"]] == [
        ["本年支出合计", "基本支出", "项目支出"]
    ]
    assert (table["title"], table["line"]) == ("支出决算表", "p2:L2")  # title spaced out too


def test_table_continued_without_header_joins_its_first_part():
    data = extracted(EXAMPLE)
    (table,) = data["tables"]
    assert (table["standard"], table["unit"], table["problem"]) == ("支出表", "万元", None)
    rows = table["rows"]
    assert [r["code"] for r in rows] == [
        None, "208", "20805", "2080505", "2080506", "210", "21011", "2101102",
        "213", "21303", "2130304", "2130306", "2130399",
        "221", "22102", "2210201", "2210203", "229",
    ]  # fmt: skip
    assert rows[0]["label"] == "合计" and rows[0]["line"] == "p2:L6"
    pages = [re.match(r"p(\d+):", r["line"]).group(1) for r in rows]
    assert pages == ["2"] * 13 + ["3"] * 5
    assert [r["line"] for r in rows[13:]] == [f"p3:L{n}" for n in range(1, 6)]
    assert rows[13] == {
        "line": "p3:L1",
        "half": 0,
        "code": "221",
        "label": "住房保障支出",
        "cells": {"本年支出合计": "70.36", "基本支出": "70.36"},
    }
    assert rows[-1]["cells"] == {"本年支出合计": "64.00", "项目支出": "54.00"}
    assert {r["half"] for r in rows} == {0}


def test_lines_restart_on_each_page_and_page_numbers_are_left_out():
    data = extracted(EXAMPLE)
    assert data["pages"] == 5
    firsts = [x for x in data["lines"] if x["at"].endswith(":L1")]
    assert [x["at"] for x in firsts] == ["p1:L1", "p2:L1", "p3:L1", "p4:L1", "p5:L1"]
    # the centred title keeps its column (from the page's left margin)
    assert line_at(data, 1, 1).strip() == "清源市东湖区水务服务中心2023年度部门决算"
    # "- 1 -" … "- 5 -", the last line of every page, is furniture
    assert not [x for x in data["lines"] if re.fullmatch(r"- \d -", x["text"].strip())]


def test_sentence_across_a_page_break_keeps_its_figures():
    data = extracted(EXAMPLE_OK)
    # 六、“三公”经费: "…公务接待费0.60万元，较上年" | (- 4 -) | "减少0.15万元，下降20.00%。"
    last_on_p4 = [x["at"] for x in data["lines"] if x["at"].startswith("p4:")][-1]
    assert last_on_p4 == "p4:L24"
    assert line_at(data, 4, 24).endswith("公务接待费0.60万元，较上年")
    assert line_at(data, 5, 1) == "减少0.15万元，下降20.00%。"
    facts = {(f["text"], f["role"]) for f in data["facts"] if f["lines"] == ["p5:L1"]}
    assert facts == {("0.15万元", "delta"), ("20.00%", "rate")}


# --- unruled-final.pdf: tables printed as text only, no ruling ------------------------------

# The one deliberate error of unruled-final.pdf: 项 2130306 水利工程运行与维护 printed 521.37
# (512.37 is right) in both 本年支出合计 and 项目支出. Its own row still adds up, so the error
# shows only as its 款 21303 水利 not being the sum of its 项, in each of those two columns (a
# row that adds up cannot be wrong in one column alone). The 款's last 项, 2130399, is the
# first row of the continuation page (printed without the table's header).
HIERARCHY = {  # column: (stated, expected)
    "本年支出合计": ("987.85万元", "996.85万元"),
    "项目支出": ("677.37万元", "686.37万元"),
}
HIERARCHY_CITED = [(2, 32), (2, 33), (2, 34), (3, 1)]  # 21303, 2130304, 2130306 | 2130399
HIERARCHY_PARTS = {  # the figure each cited line holds, by column
    "本年支出合计": ["987.85", "355.48", "521.37", "120.00"],
    "项目支出": ["677.37", "45.00", "521.37", "120.00"],
}
SUMMARY_HALVES = [
    {"group": "收入", "columns": ["决算数"]},
    {"group": "支出", "columns": ["决算数"]},
]
EXPENSE_COLUMNS = ["本年支出合计", "基本支出", "项目支出"]
EXPENSE_CODES = [
    None, "208", "20805", "2080505", "2080506", "210", "21011", "2101102",
    "213", "21303", "2130304", "2130306",
    "2130399", "221", "22102", "2210201", "2210203", "229",
]  # fmt: skip


def test_unruled_ok_is_clean():
    code, data, stderr = checked(UNRULED_OK)
    assert code == 0 and stderr == ""
    (entry,) = data["files"]
    assert (entry["genre"], entry["year"], entry["pages"], entry["tables"]) == ("决算", 2023, 4, 2)
    assert errors(entry) == []
    assert entry["findings"] == []  # no table.layout note either: both tables were read
    assert entry["figures"] == checked(UNRULED)[1]["files"][0]["figures"]


def test_unruled_only_the_deliberate_hierarchy_error():
    code, data, stderr = checked(UNRULED)
    assert code == 1 and stderr == ""
    (entry,) = data["files"]
    assert [f["rule"] for f in entry["findings"]] == ["table.hierarchy"] * len(HIERARCHY)
    for finding, (column, (stated, expected)) in zip(
        entry["findings"], HIERARCHY.items(), strict=True
    ):
        assert finding["severity"] == "error"
        assert f"支出决算表“{column}”栏，21303 水利" in finding["message"]
        assert (finding["stated"]["text"], finding["expected"]["text"]) == (stated, expected)
        assert finding["difference"] == {"value": "-9.00", "unit": "万元", "text": "-9.00万元"}
        assert [(c["page"], c["line"]) for c in finding["cited"]] == HIERARCHY_CITED
    assert data["summary"]["error"] == len(HIERARCHY)


def test_unruled_cited_lines_hold_the_figures():
    _, data, _ = checked(UNRULED)
    shown = extracted(UNRULED)
    for finding, column in zip(data["files"][0]["findings"], HIERARCHY, strict=True):
        texts = [c["text"] for c in finding["cited"]]
        assert texts == [line_at(shown, c["page"], c["line"]) for c in finding["cited"]]
        assert [t.split()[0] for t in texts] == ["21303", "2130304", "2130306", "2130399"]
        for text, figure in zip(texts, HIERARCHY_PARTS[column], strict=True):
            assert figure in text.split()
        assert finding["stated"]["value"] in texts[0].split()


def test_unruled_terminal_cites_both_pages():
    result = run("check", "--no-color", "--jobs", "1", str(UNRULED))
    assert result.exit_code == 1
    cited = "错误  第2页第32–34行，第3页第1行  table.hierarchy（"
    assert result.stdout.count(cited) == len(HIERARCHY)
    assert "错误 2，警告 0，提示 0" in result.stdout


def test_unruled_tables_recognised_with_their_columns():
    data = extracted(UNRULED)
    summary, expense = data["tables"]
    heads = [(t["title"], t["standard"], t["line"]) for t in (summary, expense)]
    assert heads == [("收入支出决算总表", "收支总表", "p2:L2"), ("支出决算表", "支出表", "p2:L18")]
    for table in (summary, expense):
        assert (table["unit"], table["problem"], table["empty"]) == ("万元", None, False)
    # 收入 and 支出, each centred over its two columns, name the halves
    assert summary["halves"] == SUMMARY_HALVES
    # the amount headers, printed between 项目 and 科目编码 | 科目名称, name the columns
    assert expense["halves"] == [{"group": "", "columns": EXPENSE_COLUMNS}]


def test_unruled_summary_rows_side_by_side():
    data = extracted(UNRULED)
    rows = data["tables"][0]["rows"]
    income = [(r["line"], r["label"], r["cells"]) for r in rows if r["half"] == 0]
    expense = [(r["line"], r["label"], r["cells"]) for r in rows if r["half"] == 1]
    assert [label for _, label, _ in income] == [
        "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
        "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
        "本年收入合计", "年初结转和结余", "总计",
    ]  # fmt: skip
    assert [label for _, label, _ in expense] == [
        "一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "农林水支出", "住房保障支出",
        "其他支出", "本年支出合计", "年末结转和结余", "总计",
    ]  # fmt: skip
    assert income[0] == ("p2:L6", "一般公共预算财政拨款收入", {"决算数": "1,200.06"})
    assert income[1][2] == {} and expense[0][2] == {}  # empty cells stay empty
    assert income[7] == ("p2:L13", "其他收入", {"决算数": "34.50"})
    assert expense[3] == ("p2:L9", "农林水支出", {"决算数": "987.85"})
    assert income[-1] == ("p2:L16", "总计", {"决算数": "1,254.56"})
    assert expense[-1] == ("p2:L16", "总计", {"决算数": "1,254.56"})
    assert all(r["code"] is None for r in rows)


def test_unruled_expense_table_continues_on_the_next_page():
    data = extracted(UNRULED)
    rows = data["tables"][1]["rows"]
    assert [r["code"] for r in rows] == EXPENSE_CODES
    assert {r["half"] for r in rows} == {0}
    assert rows[0] == {
        "line": "p2:L23",
        "half": 0,
        "code": None,
        "label": "合计",
        "cells": {"本年支出合计": "1,234.56", "基本支出": "503.19", "项目支出": "731.37"},
    }
    assert rows[3]["label"] == "机关事业单位基本养老保险缴费支出"
    assert rows[3]["cells"] == {"本年支出合计": "62.40", "基本支出": "62.40"}  # 项目支出 empty
    assert rows[11]["cells"] == {"本年支出合计": "521.37", "项目支出": "521.37"}  # 基本 empty
    # the rows after the page break, under no header, cite page 3 from its first line
    pages = [re.match(r"p(\d+):", r["line"]).group(1) for r in rows]
    assert pages == ["2"] * 12 + ["3"] * 6
    assert [r["line"] for r in rows[12:]] == [f"p3:L{n}" for n in range(1, 7)]
    assert rows[12] == {
        "line": "p3:L1",
        "half": 0,
        "code": "2130399",
        "label": "其他水利支出",
        "cells": {"本年支出合计": "120.00", "项目支出": "120.00"},
    }
    assert rows[-1]["cells"] == {"本年支出合计": "54.00", "项目支出": "54.00"}


def test_unruled_narrative_is_compared_with_the_tables():
    """The ok file is clean because its 情况说明 agrees with the tables, not because nothing
    was compared: its text with 基本支出 503.19 changed to 530.19 is a table.narrative error."""
    data = extracted(UNRULED_OK)
    facts = {(f["text"], f["concept"]) for f in data["facts"] if f["lines"] == ["p4:L3"]}
    assert {("1,234.56万元", "支出合计"), ("503.19万元", "基本支出")} <= facts
    text = "\n".join(x["text"] for x in data["lines"])
    assert text.count("基本支出503.19万元") == 2
    result = CliRunner().invoke(
        main,
        ["check", "--format", "json", "--select", "table.narrative", "-"],
        input=text.replace("基本支出503.19万元", "基本支出530.19万元").encode(),
    )
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert result.exit_code == 1
    assert {(f["rule"], f["stated"]["text"]) for f in findings} == {
        ("table.narrative", "530.19万元")
    }


def test_unruled_table_continued_on_a_page_of_body_text():
    """unruled-final-flowing.pdf: unruled-final.pdf with the 情况说明 set straight after the
    table's end on its continuation page. Same table, same error, same lines."""
    code, data, _ = checked(FLOWING)
    (entry,) = data["files"]
    shown = extracted(FLOWING)
    (expense,) = [t for t in shown["tables"] if t["standard"] == "支出表"]
    assert expense["problem"] is None
    assert expense["halves"] == [{"group": "", "columns": EXPENSE_COLUMNS}]
    assert [r["code"] for r in expense["rows"]] == EXPENSE_CODES
    assert [r["line"] for r in expense["rows"][12:]] == [f"p3:L{n}" for n in range(1, 7)]
    assert expense["rows"] == extracted(UNRULED)["tables"][1]["rows"]
    found = [(f["rule"], f["stated"]["text"], f["expected"]["text"]) for f in entry["findings"]]
    assert found == [("table.hierarchy", *pair) for pair in HIERARCHY.values()]
    for finding in entry["findings"]:
        assert [(c["page"], c["line"]) for c in finding["cited"]] == HIERARCHY_CITED
    assert code == 1


# --- a page that is only an image ------------------------------------------------------------


def test_scanned_page_is_said_and_the_rest_checked():
    code, data, stderr = checked(SCANNED_PAGE)
    assert code == 0 and stderr == ""
    (entry,) = data["files"]
    assert (entry["pages"], entry["scanned_pages"]) == (6, [2])
    assert (
        entry["tables"] == 1 and entry["figures"] == checked(EXAMPLE_OK)[1]["files"][0]["figures"]
    )
    assert not [c for f in entry["findings"] for c in f["cited"] if c["page"] == 2]
    assert entry["findings"] == []


def test_scanned_page_in_terminal_and_extract():
    result = run("check", "--no-color", "--jobs", "1", str(SCANNED_PAGE))
    assert result.exit_code == 0
    assert "第 2 页没有可读的文字层" in result.stdout
    data = extracted(SCANNED_PAGE)
    assert (data["pages"], data["scanned_pages"]) == (6, [2])
    assert not any("清源市" in x["text"] for x in data["lines"] if x["at"].startswith("p2:"))
    # everything after the image page moved one page on, nothing lost
    (table,) = data["tables"]
    assert (table["line"], table["rows"][-1]["line"]) == ("p3:L2", "p4:L5")


# --- files that cannot be read ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_pdf_is_one_line_on_stderr(name):
    path = PDF / name
    result = run("check", "--jobs", "1", str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [f"auditor: {path}: {UNREADABLE[name]}"]
    assert re.search(r"[\u4e00-\u9fff]", UNREADABLE[name])
    assert "error" not in result.stdout and "错误 " not in result.stdout


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_pdf_in_json(name):
    code, data, stderr = checked(PDF / name)
    assert code == 2
    assert stderr.splitlines() == [f"auditor: {PDF / name}: {UNREADABLE[name]}"]
    (entry,) = data["files"]
    assert (entry["error"], entry["findings"]) == (UNREADABLE[name], [])
    assert data["summary"]["unreadable"] == 1
    assert data["summary"]["error"] == data["summary"]["warning"] == 0


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_pdf_extract(name):
    result = run("extract", "--format", "json", str(PDF / name))
    assert result.exit_code == 2 and result.stdout == ""
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [f"auditor: {PDF / name}: {UNREADABLE[name]}"]


def test_batch_goes_on_past_unreadable_files():
    bad = [str(PDF / name) for name in sorted(UNREADABLE)]
    result = run("check", "--format", "json", str(EXAMPLE), *bad, str(EXAMPLE_OK))
    assert result.exit_code == 2  # a file could not be read, though others had findings
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [str(EXAMPLE), *bad, str(EXAMPLE_OK)]
    first, *unread, last = data["files"]
    assert sorted(f["rule"] for f in errors(first)) == sorted(DELIBERATE)
    assert last["findings"] == [] and "error" not in last
    assert [f["error"] for f in unread] == [UNREADABLE[name] for name in sorted(UNREADABLE)]
    assert sorted(result.stderr.splitlines()) == sorted(
        f"auditor: {PDF / name}: {reason}" for name, reason in UNREADABLE.items()
    )
    assert data["summary"]["unreadable"] == len(UNREADABLE)
    assert data["summary"]["error"] == len(DELIBERATE)


def test_batch_terminal_with_one_encrypted_file():
    encrypted = PDF / "encrypted.pdf"
    result = run("check", "--no-color", "--jobs", "1", str(EXAMPLE_OK), str(encrypted))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"auditor: {encrypted}: PDF 已加密，无法读取"]
    assert f"{EXAMPLE_OK}  2023年度决算" in result.stdout


def test_text_layer_without_unicode_is_not_passed_as_clean():
    path = PDF / "no-unicode.pdf"
    result = run("check", "--jobs", "1", str(path))
    assert "Traceback" not in result.output
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"auditor: {path}: ")
    assert (
        line
        == f"auditor: {path}: PDF 没有可读的文字（扫描件，或字体没有 Unicode 编码，或字体未嵌入且本机未安装；共 1 页），无法检查"
    )


# --- the fixtures are what they claim to be ---------------------------------------------------


def test_fixture_files_are_small_and_truncated_is_half_the_example():
    for path in PDF.glob("*.pdf"):
        assert path.stat().st_size < 60_000, path.name
    whole = EXAMPLE.read_bytes()
    assert (PDF / "truncated.pdf").read_bytes() == whole[: len(whole) // 2]


def test_zero_pages_pdf_is_well_formed():
    data = (PDF / "zero-pages.pdf").read_bytes()
    start = int(re.search(rb"startxref\s+(\d+)", data).group(1))
    assert data[start:].startswith(b"xref")
    offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", data)]
    assert len(offsets) == 3
    for n, offset in enumerate(offsets, 1):
        assert data[offset:].startswith(b"%d 0 obj" % n)
    assert b"/Count 0" in data and b"/Kids []" in data


def test_image_pages_have_no_text_at_all():
    import pdfplumber

    with pdfplumber.open(SCANNED_PAGE) as pdf:
        assert [bool(p.chars) for p in pdf.pages] == [True, False, True, True, True, True]
        assert pdf.pages[1].images and not pdf.pages[1].lines and not pdf.pages[1].rects
    with pdfplumber.open(PDF / "scanned.pdf") as pdf:
        assert len(pdf.pages) == 3
        assert all(p.images and not p.chars for p in pdf.pages)


def test_encrypted_pdf_opens_with_its_password():
    import pdfplumber

    with pdfplumber.open(PDF / "encrypted.pdf", password="user-secret") as pdf:
        assert len(pdf.pages) == 5
        # (its Chinese reads as (cid:N) once decrypted: pdfminer's limit, not the report's)
        assert "1,234.56" in (pdf.pages[1].extract_text() or "")
