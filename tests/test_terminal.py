"""The terminal report as a finance clerk reads it: Chinese severities and rule titles, lines as
第7页第12行 with runs as ranges, rounding differences counted but not listed unless asked, the
other rules that saw a discrepancy beside it, and no figure ever cut at the end of a line."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from harness import RULES, VOCAB
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from auditor import cli_io
from auditor.cli import main
from auditor.findings import Finding, Place
from auditor.pipeline import FileResult, audit_path
from auditor.reporters import json_report, terminal
from auditor.reporters.citations import chinese, places, runs
from auditor.reporters.plain import Line, Plain
from auditor.reporters.wrap import atoms, breaks, wrap, wrap_plain

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
EXAMPLE = FIXTURES / "example-final.txt"
ROUNDING = FIXTURES / "tables" / "budget-space-rounding.txt"
PDF = FIXTURES / "pdf" / "example-final.pdf"
UNRULED = FIXTURES / "pdf" / "unruled-final.pdf"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf" / "putuo-planning-2024-final.pdf"
# every figure a reader must see whole: amounts, percentages, points, each with its sign
FIGURE = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?(?: ?(?:万元|亿元|元|%|个百分点))?")


def run(*args: str):
    return CliRunner().invoke(main, ["check", "--no-color", "--jobs", "1", *args])


def rendered(result: FileResult, width: int, show_rounding: bool = True) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    terminal.write_file(result, console, show_rounding)
    return console.export_text()


def test_severities_titles_and_lines_in_chinese():
    out = run(str(EXAMPLE)).stdout
    assert "错误  第22、24行  share（占比应等于分项除以总额）" in out
    assert "第32、33行  sum.personnel-public（人员经费与公用经费之和应等于基本支出）" in out
    assert "错误 4，警告 0，提示 0" in out
    assert not re.search(r"\b(error|warning|info)\b", out)


def test_pdf_lines_as_page_and_line_also_inside_messages():
    out = run(str(PDF)).stdout
    assert "错误  第4页第9、10行  yoy（" in out
    assert "错误  第3页第5行  table.columns（" in out
    assert not re.search(r"\bp\d+:L\d+", out)  # nor in the messages
    data = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(PDF)]).stdout)
    assert {f["severity"] for f in data["files"][0]["findings"]} == {"error"}  # JSON unchanged


def test_message_citations_chinese_in_the_terminal_only():
    message = "文中为 5377.64 万元（p24:L14），表中为 5364.75万元（p15:L4）"
    cited = (Place(4, 15, "合计"), Place(14, 24, "文"))
    finding = Finding("table.narrative", "error", message, (1, 2), cited=cited, title="题")
    out = rendered(FileResult("a.pdf", findings=[finding], pages=30), 200)
    assert "错误  第15页第4行，第24页第14行  table.narrative（题）" in out
    assert "文中为 5377.64 万元（第24页第14行），表中为 5364.75万元（第15页第4行）" in out
    assert json_report.finding(finding)["message"] == message


def test_a_run_of_lines_is_a_range():
    out = run(str(UNRULED)).stdout
    assert "第2页第32–34行，第3页第1行  table.hierarchy" in out
    assert runs([4, *range(5, 32)]) == "4–31"
    assert runs([12, 13, 15]) == "12、13、15"
    cited = [Place(n, 12, "") for n in (12, 13, 15)] + [Place(n, 13, "") for n in (3, 4, 10)]
    assert places(cited) == "第12页第12、13、15行，第13页第3、4、10行"
    assert places([Place(n, None, "") for n in range(1, 60, 2)], 4) == "第1、3、5、7行等共 30 行"
    assert places([Place(5, None, "", where="表3 第5行"), Place(9, None, "", "段12")]) == (
        "表3 第5行，段12"
    )


def test_citations_inside_messages():
    said = "封面为（p1:L1,L2,L3），标题为（p7:L1），见 p12:L12,L13,L15,p13:L3 与第22,24行"
    assert chinese(said) == (
        "封面为（第1页第1–3行），标题为（第7页第1行），见 第12页第12、13、15行，第13页第3行"
        " 与第22、24行"
    )
    assert chinese("收入（段7）与表3 第5行、'01 表'!C8") == "收入（段7）与表3 第5行、'01 表'!C8"


def test_rounding_is_folded_by_default_and_shown_when_asked():
    folded = run(str(ROUNDING))
    assert folded.exit_code == 0
    assert "table.columns" not in folded.stdout and "table.total" not in folded.stdout
    assert "另有 2 处尾数差异，均在四舍五入" in folded.stdout
    assert "--show-rounding 显示" in folded.stdout
    assert "错误 0，警告 2（其中尾数差异 2 处未列出），提示 0" in folded.stdout
    shown = run("--show-rounding", str(ROUNDING)).stdout
    assert "警告  第53行  table.columns（" in shown and "警告  第53、54行  table.total（" in shown
    assert "另有" not in shown and "警告 2（其中尾数差异 2 处），" in shown


def test_batch_table_says_how_many_were_folded():
    out = run(str(ROUNDING), str(EXAMPLE)).stdout
    summary = out[out.index("汇总") :]
    assert "其中尾数差异" in summary and "未逐条列出（--show-rounding 显示）" in summary
    row = next(line for line in summary.splitlines() if "budget-space-rounding" in line)
    assert row.split()[1:] == ["236", "0", "2", "0", "2"]
    shown = run("--show-rounding", str(ROUNDING), str(EXAMPLE)).stdout
    assert "其中尾数差异" in shown and "未逐条列出" not in shown


def test_also_names_the_other_rules_once():
    result = audit_path(str(EXAMPLE), RULES, VOCAB)
    first, second = result.findings[:2]
    other = replace(second, cited=(Place(4, 15, ""),), title="合计栏与分栏")
    folded = replace(first, also=(other,))
    out = rendered(replace(result, findings=[folded]), 200)
    assert out.count(f"  {first.rule}（") == 1 and out.count(f"  {second.rule}（") == 0
    assert f"同一差异亦见于：{second.rule} 合计栏与分栏（第15页第4行）" in out


def test_report_text_is_never_markup():
    finding = Finding("x.rule", "error", "[bold]强调[/bold] 与 [red]1.5万元", (1,), title="[i]题")
    result = FileResult("[b]a.txt", findings=[finding])
    out = rendered(result, 80)
    assert "[bold]强调[/bold] 与 [red]1.5万元" in out and "[b]a.txt" in out and "（[i]题）" in out


def test_atoms_keep_figures_and_punctuation_together():
    text = "基本支出 420.15万元（第7页第12行），差异：-0.01万元，8.00–8.02%；增长 3.9个百分点"
    got = [text[a:b] for a, b, space in atoms(text) if not space]
    for atom in (
        "420.15万元",
        "（第7页第12行），",
        "-0.01万元，",
        "8.00–",
        "8.02%；",
        "3.9个百分点",
    ):
        assert atom in got


def _sources() -> list[FileResult]:
    paths = [EXAMPLE, ROUNDING, FIXTURES / "formats" / "report.txt", PDF, UNRULED]
    paths += sorted(FIXTURES.glob("*/*-bad.txt"))[:12]
    if CORPUS.exists():
        paths.append(CORPUS)
    results = [audit_path(str(p), RULES, VOCAB) for p in paths]
    return [r for r in results if r.findings]


@pytest.fixture(scope="module")
def sources() -> list[FileResult]:
    return _sources()


@pytest.mark.parametrize("width", [60, 80, 100, 200])
def test_no_figure_is_cut_and_no_line_too_wide(sources, width):
    for result in sources:
        out = rendered(result, width)
        lines = out.splitlines()
        assert all(cell_len(line) <= width for line in lines), (result.path, width)
        words = " ".join(line.strip() for line in lines)  # a cut figure would stay cut here
        for f in result.findings:
            said = [f.message] + [q.text for q in (f.stated, f.expected, f.difference) if q]
            for text in said:
                for figure in FIGURE.findall(chinese(text)):
                    assert figure in words, (result.path, width, figure)


def test_wrap_breaks_only_between_atoms_with_a_hanging_indent():
    text = Text("  " + "一般公共预算财政拨款支出 420.15万元，" * 6)
    lines = wrap(text, 60, "      ")
    assert len(lines) > 2
    assert all(line.plain.startswith("      ") for line in lines[1:])
    assert all(cell_len(line.plain) <= 60 for line in lines)
    assert all(not line.plain.strip().startswith(("，", ".15")) for line in lines)
    joined = "".join(line.plain for line in lines).replace(" ", "")
    assert joined == text.plain.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        " \t\n",
        "  前导  中间　全角  ",
        "尾随 \u3000\n ",
        "é\u0301 😀 ＡＢ",
        "（开）",
        "a" * 50,
    ],
)
@pytest.mark.parametrize("width", [20, 100, 1000])
def test_plain_text_that_fits_is_wrapped_without_measuring(text, width):
    """wrap_plain's one line for text that fits however wide its characters is what breaks
    makes of it."""
    indent, lines = breaks(text, width, "  ")
    measured = [
        (indent if n else "") + "".join(text[a:b] for a, b in line) for n, line in enumerate(lines)
    ]
    assert wrap_plain(text, width, "  ") == measured


def _line(text: str, style: str = "", *parts: tuple[str, str | None]) -> Line:
    line = Line(text, style)
    for part, part_style in parts:
        line.append(part, part_style)
    return line


@pytest.mark.parametrize(
    "line",
    [
        _line(""),
        _line("  ", "", ("错误", "bold red"), ("  第7页第12行  ", None), ("sum", "bold")),
        _line("数" * 1500 + "  1,250.40万元 " * 30, "dim"),
        _line(
            "回车\r控制\x07字符\x0b\x0c\x08", "", ("\x1b[31m", None), ("[bold]不是标记[/]", None)
        ),
        _line("制表\t符", "yellow"),
    ],
)
def test_plain_lines_are_what_rich_prints_without_a_terminal(line):
    """Where there is no terminal the report's lines skip rich: the same characters."""
    ours, theirs = io.StringIO(), io.StringIO()
    plain = cli_io.console(False, ours)
    rich = Console(file=theirs, color_system=None, highlight=False, soft_wrap=True, width=1000)
    assert isinstance(plain, Plain)
    for console in (plain, rich):
        terminal._print(console, line)
        terminal._print(console, line, "")
        console.print()
        console.print("[bold]markup[/] 与 :smile:")
    assert ours.getvalue() == theirs.getvalue()
    assert line.plain == line.rich().plain


def test_a_line_holds_what_its_rich_text_holds():
    """Line drops the control characters rich's Text drops, and only those."""
    every = "".join(map(chr, [*range(0x20), 0x7F, 0x85, 0x2028, 0x200B, 0x3000]))
    assert _line(every).plain == Text(every).plain
    assert _line("", "", (every, "bold")).plain == Text().append(every, "bold").plain


def test_check_prints_the_same_through_rich_console(monkeypatch):
    """TTY_COMPATIBLE=0 sends the lines through rich's console, colourless: nothing differs."""
    checks = [["--statistics", str(FIXTURES / "tables"), str(EXAMPLE)], [str(ROUNDING)]]
    plain = [run(*args).output for args in checks]
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    assert [run(*args).output for args in checks] == plain
