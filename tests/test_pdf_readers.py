"""The PDFium reader reads every fixture and corpus PDF as pdfminer (through pdfplumber, kept
as the cross-check) does: the same characters and ruling, hence the same lines on every page
and the same citations; and its table finder finds pdfplumber's tables and cell texts."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from auditor.errors import InputError
from auditor.read import pdf as pdf_reader
from auditor.read.pdf import Page, _cell, _page_lines, _without_running_lines, read_pages
from auditor.read.pdfium import Document
from auditor.read.ruling import Placed, cell_text, find_tables

pdfplumber = pytest.importorskip("pdfplumber")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
PDFS = sorted((ROOT / "fixtures").rglob("*.pdf")) + sorted(CORPUS.glob("*.pdf"))
EXAMPLE = ROOT / "fixtures" / "pdf" / "example-final.pdf"
UNRULED = ROOT / "fixtures" / "pdf" / "unruled-final.pdf"


def _ours(path: Path, data: bytes | None = None) -> list | str:
    try:
        pages = read_pages(str(path), data or path.read_bytes())
    except InputError as exc:
        return exc.reason
    return [(page.number, page.scanned, page.lines) for page in pages]


def _pdfminer(data: bytes) -> list:
    """The pages as pdfminer reads the characters and ruling, through the same line building."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            chars = page.chars
            unmapped = sum(c["text"].startswith("(cid:") for c in chars) > 0.1 * len(chars)
            lines = [] if unmapped else _page_lines(chars, page.edges)
            pages.append(Page(number, tuple(lines), not lines and bool(page.images or chars)))
    return [(p.number, p.scanned, p.lines) for p in _without_running_lines(pages)]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_pdfium_reads_the_lines_pdfminer_reads(path):
    ours = _ours(path)
    if isinstance(ours, str):  # refused: the reason names what is wrong with the file
        assert ours in {"PDF 已加密，无法读取", "PDF 文件已损坏或不完整", "PDF 没有任何页面"}
        return
    assert any(lines for _, _, lines in ours) or path.name.startswith(("scanned", "no-unicode"))
    assert ours == _pdfminer(path.read_bytes())


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_table_finder_finds_pdfplumbers_tables(path):
    from pdfplumber.table import TableFinder, TableSettings

    try:
        document = Document(path.read_bytes())
    except Exception:  # noqa: BLE001 - the damaged and locked fixtures
        pytest.skip("not a PDF PDFium opens")
    settings = TableSettings.resolve(None)
    cells = 0
    try:
        for index in range(len(document)):
            read = document.page(index)
            page = SimpleNamespace(chars=read.chars, edges=read.edges, bbox=None)
            theirs = TableFinder(page, settings).tables
            mine, placed = find_tables(read.edges), Placed(read.chars)
            assert [t.bbox for t in mine] == [t.bbox for t in theirs]
            for table, reference in zip(mine, theirs, strict=True):
                rows = table.rows
                assert [r.cells for r in rows] == [r.cells for r in reference.rows]
                texts = [
                    [None if c is None else _cell(cell_text(c)) for c in placed.cells(row)]
                    for row in rows
                ]
                expected = [
                    [None if t is None else _cell(t.splitlines()) for t in row]
                    for row in reference.extract()
                ]
                assert texts == expected
                cells += len(table.cells)
    finally:
        document.close()
    if path.parent == CORPUS:
        assert cells > 100  # every real report here prints ruled tables


def _turned(data: bytes, rotation: int) -> bytes:
    """The PDF with every page's content drawn turned and a /Rotate that shows it as before,
    as PDFs of landscape tables often are."""
    from pypdf import PdfWriter, Transformation

    writer = PdfWriter(clone_from=io.BytesIO(data))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        matrix = {
            90: (0, 1, -1, 0, height, 0),
            180: (-1, 0, 0, -1, width, height),
            270: (0, -1, 1, 0, 0, width),
        }[rotation]
        page.add_transformation(Transformation(matrix))
        if rotation in (90, 270):
            page.mediabox.lower_left, page.mediabox.upper_right = (0, 0), (height, width)
        page.rotation = rotation
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("rotation", [90, 180, 270])
@pytest.mark.parametrize("path", [EXAMPLE, UNRULED], ids=lambda p: p.name)
def test_a_turned_page_reads_as_it_is_shown(path, rotation):
    turned = _turned(path.read_bytes(), rotation)
    assert turned != path.read_bytes()
    ours = _ours(path, turned)
    assert ours == _ours(path)
    assert ours == _pdfminer(turned)
    assert any("支出决算表" in line.replace(" ", "") for _, _, lines in ours for line in lines)


def _undrawn(monkeypatch) -> None:
    """Every page read as if PDFium could not draw a glyph of it (a font neither embedded nor
    installed on this machine)."""
    page = Document.page

    def undrawn(self, index):
        read = page(self, index)
        read.undrawn = True
        return read

    monkeypatch.setattr(Document, "page", undrawn)


def test_glyphs_pdfium_cannot_draw_are_read_by_pdfminer(monkeypatch):
    expected = _ours(EXAMPLE)
    _undrawn(monkeypatch)
    assert _ours(EXAMPLE) == expected


def test_without_pdfminer_a_page_pdfium_cannot_draw_is_left_unread(monkeypatch):
    _undrawn(monkeypatch)
    monkeypatch.setattr(pdf_reader, "_pdfminer_page", lambda data, index: None)
    pages = _ours(EXAMPLE)
    assert [(number, scanned, lines) for number, scanned, lines in pages] == [
        (number, True, ()) for number in range(1, 6)
    ]
