"""What a CI job on submitted reports uses: baselines, the configuration file and its
precedence, per-file ignores, the summary and statistics views, and the pre-commit hook."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "example-final.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def report(tmp_path, monkeypatch) -> Path:
    """The example report (4 errors) in an empty working directory."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "report.txt"
    shutil.copy(EXAMPLE, path)
    return path


def test_baseline_round_trip(report):
    written = run("baseline", "write", "baseline.json", "report.txt")
    assert written.exit_code == 0 and "4 处问题" in written.output
    again = run("check", "--baseline", "baseline.json", "report.txt")
    assert again.exit_code == 0, again.output
    assert "已接受的 4 处问题未列出" in again.output and "错误 0" in again.output
    text = report.read_text(encoding="utf-8")
    report.write_text(
        "\n\n" + text.replace("公用经费40.50万元", "公用经费40.60万元"), encoding="utf-8"
    )
    slipped = run("check", "--baseline", "baseline.json", "--format", "json", "report.txt")
    assert slipped.exit_code == 1
    (entry,) = json.loads(slipped.stdout)["files"]
    assert "已接受的 3 处问题未列出" in slipped.stderr
    assert [f["rule"] for f in entry["findings"]] == ["sum.personnel-public"]
    assert entry["figures"] > 20


def test_a_missing_baseline_is_one_line_exit_2(report):
    result = CliRunner().invoke(main, ["check", "--baseline", "none.json", "report.txt"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "auditor: none.json: 基线文件不存在（用 auditor baseline write 生成）"
    ]


def test_configuration_file_and_command_line(report):
    Path("auditor.toml").write_text(
        'select = ["share"]\nfail-on = "warning"\nformat = "json"\n', encoding="utf-8"
    )
    from_file = run("check", "report.txt")
    (entry,) = json.loads(from_file.output)["files"]
    assert {f["rule"] for f in entry["findings"]} == {"share", "share-sum"}
    overridden = run("check", "--select", "direction", "--format", "json", "report.txt")
    (entry,) = json.loads(overridden.output)["files"]
    assert {f["rule"] for f in entry["findings"]} == {"direction"}
    shown = run("config").output
    assert 'select           = ["share"]    # ' + str(Path("auditor.toml").resolve()) in shown
    assert "ignore           = []    # 默认" in shown


def test_pyproject_table_and_per_file_ignores(report):
    Path("pyproject.toml").write_text(
        '[tool.auditor]\nformat = "json"\n[tool.auditor.per-file-ignores]\n"rep*.txt" = ["share"]\n',
        encoding="utf-8",
    )
    (entry,) = json.loads(run("check", "report.txt").output)["files"]
    assert {f["rule"] for f in entry["findings"]} == {"direction", "sum.personnel-public"}


@pytest.mark.parametrize(
    ("body", "needle"),
    [('formats = "json"\n', "未知的设置 formats"), ("jobs = -1\n", "jobs 应为不小于 1 的整数")],
)
def test_bad_configuration_is_one_line_exit_2(report, body, needle):
    Path("auditor.toml").write_text(body, encoding="utf-8")
    result = run("check", "report.txt")
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert needle in line and "auditor.toml" in line


def test_quiet_and_statistics(report):
    quiet = run("check", "-q", "report.txt")
    assert quiet.exit_code == 1 and "汇总" in quiet.output and "占比与金额不符" not in quiet.output
    stats = run("check", "--statistics", "report.txt")
    assert "按规则统计" in stats.output and "sum.personnel-public" in stats.output
    assert "占比与金额不符" not in stats.output
    assert run("check", "--statistics", "--format", "json", "report.txt").exit_code == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_runs_on_a_report(tmp_path):
    """A real `pre-commit try-repo` of this checkout (it builds the hook's environment from
    the package registry: about a minute) in a repository holding the example report."""
    pytest.importorskip("pre_commit")
    repo = tmp_path / "reports"
    repo.mkdir()
    shutil.copy(EXAMPLE, repo / "report.txt")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    for args in (["init", "-q"], ["add", "report.txt"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "auditor", "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    said = done.stdout + done.stderr
    assert done.returncode == 1, said  # the example has errors: the hook fails
    assert "auditor" in said and "share" in said and "第22、24行" in said


def test_baseline_and_ignores_do_not_depend_on_the_working_directory(report, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.move(str(report), reports / "report.txt")
    os.chdir(reports)
    assert run("baseline", "write", "基线.json", ".").exit_code == 0
    os.chdir(tmp_path)
    moved = run("check", "--baseline", "reports/基线.json", "reports")
    assert moved.exit_code == 0 and "已接受的 4 处问题" in moved.output
    stray = run("check", "--baseline", "reports/基线.json", str(EXAMPLE))
    assert "一份也不在所检查的文件之中" in stray.stderr
    Path("auditor.toml").write_text(
        '[per-file-ignores]\n"reports/*.txt" = ["share"]\n', encoding="utf-8"
    )
    os.chdir(reports)  # the glob is relative to the configuration file, not to here
    (entry,) = json.loads(run("check", "--format", "json", "report.txt").stdout)["files"]
    assert {f["rule"] for f in entry["findings"]} == {"direction", "sum.personnel-public"}


def test_files_that_are_no_reports_can_be_skipped(report):
    Path("requirements.txt").write_text("click\nrich\n", encoding="utf-8")
    plain = run("check", "-q", "requirements.txt", "report.txt")
    assert plain.exit_code == 2 and "不像是预算、决算报告" in plain.stderr
    skipped = run("check", "-q", "--only-reports", "requirements.txt", "report.txt")
    assert skipped.exit_code == 1 and "requirements.txt" not in skipped.output


def test_reports_for_people_from_the_command_line(report, tmp_path):
    """html, xlsx and csv through the CLI, and an annotated copy of a PDF."""
    assert run("check", "--format", "html", "-o", "r.html", "report.txt").exit_code == 1
    page = Path("r.html").read_text(encoding="utf-8")
    assert "占比应等于分项除以总额" in page and "http://" not in page and "https://" not in page
    assert run("check", "--format", "xlsx", "report.txt").exit_code == 2  # needs -o
    assert run("check", "--format", "xlsx", "-o", "r.xlsx", "report.txt").exit_code == 1
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook("r.xlsx")["问题"]
    assert sheet.max_row == 1 + 4  # header and the example's four findings
    as_csv = CliRunner().invoke(main, ["check", "--format", "csv", "report.txt"])
    assert as_csv.stdout_bytes.startswith(b"\xef\xbb\xbf") and as_csv.stdout.count("\n") >= 5
    pdf = ROOT / "fixtures" / "pdf" / "example-final.pdf"
    drawn = run("check", "-q", "--annotate-pdf", "marked", str(pdf))
    assert "example-final.annotated.pdf：" in drawn.stderr
    pypdf = pytest.importorskip("pypdf")
    pages = pypdf.PdfReader("marked/example-final.annotated.pdf").pages
    kinds = [a.get_object()["/Subtype"] for p in pages for a in p.get("/Annots", [])]
    assert kinds.count("/Highlight") >= 3


def test_an_annotated_copy_that_cannot_be_written_is_one_line_exit_2(report):
    Path("taken").write_text("a file, not a folder", encoding="utf-8")
    pdf = ROOT / "fixtures" / "pdf" / "example-final.pdf"
    result = run("check", "-q", "--annotate-pdf", "taken/sub", str(pdf))
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("auditor:")]
    assert "无法写入" in line and "example-final.annotated.pdf" in line
