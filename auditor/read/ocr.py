"""Scanned pages read by OCR (`--ocr`, the extra `auditor[ocr]`): a PDF page with no text
layer is taken as an image (its one embedded image at its own resolution, else rendered),
recognised by RapidOCR (PP-OCR's Chinese models, shipped in its wheel) and laid out as the
text layer's lines are: rows by vertical overlap, runs placed at their columns, so that a
scanned table reads as an unruled one does. Each line keeps its recognised runs (score and
box), which is what lets a finding built on them be held as doubtful (auditor.ocr_review).

The angle classifier stays off: on these pages it turned short codes upside down ("08" read
as "80" with confidence 0.997), and report pages are upright."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from itertools import pairwise
from math import atan2, tan
from pathlib import Path
from statistics import median

import regex

from auditor.read.ocr_rules import Grid, grids
from auditor.read.ocr_switch import processes
from auditor.read.ocr_text import normalise
from auditor.records import dataclass
from auditor.text.width import display_width

DPI = 200  # a page with no single image covering it is rendered at this resolution
MIN_SCORE = 0.3  # the engine's runs below this are dropped (its own default, 0.5, drops too much)
ENGINE = "rapidocr-onnxruntime 1 PP-OCRv4 cls-off score-0.3"  # in the cache key
WIDE = 1.5  # a gap wider than this many characters separates an unruled table's cells


@dataclass(frozen=True)
class Span:
    """One recognised run of a line: where it stands in the line's text, what was read, the
    engine's confidence, and its box on the page (x0, top, x1, bottom in PDF points)."""

    start: int
    end: int
    text: str
    score: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class OcrPage:
    number: int
    lines: tuple[str, ...]
    spans: tuple[tuple[Span, ...], ...]  # each line's runs, left to right


# ---- lines from recognised boxes


@dataclass(frozen=True)
class _Box:
    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float
    level: float  # top corrected for the page's skew: rows are found on it
    centre: tuple[float, float]  # in the image's pixels, where the ruled tables are

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _boxes(found: Sequence[tuple[list, str, float]], scale: tuple[float, float, float, float]):
    """The engine's quadrilaterals in PDF points (x = a + b·px, top = c + d·py), each run's
    text normalised; the page's skew, from the slope of its long runs, taken out of `level`."""
    a, b, c, d = scale
    slopes = []
    for quad, _, _ in found:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        if abs(x1 - x0) > 3 * abs(quad[3][1] - y0):
            slopes.append(atan2(y1 - y0, x1 - x0))
    skew = tan(median(slopes)) if slopes else 0.0
    out = []
    for quad, text, score in found:
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        text = normalise(text.strip())
        if not text:
            continue
        top, bottom = c + d * min(ys), c + d * max(ys)
        x0, x1 = a + b * min(xs), a + b * max(xs)
        level = top - d * skew * ((min(xs) + max(xs)) / 2)
        centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        out.append(_Box(text, float(score), x0, top, x1, bottom, level, centre))
    return out


def _rows(boxes: list[_Box]) -> list[list[_Box]]:
    """Runs grouped into printed lines: a run joins the line it overlaps most (on the page
    made level), as the text layer's characters do."""
    rows: list[tuple[list[float], list[_Box]]] = []
    for box in sorted(boxes, key=lambda b: (b.level, b.x0)):
        span = (box.level, box.level + box.height)
        best, most = None, 0.0
        for extent, members in rows[-4:]:
            overlap = min(span[1], extent[1]) - max(span[0], extent[0])
            if overlap > 0.4 * min(box.height, extent[1] - extent[0]) and overlap > most:
                best, most = (extent, members), overlap
        if best is None:
            rows.append(([span[0], span[1]], [box]))
        else:
            best[0][0], best[0][1] = min(best[0][0], span[0]), max(best[0][1], span[1])
            best[1].append(box)
    return [sorted(members, key=lambda b: b.x0) for _, members in rows]


def _cell(boxes: list[_Box]) -> float:
    """One display cell (half a Chinese character) on this page, from the runs' widths."""
    widths = [(b.x1 - b.x0) / display_width(b.text) for b in boxes if display_width(b.text) >= 2]
    return median(widths) if widths else 6.0


