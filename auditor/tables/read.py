"""The standard tables of a report: title, kind, unit, columns by header path, rows by 科目.

A side-by-side table (收入 | 支出, or the three 经济分类 groups of the 基本支出 table) is
read as several segments, one per repeated label column; each row of a segment keeps its
label, 科目代码, 行次 and its figures keyed by column name, with the line it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from auditor.numbers import MAX_DECIMALS, MAX_DIGITS, Figure, decimals, parse_number
from auditor.tables.blocks import Block, find_blocks
from auditor.tables.grid import CODE, Grid, space_grid, tab_grid
from auditor.vocabulary import NOISE, Vocabulary

LABEL_HEADER = regex.compile(
    r"^(?:项目|科目|名称|行次|栏次|序号|代码|编码|类|款|项|\S*(?:科目|代码|编码|名称|分类))$"
)
AMOUNT_CELL = regex.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# 款, 项 codes (a spreadsheet may drop the leading zero: 2 for 02); the 类/款/项 header cells
CODE_PART = regex.compile(r"^(?:\d{1,2}|[类款项])$")
EMPTY_CELL = regex.compile(r"^[-—–/\\]*$")
ORDINAL = regex.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+\)|\d+[.、])"
)
FIRST_LEVEL = regex.compile(r"^[一二三四五六七八九十]+[、.]")
TOTAL_WORD = regex.compile(r"(?:合计|小计|总计)$")
NUMBERED = regex.compile(r"(?:公开\s*(\d+)\s*表|^表\s*(\d+))")


def clean(text: str) -> str:
    """A label as compared: no spacing, quotes or 类/款/项 marks, no ordinal."""
    return ORDINAL.sub("", NOISE.sub("", text))


@dataclass(frozen=True)
class Column:
    index: int
    levels: tuple[str, ...]  # header texts from the top, merged cells and wrapping resolved
    group: str  # the segment's own top header (收入 / 支出 / 人员经费), not in `name`
    part_of: str | None = None  # a 其中 column: the name of the column it is a part of

    @property
    def name(self) -> str:
        return "/".join(self.levels) or f"第{self.index + 1}列"

    @property
    def leaf(self) -> str:
        return self.levels[-1] if self.levels else ""

    @property
    def parent(self) -> tuple[str, ...]:
        return self.levels[:-1]

    @property
    def is_total(self) -> bool:
        return bool(TOTAL_WORD.search(self.leaf))


@dataclass(frozen=True)
class Cell:
    figure: Figure
    line: int
    column: Column


@dataclass
class Row:
    line: int
    segment: int
    label: str  # cleaned
    code: str | None
    cells: dict[str, Cell] = field(default_factory=dict)  # by column name
    numbered: bool = False  # its label began 一、 / 1. (a row of its own, never a wrapped end)
    part_of: int | None = None  # a 其中 row or numbered sub-line: index of the row it is part of
    sub: str = ""  # "其中" / "子行": how its label marked it as a part (before parents are set)
    grand: bool = False  # a bare 合计 below 本年收入合计 (+ 结转和结余 …): the half's 总计

    @property
    def is_total(self) -> bool:
        return bool(TOTAL_WORD.search(self.label))

    @property
    def is_grand(self) -> bool:
        return self.label.endswith("总计") or self.grand


@dataclass
class Segment:
    group: str
    columns: list[Column]  # amount columns, left to right


@dataclass
class Table:
    title: str
    line: int  # the title's line
    kind: str | None  # the standard table it is, from the vocabulary
    number: str | None  # 公开NN表 / 表N
    unit: str
    scope: str  # the funds it covers, from its title
    segments: list[Segment] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    empty: bool = False  # declared to have no data (说明：…无…)
    problem: str | None = None  # why its layout could not be read

    def label(self) -> str:
        number = f"（{self.number}）" if self.number else ""
        return f"{self.title}{number}"

    def figures(self) -> int:
        return sum(len(r.cells) for r in self.rows)

    def halves(self) -> list[tuple[str, list[Row]]]:
        """Rows by side-by-side half: segments under one group header (公用经费 over two
        column groups) form one half; a segment under none is a half of its own."""
        keys = [s.group or f"#{i}" for i, s in enumerate(self.segments)]
        return [
            (self.segments[keys.index(key)].group, [r for r in self.rows if keys[r.segment] == key])
            for key in dict.fromkeys(keys)
        ]


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
    title = regex.sub(r"^表\s*\d+[.、．]?", "", block.title)
    table = Table(
        title=title,
        line=block.title_line,
        kind=vocab.table(title),
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
    printed = any(regex.search(r"\d\.\d", text) for _, text in block.rows)
    if table.problem is None and printed and not table.rows and not table.empty:
        table.problem = "表中印有数字，但没有读到数据行"  # a header alone: document.completeness
    return table


def _grid(block: Block) -> Grid | None:
    if not block.rows:
        return None
    if any("\t" in text for _, text in block.rows):
        return tab_grid(block.rows)
    return space_grid(block.rows, block.widths)


def _levels(grid: Grid, k: int) -> tuple[str, ...]:
    """Column k's header path: a text spanning as many columns as the one above continues it
    (a wrapped header); a narrower one is a level below."""
    levels: list[str] = []
    previous: tuple[int, int] | None = None
    for row in grid.header:
        text, owner = row[k]
        if not text:
            continue
        span = (
            sum(1 for cell in row if cell[1] == owner),
            min(j for j, cell in enumerate(row) if cell[1] == owner),
        )
        part = regex.sub(r"\s+", "", text)
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
    return bool(values) and not any(AMOUNT_CELL.match(v) for v in values)


def _of_which(columns: list[Column], vocab: Vocabulary) -> list[Column]:
    """A column headed 其中 is a part of the column before it under the same header
    (事业收入 | 其中：教育收费; 项目支出/小计 | 项目支出/其中：基本建设支出)."""
    out: list[Column] = []
    for column in columns:
        parent = next(
            (
                c
                for c in reversed(out)
                if c.part_of is None and c.levels[: len(column.parent)] == column.parent
            ),
            None,
        )
        if column.levels and vocab.says("of_which", column.leaf) and parent is not None:
            column = Column(column.index, column.levels, column.group, parent.name)
        out.append(column)
    return out


def _parts(table: Table) -> None:
    """Each 其中 row and each numbered sub-line (1. under 一、) points at the row it is a
    part of: the nearest row above in its half that is not itself a part."""
    last: dict[int, int] = {}  # segment -> index of its last row that is no part
    for i, row in enumerate(table.rows):
        parent = last.get(row.segment)
        if row.sub == "其中" and parent is not None and not table.rows[parent].is_total:
            row.part_of = parent
        elif row.sub == "子行" and parent is not None and table.rows[parent].sub == "一级":
            row.part_of = parent
        else:
            last[row.segment] = i
    named: set[int] = set()  # segments with a 本年收入合计 / 本年支出合计 above
    for row in table.rows:
        if row.is_total and row.part_of is None:
            if row.label in ("合计", "总计") and row.segment in named:
                row.grand = True  # 本年收入合计, 使用结余, 年初结转和结余, then 合计
            elif row.label not in ("合计", "总计", "小计"):
                named.add(row.segment)


def _read(table: Table, grid: Grid, vocab: Vocabulary) -> None:
    body = [cells for _, cells in grid.body]
    columns: list[tuple[int, tuple[str, ...], bool]] = []
    for k in range(grid.columns):
        levels = _levels(grid, k)
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
    places = max((decimals(c) for cells in body for c in cells if AMOUNT_CELL.match(c)), default=0)
    for cols in segments:
        group = _group(cols)
        amounts = [
            Column(k, levels[1:] if group and levels[:1] == (group,) else levels, group)
            for k, levels, label in cols
            if not label
        ]
        table.segments.append(Segment(group, _of_which(amounts, vocab)))
    for number, cells in grid.body:
        parts = [
            _row(table, s, cols, number, cells, places, vocab) for s, cols in enumerate(segments)
        ]
        _carry_over(parts)
        for row in parts:
            if row is None:
                continue
            if _continues(table, row):
                table.rows[-1].label += row.label
            elif row.label or row.code or row.cells:
                table.rows.append(row)
    _parts(table)


def _marked(label: str, vocab: Vocabulary) -> str:
    """How a label's opening marks its row: a 其中 part, a numbered sub-line, a 一、 item."""
    if vocab.says("of_which", label):
        return "其中"
    if vocab.says("sub_line", label):
        return "子行"
    return "一级" if FIRST_LEVEL.match(label) else ""


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
    number: int,
    cells: list[str],
    places: int,
    vocab: Vocabulary,
) -> Row | None:
    code = label = None
    serial = False
    row = Row(number, s, "", None)
    numbered = False
    amounts = {c.index: c for c in table.segments[s].columns}
    for k, _, is_label in cols:
        text = cells[k].replace(" ", "") if k < len(cells) else ""
        if not text or EMPTY_CELL.match(text):
            continue
        if is_label:
            if text in ("类", "款", "项"):
                continue  # the 类 | 款 | 项 header cells, printed on the 合计 row
            if CODE.match(text) and code is None:
                code = text
            elif code is not None and label is None and CODE_PART.match(text):
                code += text.zfill(2)  # 类 | 款 | 项 printed in columns of their own: 201 | 06 | 01
            elif text.isdigit():
                serial = True  # 行次
            elif label is None:
                label, numbered = text, bool(ORDINAL.match(text))
                row.sub = _marked(text, vocab)
        elif k in amounts and AMOUNT_CELL.match(text) and _plausible(text):
            value = parse_number(text)
            figure = Figure(value, max(places, decimals(text)), table.unit, text, decimals(text))
            row.cells[amounts[k].name] = Cell(figure, number, amounts[k])
    if label is None and code is None and not row.cells and not serial:
        return None
    row.label, row.code, row.numbered = clean(label or ""), code, numbered
    return row


def _plausible(text: str) -> bool:
    places = decimals(text)
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
