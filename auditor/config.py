"""Settings from a configuration file: `auditor.toml`, or `[tool.auditor]` in
`pyproject.toml`, the first found from the working directory upwards. The command line
overrides each; `auditor config` says which value came from where."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

from auditor.errors import ConfigError
from auditor.findings import SEVERITIES
from auditor.numbers import Rounding
from auditor.records import dataclass

FORMATS = ("terminal", "json", "sarif", "github", "gitlab", "junit", "html", "xlsx", "csv")
# what a directory is searched for, by default (here, not in pipeline: --help shows it)
PATTERNS = ("*.txt", "*.pdf", "*.docx", "*.xlsx", "*.xls", "*.html", "*.htm")


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _choice(choices: tuple[str, ...]) -> Callable[[Any], Any]:
    return lambda value: value if value in choices else None


def _jobs(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None


def _per_file(value: Any) -> dict[str, tuple[str, ...]] | None:
    if not isinstance(value, dict):
        return None
    out = {glob: _strings(rules) for glob, rules in value.items()}
    return None if any(v is None for v in out.values()) else out  # type: ignore[return-value]


def _names(value: Any) -> dict[str, str] | None:
    ok = isinstance(value, dict) and all(isinstance(v, str) and v for v in value.values())
    return value if ok else None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


# key: (what a value must be, said in Chinese; how it is read, None when it is not)
KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "rules": ("规则目录（字符串或字符串列表）", _strings),
    "select": ("规则 id 前缀的列表", _strings),
    "ignore": ("规则 id 前缀的列表", _strings),
    "per-file-ignores": ("文件模式 = 规则 id 前缀列表 的表", _per_file),
    "fail-on": ("、".join(SEVERITIES) + " 之一", _choice(SEVERITIES)),
    "rounding": (
        "、".join(m.value for m in Rounding) + " 之一",
        _choice(tuple(m.value for m in Rounding)),
    ),
    "format": ("、".join(FORMATS) + " 之一", _choice(FORMATS)),
    "baseline": ("基线文件的路径", lambda v: v if isinstance(v, str) and v else None),
    "jobs": ("不小于 1 的整数", _jobs),
    "show-rounding": ("true 或 false", _flag),
    "across": ("true 或 false", _flag),
    "links": ("旧名称 = 新名称 的表", _names),
}
PATHS = ("rules", "baseline")  # relative to the configuration file's folder
# Where TOML can put a key `auditor` under `tool`: the header [tool] (or [[tool]]), a key
# `tool = {…}`, or the dotted tool.auditor (quoted or spaced, in a header or a key). A
# pyproject.toml with none of them has no [tool.auditor] and is not parsed: most are only
# the project's own, and TOML's parser is a fair part of a check's start.
TOOL_TABLE = r"""^\s*\[*\s*["']?tool["']?\s*(?:\]|=|\.\s*["']?auditor\b)"""


@dataclass
class Config:
    """The settings a file gives, each with where it came from."""

    values: dict[str, Any] = field(default_factory=dict)
    file: Path | None = None


def find(start: Path) -> Path | None:
    """The nearest auditor.toml, or pyproject.toml with a [tool.auditor] table, upwards."""
    for folder in (start, *start.parents):
        own = folder / "auditor.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and _may_hold_auditor(project):
            if "auditor" in _read(project).get("tool", {}):
                return project
    return None


def _may_hold_auditor(project: Path) -> bool:
    """Whether a pyproject.toml's text has anywhere a [tool.auditor] table can be (an
    unreadable one: yes, for `_read` to say why)."""
    try:
        text = project.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    return re.search(TOOL_TABLE, text, re.MULTILINE) is not None


def _read(path: Path) -> dict:
    import tomllib  # here: a run with no configuration file never parses TOML

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"无法读取（{type(exc).__name__}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"不是有效的 TOML：{exc}") from None


def load(start: Path | None = None, path: Path | None = None) -> Config:
    """The settings of `path`, or of the file found from `start` (the working directory)."""
    path = path or find(start or Path.cwd())
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("auditor", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(str(path), "[tool.auditor] 应是一个表")
    prefix = "tool.auditor." if path.name == "pyproject.toml" else ""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            known = "、".join(KEYS)
            raise ConfigError(str(path), f"未知的设置 {prefix}{key}（可用：{known}）")
        wanted, read = KEYS[key]
        parsed = read(value)
        if parsed is None:
            raise ConfigError(str(path), f"{prefix}{key} 应为{wanted}，而不是 {value!r}")
        if key in PATHS:
            here = path.parent
            parsed = (
                tuple(str(here / p) for p in parsed)
                if isinstance(parsed, tuple)
                else str(here / parsed)
            )
        values[key] = parsed
    return Config(values, path)