def _line(row: list[_Box], cell: float, origin: float) -> tuple[str, tuple[Span, ...]]:
    """A row laid out as `pdftotext -layout` does: each run at its column, far-apart runs at
    least two spaces apart (an unruled table's cells), near ones one space."""
    out, spans, width = "", [], 0
    for previous, box in pairwise([None, *row]):
        column = max(round((box.x0 - origin) / cell), 0)
        if previous is None:
            pad = column
        elif box.x0 - previous.x1 > WIDE * 2 * cell:
            pad = max(2, column - width)
        else:
            pad = 1
        out += " " * pad
        width += pad
        spans.append(Span(len(out), len(out) + len(box.text), box.text, box.score, _box(box)))
        out += box.text
        width += display_width(box.text)
    return out, tuple(spans)


def _box(b: _Box) -> tuple[float, float, float, float]:
    return (round(b.x0, 1), round(b.top, 1), round(b.x1, 1), round(b.bottom, 1))


FOLIO = regex.compile(r"^[\s\-—–第]*\d{1,4}[\s\-—–页]*$")  # a page number alone on its line


def layout(
    found: Sequence[tuple[list, str, float]],
    scale: tuple[float, float, float, float],
    tables: Sequence[Grid] = (),
) -> tuple[list[str], list[tuple[Span, ...]]]:
    """A page's lines and their runs, in reading order: a ruled table's rows as tab-separated
    cells, other runs laid out by rows and columns; a page number at the foot or head left
    out, as the text layer's running lines are."""
    boxes = _boxes(found, scale)
    if not boxes:
        return [], []
    free: list[_Box] = []
    cells: dict[tuple[int, int, int], list[_Box]] = {}
    for box in boxes:
        for t, grid in enumerate(tables):
            at = grid.cell_at(*box.centre)
            if at is not None:
                cells.setdefault((t, *at), []).append(box)
                break
        else:
            free.append(box)
    placed: list[tuple[float, str, tuple[Span, ...]]] = []
    if free:
        cell = _cell(free)
        origin = min(b.x0 for b in free)
        for row in _rows(free):
            placed.append((min(b.top for b in row), *_line(row, cell, origin)))
    for t, grid in enumerate(tables):
        placed.extend(_table_rows(t, grid, cells, scale))
    placed.sort(key=lambda item: item[0])
    while placed and FOLIO.match(placed[-1][1]):
        placed.pop()
    while placed and FOLIO.match(placed[0][1]):
        placed.pop(0)
    return [text for _, text, _ in placed], [spans for _, _, spans in placed]


def _table_rows(t: int, grid: Grid, cells: dict, scale) -> Iterator[tuple[float, str, tuple]]:
    """Each row of a ruled table that holds text: its top, its cells joined by tabs (a merged
    cell's text in its top-left cell, the others empty), and its runs."""
    for row in range(len(grid.ys) - 1):
        line, spans = "", []
        for column in range(len(grid.xs) - 1):
            if column:
                line += "\t"
            if grid.owner(row, column) != (row, column):
                continue
            for box in _in_cell(cells.get((t, row, column), [])):
                spans.append(
                    Span(len(line), len(line) + len(box.text), box.text, box.score, _box(box))
                )
                line += box.text
        if spans:
            yield scale[2] + scale[3] * grid.ys[row], line, tuple(spans)


def _in_cell(boxes: list[_Box]) -> list[_Box]:
    """A cell's runs in reading order: its printed lines in turn, each left to right."""
    return [box for row in _rows(boxes) for box in row]


# ---- page images, recognition, cache


