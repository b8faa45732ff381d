"""Lines for the terminal broken only between atoms, so that no figure is ever cut in two.

rich wraps a long run of Chinese at any character, and so may print 420 at the end of a line
and .15万元 at the start of the next. Here a line breaks only between atoms: a number with its
sign, separators, decimals and unit (−1,250.40万元, 3.9%, 0.1个百分点), a citation (第7页第12行,
p7:L12, 段12, 表3 第5行, '01 收入支出决算总表'!C8), an ASCII word, or one CJK character.
Closing punctuation stays with the atom before it and opening punctuation with the atom after,
so a line never starts with ，or ends with （. Widths are terminal cells (rich.cells.cell_len).
Only an atom wider than a whole line is cut, at characters. Plain text that fits however wide
its characters (a pipe's or a file's 1 000 columns) is not measured: rich is not imported for
it, nor its atoms looked for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditor.text.lazy import lazy_re

if TYPE_CHECKING:
    from rich.text import Text

OPENING = "（「『“‘《〈【〔［(["
CLOSING = "，。；：、！？）」』”’》〉】〕］…–—,.;:!?)]%％"
UNITS = "个百分点|万元|亿元|千元|元|%|％|年|月|日|个|项|处|页|张|次|人|辆|倍"
ATOM = lazy_re(
    r"(?P<space>\s+)"
    r"|(?P<cite>(?:[\w.-]+\.[A-Za-z]\w*:)?"
    r"(?:第\d+页第[\d、–]+行|第[\d、–,]+行|p\d+:L\d+(?:,(?:p\d+:)?L\d+)*|段\d+|表\d+ 第\d+行"
    r"|'[^'\n]{1,60}'![A-Z]+\d+(?::[A-Z]+\d+)?|[^\s'!，,（）“”]{1,40}![A-Z]+\d+(?::[A-Z]+\d+)?))"
    rf"|(?P<number>[-−+]?\d(?:\d|,(?=\d))*(?:\.\d+)?(?: ?(?:{UNITS}))?)"
    r"|(?P<word>[!-~]+)"
    r"|.",
    re.S,
)
NARROWEST = 12  # fewer cells than this left after the hanging indent: no indent


def atoms(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_space) of each atom of `text`, punctuation already attached."""
    out: list[tuple[int, int, bool]] = []
    opened: int | None = None  # start of opening punctuation waiting for its atom
    for m in ATOM.finditer(text):
        start, end, piece = m.start(), m.end(), m.group()
        if m.lastgroup == "space":
            if opened is not None:
                out.append((opened, start, False))
                opened = None
            out.append((start, end, True))
        elif opened is None and out and not out[-1][2] and all(c in CLOSING for c in piece):
            out[-1] = (out[-1][0], end, False)
        elif all(c in OPENING for c in piece):
            opened = start if opened is None else opened
        else:
            out.append((start if opened is None else opened, end, False))
            opened = None
    if opened is not None:
        out.append((opened, len(text), False))
    return out


def wrap(text: Text, width: int, indent: str = "") -> list[Text]:
    """`text` as lines of at most `width` cells, continuation lines starting with `indent`.
    Spaces at a break are dropped; spaces leading the first line are kept."""
    indent, lines = breaks(text.plain, width, indent)
    return _cut(text, lines, indent)


def wrap_plain(text: str, width: int, indent: str = "") -> list[str]:
    """`wrap` of text without styles: the same lines, as strings."""
    if 2 * len(text) <= width:  # no character is wider than 2 cells: one line, as breaks
        kept = text.rstrip()  # makes it, spaces after the last atom dropped (all-space: kept)
        return [kept or text]
    indent, lines = breaks(text, width, indent)
    return [
        (indent if n else "") + "".join(text[a:b] for a, b in line) for n, line in enumerate(lines)
    ]


def breaks(plain: str, width: int, indent: str = "") -> tuple[str, list[list[tuple[int, int]]]]:
    """How `wrap` cuts `plain`: each line's pieces (start, end), and the indent of the lines
    after the first ("" when it would leave too little room)."""
    from rich.cells import cell_len

    if width - cell_len(indent) < NARROWEST:
        indent = ""
    lines: list[list[tuple[int, int]]] = []  # each line's pieces of `text`
    line: list[tuple[int, int]] = []
    used, filled = 0, False  # filled: the line holds an atom
    space: tuple[int, int] | None = None  # a space waiting for the atom after it

    def new_line() -> None:
        nonlocal line, used, filled, space
        lines.append(line)
        line, used, filled, space = [], cell_len(indent), False, None

    def put(start: int, end: int) -> None:
        nonlocal used
        line.append((start, end))
        used += cell_len(plain[start:end])

    for start, end, is_space in atoms(plain):
        if is_space:
            if filled:
                space = (start, end)
            elif not lines:
                put(start, end)
            continue
        size = cell_len(plain[start:end])
        gap = cell_len(plain[space[0] : space[1]]) if space else 0
        if filled and used + gap + size > width:
            new_line()
        if space:
            put(*space)
            space = None
        filled = True
        if used + size <= width:
            put(start, end)
            continue
        for i in range(start, end):  # wider than a whole line: cut at characters
            if used + cell_len(plain[i]) > width and used > cell_len(indent):
                new_line()
                filled = True
            put(i, i + 1)
    lines.append(line)
    return indent, lines


def _cut(text: Text, lines: list[list[tuple[int, int]]], indent: str) -> list[Text]:
    """The lines as Text: each piece is what text[start:end] gives, all cut from `text` at
    once (one slice at a time cuts the whole text each time: most of the time wrapping took)."""
    from rich.text import Text

    edges = sorted({edge for line in lines for piece in line for edge in piece})
    cut = text.divide(edges)
    bounds = zip([0, *edges], [*edges, len(text)], strict=True)
    pieces = dict(zip(bounds, cut, strict=True))
    out = []
    for n, line in enumerate(lines):
        joined = Text(indent if n else "")
        for piece in line:
            joined.append_text(pieces[piece])
        out.append(joined)
    return out
