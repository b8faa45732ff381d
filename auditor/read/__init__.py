"""Read a report into its original lines, each with where a reader finds it: a PDF's text
layer page by page (`pdf`), a Word document (`docx`), a workbook (`sheet`: .xlsx, .xls), a
web page (`html`), or a text file in whatever encoding it was saved (`text`; a very long
line split back into sentences and rows, `flow`). Formats that cannot be read are refused in
one line saying what to do (`formats`). Each reader gives the same thing: lines (a table
row as tab-separated cells) and a Place per line in the format's own citation scheme."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from typing import TYPE_CHECKING

from auditor.errors import InputError
from auditor.findings import Place
from auditor.read.flow import LONG, unflow
from auditor.read.formats import sniff
from auditor.read.text import split_lines, text_lines
from auditor.read.url import is_url, read_url
from auditor.records import dataclass

if TYPE_CHECKING:  # PDF reading and OCR are imported when a PDF is read
    from auditor.read.ocr import Span
    from auditor.read.pdf import Page


@dataclass(frozen=True)
class Source:
    """A report as published: its path and its original lines (line n is lines[n-1])."""

    path: str
    lines: tuple[str, ...]
    encoding: str  # "pdf" for a PDF's text layer
    page_lines: tuple[tuple[int, int], ...] = ()  # PDF: (page, line on that page) of each line
    pages: int = 0  # PDF: its number of pages
    scanned: tuple[int, ...] = ()  # PDF: pages with no text layer, nothing read from them
    cites: tuple[Place, ...] = ()  # other formats: where each line is, in the format's terms
    cells: tuple[tuple[tuple[str, str], ...], ...] = ()  # a workbook's: each line's cells
    ocr_pages: tuple[int, ...] = ()  # PDF: pages without a text layer, read by OCR (--ocr)
    ocr: Mapping[int, tuple[Span, ...]] = field(default_factory=dict)  # line n: its runs read

    def place(self, line: int) -> Place:
        """Where original line n (1-based, across pages) is printed."""
        if self.cites:
            return self.cites[line - 1]
        if self.page_lines:
            page, on_page = self.page_lines[line - 1]
            return Place(on_page, page, self.lines[line - 1])
        return Place(line, None, self.lines[line - 1])

    def cited(self, line: int, values: set[Decimal]) -> Place:
        """Where line n is, narrowed to the one cell of a workbook row that holds one of the
        figures a finding names (Sheet!C12), when exactly one does."""
        place = self.place(line)
        if self.cells and self.cells[line - 1] and dict(place.fields).get("row"):
            from auditor.read.sheet import cell_of

            return cell_of(place, self.cells[line - 1], values)
        return place


MAX_TEXT = 16 * 2**20  # a report's text is some 100 KB; far more is not one report


def read_file(path: str) -> bytes:
    """The file's bytes (a URL's, through fsspec); a text far too large for a report is
    refused before it is read."""
    if path == "-":
        return sys.stdin.buffer.read()
    if is_url(path):
        data, size = read_url(path, MAX_TEXT, BINARY)
        if size is not None:
            raise _too_large(path, size)
        return data
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_TEXT and not f.read(1024).lstrip().startswith(BINARY):
            raise _too_large(path, size)
        f.seek(0)
        return f.read()


def _too_large(path: str, size: int) -> InputError:
    return InputError(
        path,
        f"文本过大（{size / 2**20:.0f} MB，上限 {MAX_TEXT // 2**20} MB），不像是一份报告，未检查",
    )


def read_source(path: str) -> Source:
    """Read a path (or `-` for standard input) into a Source."""
    try:
        data = read_file(path)
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except IsADirectoryError:
        raise InputError(path, "是目录而不是文件") from None
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except OSError as exc:
        raise InputError(path, f"无法读取（{exc.strerror or exc}）") from None
    return read_bytes(path, data)


BINARY = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # may be large: not text


def read_sources(paths: list[str] | tuple[str, ...]) -> Source:
    """Several files read as one report, in the order given (a narrative .docx, then its
    tables' .xlsx): every line cited in its own file's scheme, prefixed with the file's name
    (`说明.docx:段12`, `报表.xlsx:收入决算表!C12`)."""
    lines: list[str] = []
    cites: list[Place] = []
    cells: list[tuple[tuple[str, str], ...]] = []
    pages = 0
    names = [os.path.basename(p) for p in paths]
    for path, name in zip(paths, names, strict=True):
        if names.count(name) > 1:
            name = path
        part = read_source(path)
        for n in range(1, len(part.lines) + 1):
            place = part.place(n)
            fields = (("file", name), *place.fields)
            where = f"{name}:{place}"
            if place.page:
                fields = (("page", place.page), *fields)
            cites.append(Place(place.line, None, place.text, where, fields))
            cells.append(part.cells[n - 1] if part.cells else ())
        lines.extend(part.lines)
        pages += part.pages
    return Source(
        " + ".join(paths),
        tuple(lines),
        "several",
        pages=pages,
        cites=tuple(cites),
        cells=tuple(cells),
    )


def read_bytes(path: str, data: bytes) -> Source:
    """A report's bytes, read as what they are (their first bytes, else the file's name);
    `path` names it."""
    if not data:
        raise InputError(path, "文件为空")
    fmt = sniff(path, data)  # refuses what cannot be read, in one line
    if fmt == "pdf":
        return _pdf_source(path, data)
    if fmt == "docx":
        from auditor.read.docx import read_docx

        return _located(path, fmt, *read_docx(path, data))
    if fmt in ("xlsx", "xls"):
        from auditor.read.sheet import read_workbook

        lines, cites, cells = read_workbook(path, data, old=fmt == "xls")
        return Source(path, tuple(lines), fmt, cites=tuple(cites), cells=tuple(cells))
    if fmt == "html":
        from auditor.read.html import read_html

        return _located(path, fmt, *read_html(path, data))
    try:
        lines, encoding = text_lines(data, path)
    except InputError:
        if path.lower().endswith(".pdf"):
            raise InputError(path, "不是 PDF 文件（文件头不是 %PDF-），也不是文本") from None
        raise
    return _text_source(path, lines, encoding)


def _located(path: str, fmt: str, lines: list[str], cites: list[Place]) -> Source:
    lines, cites = unflow(lines, cites)
    return Source(path, tuple(lines), fmt, cites=tuple(cites))


def _text_source(path: str, lines: tuple[str, ...], encoding: str) -> Source:
    """A text file's lines; a very long line is split into its sentences and rows."""
    if all(len(line) < LONG for line in lines):  # as most are: no place made per line
        return Source(path=path, lines=lines, encoding=encoding)
    plain = [Place(n, None, line) for n, line in enumerate(lines, 1)]
    split, cites = unflow(list(lines), plain)
    if cites is plain:
        return Source(path=path, lines=lines, encoding=encoding)
    return Source(path, tuple(split), encoding, cites=tuple(cites))