def _image(pdf, index: int):
    """The page as an image and how its pixels map to PDF points (a, b, c, d: x = a + b·px,
    top = c + d·py): its one image at its own resolution when that image is the whole page
    (as a scan is), else the page rendered at DPI."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    page = pdf[index]
    width, height = page.get_size()
    images = list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
    if len(images) == 1 and not page.get_rotation():
        image = images[0]
        left, bottom, right, top = image.get_bounds()
        matrix = image.get_matrix()
        covers = (right - left) * (top - bottom) >= 0.8 * width * height
        if covers and matrix.b == 0 and matrix.c == 0:
            try:
                bitmap = image.get_bitmap(render=False).to_pil()
            except pdfium.PdfiumError:
                bitmap = None
            if bitmap is not None and bitmap.width >= 500:
                pixels = bitmap.convert("RGB")
                scale = (
                    left,
                    (right - left) / pixels.width,
                    height - top,
                    (top - bottom) / pixels.height,
                )
                return pixels, scale
    factor = DPI / 72
    pixels = page.render(scale=factor, grayscale=True).to_pil().convert("RGB")
    return pixels, (0.0, 1 / factor, 0.0, 1 / factor)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "auditor" / "ocr"


def _key(pixels) -> str:
    """The cache's name for a page image: its pixels and the engine's settings."""
    digest = hashlib.sha256(ENGINE.encode())
    digest.update(f"{pixels.width}x{pixels.height}".encode())
    digest.update(pixels.tobytes())
    return digest.hexdigest()


def _cached(key: str) -> list | None:
    try:
        return json.loads((_cache_dir() / f"{key}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _store(key: str, found: list) -> None:
    """Kept for the next run; a cache that cannot be written only costs time."""
    folder = _cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{os.getpid()}"
        temporary.write_text(json.dumps(found, ensure_ascii=False), "utf-8")
        temporary.replace(folder / f"{key}.json")
    except OSError:
        pass


_engine = None


def _recognise(pixels) -> list:
    """The engine's runs on one image: [quadrilateral in pixels, text, score], one thread
    (pages, or files, are spread over processes instead)."""
    global _engine
    import numpy

    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        _engine = RapidOCR(use_cls=False, text_score=MIN_SCORE, intra_op_num_threads=1)
    found, _ = _engine(numpy.asarray(pixels), use_cls=False)
    return [
        [[[float(x), float(y)] for x, y in quad], text, float(score)]
        for quad, text, score in found or []
    ]


def recognise(path: str, data: bytes, numbers: Sequence[int]) -> list[OcrPage]:
    """The pages numbered (1-based) read by OCR, from the cache where the same image was read
    before; pages spread over `processes()` processes, progress shown on a terminal."""
    import pypdfium2 as pdfium

    from auditor.read.pdfium import LOCK

    with LOCK:  # PDFium is not thread-safe
        pdf = pdfium.PdfDocument(data)
    try:
        todo: dict[int, tuple[str, object]] = {}
        found: dict[int, list] = {}
        scales, tables = {}, {}
        for number in numbers:
            with LOCK:
                pixels, scales[number] = _image(pdf, number - 1)
            tables[number] = grids(pixels)
            key = _key(pixels)
            cached = _cached(key)
            if cached is None:
                todo[number] = (key, pixels)
            else:
                found[number] = cached
    finally:
        with LOCK:
            pdf.close()
    for number, runs in _run(path, todo):
        _store(todo[number][0], runs)
        found[number] = runs
    out = []
    for number in numbers:
        lines, spans = layout(found[number], scales[number], tables[number])
        out.append(OcrPage(number, tuple(lines), tuple(spans)))
    return out


def _run(path: str, todo: dict[int, tuple[str, object]]) -> Iterator[tuple[int, list]]:
    """Each page recognised, in a pool when more than one process is allowed and needed."""
    shown = _Progress(path, len(todo))
    jobs = min(processes(), len(todo))
    if jobs <= 1:
        for number, (_, pixels) in todo.items():
            yield number, _recognise(pixels)
            shown.step()
        shown.done()
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {n: pool.submit(_recognise, pixels) for n, (_, pixels) in todo.items()}
        for number, future in futures.items():
            yield number, future.result()
            shown.step()
    shown.done()


class _Progress:
    """Pages recognised so far, on one line of a terminal's stderr (OCR takes seconds a page);
    nothing when stderr is not a terminal or this is a batch's worker."""

    def __init__(self, path: str, total: int) -> None:
        self.path, self.total, self.count = path, total, 0
        self.on = bool(total) and sys.stderr.isatty() and multiprocessing.parent_process() is None
        self._show()

    def _show(self) -> None:
        if self.on:
            name = os.path.basename(self.path)
            sys.stderr.write(f"\r{name}：OCR 识别第 {self.count}/{self.total} 页…")
            sys.stderr.flush()

    def step(self) -> None:
        self.count += 1
        self._show()

    def done(self) -> None:
        if self.on:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
