"""What the table readers of .docx, .xlsx and web pages share: when a row of a table is a
line of text rather than a row of cells."""

from __future__ import annotations

PROSE = 30  # a one-cell row this long is a sentence, not a table row with one cell filled
NOTE = ("注", "说明", "备注", "单位", "金额单位", "编制单位", "编制部门", "部门：")


def alone(cells: list[str], before_header: bool) -> bool:
    """A row with one cell filled is a line of its own (a title spanning the table, 公开01表,
    单位：万元, a 注) when it comes before the table's first row of several cells, is a note
    or unit line, or is a sentence; otherwise it is a row whose other cells are empty."""
    filled = [c for c in cells if c.strip()]
    if len(filled) != 1:
        return False
    text = filled[0].strip()
    return before_header or text.startswith(NOTE) or len(text) > PROSE
