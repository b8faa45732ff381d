"""What a file is, from its first bytes (else its name): a format auditor reads, or one it
refuses in one line naming the format and what to do with it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from auditor.errors import InputError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, WPS: one container
SAVE_DOC = "请另存为 .docx 或 PDF 后再检查"
SAVE_SHEET = "请另存为 .xlsx 后再检查"
IMAGE = "无法从图片中读取文字：请提供有文字层的 PDF、.docx 或文本（扫描件须先经文字识别）"
ARCHIVE = "请解压后检查其中的报告文件"
REFUSED = {  # by file name, for bytes that do not say what they are
    ".doc": f"Word 97-2003 文档（.doc）无法读取：{SAVE_DOC}",
    ".wps": f"WPS 文字文档（.wps）无法读取：{SAVE_DOC}",
    ".et": f"WPS 表格（.et）无法读取：{SAVE_SHEET}",
    ".rtf": f"RTF 文档无法读取：{SAVE_DOC}",
    ".odt": f"OpenDocument 文档（.odt）无法读取：{SAVE_DOC}",
    ".ods": f"OpenDocument 表格（.ods）无法读取：{SAVE_SHEET}",
    ".ofd": "OFD 版式文档无法读取：请另存为 PDF 后再检查",
    ".pptx": f"演示文稿（.pptx）不是报告文件：{SAVE_DOC}",
    ".ppt": f"演示文稿（.ppt）不是报告文件：{SAVE_DOC}",
    ".xlsb": f"二进制工作簿（.xlsb）无法读取：{SAVE_SHEET}",
    ".zip": f"压缩包（.zip）：{ARCHIVE}",
    ".rar": f"压缩包（.rar）：{ARCHIVE}",
    ".7z": f"压缩包（.7z）：{ARCHIVE}",
    ".gz": f"压缩包（.gz）：{ARCHIVE}",
    **{
        ext: f"图片（{ext}）：{IMAGE}"
        for ext in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")
    },
}
MAGIC = (  # bytes that say what a file is, whatever its name
    (b"{\\rtf", ".rtf"),
    (b"\x89PNG", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF8", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"BM", ".bmp"),
    (b"Rar!\x1a\x07", ".rar"),
    (b"7z\xbc\xaf\x27\x1c", ".7z"),
    (b"\x1f\x8b", ".gz"),
)
HTML_NAMES = (".html", ".htm", ".shtml", ".xhtml")
HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)


def _refuse(path: str, ext: str) -> InputError:
    return InputError(path, REFUSED[ext])


def _zip(path: str, data: bytes, ext: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        if ext in (".docx", ".xlsx"):
            raise InputError(path, f"{ext} 文件已损坏或不完整（不是有效的 zip 容器）") from None
        raise _refuse(path, ".zip") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise _refuse(path, ".xlsb")
    if "ppt/presentation.xml" in names:
        raise _refuse(path, ".pptx")
    if "OFD.xml" in names:
        raise _refuse(path, ".ofd")
    if "mimetype" in names:
        mimetype = zipfile.ZipFile(io.BytesIO(data)).read("mimetype")
        if b"spreadsheet" in mimetype:
            raise _refuse(path, ".ods")
        if b"text" in mimetype:
            raise _refuse(path, ".odt")
    raise _refuse(path, ".zip")


def _ole(path: str, ext: str, data: bytes) -> str:
    if ext == ".xls":
        return "xls"
    if ext in (".doc", ".wps", ".et", ".ppt"):
        raise _refuse(path, ext)
    if "Workbook".encode("utf-16-le") in data[:65536] or b"W\x00o\x00r\x00k\x00b" in data:
        return "xls"
    raise InputError(path, f"Word 97-2003 或 WPS 旧格式文档无法读取：{SAVE_DOC}")


def sniff(path: str, data: bytes) -> str:
    """pdf, docx, xlsx, xls, html or text; anything else is refused (InputError)."""
    ext = PurePath(path).suffix.lower()
    head = data[:16]
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if ext == ".pdf":
        return "text"  # not a PDF: read as text if it is one, else said to be neither
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip(path, data, ext)
    if head.startswith(OLE):
        return _ole(path, ext, data)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            raise _refuse(path, kind)
    if ext in (".webp",) or (head.startswith(b"RIFF") and data[8:12] == b"WEBP"):
        raise _refuse(path, ".webp")
    start = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if ext in HTML_NAMES or HTML_START.match(start):
        return "html"
    if ext in REFUSED and ext not in (".rtf",):
        raise _refuse(path, ext)
    if ext in (".docx", ".xlsx", ".xls"):
        raise InputError(path, f"不是 {ext} 文件（文件头不对），文件可能已损坏或扩展名有误")
    return "text"
