"""What every output format says alike: counts by severity, a report's genre, page lists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from auditor.findings import SEVERITIES
from auditor.pipeline import FileResult


def counts(results: list[FileResult]) -> dict[str, int]:
    tally = Counter(f.severity for r in results for f in r.findings)
    return {name: tally.get(name, 0) for name in SEVERITIES}


def genre(year: int | None, kind: str | None) -> str:
    """“2023年度决算”, with what could not be told said so."""
    return f"{year or '?'}年度{kind or '（类型未识别）'}"


def pages(numbers: Iterable[int]) -> str:
    """Page numbers as a reader writes them: 2、5、7."""
    return "、".join(map(str, numbers))
