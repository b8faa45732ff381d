"""Load a YAML file, turning every failure into a one-line RulesError naming file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from auditor.errors import RulesError


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(str(path), f"无法读取：{exc}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = max(1, len(text.splitlines()))  # an error at the end is on the last line
        where = f"{path}:{min(mark.line + 1, last)}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "语法错误"
        raise RulesError(where, f"YAML 语法错误：{problem}") from None
