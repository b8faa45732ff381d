"""Accepted findings. A government report cannot carry a suppression comment, so a bureau
that has looked at a finding and accepts it records it in a baseline file; a later check
reports only findings not in it. A finding is matched by its report and its fingerprint
(the finding's id: its rule and the figures it names, not its lines), so lines inserted
above, a paragraph re-wrapped or a PDF exported again keep it matched, and a changed
figure makes it new."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.errors import ConfigError
from auditor.findings import Finding
from auditor.records import dataclass

if TYPE_CHECKING:
    from auditor.pipeline import FileResult

VERSION = 1


def report_key(path: str, base: str | None = None) -> str:
    """A report as a baseline or a configuration names it: relative to `base` (the folder of
    the baseline or configuration file; the working directory when none), with / ."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base or os.getcwd())).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


def fingerprint(finding_id: str) -> str:
    """The id without its repeat number (-2, -3): repeats are counted, not numbered."""
    base, _, repeat = finding_id.rpartition("-")
    return base if base and repeat.isdigit() else finding_id


def sightings(f: Finding) -> list[str]:
    """The fingerprints of a finding and of each rule's sighting folded into it: a baseline
    keeps matching when a rule of the group is ignored and another leads."""
    return [fingerprint(g.id) for g in (f, *f.also)]


def write(results: list[FileResult], path: str) -> int:
    """Record every finding of the readable reports; the number recorded."""
    import json  # here, as in load: a check without a baseline writes no JSON

    folder = os.path.dirname(os.path.abspath(path))
    entries = [
        {
            "path": report_key(r.path, folder),
            "fingerprint": sightings(f)[0],
            "also": sightings(f)[1:],
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
        }
        for r in results
        if not r.error
        for f in r.findings
    ]
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2)
    temporary = Path(f"{path}.tmp{os.getpid()}")
    temporary.write_text(text + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return len(entries)


@dataclass
class Entry:
    """An accepted finding: its report and fingerprints; used once a finding of this
    run has matched it (each accepts one)."""

    path: str
    fingerprints: frozenset[str]
    used: bool = False


def load(path: str) -> list[Entry]:
    """The accepted findings of a baseline file."""
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, "基线文件不存在（用 auditor baseline write 生成）") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(path, f"不是可读的基线文件（{type(exc).__name__}）") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != VERSION:
        raise ConfigError(path, f"不是第 {VERSION} 版的基线文件")
    try:
        return [
            Entry(str(e["path"]), frozenset([str(e["fingerprint"]), *map(str, e.get("also", []))]))
            for e in entries
        ]
    except (KeyError, TypeError, AttributeError):
        raise ConfigError(path, "基线文件的条目缺少 path 或 fingerprint") from None


class Accepted:
    """The accepted findings still to be met, taken from each report as it is checked;
    reports are named relative to the baseline file's folder, wherever the check runs."""

    def __init__(self, entries: list[Entry], baseline: str) -> None:
        self.entries = entries
        self.folder = os.path.dirname(os.path.abspath(baseline))
        self.matched = 0
        self.seen: set[str] = set()

    def take(self, result: FileResult) -> FileResult:
        """The report without the findings the baseline accepts."""
        key = report_key(result.path, self.folder)
        self.seen.add(key)
        kept = []
        for f in result.findings:
            mine = set(sightings(f))
            entry = next(
                (e for e in self.entries if not e.used and e.path == key and e.fingerprints & mine),
                None,
            )
            if entry is None:
                kept.append(f)
            else:
                entry.used = True
                self.matched += 1
        return replace(result, findings=kept)

    @property
    def strangers(self) -> bool:
        """Whether no report of the baseline was among those checked (paths gone astray)."""
        return bool(self.entries) and not any(e.path in self.seen for e in self.entries)
