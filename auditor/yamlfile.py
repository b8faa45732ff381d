"""Load a YAML file, turning every failure into a one-line RulesError naming file and line.

YAML is read with libyaml's loader when PyYAML has it (some ten times faster: the built-in
rules are read at every start); a text that loader refuses is read again with the pure-Python
loader, whose verdict and error message (problem and line) are the ones reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RulesError

FAST = getattr(yaml, "CSafeLoader", None)


def safe_load(text: str) -> Any:
    """yaml.safe_load(text), through libyaml where there is one."""
    if FAST is not None:
        try:
            return yaml.load(text, Loader=FAST)
        except yaml.YAMLError:
            pass  # the pure loader's own verdict and message, below
    return yaml.safe_load(text)


def compose(text: str) -> yaml.Node | None:
    """yaml.compose(text) with the safe loader (marks give each node's line)."""
    if FAST is not None:
        try:
            return yaml.compose(text, Loader=FAST)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def entry_lines(text: str) -> list[int]:
    """1-based line of each entry under `rules:`, to name it in error messages."""
    node = compose(text)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "rules" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(str(path), f"无法读取：{exc}") from None
    try:
        return safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = max(1, len(text.splitlines()))  # an error at the end is on the last line
        where = f"{path}:{min(mark.line + 1, last)}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "语法错误"
        raise RulesError(where, f"YAML 语法错误：{problem}") from None
