"""Folders and batches: order, parallelism, patterns, the summary, and input no report is."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from harness import RULES, SCALE, SETTINGS, VOCAB
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.cli import main
from auditor.pipeline import audit_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "example-final.txt"
TABLES = sorted((ROOT / "fixtures" / "tables").glob("*.txt"))[:6]


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def json_of(result) -> dict:
    return json.loads(result.stdout)


def folder(tmp_path: Path) -> Path:
    """Reports in a tree, one of them binary, one GBK, one in a subfolder."""
    shutil.copy(EXAMPLE, tmp_path / "a-example.txt")
    (tmp_path / "b-gbk.txt").write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    sub = tmp_path / "sub"
    sub.mkdir()
    for path in TABLES:
        shutil.copy(path, sub / path.name)
    (tmp_path / "notes.md").write_text("不是报告", encoding="utf-8")
    return tmp_path


def test_output_is_the_same_whatever_the_jobs(tmp_path):
    root = folder(tmp_path)
    one, two = (run("check", "--format", "json", "-j", n, str(root)) for n in ("1", "2"))
    assert one.exit_code == two.exit_code == 2  # the binary file cannot be read
    assert one.stdout == two.stdout
    files = json_of(one)["files"]
    paths = [Path(f["path"]).relative_to(root).as_posix() for f in files]
    assert paths == sorted(paths) and "notes.md" not in paths
    assert len(paths) == 3 + len(TABLES)
    by_name = {Path(f["path"]).name: f for f in files}
    assert by_name["c-binary.txt"]["error"] and not by_name["c-binary.txt"]["findings"]
    # GBK and UTF-8 copies of one report read the same
    strip = [{k: v for k, v in f.items() if k != "path"} for f in files[:2]]
    assert strip[0] == strip[1] and strip[0]["findings"]


def test_terminal_batch_ends_with_a_summary_table(tmp_path):
    root = folder(tmp_path)
    result = run("check", "--no-color", "-j", "2", str(root))
    assert result.exit_code == 2
    assert "汇总" in result.stdout
    assert f"共 {3 + len(TABLES)} 个，无法读取 1 个" in result.stdout
    summary = result.stdout[result.stdout.index("汇总") :]
    assert "c-binary.txt" in summary and "不是文本文件" in summary
    errors = [line for line in result.stderr.splitlines() if line.startswith("auditor: ")]
    assert errors == [f"auditor: {root / 'c-binary.txt'}: 不是文本文件（含二进制内容）"]


def test_glob_chooses_the_files(tmp_path):
    root = folder(tmp_path)
    result = run("check", "--format", "json", "--glob", "sub/*.txt", str(root))
    assert [Path(f["path"]).parent.name for f in json_of(result)["files"]] == ["sub"] * len(TABLES)
    result = run("check", "--glob", "*.pdf", str(root))
    assert result.exit_code == 2 and "目录中没有报告文件（*.pdf）" in result.stderr


def test_a_huge_text_is_refused_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(100 * 2**20)  # sparse: 100 MB on paper, nothing on disk
    result = run("check", str(path), str(EXAMPLE))
    assert result.exit_code == 2
    assert f"auditor: {path}: 文本过大（100 MB" in result.stderr
    assert "错误 4" in result.stdout  # the other file was still checked


def test_a_file_with_no_figures(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text("第一部分 单位概况\n一、主要职能\n负责本区有关工作。\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2 and "未找到任何金额或百分比" in result.stderr


@settings(SETTINGS, max_examples=int(60 * SCALE))
@given(
    st.binary(max_size=3000)
    | st.binary(max_size=3000).map(lambda b: b"%PDF-1.4\n" + b)
    | st.text(max_size=2000).map(lambda t: t.encode("gb18030", errors="replace"))
)
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "any.pdf"
    path.write_bytes(data)
    result = audit_path(str(path), RULES, VOCAB)
    assert not (result.error or "").startswith("内部错误"), result.error
    assert result.error or result.figures  # never findings from nothing


def test_glob_from_the_right_any_case_and_each_file_once(tmp_path):
    root = folder(tmp_path)
    again = root / "sub" / TABLES[0].name  # named again, after its directory
    result = run("check", "--format", "json", "--glob", "SUB/*.TXT", str(root), str(again))
    paths = [f["path"] for f in json_of(result)["files"]]
    assert len(paths) == len(TABLES) == len({Path(p).name for p in paths})
    twice = run("check", "--format", "json", str(EXAMPLE), str(EXAMPLE))
    assert json_of(twice)["summary"]["files"] == 1


def test_a_file_named_pdf_that_is_none(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)))  # gzip, say
    result = run("check", str(path))
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == f"auditor: {path}: 不是 PDF 文件（文件头不是 %PDF-），也不是文本"
    )


def test_standard_input_in_a_parallel_batch():
    """A worker process has no standard input: `-` is read by the main process."""
    result = CliRunner().invoke(
        main,
        ["check", "--format", "json", "-j", "2", "-", str(EXAMPLE), str(TABLES[0])],
        input=EXAMPLE.read_bytes(),
    )
    files = json_of(result)["files"]
    assert [f["path"] for f in files] == ["-", str(EXAMPLE), str(TABLES[0])]
    assert files[0]["findings"] and files[0]["findings"] == files[1]["findings"]


def _started_workers(pid: int) -> bool:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return bool(children.read_text().split())


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="needs Linux /proc to see that the workers have started",
)
@pytest.mark.parametrize(
    ("fmt", "whole_group"),
    [("terminal", True), ("json", False), ("json", True)],
    ids=["terminal-ctrl-c", "json-sigint", "json-ctrl-c"],
)
def test_ctrl_c_stops_the_batch_at_once(tmp_path, fmt, whole_group):
    """SIGINT to the command (or, as Ctrl-C does, to all its processes): the workers stop,
    one line 已中断, exit 130, no traceback; JSON is written whole or not at all, and the
    -o file is not written."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for n in range(600):
        shutil.copy(EXAMPLE, reports / f"r{n:03}.txt")
    output = tmp_path / "out" / "report"
    output.parent.mkdir()
    args = ["check", "-j", "2", "--format", fmt, str(reports)]
    process = subprocess.Popen(
        [sys.executable, "-m", "auditor", *args, *(["-o", str(output)] if whole_group else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while process.poll() is None and not _started_workers(process.pid):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(0.2)
        if whole_group:
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(signal.SIGINT)
        started = time.monotonic()
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert time.monotonic() - started < 5
    stderr = err.decode("utf-8")
    assert process.returncode == 130, stderr
    assert stderr.splitlines() == ["已中断"], stderr  # nothing else: no Traceback, no Aborted!
    if fmt == "json":
        assert out == b"" or json.loads(out)
    assert list(output.parent.iterdir()) == []
