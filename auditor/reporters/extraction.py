"""What the checks see of a report, as plain data: its lines, its figures and its tables.

`auditor extract` prints this so an auditor can compare what was read with the source,
every line named as findings name it (`12`, or `p7:L12` on a PDF).
"""

from __future__ import annotations

from auditor.document import Document
from auditor.facts import Fact
from auditor.numbers import Figure
from auditor.ocr_review import Read, read_figures
from auditor.read import Source
from auditor.tables.model import Table


def _read(figure: Figure, reads: dict[int, Read]) -> dict:
    """How a figure was read: by OCR, with the run's score and box, its doubts and whether
    it is printed elsewhere too; nothing for a text layer's."""
    read = reads.get(id(figure))
    if read is None:
        return {}
    return {
        "source": "ocr",
        "score": round(read.span.score, 3),
        "box": {"page": read.page, "bbox": list(read.span.box)},
        "suspect": list(read.doubts),
        "confirmed": read.confirmed,
    }


def _fact(source: Source, fact: Fact, reads: dict[int, Read]) -> dict:
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
        **_read(fact.figure, reads),
    }


def _table(source: Source, table: Table, reads: dict[int, Read]) -> dict:
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
                **_cells_read(row.cells, reads),
            }
            for row in table.rows
        ],
    }


def _cells_read(cells: dict, reads: dict[int, Read]) -> dict:
    """A row's cells read by OCR, each as `_read` says, under "ocr" (the cells stay text)."""
    found = {name: _read(cell.figure, reads) for name, cell in cells.items()}
    found = {name: read for name, read in found.items() if read}
    return {"ocr": found} if found else {}


def extraction(source: Source, doc: Document) -> dict:
    reads = read_figures(source, doc)
    return {
        "path": source.path,
        "encoding": source.encoding,
        "pages": source.pages or None,
        "scanned_pages": list(source.scanned),
        "ocr_pages": list(source.ocr_pages),
        "genre": doc.genre,
        "year": doc.year,
        "lines": [
            {
                "at": str(source.place(n)),
                "text": text,
                **({"source": "ocr"} if n in source.ocr else {}),
            }
            for n, text in enumerate(source.lines, 1)
        ],
        "facts": [_fact(source, fact, reads) for fact in doc.facts],
        "tables": [_table(source, table, reads) for table in doc.tables],
    }
