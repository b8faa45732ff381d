"""Parts and wholes among a table's columns and rows, read from how their labels are
written: 其中 columns and rows, numbered sub-lines under a 一、 item, and the grand total of
a half below its 本年收入合计 (the wording is the vocabulary's `wording:` section)."""

from __future__ import annotations

from dataclasses import replace

from auditor.tables.model import Column, Table
from auditor.text.lazy import lazy
from auditor.vocabulary import Vocabulary

FIRST_LEVEL = lazy(r"^[一二三四五六七八九十]+[、.]")


def of_which(columns: list[Column], vocab: Vocabulary) -> list[Column]:
    """A column with 其中 at any level of its header is a part, never a sibling: of the column
    under the same header above that level, on its left (事业收入/金额 | 事业收入/其中：教育收费;
    项目支出/小计 | 项目支出/其中/基本建设支出), else on its right; with neither, of a whole
    not printed (part_of "": left out of every sum, compared with nothing)."""
    marked = {
        column.index: next(
            (n for n, text in enumerate(column.levels) if vocab.says("of_which", text)), None
        )
        for column in columns
    }
    out: list[Column] = []
    for i, column in enumerate(columns):
        level = marked[column.index]
        if level is None:
            out.append(column)
            continue
        prefix = column.levels[:level]

        def whole(candidates: list[Column], prefix: tuple[str, ...] = prefix) -> Column | None:
            return next(
                (
                    c
                    for c in candidates
                    if marked[c.index] is None and c.levels[: len(prefix)] == prefix
                ),
                None,
            )

        parent = whole(list(reversed(columns[:i]))) or whole(columns[i + 1 :])
        out.append(replace(column, part_of=parent.name if parent else ""))
    return out


def link_parts(table: Table, vocab: Vocabulary) -> None:
    """Which row each part belongs to. A 其中 row is a part of the row right above it; a
    numbered sub-line (1. under 一、, (1) under 1.) of the nearest row above it of a higher
    level, when that row holds figures (a heading row without figures has items, not parts).
    Then a bare 合计 below 本年收入合计 and the carried-over rows is the half's grand total."""
    stacks: dict[int, list[int]] = {}  # per segment: rows of open numbering levels
    previous: dict[int, int] = {}
    for i, row in enumerate(table.rows):
        stack = stacks.setdefault(row.segment, [])
        above = previous.get(row.segment)
        previous[row.segment] = i
        if row.is_total:
            stack.clear()
            continue
        if row.of_which:
            if above is not None and not table.rows[above].is_total:
                row.part_of = above
        elif row.level >= 2:
            whole = next((j for j in reversed(stack) if table.rows[j].level < row.level), None)
            if whole is not None and table.rows[whole].cells:
                row.part_of = whole
        if row.level:
            while stack and table.rows[stack[-1]].level >= row.level:
                stack.pop()
            stack.append(i)
        elif not row.of_which:
            stack.clear()
    named: set[int] = set()  # segments with a 本年收入合计 / 本年支出合计 above
    for row in table.rows:
        if row.is_total and row.part_of is None:
            if row.label in ("合计", "总计") and row.segment in named:
                row.grand = True  # 本年收入合计, 使用结余, 年初结转和结余, then 合计
            elif vocab.says("year_total", row.label):
                named.add(row.segment)


def marks(label: str, vocab: Vocabulary) -> tuple[bool, int]:
    """How a label's opening marks its row: 其中 (Row.of_which), and the level of its
    numbering (Row.level); worked out once per label and vocabulary."""
    return vocab.remembered("marks", label, lambda text: _marks(text, vocab))


def _marks(label: str, vocab: Vocabulary) -> tuple[bool, int]:
    found = vocab.says("of_which", label)
    rest = label[found.end() :] if found else label
    if vocab.says("sub_sub_line", rest):
        level = 3
    elif vocab.says("sub_line", rest):
        level = 2
    else:
        level = 1 if FIRST_LEVEL.match(rest) else 0
    return found is not None, level
