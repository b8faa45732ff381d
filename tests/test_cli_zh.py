"""The command line speaks Chinese: click's usage, help and error messages, whatever the
machine's locale, and `auditor extract`'s names for what a figure is."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from string import Formatter

import pytest
from click.testing import CliRunner

from auditor import cli_zh
from auditor.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "example-final.txt"
ENGLISH = ("Usage:", "Error:", "Options:", "Commands:", "Try '", "Show this message")


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="auditor")


def assert_chinese(output: str) -> None:
    assert not [word for word in ENGLISH if word in output], output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "--bogus"], "没有选项 '--bogus'"),
        (["check"], "缺少参数 'PATHS...'"),
        (["nosuch"], "没有命令 'nosuch'"),
        (["check", "--format", "x", "f"], "'x' 不是 'terminal', 'json', 'sarif'"),
        (["check", "--jobs", "0", "f"], "0 不在范围 x>=1 之内"),
        (["check", "--jobs", "many", "f"], "'many' 不是有效的数字"),
        (["extract", "a", "b"], "多余的参数（b）"),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(args, said):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.startswith("用法：auditor ")
    assert "查看帮助" in result.output and "错误：" in result.output and said in result.output
    assert_chinese(result.output)


def test_help_is_chinese():
    top = run("--help")
    assert top.exit_code == 0
    assert "用法：auditor [选项] 命令 [参数]..." in top.output
    assert "选项：" in top.output and "命令：" in top.output and "显示本帮助并退出。" in top.output
    assert "显示版本并退出。" in top.output
    assert "检查部门预算、决算公开报告中的数字是否自洽。" in top.output  # our own words kept
    assert_chinese(top.output)
    check = run("check", "-h")
    assert check.exit_code == 0
    assert "用法：auditor check [选项] PATHS..." in check.output
    assert "[默认：terminal]" in check.output and "-o, --output FILE" in check.output
    assert "达到该级别的问题使退出码为 1" in check.output
    assert_chinese(check.output)


def test_version_is_chinese():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("auditor，版本 ")


def test_a_message_not_in_the_table_stays_english():
    assert cli_zh.gettext("Some message click adds later.") == "Some message click adds later."
    assert cli_zh.ngettext("{value!r} is not {choice}.", "x", 1) == "{value!r} 不是 {choice}。"
    assert cli_zh.ngettext("x", "{value!r} is not one of {choices}.", 2).endswith("之一。")


def test_every_translation_keeps_the_placeholders():
    def fields(text: str) -> list[str]:
        named = [f"{name}!{conv}" for _, name, _, conv in Formatter().parse(text) if name]
        return sorted(named + re.findall(r"%\(\w+\)s", text))

    for english, chinese in cli_zh.MESSAGES.items():
        assert fields(english) == fields(chinese), english


def test_real_process_in_an_english_locale():
    """The installed command, not CliRunner: the locale does not choose the language."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "LC_ALL": "C.UTF-8"}
    for args in (["check", "--bogus"], ["check"], ["nosuch"], ["check", "--format", "x", "f"]):
        done = subprocess.run(
            [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 2, args
        assert "用法：" in done.stderr and "错误：" in done.stderr, done.stderr
        assert_chinese(done.stderr)
    for args in (["--help"], ["check", "--help"]):
        done = subprocess.run(
            [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0 and "用法：" in done.stdout and "选项：" in done.stdout
        assert_chinese(done.stdout)


def test_extract_names_roles_and_years_in_chinese_json_keeps_keys():
    result = run("extract", "--no-color", str(EXAMPLE))
    assert result.exit_code == 0
    out = result.output
    assert "1,250.40万元  数值  “2023年度收、支总计”  收支总计，全部，决算，本年数" in out
    assert "120.60万元  增减额" in out and "8.80%  增减率" in out and "33.60%  占比" in out
    assert "105.20%  完成率" in out
    assert not any(f"  {word}  " in out for word in ("value", "delta", "rate", "share"))
    data = json.loads(run("extract", "--format", "json", str(EXAMPLE)).output)
    assert {f["role"] for f in data["facts"]} >= {"value", "delta", "rate", "share", "completion"}
    assert {f["period"] for f in data["facts"]} == {"current", "prior"}
    assert "0.60万元  增减额  “较上年减少”  财政拨款，决算，上年数" in out


def test_every_role_and_period_has_a_chinese_name():
    from auditor.reporters.extracted import ROLES, period

    assert set(ROLES) == {"value", "delta", "rate", "share", "completion", "percent"}
    assert (period("current"), period("prior"), period("year2021")) == (
        "本年数",
        "上年数",
        "2021年数",
    )
