"""GitLab Code Quality: a JSON array of issues, one a finding (error → major, warning → minor,
info → info), each with a fingerprint unique to its report and finding. A PDF's line is the
line on its page; the description then begins with the place (第7页第12行). An unreadable file
is one issue of check `unreadable` (critical) at its line 1."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from auditor.findings import Finding
from auditor.pipeline import FileResult
from auditor.reporters.machine import anchor, file_of, line_of, placed_text, relative
from auditor.rules import Rule

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
UNREADABLE = "unreadable"


def fingerprint(report: str, key: str) -> str:
    """Unique to a report and a finding (its id is unique within the report)."""
    return hashlib.sha256(f"{relative(report)}\x1f{key}".encode()).hexdigest()


def issue(
    description: str, check: str, fingerprint: str, severity: str, path: str, line: int
) -> dict[str, object]:
    return {
        "type": "issue",
        "description": description,
        "check_name": check,
        "fingerprint": fingerprint,
        "severity": severity,
        "categories": ["Bug Risk"],
        "location": {"path": relative(path), "lines": {"begin": line}},
    }


def entry(report: str, f: Finding) -> dict[str, object]:
    shown = anchor(f)
    key = fingerprint(report, f.id)
    path = file_of(report, shown)
    return issue(placed_text(f), f.rule, key, SEVERITY[f.severity], path, line_of(shown))


def write(results: list[FileResult], rules: list[Rule], out: TextIO) -> None:
    issues = []
    for r in results:
        if r.error:
            issues.append(
                issue(r.error, UNREADABLE, fingerprint(r.path, UNREADABLE), "critical", r.path, 1)
            )
        issues.extend(entry(r.path, f) for f in r.findings)
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