def read_text(path: str, text: str) -> Source:
    """A report given as text (already decoded); `path` names it."""
    if not text.strip():
        raise InputError(path, "文件为空")
    return _text_source(path, split_lines(text), "str")


UNREAD = "（本页没有可读的文字层，未读取。）"


def _pdf_source(path: str, data: bytes) -> Source:
    """A PDF's pages, one after another; a PDF with no text at all cannot be checked. With
    --ocr, pages without a text layer are read by OCR, each line keeping what was read."""
    from auditor.read.pdf import read_pages  # here: a text report never pays for PDF reading

    lines: list[str] = []
    page_lines: list[tuple[int, int]] = []
    scanned: list[int] = []
    ocr: dict[int, tuple[Span, ...]] = {}
    pages = 0
    read = read_pages(path, data)
    recognised = _recognised(path, data, read)
    for page in read:
        pages += 1
        text = page.lines
        if page.number in recognised:
            text = recognised[page.number].lines
            for n, spans in enumerate(recognised[page.number].spans, len(lines) + 1):
                ocr[n] = spans
        elif page.scanned:
            scanned.append(page.number)
            text = (UNREAD,)  # ends the sentence before: nothing joins across the gap
        lines.extend(text)
        page_lines.extend((page.number, n) for n in range(1, len(text) + 1))
    if len(scanned) == pages:
        raise InputError(
            path,
            f"PDF 没有可读的文字（扫描件，或字体没有 Unicode 编码，或字体未嵌入且本机未安装；共 {pages} 页），无法检查",
        )
    if not lines:
        raise InputError(path, "PDF 中没有任何文字")
    return Source(
        path,
        tuple(lines),
        "pdf",
        tuple(page_lines),
        pages,
        tuple(scanned),
        ocr_pages=tuple(sorted(recognised)),
        ocr=ocr,
    )


def _recognised(path: str, data: bytes, pages: list[Page]) -> dict:
    """With --ocr, the pages without a text layer that OCR found text on, by number."""
    from auditor.read.ocr_switch import processes

    wanted = [page.number for page in pages if page.scanned]
    if not wanted or not processes():
        return {}
    from auditor.read.ocr import recognise

    return {page.number: page for page in recognise(path, data, wanted) if page.lines}
