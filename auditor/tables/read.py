"""The standard tables of a report: title, standard table, unit, columns by header path, rows by 科目.

A side-by-side table (收入 | 支出, or the three 经济分类 groups of the 基本支出 table) is
read as several segments, one per repeated label column; each row of a segment keeps its
label, 科目代码, 行次 and its figures keyed by column name, with the line it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from auditor.numbers import MAX_DECIMALS, MAX_DIGITS, Figure, decimals, parse_number
from auditor.tables.blocks import Block, find_blocks
from auditor.tables.grid import CODE, Grid, space_grid, tab_grid
from auditor.tables.model import ORDINAL, Cell, Column, Row, Segment, Table, clean
from auditor.tables.parts import link_parts, marks, of_which
from auditor.text.lazy import HELD, lazy
from auditor.vocabulary import Vocabulary

LABEL_HEADER = lazy(
    r"^(?:项目|科目|名称|行次|栏次|序号|代码|编码|类|款|项|\S*(?:科目|代码|编码|名称|分类))$"
)
AMOUNT_CELL = lazy(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# 款, 项 codes (a spreadsheet may drop the leading zero: 2 for 02); the 类/款/项 header cells
CODE_PART = lazy(r"^(?:\d{1,2}|[类款项])$")
EMPTY_CELL = lazy(r"^[-—–/\\]*$")
EMPTY_LEAD = "-—–/\\\n"  # what an EMPTY_CELL may begin with (its $ allows a last newline)
NUMBERED = lazy(r"(?:公开\s*(\d+)\s*表|^表\s*(\d+))")
TABLE_NUMBER = lazy(r"^表\s*\d+\s*[.、．:：]?")
DECIMAL_POINT = lazy(r"\d\.\d")
SPACE_RUN = lazy(r"\s+")


def declares_no_data(texts: Iterable[str], vocab: Vocabulary) -> bool:
    """Whether a table's notes (or the text after its title) say it has no data: 本表无数据,
    本部门无政府性基金收入 … (the vocabulary's `no_data`)."""
    return any(vocab.says_no_data(text) for text in texts)


def read_tables(lines: Sequence[str], vocab: Vocabulary) -> list[Table]:
    return [_table(block, vocab) for block in find_blocks(lines, vocab)]


def _table(block: Block, vocab: Vocabulary) -> Table:
    meta = " ".join(text for _, text in block.meta)
    unit = next((found for _, text in block.meta if (found := vocab.says("unit_line", text))), None)
    number = NUMBERED.search(meta) or NUMBERED.search(block.title)
    title = TABLE_NUMBER.sub("", block.title)
    table = Table(
        title=title,
        line=block.title_line,
        standard=vocab.table(title),
        number=f"公开{number.group(1)}表"
        if number and number.group(1)
        else (f"表{number.group(2)}" if number else None),
        unit=unit.group("unit") if unit else "万元",
        scope=vocab.scope(title) or vocab.default_scope,
    )
    grid = _grid(block)
    if grid is None:
        if block.rows:
            table.problem = "表格各列无法对齐，未检查"
    else:
        _read(table, grid, vocab)
    declared = declares_no_data((text for _, text in block.notes), vocab)
    table.empty = declared and not any(
        not c.figure.is_zero() for r in table.rows for c in r.cells.values()
    )
    printed = any(DECIMAL_POINT.search(text) for _, text in block.rows)
    if table.problem is None and printed and not table.rows and not table.empty:
        table.problem = "表中印有数字，但没有读到数据行"  # a header alone: document.completeness
    return table


def _grid(block: Block) -> Grid | None:
    if not block.rows:
        return None
    if any("\t" in text for _, text in block.rows):
        return tab_grid(block.rows)
    return space_grid(block.rows, block.widths)


def _spans(grid: Grid) -> list[dict[int, tuple[int, int]]]:
    """Per header row, each cell's (columns it spans, its first column), by owner."""
    out = []
    for row in grid.header:
        spans: dict[int, tuple[int, int]] = {}
        for j, (_, owner) in enumerate(row):
            count, first = spans.get(owner, (0, j))
            spans[owner] = (count + 1, first)
        out.append(spans)
    return out


def _levels(grid: Grid, k: int, spans: list[dict[int, tuple[int, int]]]) -> tuple[str, ...]:
    """Column k's header path: a text spanning as many columns as the one above continues it
    (a wrapped header); a narrower one is a level below (`spans`: the header's, _spans)."""
    levels: list[str] = []
    previous: tuple[int, int] | None = None
    for row, owners in zip(grid.header, spans, strict=True):
        text, owner = row[k]
        if not text:
            continue
        span = owners[owner]
        part = SPACE_RUN.sub("", text)
        if levels and previous == span:
            levels[-1] += part
        else:
            levels.append(part)
        previous = span
    return tuple(levels)


def _is_label_column(
    levels: tuple[str, ...], body: list[list[str]], k: int, after_label: bool
) -> bool:
    """Names, codes and 行次 (by header or content); 款 and 项 in columns of their own
    (two-digit parts right after the 类 column) count as code too."""
    if levels and LABEL_HEADER.match(levels[-1]):
        return True
    values = [cells[k].replace(" ", "") for cells in body if k < len(cells) and cells[k]]
    if after_label and values and all(CODE_PART.match(v) for v in values):
        return True
    return bool(values) and not any(AMOUNT_CELL.match(v, 0, None, HELD) for v in values)


def _read(table: Table, grid: Grid, vocab: Vocabulary) -> None:
    body = [cells for _, cells in grid.body]
    columns: list[tuple[int, tuple[str, ...], bool]] = []
    spans = _spans(grid)
    for k in range(grid.columns):
        levels = _levels(grid, k, spans)
        after_label = bool(columns) and columns[-1][2]
        columns.append((k, levels, _is_label_column(levels, body, k, after_label)))
    # A label column after amount columns starts the next side-by-side segment; a column
    # with nothing in any row (款 / 项 printed inside the 类 code) starts nothing.
    filled = {k for cells in body for k, text in enumerate(cells) if text.strip()}
    segments: list[list[tuple[int, tuple[str, ...], bool]]] = [[]]
    for col in columns:
        if col[2] and any(not c[2] and c[0] in filled for c in segments[-1]):
            segments.append([])
        segments[-1].append(col)
    places = max(
        (
            decimals(c)
            for cells in body
            for c in cells
            if c[-1:].isdigit() and AMOUNT_CELL.match(c, 0, None, HELD)
        ),
        default=0,
    )  # an amount ends in a digit (AMOUNT_CELL's $ allows a last newline: no cell, stripped or
    # a run of non-spaces, holds one)
    for cols in segments:
        group = _group(cols)
        amounts = [
            Column(k, levels[1:] if group and levels[:1] == (group,) else levels, group)
            for k, levels, label in cols
            if not label
        ]
        table.segments.append(Segment(group, of_which(amounts, vocab)))
    amounts = [{c.index: c for c in segment.columns} for segment in table.segments]
    for number, cells in grid.body:
        parts = [
            _row(table, s, cols, amounts[s], number, cells, places, vocab)
            for s, cols in enumerate(segments)
        ]
        _carry_over(parts)
        for row in parts:
            if row is None:
                continue
            if _continues(table, row):
                table.rows[-1].label += row.label
            elif row.label or row.code or row.cells:
                table.rows.append(row)
    link_parts(table, vocab)


def _group(cols: list[tuple[int, tuple[str, ...], bool]]) -> str:
    """The header over a side-by-side half (收入 / 支出 / 人员经费): the one top level over its
    amount columns, where its label columns stand under a group too, not under 项目."""
    labels = [levels for _, levels, is_label in cols if is_label]
    tops = {levels[0] if len(levels) > 1 else "" for _, levels, is_label in cols if not is_label}
    if (
        len(tops) != 1
        or not labels
        or any(len(levels) < 2 or LABEL_HEADER.match(levels[0]) for levels in labels)
    ):
        return ""
    return tops.pop()


def _row(
    table: Table,
    s: int,
    cols: list[tuple[int, tuple[str, ...], bool]],
    amounts: dict[int, Column],
    number: int,
    cells: list[str],
    places: int,
    vocab: Vocabulary,
) -> Row | None:
    code = label = None
    serial = False
    found: dict[str, Cell] = {}
    for k, _, is_label in cols:
        if k >= len(cells) or not cells[k]:
            continue  # no cell, or an empty one
        text = cells[k].replace(" ", "")
        if not text or (text[0] in EMPTY_LEAD and EMPTY_CELL.match(text, 0, None, HELD)):
            continue
        if is_label:
            if text in ("类", "款", "项"):
                continue  # the 类 | 款 | 项 header cells, printed on the 合计 row
            if code is None and CODE.match(text, 0, None, HELD):
                code = text
            elif code is not None and label is None and CODE_PART.match(text, 0, None, HELD):
                code += text.zfill(2)  # 类 | 款 | 项 printed in columns of their own: 201 | 06 | 01
            elif text.isdigit():
                serial = True  # 行次
            elif label is None:
                label = text
        elif k in amounts and AMOUNT_CELL.match(text, 0, None, HELD):
            printed = decimals(text)
            if not _plausible(text, printed):
                continue
            figure = Figure(parse_number(text), max(places, printed), table.unit, text, printed)
            column = amounts[k]
            found[column.name] = Cell(figure, number, column)
    if label is None and code is None and not found and not serial:
        return None
    if label is None:
        return Row(number, s, "", code, found)
    cleaned, numbered = vocab.remembered("row_label", label, _label)
    row = Row(number, s, cleaned, code, found, numbered)
    row.of_which, row.level = marks(label, vocab)
    return row


def _label(label: str) -> tuple[str, bool]:
    """A row's label as compared, and whether it opens with an ordinal."""
    return clean(label), bool(ORDINAL.match(label))


def _plausible(text: str, places: int) -> bool:
    return places <= MAX_DECIMALS and len(text.replace(",", "")) - places <= MAX_DIGITS + 2


def _carry_over(parts: list[Row | None]) -> None:
    """ "人员经费合计||407.42|公用经费合计|||||74.32": a labelled total with no figure of its
    own takes the figures of the unlabelled segment to its right."""
    for i, row in enumerate(parts):
        if row is None or row.cells or not row.is_total:
            continue
        for other in parts[i + 1 :]:
            if other is None:
                continue
            if other.label or other.code:
                break
            if other.cells:
                for cell in other.cells.values():
                    column = Column(cell.column.index, cell.column.levels, cell.column.group)
                    row.cells.setdefault(column.name, Cell(cell.figure, cell.line, column))
                other.cells.clear()
                break


def _continues(table: Table, row: Row) -> bool:
    """A wrapped 科目名称: a bare label under a coded row, no code, no figures."""
    if not table.rows or row.code or row.cells or not row.label:
        return False
    last = table.rows[-1]
    return last.segment == row.segment and last.code is not None and not row.numbered
