"""A PDF's text layer as the lines a reader sees, page by page.

pdfplumber's own text puts characters with equal tops on a line; real reports print digits
a few points below the Chinese around them, so lines are built here by vertical overlap.
Ruled tables come from pdfplumber's table finder, one tab-separated line per row with a
merged cell's text in its leftmost cell, which is how the table reader takes copied tables;
other lines are laid out at their columns, as `pdftotext -layout` does, so an unruled table
reads as laid-out text. Running heads and page numbers are left out, so that the pages of a
report run on into each other as its text does.
"""

from __future__ import annotations

import io
import logging
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

import regex

from auditor.errors import InputError
from auditor.text.width import display_width

# pdfminer logs warnings about every odd font or object; a report's reader cannot act on them.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

WIDE_GAP = 1.5  # a gap wider than this many characters separates cells of an unruled table
SPACE_GAP = 0.2  # a gap wider than this part of a character is a space


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[str, ...]
    scanned: bool  # no readable text layer (an image, glyphs without Unicode): nothing read


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _rows(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into printed lines: a character joins the line it overlaps most."""
    lines: list[tuple[list[float], list[dict]]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        span = (c["top"], c["bottom"])
        height = max(c["bottom"] - c["top"], 0.1)
        best, best_overlap = None, 0.0
        for extent, members in lines[-4:]:
            overlap = _overlap(span, (extent[0], extent[1]))
            if overlap > 0.4 * min(height, extent[1] - extent[0]) and overlap > best_overlap:
                best, best_overlap = (extent, members), overlap
        if best is None:
            lines.append(([span[0], span[1]], [c]))
        else:
            best[0][0], best[0][1] = min(best[0][0], span[0]), max(best[0][1], span[1])
            best[1].append(c)
    return [sorted(members, key=lambda c: c["x0"]) for _, members in lines]


def _text(chars: list[dict], unit: float, origin: float = 0.0) -> str:
    """One printed line, laid out as `pdftotext -layout` does: a line starts at its column
    and far-apart runs are placed at theirs (unit: one display cell, origin: the margin), so
    an unruled table's cells and centred headers keep their columns."""
    out: list[str] = []
    width = 0
    previous = None
    for c in chars:
        text = c["text"]
        column = round((c["x0"] - origin) / unit)
        if previous is None:
            out.append(" " * max(column, 0))
            width = max(column, 0)
        else:
            size = max(previous["size"], c["size"], 1.0)
            gap = c["x0"] - previous["x1"]
            if gap > WIDE_GAP * size:
                spaces = max(2, column - width)
                out.append(" " * spaces)
                width += spaces
            elif gap > SPACE_GAP * size and not text.isspace() and not out[-1].endswith(" "):
                out.append(" ")
                width += 1
        out.append(text)
        width += display_width(text)
        previous = c
    return "".join(out).rstrip()


def _unit(rows: list[list[dict]]) -> float:
    """One display cell: half the usual character of the laid-out lines (those with far-apart
    runs, an unruled table's rows) or, with none, of the page. The table's own size, not the
    prose around it, so its part on a page of larger text keeps the columns of its first part."""

    def wide(row: list[dict]) -> bool:
        return any(b["x0"] - a["x1"] > WIDE_GAP * max(a["size"], 1.0) for a, b in pairwise(row))

    laid_out = [c["size"] for row in rows if wide(row) for c in row]
    sizes = laid_out or [c["size"] for row in rows for c in row]
    return median(sizes) / 2 if sizes else 6.0


def _cell(text: str | None) -> str:
    """A table cell on one line: wrapped text joined, tabs (which would split it) made spaces."""
    if not text:
        return ""
    return "".join(part.strip() for part in text.splitlines()).replace("\t", " ")


def _page_lines(chars: list[dict], tables: list) -> list[str]:
    """A page's lines in reading order: text lines and table rows (pdfplumber's tables, found
    on the page's ruling), by their top."""
    return [text for text, _ in _placed(chars, tables)]


def _placed(chars: list[dict], tables: list) -> list[tuple[str, list[dict]]]:
    """A page's lines in reading order, each with its characters (a table row's cell by cell)."""
    boxes = [t.bbox for t in tables]

    def centre(c: dict) -> tuple[float, float]:
        return (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2

    def inside(c: dict, b: tuple) -> bool:
        x, y = centre(c)
        return b[0] <= x <= b[2] and b[1] <= y <= b[3]

    upright = [c for c in chars if c.get("upright", True)]
    outside = [c for c in upright if not any(inside(c, b) for b in boxes)]
    rows = _rows(outside)
    unit = _unit(rows)
    origin = min((c["x0"] for c in outside), default=0.0)
    placed: list[tuple[float, str, list[dict]]] = []
    for line in rows:
        text = _text(line, unit, origin)
        if text.strip():
            placed.append((min(c["top"] for c in line), text, line))
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=True):
            line = "\t".join(_cell(cell) for cell in cells)
            if line.strip():
                placed.append((row.bbox[1], line, _row_chars(row, upright, inside)))
    return [(text, members) for _, text, members in sorted(placed, key=lambda item: item[0])]


def _row_chars(row, chars: list[dict], inside) -> list[dict]:
    """A table row's characters in the order its line reads them: cell by cell, each cell's
    printed lines in turn."""
    out: list[dict] = []
    for cell in sorted((c for c in row.cells if c is not None), key=lambda c: c[0]):
        for line in _rows([c for c in chars if inside(c, cell)]):
            out.extend(line)
    return out


def read_pages(path: str, data: bytes) -> list[Page]:
    """Every page of a PDF, running heads and feet left out; refuses a PDF that is encrypted,
    damaged or has no pages."""
    # PDFium (AUDITOR_PDF=pdfium) reads the same lines as pdfplumber on every fixture and corpus
    # PDF in a third of the time, but has been tried on too few reports to be the default yet
    if os.environ.get("AUDITOR_PDF", "pdfplumber") == "pdfium":
        try:
            return _without_running_lines(list(_pdfium_pages(path, data)))
        except _Unsupported:
            pass  # pdfminer says why it cannot be read, or reads what PDFium would not
    return _without_running_lines(list(_pages(path, data)))


class _Unsupported(Exception):
    """A PDF the PDFium reader leaves to pdfplumber."""


def _pdfium_pages(path: str, data: bytes) -> Iterator[Page]:
    from types import SimpleNamespace

    from pdfplumber.table import TableFinder, TableSettings

    from auditor.read.pdfium import Document

    try:
        document = Document(data)
    except Exception:  # noqa: BLE001 - pdfminer names the damage as the other reader does
        raise _Unsupported from None
    try:
        if not len(document):
            raise InputError(path, "PDF 没有任何页面")
        settings = TableSettings.resolve(None)
        plumber = None
        for index in range(len(document)):
            page = document.page(index)
            if page is None:  # read as pdfminer reads it
                if plumber is None:
                    import pdfplumber

                    plumber = pdfplumber.open(io.BytesIO(data))
                yield _plumber_page(index + 1, plumber.pages[index])
                continue
            chars, edges, images, unmapped = page
            if unmapped > 0.1 * len(chars):
                lines = []
            else:
                found = SimpleNamespace(chars=chars, edges=edges, bbox=None)
                lines = _page_lines(chars, TableFinder(found, settings).tables)
            yield Page(index + 1, tuple(lines), scanned=not lines and bool(images or chars))
    finally:
        document.close()
        if plumber is not None:
            plumber.close()


def _shape(text: str) -> str:
    return regex.sub(r"\d+", "#", regex.sub(r"\s+", "", text))


def _without_running_lines(pages: list[Page]) -> list[Page]:
    """A line printed first or last on most pages (a running head such as the department
    and year, or a page number) is furniture: left in, it would cut a table continued across
    the page from its first part."""
    texts = [p for p in pages if p.lines]
    if len(texts) < 3:
        return pages
    ends = Counter(shape for p in texts for shape in {_shape(p.lines[0]), _shape(p.lines[-1])})
    running = {s for s, n in ends.items() if n >= max(3, len(texts) / 2)}
    if not running:
        return pages
    out = []
    for page in pages:
        lines = list(page.lines)
        while lines and _shape(lines[0]) in running:
            lines.pop(0)
        while lines and _shape(lines[-1]) in running:
            lines.pop()
        out.append(Page(page.number, tuple(lines), page.scanned))
    return out


def _pages(path: str, data: bytes) -> Iterator[Page]:
    import pdfplumber  # imported here: text reports never pay for it

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        raise InputError(path, _reason(exc)) from None
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
            raise InputError(path, _reason(exc)) from None
        if not pages:
            raise InputError(path, "PDF 没有任何页面")
        for number, page in enumerate(pages, 1):
            try:
                yield _plumber_page(number, page)
            except Exception as exc:  # noqa: BLE001
                raise InputError(path, f"第 {number} 页无法解析（{_reason(exc)}）") from None


def line_chars(data: bytes) -> list[tuple[float, list[list[dict]]]]:
    """Each page's height and its lines' characters (pdfplumber's, top-based boxes), numbered as
    `read_pages` numbers the lines (running heads and feet left out): line n of page p is
    `line_chars(data)[p - 1][1][n - 1]`. A page with no readable text has no lines."""
    import pdfplumber

    out: list[tuple[float, list[list[dict]]]] = []
    whole: list[Page] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            chars = page.chars
            placed = [] if _unmapped(chars) else _placed(chars, page.find_tables())
            page.flush_cache()
            out.append((float(page.height), [members for _, members in placed]))
            whole.append(Page(number, tuple(text for text, _ in placed), scanned=False))
    for index, page in enumerate(_without_running_lines(whole)):
        lines, kept = whole[index].lines, page.lines
        start = next(k for k in range(len(lines) - len(kept) + 1) if lines[k:][: len(kept)] == kept)
        out[index] = (out[index][0], out[index][1][start : start + len(kept)])
    return out


def _plumber_page(number: int, page) -> Page:
    chars = page.chars
    lines = [] if _unmapped(chars) else _page_lines(chars, page.find_tables())
    # An image, glyphs without Unicode, or only rotated text: nothing could be read.
    unread = not lines and bool(page.images or chars)
    page.flush_cache()
    return Page(number, tuple(lines), scanned=unread)


def _unmapped(chars: list[dict]) -> bool:
    """Text in a font with no Unicode mapping comes out as "(cid:101)": not readable text."""
    return sum(c["text"].startswith("(cid:") for c in chars) > 0.1 * len(chars)


def _reason(exc: BaseException) -> str:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return "PDF 已加密，无法读取"
    if "Syntax" in name or "EOF" in name or "Value" in name or "Type" in name:
        return "PDF 文件已损坏或不完整"
    return f"PDF 无法读取（{name}）"
