"""A PDF's text layer as the lines a reader sees, page by page.

Characters, their boxes and the page's ruling are read with PDFium (auditor.read.pdfium).
Real reports print digits a few points below the Chinese around them, so lines are built by
vertical overlap, not equal tops. Ruled tables (auditor.read.ruling) become one tab-separated
line per row with a merged cell's text in its leftmost cell, as the table reader takes copied
tables;
other lines are laid out at their columns, as `pdftotext -layout` does, so an unruled table
reads as laid-out text. Running heads and page numbers are left out, so that the pages of a
report run on into each other as its text does.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from operator import itemgetter
from statistics import median

import regex

from auditor.errors import InputError
from auditor.read.ruling import Placed, cell_text, find_tables
from auditor.records import dataclass
from auditor.text.width import display_width

# pdfminer logs warnings about every odd font or object; a report's reader cannot act on them.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

WIDE_GAP = 1.5  # a gap wider than this many characters separates cells of an unruled table
SPACE_GAP = 0.2  # a gap wider than this part of a character is a space
UNMAPPED = 0.1  # a page with more of its characters without Unicode is not read


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[str, ...]
    scanned: bool  # no readable text layer (an image, glyphs without Unicode): nothing read


def _rows(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into printed lines: a character joins the line it overlaps most
    (of the last four), by more than 0.4 of the lower of the two heights."""
    lines: list[tuple[list[float], list[dict]]] = []
    for c in sorted(chars, key=itemgetter("top", "x0")):  # (min and max unrolled: per pair)
        top, bottom = c["top"], c["bottom"]
        height = bottom - top if bottom - top > 0.1 else 0.1
        best, best_overlap = None, 0.0
        for line in lines[-4:]:
            high, low = line[0]
            overlap = (bottom if bottom < low else low) - (top if top > high else high)
            if overlap > best_overlap and overlap > 0.4 * (
                height if height < low - high else low - high
            ):
                best, best_overlap = line, overlap
        if best is None:
            lines.append(([top, bottom], [c]))
        else:
            extent = best[0]
            if top < extent[0]:
                extent[0] = top
            if bottom > extent[1]:
                extent[1] = bottom
            best[1].append(c)
    by_start = itemgetter("x0")
    return [sorted(members, key=by_start) for _, members in lines]


def _text(chars: list[dict], unit: float, origin: float = 0.0) -> str:
    """One printed line, laid out as `pdftotext -layout` does: a line starts at its column
    and far-apart runs are placed at theirs (unit: one display cell, origin: the margin), so
    an unruled table's cells and centred headers keep their columns."""
    out: list[str] = []
    width = 0
    previous = None
    for c in chars:  # (min and max unrolled, the column worked out only where used: per pair)
        text = c["text"]
        if previous is None:
            width = max(round((c["x0"] - origin) / unit), 0)
            out.append(" " * width)
        else:
            size = c["size"] if c["size"] > previous["size"] else previous["size"]
            if size < 1.0:
                size = 1.0
            gap = c["x0"] - previous["x1"]
            if gap > WIDE_GAP * size:
                spaces = max(2, round((c["x0"] - origin) / unit) - width)
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


def _cell(lines: list[str]) -> str:
    """A table cell on one line: wrapped text joined, tabs (which would split it) made spaces."""
    return "".join(part.strip() for part in lines).replace("\t", " ")


def _page_lines(chars: list[dict], edges: list[dict]) -> list[str]:
    """A page's lines in reading order: text lines and the rows of the tables its ruling
    draws, by their top."""
    return [text for text, _ in _placed(chars, edges, members=False)]


def _placed(
    chars: list[dict], edges: list[dict], members: bool = True
) -> list[tuple[str, list[dict]]]:
    """A page's lines in reading order, each with its characters (a table row's cell by cell,
    when `members` is asked: only highlights need them)."""
    tables = find_tables(edges)
    boxes = [t.bbox for t in tables]

    def outside(c: dict) -> bool:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        for x0, top, x1, bottom in boxes:
            if x0 <= x <= x1 and top <= y <= bottom:
                return False
        return True

    upright = [c for c in chars if c.get("upright", True)]
    rows = _rows([c for c in upright if outside(c)] if boxes else upright)
    unit = _unit(rows)
    origin = min((c["x0"] for line in rows for c in line), default=0.0)
    placed: list[tuple[float, str, list[dict]]] = []
    for line in rows:
        text = _text(line, unit, origin)
        if text.strip():
            placed.append((min(c["top"] for c in line), text, line))
    where = Placed(chars) if tables else None  # each character findable by its cell
    for table in tables:
        for row in table.rows:
            cells = where.cells(row) if where else []
            line = "\t".join("" if cell is None else _cell(cell_text(cell)) for cell in cells)
            if line.strip():
                held = [
                    c
                    for cell in (cells if members else ())
                    if cell
                    for printed in _rows([c for c in cell if c.get("upright", True)])
                    for c in printed
                ]
                placed.append((row.bbox[1], line, held))
    return [(text, members) for _, text, members in sorted(placed, key=lambda item: item[0])]


