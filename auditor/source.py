"""Read a report into its original lines, detecting the encoding and refusing non-text."""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass

from auditor.errors import InputError
from auditor.findings import Place
from auditor.pdf import read_pages


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


def _control_ratio(text: str) -> float:
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad / max(len(text), 1)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; refuse binary."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:65536]:
            raise InputError(path, "不是文本文件（含二进制内容）")
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text[:65536]) > 0.01:
            raise InputError(path, "不是文本文件（含大量控制字符）")
        if not text.strip():
            raise InputError(path, "文件为空")
        return text, encoding
    raise InputError(path, "无法识别的编码（既不是 UTF-8 也不是 GB18030）")


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
    if not data:
        raise InputError(path, "文件为空")
    if data.lstrip()[:5] == b"%PDF-":
        return _pdf_source(path, data)
    try:
        text, encoding = decode(data, path)
    except InputError:
        if path.lower().endswith(".pdf"):
            raise InputError(path, "不是 PDF 文件（文件头不是 %PDF-），也不是文本") from None
        raise
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # Split on LF only, so line numbers match what grep -n and editors show.
    return Source(
        path=path, lines=tuple(line.removesuffix("\r") for line in lines), encoding=encoding
    )


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
