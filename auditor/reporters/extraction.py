"""What the checks see of a report, as plain data: its lines, its figures and its tables.

`auditor extract` prints this so an auditor can compare what was read with the source,
every line named as findings name it (`12`, or `p7:L12` on a PDF).
"""

from __future__ import annotations

from auditor.document import Document
from auditor.facts import Fact
from auditor.read import Source
from auditor.tables.model import Table


def _fact(source: Source, fact: Fact) -> dict:
    return {
        "lines": [str(source.place(n)) for n in fact.lines],
        "text": fact.figure.text,
        "value": str(fact.figure.value),
        "unit": fact.figure.unit,
        "label": fact.label,
        "role": fact.role,
        "concept": fact.concept,
        "scope": fact.scope,
        "basis": fact.basis or None,
        "period": fact.period,
    }


def _table(source: Source, table: Table) -> dict:
    return {
        "title": table.label(),
        "line": str(source.place(table.line)),
        "standard": table.standard,
        "unit": table.unit,
        "scope": table.scope,
        "empty": table.empty,
        "problem": table.problem,
        "halves": [
            {"group": segment.group, "columns": [column.name for column in segment.columns]}
            for segment in table.segments
        ],
        "rows": [
            {
                "line": str(source.place(row.line)),
                "half": row.segment,
                "code": row.code,
                "label": row.label,
                "cells": {name: cell.figure.text for name, cell in row.cells.items()},
            }
            for row in table.rows
        ],
    }


def extraction(source: Source, doc: Document) -> dict:
    return {
        "path": source.path,
        "encoding": source.encoding,
        "pages": source.pages or None,
        "scanned_pages": list(source.scanned),
        "genre": doc.genre,
        "year": doc.year,
        "lines": [
            {"at": str(source.place(n)), "text": text} for n, text in enumerate(source.lines, 1)
        ],
        "facts": [_fact(source, fact) for fact in doc.facts],
        "tables": [_table(source, table) for table in doc.tables],
    }
