"""The settings a command runs with: the command line over the configuration file over the
defaults, each with where it came from (`auditor config` prints them)."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, replace
from typing import Any

import click
from click.core import ParameterSource

from auditor.baseline import report_key
from auditor.config import Config
from auditor.findings import ERROR
from auditor.numbers import Rounding
from auditor.pipeline import FileResult

# configuration key: (the check command's parameter, or None when only a file sets it; default)
SETTINGS: dict[str, tuple[str | None, Any]] = {
    "rules": ("rules_dirs", ()),
    "select": ("select", ()),
    "ignore": ("ignore", ()),
    "per-file-ignores": (None, {}),
    "fail-on": ("fail_on", ERROR),
    "rounding": ("rounding", Rounding.EITHER.value),
    "format": ("fmt", "terminal"),
    "baseline": ("baseline", None),
    "jobs": ("jobs", os.cpu_count() or 1),
    "show-rounding": ("show_rounding", False),
    "across": ("across", False),
    "links": ("links", {}),
}
COMMAND_LINE, DEFAULT = "命令行", "默认"


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    sources: dict[str, str]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


def settle(ctx: click.Context | None, given: dict[str, Any], config: Config) -> Settings:
    """Each setting from the command line when given there, else from the file, else its
    default."""
    values, sources = {}, {}
    for key, (parameter, default) in SETTINGS.items():
        said = ctx is not None and parameter is not None and parameter in given
        if said and ctx.get_parameter_source(parameter) is ParameterSource.COMMANDLINE:
            values[key], sources[key] = given[parameter], COMMAND_LINE
        elif key in config.values:
            values[key], sources[key] = config.values[key], str(config.file)
        else:
            values[key], sources[key] = default, DEFAULT
    return Settings(values, sources)


def shown(value: Any) -> str:
    """A setting as TOML would write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {shown(v)}' for k, v in value.items()) + "}"
    return "（无）" if value is None else f'"{value}"' if isinstance(value, str) else str(value)


def without_ignored(result: FileResult, per_file: dict[str, tuple[str, ...]]) -> FileResult:
    """A report's findings without the rules its path's per-file-ignores name."""
    path = report_key(result.path)
    prefixes = tuple(
        prefix
        for pattern, rules in per_file.items()
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)
        for prefix in rules
    )
    if not prefixes:
        return result
    return replace(result, findings=[f for f in result.findings if not f.rule.startswith(prefixes)])
