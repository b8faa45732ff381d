"""Machine-readable output; the schema (version 1) is documented in README.md."""

from __future__ import annotations

import json
from typing import TextIO

from auditor.pipeline import FileResult
from auditor.reporters.summary import counts

VERSION = 1


def write(results: list[FileResult], out: TextIO) -> None:
    files = []
    for r in results:
        entry: dict = {
            "path": r.path,
            "kind": r.kind,
            "year": r.year,
            "figures": r.figures,
            "tables": r.tables,
            "pages": r.pages or None,
            "scanned_pages": list(r.scanned),
        }
        if r.error:
            entry["error"] = r.error
        entry["findings"] = [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "lines": [r.places[n].line for n in f.lines],
                "cited": [
                    {"page": r.places[n].page, "line": r.places[n].line, "text": r.places[n].text}
                    for n in f.lines
                ],
                "stated": f.stated,
                "expected": f.expected,
                "difference": f.difference,
                "expected_low": f.expected_low,
                "expected_high": f.expected_high,
            }
            for f in r.findings
        ]
        files.append(entry)
    summary = {
        "files": len(results),
        **counts(results),
        "unreadable": sum(1 for r in results if r.error),
    }
    json.dump(
        {"version": VERSION, "files": files, "summary": summary}, out, ensure_ascii=False, indent=2
    )
    out.write("\n")
