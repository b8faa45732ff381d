"""Read a report into its original lines: a PDF's text layer page by page (`pdf`), or a
text file in whatever encoding it was saved (`text`); anything else is refused."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from auditor.errors import InputError
from auditor.findings import Place
from auditor.read.pdf import read_pages
from auditor.read.text import split_lines, text_lines


@dataclass(frozen=True)
class Source:
    """A report as published: its path and its original lines (line n is lines[n-1])."""

    path: str
    lines: tuple[str, ...]
    encoding: str  # "pdf" for a PDF's text layer
    places: tuple[tuple[int, int], ...] = ()  # PDF: (page, line on that page) of each line
    pages: int = 0  # PDF: its number of pages
    scanned: tuple[int, ...] = ()  # PDF: pages with no text layer, nothing read from them

    def place(self, line: int) -> Place:
        """Where original line n (1-based, across pages) is printed."""
        if self.places:
            page, on_page = self.places[line - 1]
            return Place(on_page, page, self.lines[line - 1])
        return Place(line, None, self.lines[line - 1])


MAX_TEXT = 16 * 2**20  # a report's text is some 100 KB; far more is not one report


def _read(path: str) -> bytes:
    """The file's bytes; a text far too large for a report is refused before it is read."""
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_TEXT and f.read(1024).lstrip()[:5] != b"%PDF-":
            raise InputError(
                path,
                f"文本过大（{size / 2**20:.0f} MB，上限 {MAX_TEXT // 2**20} MB），不像是一份报告，未检查",
            )
        f.seek(0)
        return f.read()


def read_source(path: str) -> Source:
    """Read a path (or `-` for standard input) into a Source."""
    try:
        data = _read(path)
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except IsADirectoryError:
        raise InputError(path, "是目录而不是文件") from None
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except OSError as exc:
        raise InputError(path, f"无法读取（{exc.strerror}）") from None
    return read_bytes(path, data)


def read_bytes(path: str, data: bytes) -> Source:
    """A report's bytes: a PDF if they start with %PDF-, else a text file; `path` names it."""
    if not data:
        raise InputError(path, "文件为空")
    if data.lstrip()[:5] == b"%PDF-":
        return _pdf_source(path, data)
    try:
        lines, encoding = text_lines(data, path)
    except InputError:
        if path.lower().endswith(".pdf"):
            raise InputError(path, "不是 PDF 文件（文件头不是 %PDF-），也不是文本") from None
        raise
    return Source(path=path, lines=lines, encoding=encoding)


def read_text(path: str, text: str) -> Source:
    """A report given as text (already decoded); `path` names it."""
    if not text.strip():
        raise InputError(path, "文件为空")
    return Source(path=path, lines=split_lines(text), encoding="str")


UNREAD = "（本页没有可读的文字层，未读取。）"


def _pdf_source(path: str, data: bytes) -> Source:
    """A PDF's pages, one after another; a PDF with no text at all cannot be checked."""
    lines: list[str] = []
    places: list[tuple[int, int]] = []
    scanned: list[int] = []
    pages = 0
    for page in read_pages(path, data):
        pages += 1
        text = page.lines
        if page.scanned:
            scanned.append(page.number)
            text = (UNREAD,)  # ends the sentence before: nothing joins across the gap
        lines.extend(text)
        places.extend((page.number, n) for n in range(1, len(text) + 1))
    if len(scanned) == pages:
        raise InputError(
            path, f"PDF 没有可读的文字（扫描件，或字体没有 Unicode 编码；共 {pages} 页），无法检查"
        )
    if not lines:
        raise InputError(path, "PDF 中没有任何文字")
    return Source(path, tuple(lines), "pdf", tuple(places), pages, tuple(scanned))
