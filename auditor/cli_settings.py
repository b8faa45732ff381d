"""The settings a command runs with: the command line over the configuration file over the
defaults, each with where it came from (`auditor config` prints them)."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from auditor.baseline import report_key
from auditor.config import Config
from auditor.findings import ERROR
from auditor.numbers import Rounding
from auditor.records import dataclass

if TYPE_CHECKING:
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
    """The settings in effect and where each came from (command line, file, default)."""

    values: dict[str, Any]
    sources: dict[str, str]
    folder: str | None = None  # the configuration file's: per-file-ignores are relative to it

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
    return Settings(values, sources, str(config.file.parent) if config.file else None)


def shown(value: Any) -> str:
    """A setting as TOML would write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {shown(v)}' for k, v in value.items()) + "}"
    return "（无）" if value is None else f'"{value}"' if isinstance(value, str) else str(value)


def without_ignored(
    result: FileResult, per_file: dict[str, tuple[str, ...]], folder: str | None = None
) -> FileResult:
    """A report's findings without the rules its path's per-file-ignores name (the path
    relative to the configuration file's folder, or the file's name); a finding several
    rules saw stays while one of them is not ignored, led by it."""
    path = report_key(result.path, folder)
    prefixes = tuple(
        prefix
        for pattern, rules in per_file.items()
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)
        for prefix in rules
    )
    if not prefixes:
        return result
    kept = []
    for f in result.findings:
        seen = [g for g in (f, *f.also) if not g.rule.startswith(prefixes)]
        if seen:
            lead = seen[0]
            kept.append(replace(lead, also=tuple(g for g in seen if g is not lead)))
    return replace(result, findings=kept)
