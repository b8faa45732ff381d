"""The library: `audit(report)` checks one report and gives back what was read and found;
`audit_many(reports)` checks a batch, here or on a Dask cluster, as `auditor check` does.

`from auditor import audit` loads this module on first use, so `import auditor` stays cheap.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.batch import audit_all
from auditor.checks import KINDS
from auditor.facts import Fact
from auditor.findings import Finding
from auditor.numbers import Rounding
from auditor.pipeline import FileResult, check_source, expand, figures
from auditor.read import Source, read_bytes, read_source, read_text
from auditor.records import dataclass
from auditor.rules import load
from auditor.tables.model import Table

if TYPE_CHECKING:
    from distributed import Client

TEXT, BYTES = "<text>", "<bytes>"  # the path of a report given as a string or as bytes


@dataclass
class Result:
    """What was read in one report and what its rules found there."""

    path: str  # the file, or <text> / <bytes> for a report given in memory
    genre: str | None  # 预算 or 决算, from how the report names itself
    year: int | None  # the fiscal year it reports on
    findings: list[Finding]  # in reading order; each with its quantities and cited lines
    facts: list[Fact] = field(repr=False)  # every amount and percentage read in the prose
    tables: list[Table] = field(repr=False)  # every table read (standard None: not a standard one)
    lines: tuple[str, ...] = field(repr=False)  # the original lines (a PDF's, page after page)
    pages: int = 0  # of a PDF
    unread_pages: tuple[int, ...] = ()  # PDF pages with no text layer: nothing on them read

    @property
    def figures(self) -> int:
        """Amounts and percentages read, in prose and in tables (0: not a report at all)."""
        return figures(self.facts, self.tables)


def audit(
    report: str | bytes | os.PathLike[str],
    *,
    rules: str | os.PathLike[str] | None = None,
    rounding: str | Rounding = "either",
) -> Result:
    """Check one report.

    `report` is a path (str or path-like), the report's bytes (a PDF if they start with
    %PDF-, a .docx, .xlsx, .xls or web page as their first bytes say, else a text file in
    any encoding the CLI reads), or its text: a str is a path if
    such a file exists, else the report's text. `rules` is a folder of rule files added to
    (or replacing, file by file) the built-in ones, as `--rules` does. `rounding` is how the
    report rounds: "half-up", "truncate" or "either".

    Raises auditor.errors.InputError when the report cannot be read, RulesError when a rule
    file is wrong, ValueError for an unknown rounding.
    """
    rule_list, vocab = load(Path(rules) if rules is not None else None, KINDS)
    source = _source(report)
    doc, findings = check_source(source, rule_list, vocab, Rounding(rounding))
    return Result(
        source.path,
        doc.genre,
        doc.year,
        findings,
        doc.facts,
        doc.tables,
        source.lines,
        source.pages,
        source.scanned,
    )


def audit_many(
    reports: Iterable[str | os.PathLike[str]],
    *,
    rules: str | os.PathLike[str] | None = None,
    rounding: str | Rounding = "either",
    jobs: int | None = None,
    dask: str | Client | None = None,
) -> Iterator[FileResult]:
    """Check a batch of reports, as `auditor check` does.

    `reports` are files, directories (every report file below them, sorted), fsspec URLs
    and URL globs (`s3://bucket/2024/**.pdf`; fsspec needed). Each file's FileResult
    (path, genre, year, figures, tables, findings, error, pages, scanned) is yielded in
    that order, the same whatever the jobs or the cluster; a file that cannot be read has
    its `error` set instead of raising. The files are checked in `jobs` processes here
    (default: one per core) or, given `dask`, on a Dask cluster: a `distributed.Client`,
    "local:N" (N worker processes started for the run) or a scheduler's address
    (tcp://host:8786). `rules` and `rounding` as for audit().

    Raises RulesError and ValueError at once, as audit() does; ClusterError, while
    iterating, when the cluster cannot be started or reached.
    """
    rule_list, vocab = load(Path(rules) if rules is not None else None, KINDS)
    items = expand([os.fspath(report) for report in reports])
    jobs = jobs or os.cpu_count() or 1
    return audit_all(items, rule_list, vocab, Rounding(rounding), jobs, dask=dask)


def _source(report: str | bytes | os.PathLike[str]) -> Source:
    if isinstance(report, bytes | bytearray | memoryview):
        return read_bytes(BYTES, bytes(report))
    if isinstance(report, str):
        if "\n" not in report and os.path.isfile(report):
            return read_source(report)
        return read_text(TEXT, report.removeprefix("\ufeff"))
    return read_source(os.fspath(report))
