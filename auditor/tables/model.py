"""What a table is once read: its columns by header path, its rows by 科目 with their cells,
its side-by-side halves. Built by `read`, refined by `parts`, used by every table check."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from auditor.numbers import Figure
from auditor.records import dataclass
from auditor.text.lazy import lazy
from auditor.vocabulary import NOISE

ORDINAL = lazy(r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+\)|\d+[.、])")
TOTAL_WORD = lazy(r"(?:合计|小计|总计)$")
# TOTAL_WORD for a label or header (no spacing left in either, so no newline): asked of every
# row and column again and again, str.endswith is quicker than the pattern
TOTAL_ENDS = ("合计", "小计", "总计")


def clean(text: str) -> str:
    """A label as compared: no spacing, quotes or 类/款/项 marks, no ordinal."""
    return ORDINAL.sub("", NOISE.sub("", text))


@dataclass(frozen=True)
class Column:
    """An amount column, named by its header rows."""

    index: int
    levels: tuple[str, ...]  # header texts from the top, merged cells and wrapping resolved
    group: str  # the segment's own top header (收入 / 支出 / 人员经费), not in `name`
    part_of: str | None = None  # a 其中 column: the name of the column it is a part of

    @cached_property  # a cell's key: asked for every cell looked up
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
        return self.leaf.endswith(TOTAL_ENDS)


@dataclass(frozen=True)
class Cell:
    """A figure of a table, with its line and column."""

    figure: Figure
    line: int
    column: Column


@dataclass
class Row:
    """A table row: its label, 科目 code and cells by column name."""

    line: int
    segment: int
    label: str  # cleaned
    code: str | None
    cells: dict[str, Cell] = field(default_factory=dict)  # by column name
    numbered: bool = False  # its label began 一、 / 1. (a row of its own, never a wrapped end)
    part_of: int | None = None  # a 其中 row or numbered sub-line: index of the row it is part of
    level: int = 0  # numbering of its label: 1 for 一、, 2 for 1., 3 for (1); 0 for none
    of_which: bool = False  # its label opens with 其中
    grand: bool = False  # a bare 合计 below 本年收入合计 (+ 结转和结余 …): the half's 总计

    @property
    def is_total(self) -> bool:
        return self.label.endswith(TOTAL_ENDS)

    @property
    def is_grand(self) -> bool:
        return self.label.endswith("总计") or self.grand


@dataclass
class Segment:
    """Side-by-side parts of a table (收入 beside 支出) each have their own columns."""

    group: str
    columns: list[Column]  # amount columns, left to right


@dataclass
class Table:
    """A table as read: its title, what standard table it is, its columns and rows."""

    title: str
    line: int  # the title's line
    standard: str | None  # the standard table it is (收支总表 …), from the vocabulary
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

    @cached_property  # asked of every empty cell by the checks, once the table is read
    def places(self) -> int:
        """The decimals its figures print, the most of any cell (2 with none)."""
        return max((c.figure.places for r in self.rows for c in r.cells.values()), default=2)

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
