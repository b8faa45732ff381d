"""What the property and fixture tests share: the built-in rules, auditing a text or a
fixture file, and hypothesis settings scaled by AUDITOR_PROPERTY_SCALE."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

from auditor.checks import KINDS
from auditor.pipeline import FileResult, audit_path, audit_source
from auditor.read import Source
from auditor.rules import load

RULES, VOCAB = load(None, KINDS)
SCALE = float(os.environ.get("AUDITOR_PROPERTY_SCALE", "1"))
# CI runs the same examples every time (a red build must be reproducible); a deeper or
# different search: AUDITOR_PROPERTY_SCALE=20, or AUDITOR_PROPERTY_RANDOM=1 for fresh examples.
SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("AUDITOR_PROPERTY_RANDOM"),
)

Expected = set[tuple[str, str, tuple[int, ...]]]


def audit(text: str, path: str = "gen.txt") -> FileResult:
    return audit_source(Source(path, tuple(text.split("\n")), "utf-8"), RULES, VOCAB)


def show(findings) -> str:
    return "\n".join(f"{f.severity} {f.rule} {f.lines} {f.message}" for f in findings)


def findings(path: Path) -> Expected:
    """(rule, severity, lines) of every finding on a fixture file that must be readable, and
    of every rule's finding folded into another (one discrepancy seen by several rules,
    tested as such in test_diagnosis)."""
    result = audit_path(str(path), RULES, VOCAB)
    assert result.error is None, result.error
    return {(g.rule, g.severity, g.lines) for f in result.findings for g in (f, *f.also)}
