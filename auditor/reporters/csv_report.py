"""CSV: the finding sheet of the .xlsx (sheet.COLUMNS), one row per finding, figures as the
report prints them (2,946.25万元). Excel opens a CSV as the local code page unless it starts
with a byte order mark: `dumps` gives the bytes with one (UTF-8 with BOM); `write` the text
without it, for whoever encodes it (as utf-8-sig)."""

from __future__ import annotations

import csv
import io
import re
from typing import TextIO

from auditor.findings import Quantity
from auditor.pipeline import FileResult
from auditor.reporters.sheet import COLUMNS, Cell, finding_rows
from auditor.rules import Rule

ENCODING = "utf-8-sig"  # UTF-8 after a byte order mark (EF BB BF)
# what makes a spreadsheet read a cell as a formula: such text from a report is quoted with
# a leading apostrophe (as OWASP advises for CSV injection)
FORMULA = ("=", "+", "-", "@", "\t", "\r")
NEGATIVE = re.compile(r"-[\d,]+(?:\.\d+)?(?:万元|亿元|元|%|个百分点)?")


def cell(value: Cell) -> str:
    if isinstance(value, Quantity):
        value = value.text
    if value is None:
        return ""
    value = str(value)
    if NEGATIVE.fullmatch(value):
        return value  # a negative figure (−0.01万元) is no formula: left as printed
    return f"'{value}" if value.startswith(FORMULA) else value


def write(results: list[FileResult], rules: list[Rule], out: TextIO) -> None:
    """The header and one row per finding, lines ended by CRLF; no byte order mark."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([cell(v) for v in row] for row in finding_rows(results))


def dumps(results: list[FileResult], rules: list[Rule] | None = None) -> bytes:
    """The whole file as Excel wants it: UTF-8 with a byte order mark."""
    out = io.StringIO(newline="")
    write(results, rules or [], out)
    return out.getvalue().encode(ENCODING)
