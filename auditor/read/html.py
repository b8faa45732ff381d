"""A web page (.html) as the lines a reader sees: its text block by block, scripts, styles,
forms and navigation left out, each data `<table>` row as one tab-separated line with
rowspan and colspan resolved as a tab copy gives them (a merged cell's text in its leftmost
cell, in its top row). Pages are UTF-8 or GB2312/GBK (the meta charset says which).

Line n of the extracted text is cited `Ln`; row r of the t-th data table `表t 第r行`
(`auditor extract` prints every line so named).
"""

from __future__ import annotations

import codecs
import re

from auditor.errors import InputError
from auditor.findings import Place
from auditor.read.rows import alone

DROP = {
    "script", "style", "noscript", "template", "nav", "aside", "iframe", "svg", "select",
    "button", "head", "input", "textarea", "object", "embed", "form", "map", "canvas", "audio",
    "video",
}  # fmt: skip
BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "main", "blockquote", "pre", "hr", "tr", "table", "center",
    "address", "figure", "figcaption", "caption", "fieldset", "body", "html", "td", "th",
    "thead", "tbody", "tfoot", "header", "footer",
}  # fmt: skip
CHROME = re.compile(
    r"nav|menu|breadcrumb|crumb|sidebar|topbar|toolbar|share|copyright|footer", re.I
)
SPACE = re.compile(r"[ \t\r\n\f]+")
CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)""", re.I)
XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "csgb2312", "euc-cn"}


def decode(data: bytes, path: str) -> str:
    """The page's text: a BOM, else its meta charset (GB2312 and GBK read as GB18030, their
    superset), else UTF-8, else GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    declared = CHARSET.search(data[:8192])
    name = declared.group(1).decode("ascii").lower() if declared else ""
    if name in GB:
        return data.decode("gb18030", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if name in ("utf-8", "utf8"):
            return data.decode("utf-8", "replace")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(path, "网页的编码无法识别（既不是 UTF-8 也不是 GBK）") from None


def _flat(text: str) -> str:
    return SPACE.sub(" ", text).strip(" ")


def _chrome(element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(CHROME.search(names)) or element.get("role") == "navigation"


def _cell(element) -> str:
    """A cell on one line: its text with line breaks joined (a wrapped cell)."""
    return _flat("".join(element.itertext()).replace("\t", " ")).strip()  # &nbsp; is empty


def _grid(table) -> list[tuple[int, list[str]]]:
    """Each row (its number in the table) as a tab copy gives it."""
    rows: list[tuple[int, list[str]]] = []
    below: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for number, tr in enumerate(table.iter("tr"), 1):
        cells: list[str] = []
        column = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            while below.get(column, 0) > 0:
                cells.append("")
                column += 1
            span = _int(td.get("colspan"))
            cells.append(_cell(td))
            cells.extend([""] * (span - 1))
            rowspan = _int(td.get("rowspan"))
            for c in range(column, column + span):
                below[c] = max(below.get(c, 0), rowspan)  # counts this row too
            column += span
        while below.get(column, 0) > 0:
            cells.append("")
            column += 1
        below = {c: n - 1 for c, n in below.items() if n > 1}
        rows.append((number, cells))
    return rows


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


class _Page:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cites: list[Place] = []
        self.parts: list[str] = []
        self.tables = 0

    def flush(self) -> None:
        text = _flat("".join(self.parts).replace("\t", " "))
        self.parts = []
        if text:
            self.lines.append(text)
            n = len(self.lines)
            self.cites.append(Place(n, None, text, f"L{n}"))

    def table(self, element) -> None:
        self.flush()
        self.tables += 1
        header = True  # no row of several cells yet: a one-cell row is a title
        for number, cells in _grid(element):
            if not any(cells):
                continue
            line = next(c for c in cells if c) if alone(cells, header) else "\t".join(cells)
            header = header and "\t" not in line
            if line.strip():
                self.lines.append(line)
                fields = (("table", self.tables), ("row", number))
                where = f"表{self.tables} 第{number}行"
                self.cites.append(Place(len(self.lines), None, line, where, fields))

    def walk(self, element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag and tag not in DROP and not (tag != "body" and _chrome(element)):
            if tag == "table" and _is_data(element):
                self.table(element)
            elif tag == "br":
                self.flush()
            elif tag == "pre":
                self.flush()
                for line in "".join(element.itertext()).splitlines():
                    self.parts.append(line)
                    self.flush()
            else:
                block = tag in BLOCK
                if block:
                    self.flush()
                self.parts.append(element.text or "")
                for child in element:
                    self.walk(child)
                if block:
                    self.flush()
        self.parts.append(element.tail or "")


def _is_data(table) -> bool:
    """A table of figures, not a layout table: none nested in it, a row of several cells."""
    if any(True for _ in table.iterdescendants("table")):
        return False
    return any(sum(1 for c in tr if c.tag in ("td", "th")) > 1 for tr in table.iter("tr"))


def read_html(path: str, data: bytes) -> tuple[list[str], list[Place]]:
    """The page's lines and where each is."""
    try:
        import lxml.html  # imported here: text reports never pay for it
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(path, "读取网页需要 lxml：pip install lxml") from None
    text = XML_DECL.sub("", decode(data, path)).replace("\x00", "")
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # noqa: BLE001 - lxml raises ParserError, ValueError …
        raise InputError(path, f"网页无法解析（{type(exc).__name__}）") from None
    page = _Page()
    body = root.find("body")
    page.walk(body if body is not None else root)
    page.flush()
    if not page.lines:
        raise InputError(path, "网页中没有任何正文文字")
    return page.lines, page.cites
