"""A Word document (.docx) as the lines a reader sees: its paragraphs in order, each table
row as one tab-separated line (a merged cell's text in its leftmost cell, as a tab copy of
the table gives it), headers, footers and page numbers left out (they are not in the body).

Paragraph n of the body (empty ones counted, as Word shows them) is cited `段n`; row r of
the t-th table `表t 第r行`.
"""

from __future__ import annotations

import io
import zipfile

from auditor.errors import InputError
from auditor.findings import Place
from auditor.read.rows import alone

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element) -> str:
    """A paragraph's text as Word shows it: runs joined, a tab a tab, a line break a newline."""
    out: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag == f"{W}noBreakHyphen":
            out.append("-")
        else:
            out.append("\n")
    return "".join(out)


def _cell(tc) -> str:
    """A cell on one line: its paragraphs joined (a wrapped cell), tabs made spaces."""
    paragraphs = [_text(p).replace("\t", " ").replace("\n", "") for p in tc.iter(f"{W}p")]
    return "".join(part.strip() for part in paragraphs)


def _span(tc) -> tuple[int, bool]:
    """How many grid columns a cell covers, and whether it continues a vertical merge."""
    props = tc.find(f"{W}tcPr")
    if props is None:
        return 1, False
    span = props.find(f"{W}gridSpan")
    merge = props.find(f"{W}vMerge")
    width = int(span.get(f"{W}val", "1")) if span is not None else 1
    continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
    return max(width, 1), continued


def _row(tr) -> list[str]:
    """One table row as a tab copy gives it: a cell spanning columns leaves them empty after
    its text, a cell continuing a vertical merge is empty."""
    cells: list[str] = []
    props = tr.find(f"{W}trPr")
    before = props.find(f"{W}gridBefore") if props is not None else None
    if before is not None:
        cells.extend([""] * int(before.get(f"{W}val", "0")))
    for tc in tr.findall(f"{W}tc"):
        width, continued = _span(tc)
        cells.append("" if continued else _cell(tc))
        cells.extend([""] * (width - 1))
    return cells


def _blocks(parent):
    """Paragraphs and tables in order; content controls (a 目录 is often one) opened up."""
    for child in parent.iterchildren():
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child


def read_docx(path: str, data: bytes) -> tuple[list[str], list[Place]]:
    """The document's lines and where each is, in Word's terms."""
    try:
        import docx  # imported here: text reports never pay for it
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(path, "读取 .docx 需要 python-docx：pip install python-docx") from None
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f".docx 文件已损坏或不完整（{type(exc).__name__}）") from None
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds
        raise InputError(path, f".docx 无法读取（{type(exc).__name__}）") from None
    lines: list[str] = []
    cites: list[Place] = []
    paragraph = table = 0
    for child in _blocks(body):
        if child.tag == f"{W}p":
            paragraph += 1
            for part in _text(child).split("\n"):
                lines.append(part)
                where = f"段{paragraph}"
                cites.append(Place(len(lines), None, part, where, (("paragraph", paragraph),)))
        elif child.tag == f"{W}tbl":
            table += 1
            header = True  # no row of several cells yet: a one-cell row is a title
            for number, tr in enumerate(child.findall(f"{W}tr"), 1):
                cells = _row(tr)
                if not any(cells):
                    continue  # an empty row says nothing
                line = next(c for c in cells if c) if alone(cells, header) else "\t".join(cells)
                header = header and "\t" not in line
                lines.append(line)
                fields = (("table", table), ("row", number))
                cites.append(Place(len(lines), None, line, f"表{table} 第{number}行", fields))
    if not any(line.strip() for line in lines):
        raise InputError(path, ".docx 中没有任何文字")
    return lines, cites
