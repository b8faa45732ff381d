"""The PDFium reader reads every fixture and corpus PDF as pdfminer (through pdfplumber, kept
as the cross-check) does: the same characters and ruling, hence the same lines on every page
and the same citations; and its table finder finds pdfplumber's tables and cell texts."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest
import regex
from pdf_builder import pdf, stream, to_unicode

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
    monkeypatch.setattr(pdf_reader._PdfMiner, "page", lambda self, index: None)
    pages = _ours(EXAMPLE)
    assert [(number, scanned, lines) for number, scanned, lines in pages] == [
        (number, True, ()) for number in range(1, 6)
    ]


# What real PDFs do that the fixtures do not, each read as pdfminer reads it.


def _type3(to_unicode_stream: int, empty: bool = False) -> bytes:
    """A Type3 font of one glyph for every code 32–126, 500 wide: a filled box, or nothing
    (`empty`: the shapeless glyphs of an OCR text layer's font)."""
    return (
        (
            b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] "
            b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /g 11 0 R >> "
            b"/Encoding << /Type /Encoding /Differences [32 " + b"/g " * 95 + b"] >> "
            b"/FirstChar 32 /LastChar 126 /Widths [" + b"500 " * 95 + b"] /Resources << >> "
            b"/ToUnicode %d 0 R >>" % to_unicode_stream
        )
        if not empty
        else _type3(to_unicode_stream).replace(b"[0 0 500 700]", b"[0 0 0 0]")
    )


def _glyph(empty: bool = False) -> bytes:
    return stream(b"500 0 d0" if empty else b"500 0 0 0 500 700 d1 0 0 500 700 re f")


def _same_as_pdfminer(data: bytes) -> list:
    ours = _ours(Path("made.pdf"), data)
    assert ours == _pdfminer(data)
    return ours


def test_a_space_then_kerning_is_one_space_and_a_run_of_spaces_is_kept():
    content = (
        b"BT /F1 10 Tf 72 700 Td [(Total ) -2730 (100 ) -1645 (200 ) -1180 (300)] TJ ET "
        b"BT /F1 10 Tf 72 660 Td (Other   5  7) Tj ET"
    )
    (page,) = _same_as_pdfminer(pdf(content))
    assert page[2][1] == "Other   5  7"  # three spaces printed, three read; two, two


def test_word_spacing_keeps_the_cells_apart_where_pdfminer_does():
    """Word spacing (Tw) widens every space: a run's count cannot be told from its gap, so
    the gap is laid out at its column; the cells are pdfminer's."""
    data = pdf(b"BT /F1 10 Tf 7 Tw 72 700 Td (Item 40 50 60) Tj ET BT 72 660 Td (Other    5) Tj ET")
    ((_, _, ours),) = _ours(Path("made.pdf"), data)
    ((_, _, theirs),) = _pdfminer(data)
    assert [regex.split(r"\s{2,}", line) for line in ours] == [
        regex.split(r"\s{2,}", line) for line in theirs
    ]
    assert [line.split() for line in ours] == [["Item", "40", "50", "60"], ["Other", "5"]]


def test_a_glyph_without_unicode_is_no_digit():
    mapped = b"".join(b"<%02X> <00%02X>\n" % (c, c) for c in range(32, 127) if c != 0x35)
    data = pdf(
        b"BT /F1 10 Tf 72 700 Td (Total amount 1005 and 200 and 300) Tj ET",
        {5: _type3(12)},
        {11: _glyph(), 12: to_unicode(mapped)},
    )
    ((_, scanned, lines),) = _ours(Path("made.pdf"), data)
    assert not scanned and lines == ("Total amount 100\ufffd and 200 and 300",)
    assert "1005" not in _pdfminer(data)[0][2][0]  # nor pdfminer (its glyph's name, "g")


