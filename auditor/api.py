"""The library: `audit(report)` checks one report and gives back what was read and found.

`from auditor import audit` loads this module on first use, so `import auditor` stays cheap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from auditor.checks import KINDS
from auditor.facts import Fact
from auditor.findings import Finding
from auditor.numbers import Rounding
from auditor.pipeline import check_source, figures
from auditor.read import Source, read_bytes, read_source, read_text
from auditor.rules import load
from auditor.tables.model import Table

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


def _source(report: str | bytes | os.PathLike[str]) -> Source:
    if isinstance(report, bytes | bytearray | memoryview):
        return read_bytes(BYTES, bytes(report))
    if isinstance(report, str):
        if "\n" not in report and os.path.isfile(report):
            return read_source(report)
        return read_text(TEXT, report.removeprefix("\ufeff"))
    return read_source(os.fspath(report))