@dataclass(frozen=True)
class _Read:
    """One page as read: its shown height, its lines with their characters, and whether it
    was left unread (a scan, glyphs without Unicode, or glyphs that could not be drawn)."""

    number: int
    height: float
    placed: list[tuple[str, list[dict]]]
    unread: bool
    view: tuple[float, ...]  # user space to the page as shown
    top: float  # the media box's top in user space


def read_pages(path: str, data: bytes) -> list[Page]:
    """Every page of a PDF, running heads and feet left out; refuses a PDF that is encrypted,
    damaged or has no pages."""
    pages = [
        Page(r.number, tuple(text for text, _ in r.placed), scanned=r.unread)
        for r in _read(path, data, members=False)
    ]
    return _without_running_lines(pages)


def _read(path: str, data: bytes, members: bool = True) -> Iterator[_Read]:
    from auditor.read.pdfium import LOCK, Document

    with LOCK:  # PDFium is not thread-safe: one document is read at a time in a process
        try:
            document = Document(data)
        except Exception:  # noqa: BLE001 - PDFium names no reason a reader could act on
            raise InputError(path, _reason(data)) from None
        count = len(document)
    fallback = _PdfMiner(data)
    try:
        if not count:
            raise InputError(path, "PDF 没有任何页面")
        for index in range(count):
            try:
                with LOCK:
                    page = document.page(index)
            except Exception as exc:  # noqa: BLE001 - a page PDFium cannot parse
                raise InputError(
                    path, f"第 {index + 1} 页无法解析（{type(exc).__name__}）"
                ) from None
            if page.undrawn:  # glyphs PDFium cannot draw: pdfminer reads them, or no one
                chars, edges = fallback.page(index) or ([], [])
            elif page.unmapped > UNMAPPED * len(page.chars):
                chars, edges = [], []
            else:
                chars, edges = page.chars, page.edges
            placed = _placed(chars, edges, members) if chars else []
            unread = not placed and bool(page.images or page.chars or page.undrawn)
            yield _Read(index + 1, page.height, placed, unread, page.view, page.top)
    finally:
        with LOCK:
            document.close()
        fallback.close()


class _PdfMiner:
    """Pages read by pdfminer (the optional extra `auditor[pdfminer]`), which reads glyphs of
    fonts neither embedded nor installed from the fonts' own widths: the PDF opened once, on
    the first page PDFium cannot draw. Without the extra, or where pdfminer fails, a page is
    left unread rather than read in part."""

    def __init__(self, data: bytes):
        self.data = data
        self.pdf = None

    def page(self, index: int) -> tuple[list[dict], list[dict]] | None:
        try:
            import pdfplumber
        except ImportError:
            return None
        try:
            if self.pdf is None:
                self.pdf = pdfplumber.open(io.BytesIO(self.data))
            page = self.pdf.pages[index]
            chars, edges = page.chars, page.edges
            page.flush_cache()
        except Exception:  # noqa: BLE001 - pdfminer raises many kinds on what PDFium mended
            return None
        if sum(c["text"].startswith("(cid:") for c in chars) > UNMAPPED * len(chars):
            return [], []
        return chars, edges

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


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


def line_chars(data: bytes) -> list[tuple[float, list[list[dict]]]]:
    """Each page's height and its lines' characters (top-based boxes in the page's own space,
    unturned), numbered as `read_pages` numbers the lines (running heads and feet left out):
    line n of page p is `line_chars(data)[p - 1][1][n - 1]`. A page with no readable text has
    no lines."""
    from auditor.read.turn import IDENTITY, unturned

    read = list(_read("", data))
    whole = [Page(r.number, tuple(text for text, _ in r.placed), r.unread) for r in read]
    out: list[tuple[float, list[list[dict]]]] = []
    for r, page, kept in zip(read, whole, _without_running_lines(whole), strict=True):
        lines = page.lines
        start = next(
            k for k in range(len(lines) - len(kept.lines) + 1)
            if lines[k:][: len(kept.lines)] == kept.lines
        )  # fmt: skip
        chosen = [m for _, m in r.placed[start : start + len(kept.lines)]]
        if r.view != IDENTITY:
            chosen = [unturned(m, r.view, r.height, r.top) for m in chosen]
        out.append((r.top, chosen))  # unturned, the page's own height
    return out


def _reason(data: bytes) -> str:
    """Why a PDF PDFium will not open cannot be read, as pypdf finds it."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on the damage are ours to say
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return "PDF 已加密，无法读取"
        if not len(reader.pages):
            return "PDF 没有任何页面"
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files
        if "Password" in type(exc).__name__ or "ncrypt" in str(exc):
            return "PDF 已加密，无法读取"
    return "PDF 文件已损坏或不完整"
