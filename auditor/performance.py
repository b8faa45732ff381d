"""The funding lines of performance tables (项目绩效目标表, 绩效自评表, 部门整体支出绩效目标表),
read line by line as "label value …" pairs rather than as a grid.

A block starts at a line with a total label (年度资金总额) and takes the lines right after it
whose label is a source of funds (其中：财政拨款, 上年结转, 其他资金); each label's cells are
the cells after it, up to the next label. Cells are split at tabs, or at runs of two or more
spaces when the line has no tab. A cell is an amount, a dash (an exact zero), empty (not
known) or text; columns are matched by their position after the label.
"""

from __future__ import annotations

from dataclasses import field

from auditor.numbers import Figure, decimals, parse_number
from auditor.records import dataclass
from auditor.text.lazy import lazy
from auditor.text.located import denoise, normal_lines
from auditor.vocabulary import NOISE, Vocabulary, norm_label

AMOUNT = lazy(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
DASH = lazy(r"^(?:-|—|–|－|——|/|／|—-)$")
UNIT = lazy(r"\((万元|元)\)|单位：?(万元|元)")
SPACES = lazy(r" {2,}|\u3000+")
PART_NAMES = ("appropriation", "carryover", "other")
EXACT = 8  # decimals of a dash: an exact zero
MAX_GAP = 2  # blank lines tolerated inside a block
UNIT_REACH = 12  # a unit named this many lines above a block (its title, its header) is its unit


@dataclass(frozen=True)
class Cell:
    """One value cell: an amount, an exact zero (a dash), or None (empty or text)."""

    figure: Figure | None
    text: str


@dataclass(frozen=True)
class Row:
    """A fund line of a performance table, with its cells."""

    line: int  # 1-based original line
    role: str  # total, appropriation, carryover, other
    label: str
    cells: tuple[Cell, ...]
    tabbed: bool  # split at tabs: positions are reliable


@dataclass
class FundBlock:
    """年度资金总额 and the sources of funds stated under it, in a unit when one is named."""

    total: Row
    parts: list[Row] = field(default_factory=list)
    unit: str = ""

    def columns(self) -> list[tuple[Cell, list[tuple[Row, Cell | None]]]]:
        """The total's amounts, each with the part cells that stand for the same column.

        When every row states at most one value and the total exactly one amount, those
        are matched whatever their position (a row continued on the next page moves);
        otherwise cells are matched by position after the label, on tab-split rows or on
        rows with as many cells as the total's.
        """
        rows = [self.total, *self.parts]
        valued = [[c for c in r.cells if c.figure is not None] for r in rows]
        if len(valued[0]) == 1 and all(len(v) <= 1 for v in valued):
            return [
                (
                    valued[0][0],
                    [(p, v[0] if v else None) for p, v in zip(self.parts, valued[1:], strict=True)],
                )
            ]
        out = []
        for j, cell in enumerate(self.total.cells):
            if cell.figure is None or DASH.match(cell.text):
                continue
            parts = []
            for part in self.parts:
                aligned = part.tabbed or len(part.cells) == len(self.total.cells)
                parts.append((part, part.cells[j] if aligned and j < len(part.cells) else None))
            out.append((cell, parts))
        return out

    @property
    def complete(self) -> bool:
        """Every source is stated: 财政拨款 and 其他资金 (上年结转 when the table has the line)."""
        roles = {p.role for p in self.parts}
        return {"appropriation", "other"} <= roles


def _cell(text: str, unit: str) -> Cell:
    text = text.strip()
    if AMOUNT.match(text):
        places = decimals(text)
        return Cell(Figure(parse_number(text), places, unit or "万元", text, places), text)
    if DASH.match(text):
        return Cell(Figure(parse_number("0"), EXACT, unit or "万元", text, EXACT), text)
    return Cell(None, text)


def _split(line: str) -> tuple[list[str], bool]:
    if "\t" in line:
        return line.split("\t"), True
    return SPACES.split(line.strip()), False


def _role(cell: str, vocab: Vocabulary) -> str | None:
    label = norm_label(cell).rstrip("：")
    for role in ("total", *PART_NAMES):
        if vocab.says_performance(role, label):
            return role
    return None


def _segments(line: str, vocab: Vocabulary, unit: str, number: int) -> list[Row]:
    """The labelled runs of a line (normalised): each label and the cells after it, up to
    the next label."""
    cells, tabbed = _split(line)
    rows: list[Row] = []
    current: tuple[str, str, list[str]] | None = None
    for text in cells:
        role = _role(text, vocab) if text.strip() else None
        if role:
            if current:
                rows.append(_row(number, current, unit, tabbed))
            current = (role, norm_label(text).rstrip("：").removeprefix("其中："), [])
        elif current:
            current[2].append(text)
    if current:
        rows.append(_row(number, current, unit, tabbed))
    return rows


def _row(number: int, current: tuple[str, str, list[str]], unit: str, tabbed: bool) -> Row:
    role, label, cells = current
    if tabbed:
        while cells and not cells[-1].strip():
            cells.pop()
    return Row(number, role, label, tuple(_cell(c, unit) for c in cells), tabbed)


def _noiseless(lines: list[str]) -> list[str]:
    """Every line without NOISE (spacing, quotes, （类） marks), taken out of them all joined:
    nothing of NOISE spans a NUL."""
    joined = "\0".join(lines)
    if joined.count("\0") != len(lines) - 1:  # no lines, or one holding a NUL
        return [NOISE.sub("", line) for line in lines]
    return denoise(joined).split("\0")


def read_funds(lines: tuple[str, ...], vocab: Vocabulary) -> list[FundBlock]:
    """Every block of a total and its sources of funds, in the order printed."""
    if not vocab.performance:
        return []
    blocks: list[FundBlock] = []
    block: FundBlock | None = None
    gap, unit, unit_line = 0, "", -UNIT_REACH
    normals = normal_lines(lines)
    cleaned = _noiseless(normals)
    for number, (line, normal) in enumerate(zip(lines, normals, strict=True), 1):
        # UNIT needs 元 and a bracket or 单位 (spaces dropped between its characters)
        named = (
            UNIT.search(normal.replace(" ", ""))
            if "元" in normal and ("(" in normal or "单" in normal)
            else None
        )
        if named:
            unit, unit_line = named.group(1) or named.group(2), number
        if not line.strip():
            gap += 1
            if block and gap > MAX_GAP:
                block = None
            continue
        gap = 0
        near = unit if number - unit_line <= UNIT_REACH else ""
        funded = vocab.names_a_fund(cleaned[number - 1])
        rows = _segments(normal, vocab, near, number) if funded else []
        if not rows:
            block = None
            continue
        for row in rows:
            if row.role == "total":
                block = FundBlock(row, unit=near)
                blocks.append(block)
            elif block is not None and all(p.role != row.role for p in block.parts):
                block.parts.append(row)
    return [b for b in blocks if b.parts]
