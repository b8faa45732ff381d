"""Accepted findings. A government report cannot carry a suppression comment, so a bureau
that has looked at a finding and accepts it records it in a baseline file; a later check
reports only findings not in it. A finding is matched by its report and its fingerprint
(the finding's id: its rule and the figures it names, not its lines), so lines inserted
above, a paragraph re-wrapped or a PDF exported again keep it matched, and a changed
figure makes it new."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from auditor.errors import ConfigError
from auditor.pipeline import FileResult

VERSION = 1


def report_key(path: str) -> str:
    """A report as a baseline names it: relative to the working directory, with / ."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path))).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


def fingerprint(finding_id: str) -> str:
    """The id without its repeat number (-2, -3): repeats are counted, not numbered."""
    base, _, repeat = finding_id.rpartition("-")
    return base if base and repeat.isdigit() else finding_id


def write(results: list[FileResult], path: str) -> int:
    """Record every finding of the readable reports; the number recorded."""
    entries = [
        {
            "path": report_key(r.path),
            "fingerprint": fingerprint(f.id),
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


def load(path: str) -> Counter[tuple[str, str]]:
    """The accepted findings, (report, fingerprint) with how many times each was accepted."""
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
        return Counter((str(e["path"]), str(e["fingerprint"])) for e in entries)
    except (KeyError, TypeError):
        raise ConfigError(path, "基线文件的条目缺少 path 或 fingerprint") from None


class Accepted:
    """The accepted findings still to be met, taken from each report as it is checked."""

    def __init__(self, accepted: Counter[tuple[str, str]]) -> None:
        self.left = Counter(accepted)
        self.matched = 0

    def take(self, result: FileResult) -> FileResult:
        """The report without the findings the baseline accepts."""
        kept = []
        for f in result.findings:
            key = (report_key(result.path), fingerprint(f.id))
            if self.left[key] > 0:
                self.left[key] -= 1
                self.matched += 1
            else:
                kept.append(f)
        return replace(result, findings=kept)
