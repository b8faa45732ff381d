"""The command line: exit codes, formats, rule selection, and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "example-final.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_example_has_errors_and_exit_1():
    result = run("check", "--no-color", str(EXAMPLE))
    assert result.exit_code == 1
    assert "share" in result.output and "错误" in result.output
    assert "错误 4" in result.output
    assert f"{EXAMPLE}  2023年度决算" in result.output
    assert "错误  第22、24行  share（" in result.output  # plain line numbers for text


def test_json_schema():
    result = run("check", "--format", "json", str(EXAMPLE))
    data = json.loads(result.output)
    assert data["version"] == 2
    (entry,) = data["files"]
    assert (entry["genre"], entry["year"]) == ("决算", 2023)
    assert entry["figures"] > 20
    finding = next(f for f in entry["findings"] if f["rule"] == "share")
    assert set(finding) == {
        "id", "rule", "title", "severity", "message", "cited", "stated", "expected", "difference",
        "rounding_only", "rules", "related", "culprit",
    }  # fmt: skip
    # 3.30% is the slip (3.20% makes the share and the shares' sum both hold)
    assert finding["culprit"]["suggested"]["text"] == "3.20%" and len(finding["related"]) == 1
    assert finding["rules"] == ["share"] and finding["rounding_only"] is False
    assert finding["title"] and len(finding["id"]) == 12
    assert [c["line"] for c in finding["cited"]] == [22, 24]
    assert all(set(c) == {"line", "text"} and c["text"] for c in finding["cited"])  # no page
    assert finding["stated"] == {"value": "3.30", "unit": "%", "text": "3.30%"}
    expected = finding["expected"]
    assert (expected["value"], expected["unit"], expected["text"]) == ("3.20", "%", "3.20%")
    assert (expected["low"]["text"], expected["high"]["text"]) == ("3.202%", "3.204%")  # outward
    assert (expected["low"]["value"], expected["high"]["value"]) == ("3.202", "3.204")
    assert finding["difference"]["unit"] == "个百分点"
    assert data["summary"]["error"] == len(
        [f for f in entry["findings"] if f["severity"] == "error"]
    )


def test_select_ignore_and_fail_on(tmp_path):
    only = json.loads(
        run("check", "--format", "json", "--select", "direction", str(EXAMPLE)).output
    )
    assert {f["rule"] for f in only["files"][0]["findings"]} == {"direction"}
    rest = json.loads(
        run("check", "--format", "json", "--ignore", "sh", "--ignore", "sum", str(EXAMPLE)).output
    )
    assert {f["rule"] for f in rest["files"][0]["findings"]} == {"direction"}
    assert run("check", "--select", "nothing-matches", str(EXAMPLE)).exit_code == 2


def test_stdin_and_directory(tmp_path):
    assert run("check", "-", input=EXAMPLE.read_bytes()).exit_code == 1
    (tmp_path / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("2023年度收入合计100.00万元。\n", encoding="utf-8")
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt", "b.txt"]


def test_gbk_and_utf8_bom_read_alike(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    a, b = data["files"]
    assert a["findings"] == b["findings"] and a["findings"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "文件为空"),
        (b"  \n\n", "文件为空"),
        (b"\x00\x01\x02binary\x00" * 50, "不是文本文件"),
        (b"%PDF-1.7\n...", "PDF"),
        (bytes(range(128, 256)) * 4, "无法识别的编码"),
    ],
)
def test_bad_files_one_line_exit_2(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert any(str(path) in line and reason in line for line in lines)
    assert "Traceback" not in result.output


def test_bad_file_does_not_stop_the_batch(tmp_path):
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(EXAMPLE.read_bytes())
    result = run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    data = json.loads(result.output[result.output.index("{") :])
    assert data["files"][0]["error"] == "文件为空" and data["files"][1]["findings"]
    assert data["summary"]["unreadable"] == 1


def test_missing_path_and_empty_directory(tmp_path):
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "文件不存在" in result.output
    result = run("check", str(tmp_path))
    assert result.exit_code == 2 and "目录中没有报告文件" in result.output


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_bytes(EXAMPLE.read_bytes())
    path.chmod(0)
    result = run("check", str(path))
    assert result.exit_code == 2 and "没有读取权限" in result.output


def test_usage_error_exit_2():
    assert run("check").exit_code == 2
    assert run("check", "--format", "xml", str(EXAMPLE)).exit_code == 2


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("rules:\n  - id: x\n\t  kind: yoy\n", "bad.yaml:3"),
        (
            "rules:\n  - id: x\n    title: t\n    kind: nosuch\n    severity: error\n",
            "检查类型“nosuch”不存在",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: identity\n    severity: error\n    left: [无此概念]\n    right: [基本支出]\n",
            "无此概念",
        ),
        ("rules:\n  - id: x\n    title: t\n    kind: yoy\n    severity: fatal\n", "严重程度"),
        ("rules:\n  - id: yoy\n    title: t\n    kind: yoy\n    severity: error\n", "重复"),
        ("just a string\n", "rules"),
        ("rules:\n  - id: 1\n    title: t\n    kind: yoy\n    severity: error\n", "须是文字"),
        (
            "rules:\n  - id: x\n    title: t\n    kind: identity\n    severity: error\n    left: [支出合计]\n    right: []\n",
            "非空",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: table_match\n    severity: error\n"
            "    left: {table: 无此表, column: [合计]}\n    right: {table: 支出表, column: [合计]}\n",
            "无此表",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: table_match\n    severity: error\n"
            "    left: {table: 支出表, column: []}\n    right: {table: 支出表, column: [合计]}\n",
            "column",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: identity\n    severity: error\n"
            "    relation: most\n    left: [{table: 支出表, column: [合计]}]\n"
            "    right: [{table: 收入表, column: [合计]}]\n",
            "eq（=）、le（≤）、ge（≥）",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: identity\n    severity: error\n"
            "    left: [{table: 支出表, row: some, column: [合计]}]\n    right: [支出合计]\n",
            "row",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: identity\n    severity: error\n"
            "    left: [{concept: 支出合计, weight: 3}]\n    right: [支出合计]\n",
            "weight",
        ),
        (
            "rules:\n  - id: x\n    title: t\n    kind: table_narrative\n    severity: error\n    tables: [某表]\n",
            "tables",
        ),
    ],
)
def test_bad_rules_one_line_exit_2(tmp_path, text, needle):
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    result = run("check", "--rules", str(tmp_path), str(EXAMPLE))
    assert result.exit_code == 2
    assert needle in result.output and "bad.yaml" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_user_rules_and_vocabulary_extend(tmp_path):
    (tmp_path / "vocabulary.yaml").write_text(
        "concepts:\n  差旅费: [差旅费, 出差费]\n", encoding="utf-8"
    )
    (tmp_path / "mine.yaml").write_text(
        "rules:\n  - id: mine.travel\n    title: 差旅费应为公用经费之内\n    kind: identity\n    severity: error\n"
        "    left: [差旅费]\n    relation: le\n    right: [公用经费]\n",
        encoding="utf-8",
    )
    listing = run("rules", "--rules", str(tmp_path))
    assert "mine.travel" in listing.output and "yoy" in listing.output
    report = tmp_path / "r.txt"
    report.write_text(
        "2023年度部门决算\n六、基本支出情况说明\n2023年度公用经费10.00万元，其中：出差费12.00万元。\n",
        encoding="utf-8",
    )
    data = json.loads(
        run("check", "--format", "json", "--rules", str(tmp_path), str(report)).output
    )
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["mine.travel"]


def test_rules_listing_names_every_kind():
    result = run("rules")
    assert result.exit_code == 0
    for kind in (
        "yoy",
        "completion",
        "share",
        "share_sum",
        "direction",
        "agreement",
        "missing",
        "unit_slip",
        "identity",
        "table_match",
    ):
        assert f" {kind} " in result.output


TRUNCATED = (
    "2024年度示例局部门决算\n"
    "本年支出合计9759.38万元。一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%。\n"
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), []),  # either (default): 99.868 % truncated to 99.86 % is how the report rounds
        (("--rounding", "truncate"), []),
        (("--rounding", "half-up"), [("share", "warning")]),  # 末位误差: one unit off
    ],
)
def test_rounding_mode(tmp_path, args, expected):
    path = tmp_path / "r.txt"
    path.write_text(TRUNCATED, encoding="utf-8")
    data = json.loads(run("check", "--format", "json", *args, str(path)).output)
    assert [(f["rule"], f["severity"]) for f in data["files"][0]["findings"]] == expected


def test_rounding_set_per_rule(tmp_path):
    (tmp_path / "narrative.yaml").write_text(
        "rules:\n  - id: share\n    title: 占比\n    kind: share\n    severity: error\n    rounding: half-up\n",
        encoding="utf-8",
    )
    path = tmp_path / "r.txt"
    path.write_text(TRUNCATED, encoding="utf-8")
    data = json.loads(run("check", "--format", "json", "--rules", str(tmp_path), str(path)).output)
    (finding,) = data["files"][0]["findings"]
    assert "末位误差" in finding["message"]
    low, high = finding["expected"]["low"], finding["expected"]["high"]
    # one more decimal than the stated 99.87%: the range shows why it fails
    assert (low["text"], high["text"]) == ("99.867%", "99.869%")
    assert "half-up" in run("rules", "--rules", str(tmp_path)).output
    (tmp_path / "narrative.yaml").write_text(
        "rules:\n  - id: share\n    title: t\n    kind: share\n    severity: error\n    rounding: banker\n",
        encoding="utf-8",
    )
    assert run("check", "--rules", str(tmp_path), str(path)).exit_code == 2


def test_vocabulary_rejects_empty_variants_and_yml_is_read(tmp_path):
    (tmp_path / "vocabulary.yml").write_text('concepts:\n  支出合计: [""]\n', encoding="utf-8")
    result = run("check", "--rules", str(tmp_path), str(EXAMPLE))
    assert result.exit_code == 2 and "写法不能为空" in result.output


def test_hidden_directories_are_not_walked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(b"")
    (tmp_path / "a.txt").write_bytes(EXAMPLE.read_bytes())
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt"]


def test_file_without_figures_is_an_input_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这是一份会议纪要，没有任何金额。\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2 and "未找到任何金额或百分比" in result.output


def test_extract_shows_lines_figures_and_tables():
    table_report = ROOT / "fixtures" / "tables" / "final-tab-ok.txt"
    result = run("extract", "--no-color", str(table_report))
    assert result.exit_code == 0
    out = result.output
    assert "文字中的数字 17 个" in out and "表格 9 张" in out
    assert "560.72万元  数值  “基本支出”  基本支出，一般公共预算，决算，本年数" in out
    assert "收入支出决算总表（公开01表）  （收支总表，全部，单位 万元）" in out
    assert "[1] 收入栏目：金额" in out and "[2] 支出栏目：金额" in out
    data = json.loads(run("extract", "--format", "json", str(table_report)).output)
    lines = table_report.read_text(encoding="utf-8").split("\n")
    assert [x["text"] for x in data["lines"]] == lines[: len(data["lines"])]
    assert data["lines"][11]["at"] == "12" and data["pages"] is None
    fact = next(f for f in data["facts"] if f["concept"] == "基本支出")
    assert lines[int(fact["lines"][0]) - 1].count(fact["text"]) >= 1


def test_extract_refuses_what_check_refuses(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("extract", str(path))
    assert result.exit_code == 2 and result.output.strip() == f"auditor: {path}: 文件为空"


def test_shipped_rules_are_package_data():
    """An installed (not editable) package carries the rules: auditor/builtin_rules links to
    rules/ and pyproject lists it as package data."""
    from auditor.rules import BUILTIN

    assert (BUILTIN / "vocabulary.yaml").is_file() and (BUILTIN / "tables.yaml").is_file()
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8")
    assert '"builtin_rules/*.yaml"' in pyproject


def test_rules_option_takes_one_yaml_file(tmp_path):
    rules = tmp_path / "mine.yaml"
    rules.write_text(
        "rules:\n  - id: mine.basic\n    title: 基本支出不超过支出合计\n    kind: identity\n"
        "    severity: error\n    left: [基本支出]\n    relation: le\n    right: [支出合计]\n",
        "utf-8",
    )
    result = run("rules", "--rules", str(rules))
    assert result.exit_code == 0 and "mine.basic" in result.output
    missing = run("rules", "--rules", str(tmp_path / "none.yaml"))
    assert missing.exit_code == 2 and "不存在" in missing.output


def test_user_vocabulary_may_give_only_some_sections(tmp_path):
    (tmp_path / "vocabulary.yaml").write_text("no_data:\n  - 本单位无此项\n", "utf-8")
    result = run("check", "--rules", str(tmp_path), str(EXAMPLE))
    assert result.exit_code == 1 and "错误 4" in result.output


def test_as_one_refuses_a_directory():
    result = run("check", "--as-one", str(EXAMPLE), str(EXAMPLE.parent))
    assert result.exit_code == 2 and "不能给目录" in result.output


def test_tables_only_workbook_is_read_as_final_accounts():
    workbook = EXAMPLE.parent / "formats" / "tables.xlsx"
    result = run("check", "--format", "json", str(workbook))
    (entry,) = json.loads(result.output)["files"]
    assert entry["genre"] == "决算" and entry["tables"] == 9


def test_output_file_is_written_whole_and_plain(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("an older report\n", encoding="utf-8")
    result = run("check", "-o", str(target), str(EXAMPLE))
    assert result.exit_code == 1 and result.output == ""
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text  # no colour in a file
    assert "  错误  第22、24行  share（" in text and "错误 4" in text
    as_json = tmp_path / "report.json"
    assert run("check", "--format", "json", "--output", str(as_json), str(EXAMPLE)).exit_code == 1
    assert json.loads(as_json.read_text(encoding="utf-8"))["files"][0]["findings"]
    extracted = tmp_path / "extract.txt"
    assert run("extract", "-o", str(extracted), str(EXAMPLE)).exit_code == 0
    assert "文字中的数字" in extracted.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "extract.txt",
        "report.json",
        "report.txt",
    ]  # fmt: skip  (no temporary file left beside them)


def test_output_file_is_left_alone_when_the_run_fails(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("an older report\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.yaml").write_text("just a string\n", encoding="utf-8")
    failed = run("check", "-o", str(target), "--rules", str(tmp_path / "rules"), str(EXAMPLE))
    assert failed.exit_code == 2
    assert target.read_text(encoding="utf-8") == "an older report\n"
    nowhere = tmp_path / "no-such-folder" / "report.txt"
    result = run("check", "-o", str(nowhere), str(EXAMPLE))
    assert result.exit_code == 2 and "无法写入" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt", "rules"]
