"""Counts by severity, shared by every output format."""

from __future__ import annotations

from collections import Counter

from auditor.findings import SEVERITIES
from auditor.pipeline import FileResult


def counts(results: list[FileResult]) -> dict[str, int]:
    tally = Counter(f.severity for r in results for f in r.findings)
    return {name: tally.get(name, 0) for name in SEVERITIES}
