"""Configuration files (auditor/config.py): where they are found, what they may say, and
one line naming file and key for anything wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import config
from auditor.errors import ConfigError


def test_found_upwards_and_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.auditor]\nselect = ["share"]\nfail-on = "warning"\n'
        'per-file-ignores = {"2024/*.pdf" = ["document."]}\nrules = "my-rules"\njobs = 3\n',
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    found = config.load(deep)
    assert found.file == tmp_path / "pyproject.toml"
    assert found.values["select"] == ("share",) and found.values["fail-on"] == "warning"
    assert found.values["per-file-ignores"] == {"2024/*.pdf": ("document.",)}
    assert found.values["rules"] == (str(tmp_path / "my-rules"),)  # relative to the file
    assert found.values["jobs"] == 3


def test_auditor_toml_comes_first_and_a_plain_pyproject_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert config.load(tmp_path).file is None
    (tmp_path / "auditor.toml").write_text('format = "sarif"\n', encoding="utf-8")
    assert config.load(tmp_path).values == {"format": "sarif"}


@pytest.mark.parametrize(
    "text",
    [
        "[tool.auditor]\njobs = 2\n",
        '  [ tool . "auditor" ]\njobs = 2\n',
        "[tool.auditor.per-file-ignores]\n'a.pdf' = ['document.']\n",
        "[tool]\nauditor = {jobs = 2}\n",
        "[tool]\nauditor.jobs = 2\n",
        "tool.auditor.jobs = 2\n",
        "\"tool\".'auditor'.jobs = 2\n",
        "tool = {auditor = {jobs = 2}}\n",
    ],
)
def test_every_spelling_of_the_table_is_found(tmp_path, text):
    """Each one before a table of the project's (root keys come first)."""
    text += '[project]\nname = "x"\n'
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert config.load(tmp_path).file == tmp_path / "pyproject.toml"


def test_a_pyproject_without_a_tool_table_is_not_parsed(tmp_path, monkeypatch):
    """Not even one naming auditor elsewhere (as auditor's own does): its scripts, its name."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "auditor"\n[project.scripts]\nauditor = "auditor.cli:main"\n'
        "[tool.ruff]\nline-length = 100\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(config, "_read", lambda path: pytest.fail(f"{path} parsed"))
    assert config.load(tmp_path).file is None


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('colour = "red"\n', "未知的设置 colour"),
        ('fail-on = "fatal"\n', "fail-on 应为error、warning、info 之一"),
        ("jobs = 0\n", "jobs 应为不小于 1 的整数"),
        ("select = [1, 2]\n", "select 应为规则 id 前缀的列表"),
        ('per-file-ignores = {"*.pdf" = 3}\n', "per-file-ignores"),
        ("rounding = \n", "不是有效的 TOML"),
    ],
)
def test_a_bad_setting_names_file_and_key(tmp_path, body, needle):
    (tmp_path / "auditor.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config.load(tmp_path)
    message = str(caught.value)
    assert needle in message and str(tmp_path / "auditor.toml") in message
    assert "\n" not in message


def test_pyproject_keys_are_named_with_their_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\nformats = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config.load(Path(tmp_path))
    assert "tool.auditor.formats" in str(caught.value)
