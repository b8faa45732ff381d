"""Machine-readable output: version 2, documented in README.md and described by the JSON
Schema auditor/schema/findings-v2.json."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TextIO

from auditor.findings import Finding, Place, Quantity
from auditor.pipeline import FileResult
from auditor.reporters.summary import counts
from auditor.series import Series

VERSION = 2


def number(value: Decimal) -> str:
    """A decimal string as written by hand: never an exponent (1E+3 is "1000")."""
    return format(value, "f")


def quantity(q: Quantity) -> dict:
    return {"value": None if q.value is None else number(q.value), "unit": q.unit, "text": q.text}


def place(p: Place) -> dict:
    """A cited line: its page (a PDF's only), its line on that page (of the text read, for
    other formats), its text, and where its format places it (paragraph, table and row;
    sheet and cell; column of a very long line; the file of a report in several)."""
    out = {**({"page": p.page} if p.page else {}), "line": p.line, "text": p.text}
    out.update(p.fields)
    return out


def finding(f: Finding) -> dict:
    """One finding; a figure it does not name is left out, not null."""
    out: dict = {
        "id": f.id,
        "rule": f.rule,
        "title": f.title,
        "severity": f.severity,
        "message": f.message,
        "cited": [place(p) for p in f.cited],
    }
    if f.stated:
        out["stated"] = quantity(f.stated)
    if f.expected:
        out["expected"] = quantity(f.expected)
        if f.expected_low and f.expected_high:
            out["expected"]["low"] = quantity(f.expected_low)
            out["expected"]["high"] = quantity(f.expected_high)
    if f.difference:
        out["difference"] = quantity(f.difference)
    out["rounding_only"] = f.rounding_only
    if f.related:
        out["related"] = list(f.related)
    if f.related_file:
        out["related_file"] = f.related_file
    if f.culprit:
        c = f.culprit
        out["culprit"] = {
            "cited": place(c.place),
            "stated": quantity(c.stated),
            "suggested": quantity(c.suggested),
            "pattern": c.pattern,
            "explanation": c.explanation,
        }
    if f.ocr:
        out["ocr"] = {
            "score": round(f.ocr.score, 3),
            "figures": [
                {"cited": place(at), "text": text, "score": round(score, 3)}
                for at, text, score in f.ocr.figures
            ],
        }
    out["rules"] = list(f.rules)
    if f.also:
        out["also"] = [
            {
                "rule": g.rule,
                "title": g.title,
                "severity": g.severity,
                "message": g.message,
                "cited": [place(p) for p in g.cited],
            }
            for g in f.also
        ]
    return out


def file_entry(r: FileResult) -> dict:
    entry: dict = {
        "path": r.path,
        "genre": r.genre,
        "year": r.year,
        "figures": r.figures,
        "tables": r.tables,
        "pages": r.pages or None,
        "scanned_pages": list(r.scanned),
    }
    if r.ocr_pages:
        entry["ocr_pages"] = list(r.ocr_pages)
    if r.error:
        entry["error"] = r.error
    entry["findings"] = [finding(f) for f in r.findings]
    return entry


def dumps(results: list[FileResult], series: Series | None = None) -> str:
    """The whole document, ending in a newline: written in one go, never in part; with
    `series` (--across), which reports were held to which, and which stood alone."""
    summary = {
        "files": len(results),
        **counts(results),
        "unreadable": sum(1 for r in results if r.error),
    }
    document: dict = {"version": VERSION, "files": [file_entry(r) for r in results]}
    if series is not None:
        document["across"] = {
            "links": [
                {"pairing": link.pairing, "earlier": link.earlier, "later": link.later}
                for link in series.links
            ],
            "alone": [{"path": path, "reason": reason} for path, reason in series.alone],
        }
    document["summary"] = summary
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(results: list[FileResult], out: TextIO) -> None:
    out.write(dumps(results))