def test_a_character_beyond_the_bmp_is_one_character():
    pairs = b"".join(b"<%02X> <00%02X>\n" % (c, c) for c in range(0x30, 0x3A))
    data = pdf(
        b"BT /F1 10 Tf 72 700 Td (12A34) Tj ET",
        {5: _type3(12)},
        {11: _glyph(), 12: to_unicode(pairs + b"<41> <D840DC35>\n")},
    )
    ((_, _, lines),) = _same_as_pdfminer(data)
    assert lines == ("12\U00020035" + "34",)


def test_a_hyphen_ending_a_line_is_a_hyphen():
    content = b"BT /F1 10 Tf 72 700 Td (Total A-) Tj ET BT /F1 10 Tf 72 686 Td (B 100 -) Tj ET"
    ((_, _, lines),) = _same_as_pdfminer(pdf(content))
    assert lines == ("Total A-", "B 100 -")


def _ocr_layer() -> bytes:
    """An invisible text layer (as OCR tools lay over a scan), one object per word, in a font
    whose glyphs have no shape: PDFium's text page leaves out the one-letter words."""
    ranges = b"<20> <7E> <0020>\n"
    words = [(72, 700, b"Total"), (150, 700, b"105"), (72, 686, b"Other"), (150, 686, b"5")]
    content = b"".join(b"BT 3 Tr /F1 10 Tf %d %d Td (%s) Tj ET " % w for w in words)
    return pdf(
        content, {5: _type3(12, empty=True)}, {11: _glyph(True), 12: to_unicode(b"", ranges)}
    )


def test_an_invisible_text_layer_pdfium_cannot_place_is_read_by_pdfminer():
    ((_, scanned, lines),) = _same_as_pdfminer(_ocr_layer())
    assert not scanned and lines[-1].split() == ["Other", "5"]


def test_without_pdfminer_such_a_layer_is_left_unread(monkeypatch):
    monkeypatch.setattr(pdf_reader._PdfMiner, "page", lambda self, index: None)
    assert _ours(Path("made.pdf"), _ocr_layer()) == [(1, True, ())]


def test_a_space_alone_in_a_standard_font_is_a_space():
    data = pdf(b"BT /F1 10 Tf 72 700 Td (Total 100) Tj ET BT /F1 10 Tf 140 700 Td ( ) Tj ET")
    document = Document(data)
    try:
        assert not document.page(0).undrawn
    finally:
        document.close()
    _same_as_pdfminer(data)


def test_pdfs_read_in_threads_read_as_alone():
    """PDFium is not thread-safe: readers in threads (auditor serve, a library user's pool)
    take turns, and each reads what it reads alone."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [EXAMPLE, UNRULED] * 4
    alone = {path: _ours(path) for path in set(paths)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        read = list(pool.map(_ours, paths))
    assert read == [alone[path] for path in paths]


def test_path_segments_read_at_once_are_those_the_calls_give():
    """Every path of every fixture and corpus PDF: PDFium's array of points, read at once,
    holds the points, kinds and closings its calls give one segment at a time."""
    import pypdfium2.raw as raw

    from auditor.read.paths import _by_calls, _by_memory, _count, _segment
    from auditor.read.pdfium import _members

    checked = 0
    for path in PDFS:
        try:
            document = Document(path.read_bytes())
        except Exception:  # noqa: BLE001 - the damaged and locked fixtures
            continue
        for index in range(len(document)):
            page = document.pdf[index]
            for obj, kind in _members(page.raw):
                count = _count(obj) if kind == raw.FPDF_PAGEOBJ_PATH else 0
                if count > 1:
                    assert _by_memory(_segment(obj, 0), count) == _by_calls(obj, count)
                    checked += 1
        document.close()
    assert checked > 1000


def test_paths_read_by_the_calls_give_the_same_lines(monkeypatch):
    """Where PDFium's array of points does not hold what its calls give (another PDFium),
    the calls are used: the same lines."""
    from auditor.read import paths

    expected = _ours(EXAMPLE)
    monkeypatch.setattr(paths, "_layout", [False])
    assert _ours(EXAMPLE) == expected
    assert any("\t" in line for _, _, lines in expected for line in lines)
