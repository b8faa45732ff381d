"""Table blocks in report text: a table's title, the lines above its rows (单位, 公开N表),
its rows and the notes under it.

A table reaches us two ways: cells separated by tabs (Word/Excel copies), or cells laid out
with runs of spaces (`pdftotext -layout`); a block keeps its rows as printed, with the
display width of each character, for the column grid to split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field

import regex

from auditor.records import dataclass
from auditor.text.lazy import HELD, lazy
from auditor.text.located import (
    HEADING_END,
    MARKER,
    STOPS,
    furniture,
    is_table_row,
    normal_lines,
)
from auditor.text.width import char_width
from auditor.vocabulary import Vocabulary

META = regex.compile(
    r"^(?:公开\s*\d+\s*表|表\s*\d+\s*$|(?:金额)?单位\s*[：:]|部门\s*[：:]|(?:编制|填报|预算)单位|部门名称\s*[：:]"
    r"|填报日期)"
)
NOTE = regex.compile(r"^(?:注|说明|备注)\s*\d*\s*[：:.]")
META_FIRST, NOTE_FIRST = "公表金单部编填预", "注说备"  # what each can begin with
PROSE = lazy(f"[{STOPS}]" + r"|[，,]\S*[，,]")
THOUSANDS = lazy(r"\d{1,3}(?:,\d{3})+")  # 23,456,789: its commas are no clause breaks
AMOUNT = lazy(r"\d[\d,]*\.\d|\d{1,3}(?:,\d{3})+")
TITLE_TAIL = lazy(r"表(?:\(续\)|续)?$")
TOC_ENTRY = lazy(r"\.{3,}|…{2,}|·{3,}|\t\s*\d+\s*$")
SPACES = lazy(r"\s+")
PUBLIC_NUMBER = lazy(r"\s*公开\s*\d+\s*表\s*$")
UNIT_TAIL = lazy(r"\s*单位\s*[：:].*$")
GAP = regex.compile(r"\S+(?: \S+)*")
LOOKBACK = 12  # non-blank lines a title may stand above its table's first row


@dataclass
class Block:
    """The lines of one table, from its title to its notes."""

    title: str
    title_line: int
    meta: list[tuple[int, str]] = field(default_factory=list)
    rows: list[tuple[int, str]] = field(default_factory=list)
    widths: dict[int, list[int]] = field(default_factory=dict)  # per row line: display widths
    notes: list[tuple[int, str]] = field(default_factory=list)


def _title(text: str) -> str | None:
    """The table title a line holds, if it is one (not a 目录 entry, not prose)."""
    if "表" not in text:
        return None  # TITLE_TAIL's 表 (what is taken away below only shortens the line)
    if "\t" in text.rstrip("\t"):
        return None  # a tab between words: a table row, not a title
    text = text.strip()
    if TOC_ENTRY.search(text) or prose(text) or len(text) > 60:
        return None
    text = PUBLIC_NUMBER.sub("", text)
    text = UNIT_TAIL.sub("", text)
    compact = SPACES.sub("", text)
    if not TITLE_TAIL.search(compact) or len(compact) < 4:
        return None
    return compact


def prose(text: str) -> bool:
    """Clause punctuation outside numbers: a sentence, not a table row or title."""
    return bool(PROSE.search(THOUSANDS.sub("0", text) if "," in text else text, 0, None, HELD))


def _line_class(text: str, vocab: Vocabulary) -> str:
    """What a line is to a table: blank, meta (公开NN表, 单位, 编制部门), note, title, row or other."""
    if not text or furniture(text):
        return "blank"
    if (text[0] in META_FIRST and META.match(text, 0, None, HELD)) or (
        "\t" not in text
        and not AMOUNT.search(text, 0, None, HELD)
        and vocab.says("unit_line", text)
    ):
        return "meta"  # "编制部门：某街道办事处　　单位：元" too; a tab row is a header
    if text[0] in NOTE_FIRST and NOTE.match(text, 0, None, HELD):
        return "note"
    if _title(text):
        return "title"
    # two runs of GAP: a double space between them (the line is stripped), or whitespace
    # other than a space, which is no printable character
    gaps = "  " in text or (not text.isprintable() and len(GAP.findall(text)) >= 2)
    if is_table_row(text) or "\t" in text or gaps:
        return "row" if not prose(text) or "\t" in text else "other"
    return "other"


def find_blocks(lines: Sequence[str], vocab: Vocabulary) -> list[Block]:
    """Every titled table: rows follow the title within a few lines, notes follow the rows."""
    norm = [line.rstrip(" \r") for line in normal_lines(lines)]  # trailing tabs: empty cells
    classes = [_line_class(text.strip() if "\t" not in text else text, vocab) for text in norm]
    blocks: list[Block] = []
    i, n = 0, len(norm)
    while i < n:
        if classes[i] != "title":
            i += 1
            continue
        block = Block(_title(norm[i]) or "", i + 1)
        j, seen = i + 1, 0
        while j < n and classes[j] in ("blank", "meta") and seen < LOOKBACK:
            if classes[j] == "meta":
                block.meta.append((j + 1, norm[j].strip()))
            seen += classes[j] != "blank"
            j += 1
        if j < n and classes[j] == "title":
            i = j  # a part heading ("…部门决算表") above the first table's own title
            continue
        while j < n and (classes[j] in ("row", "blank", "meta") or _continues(norm, classes, j)):
            if classes[j] == "meta":
                block.meta.append((j + 1, norm[j].strip()))
            elif classes[j] != "blank":
                block.rows.append((j + 1, norm[j]))
                if "\t" not in norm[j]:  # a block with a tab row is split at tabs, not widths
                    block.widths[j + 1] = [char_width(ch) for ch in lines[j]]
            j += 1
        while (
            j < n
            and classes[j] in ("note", "blank")
            or (
                j < n
                and classes[j] == "other"
                and block.notes
                and (not block.notes[-1][1].endswith("。") or _note_next(classes, j))
            )
        ):
            if classes[j] != "blank":
                block.notes.append((j + 1, norm[j].strip()))
            j += 1
        if block.rows or block.notes:
            blocks.append(block)
        i = max(j, i + 1)
    return blocks


def _note_next(classes: list[str], j: int) -> bool:
    """A line between two notes (注：… / 填报说明 / 说明：…) belongs with them."""
    return next((k for k in classes[j + 1 :] if k != "blank"), None) == "note"


def _continues(norm: list[str], classes: list[str], j: int) -> bool:
    """A short cell-only line inside a table: a wrapped header or label, or a row with a
    label alone ("二、事业收入") — but not a numbered heading that prose follows."""
    stripped = norm[j].strip()
    if classes[j] != "other" or len(stripped) > 24 or prose(stripped):
        return False
    marker = MARKER.match(stripped)
    if not marker:
        return True
    if marker.group(1) or HEADING_END.search(stripped):
        return False  # "第三部分 …", "一、收入支出决算总体情况说明": the text goes on
    after = next((k for k in classes[j + 1 :] if k != "blank"), "other")
    return after in ("row", "note") or (after == "other" and _short_next(norm, classes, j))


def _short_next(norm: list[str], classes: list[str], j: int) -> bool:
    """The next non-blank line is short and no prose: the table goes on."""
    k = next((k for k in range(j + 1, len(classes)) if classes[k] != "blank"), None)
    stripped = norm[k].strip() if k is not None else ""
    return bool(stripped) and len(stripped) <= 24 and not prose(stripped)
