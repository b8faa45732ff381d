"""A workbook (.xlsx with openpyxl, .xls with xlrd) as the lines a reader sees: each visible
sheet in order, a row holding one cell (a title, 公开01表, 单位：万元, a 注) as that text, other
rows as tab-separated cells, exactly as a tab copy of the sheet gives them (a merged cell's
text in its leftmost cell). A number is shown as its cell's number format shows it
(2,360.70, 3.84%), because the places printed are what rounding verdicts depend on; a
formula is read as the value it last computed. A sheet whose rows carry no title (a line
ending in 表) is headed by its name, as the final-accounts software names sheets.

A row is cited `Sheet!A12:H12`, a one-cell line `Sheet!A3`; a finding whose figure sits in
one cell of a row cites that cell (`Sheet!C12`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from auditor.errors import InputError
from auditor.findings import Place
from auditor.read.rows import alone

Cell = tuple[str, str]  # (coordinate, text as displayed)
Row = tuple[int, list[tuple[int, str]]]  # (row number, [(column number, text), …])

LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def column(n: int) -> str:
    """Spreadsheet column name of column n (1-based): A, …, Z, AA …"""
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _decimal(value: float | int) -> Decimal:
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(f"{value:.15g}")  # what the cell holds, less binary noise (0.1 + 0.2)


def shown(value: object, fmt: str | None) -> str:
    """A cell's value as its number format displays it; text as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\r", "").replace("\n", "").strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if not isinstance(value, int | float):
        return str(value)
    try:
        number = _decimal(value)
    except InvalidOperation:
        return str(value)
    section = LITERAL.sub("", (fmt or "General").split(";")[0])
    if "General" in section or not re.search(r"[0#?]", section):
        text = format(number.normalize(), "f") if number != number.to_integral() else None
        return text or str(int(number))
    if "%" in section:
        number *= 100
    integer, _, decimals = section.partition(".")
    most = len(re.findall(r"[0#?]", decimals))
    least = len(re.findall(r"0", decimals))
    number = number.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP)
    text = f"{number:,.{most}f}" if "," in integer else f"{number:.{most}f}"
    if most > least:  # 0.0#: the optional places shown only when not zero
        whole, _, fraction = text.partition(".")
        fraction = fraction.rstrip("0").ljust(least, "0")
        text = f"{whole}.{fraction}" if fraction else whole
    return text + ("%" if "%" in section else "")


def _xlsx(path: str, data: bytes) -> Iterator[tuple[str, list[Row]]]:
    try:
        import openpyxl  # imported here: text reports never pay for it
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(path, "读取 .xlsx 需要 openpyxl：pip install openpyxl") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors alike
        raise InputError(path, f".xlsx 文件已损坏或无法读取（{type(exc).__name__}）") from None
    try:
        for sheet in book.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            rows: list[Row] = []
            for cells in sheet.iter_rows():
                held = [c for c in cells if getattr(c, "value", None) is not None]
                filled = [(c.column, t) for c in held if (t := shown(c.value, c.number_format))]
                if filled:
                    rows.append((held[0].row, filled))
            yield sheet.title, rows
    finally:
        book.close()


def _xls(path: str, data: bytes) -> Iterator[tuple[str, list[Row]]]:
    try:
        import xlrd  # imported here: text reports never pay for it
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(path, "读取 .xls 需要 xlrd：pip install xlrd") from None
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds on damaged files
        raise InputError(path, f".xls 文件已损坏或无法读取（{type(exc).__name__}）") from None
    for sheet in book.sheets():
        if sheet.visibility:
            continue
        rows: list[Row] = []
        for r in range(sheet.nrows):
            filled = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                value = cell.value
                fmt = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    value = ""
                if text := shown(value, fmt):
                    filled.append((c + 1, text))
            if filled:
                rows.append((r + 1, filled))
        yield sheet.name, rows


def _quoted(name: str) -> str:
    return name if re.fullmatch(r"\w+", name) else "'" + name.replace("'", "''") + "'"


def _lines(name: str, rows: list[Row]) -> Iterator[tuple[str, Place, tuple[Cell, ...]]]:
    """One sheet's lines: one-cell rows alone, other rows tab-separated to the width of their
    run of rows (so every row of a table has the table's columns, as a tab copy gives)."""
    sheet = _quoted(name)
    multi = [len(cells) > 1 for _, cells in rows]
    first = multi.index(True) if True in multi else len(rows)
    titled = any(cells[0][1].endswith("表") for _, cells in rows[:first] if len(cells) == 1)
    if not titled and re.search(r"[\u4e00-\u9fff]", name):
        yield name, Place(0, None, name, sheet, (("sheet", name),)), ()
    single = [alone([text for _, text in cells], i < first) for i, (_, cells) in enumerate(rows)]
    width = [0] * len(rows)
    start = 0
    for i in range(len(rows) + 1):  # each run of tab rows gets its widest row's width
        if i == len(rows) or single[i]:
            widest = max((rows[j][1][-1][0] for j in range(start, i)), default=0)
            for j in range(start, i):
                width[j] = widest
            start = i + 1
    for i, (number, cells) in enumerate(rows):
        found = tuple((f"{column(c)}{number}", text) for c, text in cells)
        if single[i]:
            (coordinate, text), *_ = found
            fields = (("sheet", name), ("cell", coordinate))
            yield text, Place(0, None, text, f"{sheet}!{coordinate}", fields), found
            continue
        by_column = dict(cells)
        line = "\t".join(by_column.get(c, "") for c in range(1, width[i] + 1))
        span = f"A{number}:{column(width[i])}{number}"
        fields = (("sheet", name), ("cell", span), ("row", number))
        yield line, Place(0, None, line, f"{sheet}!{span}", fields), found


def read_workbook(path: str, data: bytes, old: bool) -> tuple[list[str], list[Place], list]:
    """A workbook's lines, where each is, and the cells of each line (coordinate, text)."""
    lines: list[str] = []
    cites: list[Place] = []
    cells: list[tuple[Cell, ...]] = []
    for name, rows in (_xls if old else _xlsx)(path, data):
        for line, place, found in _lines(name, rows):
            lines.append(line)
            cites.append(Place(len(lines), None, line, place.where, place.fields))
            cells.append(found)
    if not lines:
        raise InputError(path, "工作簿中没有任何内容")
    return lines, cites, cells


def cell_of(place: Place, cells: tuple[Cell, ...], values: set[Decimal]) -> Place:
    """The one cell of a row that holds a figure the finding names, else the row."""
    matches = []
    for coordinate, text in cells:
        try:
            value = Decimal(text.replace(",", "").rstrip("%"))
        except InvalidOperation:
            continue
        if abs(value) in values:
            matches.append(coordinate)
    if len(matches) != 1:
        return place
    known = dict(place.fields)
    prefix = f"{known['file']}:" if "file" in known else ""
    fields = tuple((k, matches[0] if k == "cell" else v) for k, v in place.fields if k != "row")
    where = f"{prefix}{_quoted(str(known['sheet']))}!{matches[0]}"
    return Place(place.line, None, place.text, where, fields)
