"""A batch of generated reports in a folder (tests/report_generator.py), for benchmarks/run.py
and for trying a cluster by hand.

Run: python benchmarks/generate.py FOLDER [COUNT] [SEED]   (defaults 1000 and 0)

Text reports of 20–60 KB, each a whole 部门决算 or 部门预算 whose figures hold together. One
in every PDF_EVERY is a PDF instead, drawn with the primitives of fixtures/pdf/make.py (the
CID font STSong-Light with the digits in Times-Roman, hard-wrapped narrative, page numbers)
and ruled tables, when reportlab is installed (`pip install reportlab`: make.py's tool, not a
dependency of auditor); without it the batch is text only, and says so.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from report_generator import report  # noqa: E402

PDF_EVERY = 20
NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")
MARGIN = 36.0


def pdf_tool() -> ModuleType | None:
    """fixtures/pdf/make.py, or None when reportlab is not installed."""
    if importlib.util.find_spec("reportlab") is None:
        return None
    spec = importlib.util.spec_from_file_location("fixture_pdf", ROOT / "fixtures/pdf/make.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _grid(make: ModuleType, w, rows: list[list[str]]) -> None:
    """A ruled table, its columns as wide as their widest text, the type made smaller to fit
    the page; a row that does not fit goes on to the next page."""
    size = 7.0
    count = max(len(r) for r in rows)
    rows = [r + [""] * (count - len(r)) for r in rows]
    widths = [max(make.text_width(r[k], size) for r in rows) + 6 for k in range(count)]
    room = make.WIDTH - 2 * MARGIN
    if sum(widths) > room:
        scale = room / sum(widths)
        size, widths = size * scale, [x * scale for x in widths]
    edges = [(make.WIDTH - sum(widths)) / 2]
    for x in widths:
        edges.append(edges[-1] + x)
    height = size * 2.2
    c = w.c
    c.setLineWidth(0.5)
    for row in rows:
        if w.y - height < 60:
            w.new_page()
        top, bottom = w.y, w.y - height
        c.line(edges[0], top, edges[-1], top)
        c.line(edges[0], bottom, edges[-1], bottom)
        for x in edges:
            c.line(x, top, x, bottom)
        base = bottom + (height - size) / 2 + 1
        for k, text in enumerate(row):
            if not text:
                continue
            if NUMBER.match(text):
                x = edges[k + 1] - 3 - make.text_width(text, size)
            else:
                x = edges[k] + 3
            make.draw_text(c, x, base, text, size)
        w.y = bottom
    w.gap(make.LEADING)


def to_pdf(make: ModuleType, lines: tuple[str, ...], title: str) -> bytes:
    """The report's lines as a PDF: prose wrapped as make.py wraps it, tab rows as tables."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("auditor benchmarks/generate.py")
    w = make.Writer(c)
    table: list[list[str]] = []
    for line in (*lines, ""):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            _grid(make, w, table)
            table = []
        for part in make.wrap(line) if line else ():
            w.line(part)
    make.page_number(c, w.page)
    c.showPage()
    c.save()
    return out.getvalue()


def write_batch(folder: Path, count: int, seed: int = 0) -> tuple[int, int, int]:
    """Reports 0…count-1 of `seed` written into `folder`: (files, PDFs, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    make = pdf_tool()
    pdfs = size = 0
    for index in range(count):
        r = report(seed, index)
        if make is not None and index % PDF_EVERY == PDF_EVERY - 1:
            data = to_pdf(make, r.lines, r.lines[0])
            path = folder / Path(r.name).with_suffix(".pdf")
            pdfs += 1
        else:
            data = r.text.encode()
            path = folder / r.name
        path.write_bytes(data)
        size += len(data)
    return count, pdfs, size


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    files, pdfs, size = write_batch(folder, count, seed)
    note = "" if pdfs or count < PDF_EVERY else "（reportlab 未安装：只有文本）"
    print(f"{folder}: {files} reports, {pdfs} PDFs, {size / 1e6:.1f} MB{note}")


if __name__ == "__main__":
    main()
