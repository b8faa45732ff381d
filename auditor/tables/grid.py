"""A table block's lines split into cells of a common column grid.

A table reaches us two ways: cells separated by tabs (Word/Excel copies), or cells laid out
with runs of spaces (`pdftotext -layout`), where an empty cell is just blank space and only
the alignment of the other rows says which column a figure is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product
from math import prod

from auditor.records import dataclass
from auditor.tables.blocks import GAP, SPACES
from auditor.text.lazy import lazy
from auditor.text.width import char_width

CODE = lazy(r"^\d{3}(?:\d{2}){0,2}$")
NUMBER_TOKEN = lazy(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
DECIMAL = lazy(r"^[-+]?[\d,]*\d\.\d+$")
CODE_LIKE = lazy(r"^(?:\d{2}|\d{3}(?:\d{2}){0,2})$")
ORDINAL_ITEM = lazy(r"^[一二三四五六七八九十]+、\s*\p{Han}")
HAN = lazy(r"\p{Han}")
TOTAL_LABEL = lazy(r"^(?:本年)?(?:收入|支出)?(?:合\s*计|总\s*计)$")
GAP_COST = 2.0  # display columns of centring a header must gain to take a blank
MAX_SHARINGS = 4096  # ways of sharing out a header row's blanks tried together


@dataclass(frozen=True)
class Chunk:
    """A cell's text on a space-laid-out line, with the display columns it spans."""

    text: str
    start: int  # display columns, end exclusive
    end: int


def chunks(line: str, widths: Sequence[int] | None = None) -> list[Chunk]:
    """Cells of a space-laid-out line: runs of two or more spaces separate cells, and so does
    a single space next to a number ("201 一般公共服务支出", "1 2,360.70").

    Positions are display columns of the line as printed (`widths`, per character, taken
    before full-width brackets were normalised to narrow ones)."""
    widths = widths or [char_width(ch) for ch in line]
    edge = [0]
    for w in widths:
        edge.append(edge[-1] + w)
    out: list[Chunk] = []
    for match in GAP.finditer(line):
        begin = match.start()
        cell: list[str] = []
        for token in match.group().split(" "):
            numeric = bool(NUMBER_TOKEN.match(token))
            if cell and (numeric or NUMBER_TOKEN.match(cell[-1])):
                text = " ".join(cell)
                out.append(Chunk(text, edge[begin], edge[begin + len(text)]))
                begin += len(text) + 1
                cell = []
            cell.append(token)
        text = " ".join(cell)
        out.append(Chunk(text, edge[begin], edge[begin + len(text)]))
    return out


def is_data(cells: Sequence[str]) -> bool:
    """A body row: a figure with decimals, a 科目代码 before its name, or a 合计/总计 label."""
    texts = [c.strip() for c in cells if c.strip()]
    if not texts:
        return False
    if any(DECIMAL.match(t) for t in texts):
        return True
    if CODE.match(texts[0]) and len(texts) > 1 and HAN.search(texts[1]):
        return True
    if ORDINAL_ITEM.match(texts[0]):
        return True  # "一、一般公共预算财政拨款收入": an item, even with no figure yet
    numeric = [t for t in texts if NUMBER_TOKEN.match(t)]
    if len(numeric) >= 2 and len(numeric) == len(texts) and not is_serial(texts):
        return True  # a row of integer amounts with no label (the 三公 table)
    total = TOTAL_LABEL.match(SPACES.sub("", texts[0]))
    return bool(total) and len(numeric) == len(texts) - 1


def is_serial(cells: Sequence[str]) -> bool:
    """The 栏次 row: column numbers 1, 2, 3 … under the header."""
    return _serial(_compact(cells))


def _serial(texts: Sequence[str]) -> bool:
    """is_serial of a row's cells as _compact gives them."""
    numbers = [int(t) for t in texts if t.isascii() and t.isdigit()]  # not "²", a digit too
    return (
        len(numbers) >= 2
        and len(numbers) + texts.count("栏次") == len(texts)
        and all(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    )


Header = list[list[tuple[str, int]]]  # per header row, per column: (text, owning cell id)


@dataclass
class Grid:
    """A table's cells by column: header rows with merged cells resolved, then body rows."""

    header: Header
    body: list[tuple[int, list[str]]]
    columns: int


def _fill(
    rows: list[list[str]],
    columns: list[tuple[float, float]],
    extents: list[list[tuple[float, float]]],
    flush: list[bool],
) -> Header:
    """Give each blank header cell the merged cell it belongs to.

    A blank is part of a merged cell when the rows below divide its column further. Text
    set flush left (a tab copy puts a merged cell's text in its leftmost cell) owns the
    blanks to its right. Centred text (pdftotext) owns the columns its print overlaps and
    those that centre it better over its span; on a top row of several groups (收入 | 支出,
    预算数 | 决算数) every column goes to one of them.
    """
    width = len(columns)
    last = rows[-1] if rows else []
    # Where the first column's header (项目 / 科目代码) comes again, a side-by-side half starts.
    starts = {k for k in range(1, width) if last and last[0] and last[k] == last[0]}
    out: Header = []
    for r, row in enumerate(rows):
        cells = [(row[k], r * width + k) if row[k] else ("", -1) for k in range(width)]
        open_ = [
            not row[k] and any(rows[b][k] for b in range(r + 1, len(rows))) for k in range(width)
        ]

        def same_parent(j: int, k: int, r: int = r) -> bool:
            return r == 0 or out[r - 1][j][1] == out[r - 1][k][1]

        if flush[r]:
            owner = {}
            for k in range(width):
                left = k - 1
                while left >= 0 and not row[left]:
                    left -= 1
                if open_[k] and left >= 0 and same_parent(left, k):
                    owner[k] = left
        else:
            split = r == 0 and len([t for t in row if t]) > 1  # top groups share the table out
            owner = _share(row, open_, columns, extents[r], same_parent, starts if split else None)
        for k, j in owner.items():
            cells[k] = (row[j], r * width + j)
        out.append(cells)
    return out


def _share(row, open_, columns, extents, same_parent, starts: set[int] | None) -> dict[int, int]:
    """Which text owns each open blank of a row of centred header text: the columns its
    print overlaps, and those beside them that bring it nearer the middle of its span. On
    a top row of several groups (`starts` given: where halves begin) every blank is owned,
    a run of blanks holding the start of a half split there."""
    width = len(columns)
    texts = [j for j in range(width) if row[j]]
    owner: dict[int, int] = {}
    for j in texts:  # the columns a text's print overlaps are its own
        lo, hi = extents[j]
        for k in range(width):
            if open_[k] and columns[k][0] < hi and lo < columns[k][1] and same_parent(j, k):
                owner.setdefault(k, j)

    def cost(j: int) -> float:
        mine = [columns[k] for k, o in owner.items() if o == j] + [columns[j]]
        middle = (min(a for a, _ in mine) + max(b for _, b in mine)) / 2
        return abs(middle - sum(extents[j]) / 2)

    runs: list[list[int]] = []
    for k in range(width):
        if open_[k] and k not in owner:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    choices = [
        _choices(run, row, owner, same_parent, starts) or [(None, None, 0, len(run))]
        for run in runs
    ]
    fixed = dict(owner)

    def settle(picked: Sequence[tuple[int | None, int | None, int, int]]) -> float:
        owner.clear()
        owner.update(fixed)
        for run, (left, right, a, b) in zip(runs, picked, strict=True):
            owner.update({k: left for k in run[:a]})
            owner.update({k: right for k in run[b:]})
        taken = len(owner) - len(fixed)
        # Below the top row a blank may also stay a column of its own (a vertical cell):
        # a text takes one more only to stand nearer its middle by more than a column's gap.
        return sum(cost(j) for j in texts) + (0 if starts is not None else GAP_COST * taken)

    # Every text as near the middle of its span as can be: try every way of sharing the
    # runs out together (one text may take blanks on both sides), if there are not too many.
    if prod(len(c) for c in choices) <= MAX_SHARINGS:
        settle(min(product(*choices), key=settle))
    else:  # too many to try: each run on its own, the others as they stand
        picked = [c[0] for c in choices]
        for i, options in enumerate(choices):
            picked[i] = min(options, key=lambda o, i=i: settle([*picked[:i], o, *picked[i + 1 :]]))
        settle(picked)
    return owner


def _choices(run, row, owner, same_parent, starts) -> list[tuple[int | None, int | None, int, int]]:
    """The ways to share a run of blanks: the first a to the text on its left, the last from
    b to the one on its right, those between left as columns of their own."""
    width = len(row)
    left = next((owner.get(k, k) for k in range(run[0] - 1, -1, -1) if row[k] or k in owner), None)
    right = next((owner.get(k, k) for k in range(run[-1] + 1, width) if row[k] or k in owner), None)
    cut = [i for i, k in enumerate(run) if k in (starts or ())]
    found = []
    for a in range(len(run) + 1):
        for b in range(a, len(run) + 1):
            if starts is not None and (
                a != b or (cut and left is not None and right is not None and a != cut[0])
            ):
                continue
            if a and (left is None or not all(same_parent(left, k) for k in run[:a])):
                continue
            if b < len(run) and (right is None or not all(same_parent(right, k) for k in run[b:])):
                continue
            found.append((left, right, a, b))
    return found


def _split(grid: list[tuple[int, list[str]]]) -> tuple[list[int], list[tuple[int, list[str]]]]:
    """Indexes of the header rows (the 栏次 row dropped), and the body rows."""
    start = next((i for i, (_, cells) in enumerate(grid) if is_data(cells)), len(grid))
    compact = [_compact(cells) for _, cells in grid]  # each row's, once for both tests
    header = [i for i in range(start) if not _serial(compact[i])]
    again = {compact[i] for i in header}  # a header printed again after a page break
    body = [
        row
        for row, texts in zip(grid[start:], compact[start:], strict=True)
        if not _serial(texts) and texts not in again
    ]
    return header, body


def _compact(cells: Sequence[str]) -> tuple[str, ...]:
    """A row's cells without spacing: how a header printed again is recognised (a printable
    cell with no space has nothing for SPACES to take away)."""
    joined = "".join(cells)
    if " " not in joined and joined.isprintable():  # no whitespace in any cell (most rows)
        return tuple([c for c in cells if c])
    return tuple(
        [c if " " not in c and c.isprintable() else SPACES.sub("", c) for c in cells if c.strip()]
    )


def tab_grid(rows: list[tuple[int, str]]) -> Grid:
    grid = [(number, [c.strip() for c in text.split("\t")]) for number, text in rows]
    width = max((len(cells) for _, cells in grid), default=0)
    index, body = _split(grid)
    body = _align(body, width)
    header = [grid[i][1] + [""] * (width - len(grid[i][1])) for i in index]
    columns = [(float(k), float(k + 1)) for k in range(width)]
    return Grid(_fill(header, columns, [columns] * len(header), [True] * len(header)), body, width)


def _align(body: list[tuple[int, list[str]]], width: int) -> list[tuple[int, list[str]]]:
    """Rows with fewer cells than the table (a continuation page whose 类 | 款 | 项 columns
    collapsed into one code cell) keep their figures under the figure columns: where left
    alignment would put a figure into a column that full rows use for names and codes only,
    the cells after the row's last name or code are moved to start at the first figure
    column (whether or not the row kept its trailing empty cells)."""
    if all(len(cells) == width for _, cells in body):
        return body  # no row to move (the usual table)
    full = [cells for _, cells in body if len(cells) == width]
    figures = {k for cells in full for k, text in enumerate(cells) if _amount(text)}
    if not full or not figures:
        return body
    start = min(figures)
    out = []
    for number, cells in body:
        if len(cells) == width:
            out.append((number, cells))
            continue
        first = next((k for k, text in enumerate(cells) if _amount(text)), None)
        if first is not None and first not in figures:
            named = max((k for k in range(first) if cells[k].strip()), default=-1)
            shift = start - (named + 1)
            if shift > 0:
                cells = cells[: named + 1] + [""] * shift + cells[named + 1 :]
        out.append((number, cells))
    return out


def _amount(text: str) -> bool:
    """A figure, not a 科目代码 or a two-digit 款 / 项 code part."""
    return bool(NUMBER_TOKEN.match(text)) and not CODE_LIKE.match(text)


def space_grid(rows: list[tuple[int, str]], widths: dict[int, list[int]]) -> Grid | None:
    """Columns are the runs of positions some body row occupies; a header cell goes to the
    columns it overlaps, or the nearest one.

    None when one body row puts two cells into one column: the alignment cannot be trusted.
    """
    parsed = [(number, chunks(text, widths.get(number))) for number, text in rows]
    body = [cs for _, cs in parsed if is_data([c.text for c in cs])]
    if not body:  # a header and nothing under it: an empty table
        return Grid([], [], 0)
    width = max(c.end for cs in body for c in cs)
    used = bytearray(width + 1)
    for cs in body:
        for c in cs:
            used[c.start : c.end] = b"\x01" * (c.end - c.start)
    regions: list[tuple[int, int]] = []
    for pos in range(width + 1):
        if used[pos] and regions and regions[-1][1] == pos:
            regions[-1] = (regions[-1][0], pos + 1)
        elif used[pos]:
            regions.append((pos, pos + 1))
    # A column empty in every body row still shows in the header's last line.
    first = next(i for i, (_, cs) in enumerate(parsed) if is_data([c.text for c in cs]))
    for _, cs in parsed[first - 1 : first] if first else []:
        for c in cs:
            if not any(c.start < b and a < c.end for a, b in regions):
                regions.append((c.start, c.end))
    regions.sort()
    grid: list[tuple[int, list[str]]] = []
    extents: list[list[tuple[float, float]]] = []
    for number, cs in parsed:
        cells = [""] * len(regions)
        extent = [(0.0, 0.0)] * len(regions)
        data = is_data([c.text for c in cs])
        for c in cs:
            hit = [k for k, (a, b) in enumerate(regions) if c.start < b and a < c.end]
            if not hit:
                centre = (c.start + c.end) / 2
                hit = [min(range(len(regions)), key=lambda k: abs(sum(regions[k]) / 2 - centre))]
            if data and (len(hit) > 1 or cells[hit[0]]):
                return None
            k = hit[len(hit) // 2] if not data else hit[0]
            cells[k] = f"{cells[k]} {c.text}".strip()
            extent[k] = (float(c.start), float(c.end))
        grid.append((number, cells))
        extents.append(extent)
    index, body_rows = _split(grid)
    header = [grid[i][1] for i in index]
    spans = [extents[i] for i in index]
    # Text set flush with the left edge of its first column belongs to the columns on its
    # right (as in a tab copy); centred text, to the columns around it.
    flush = [
        all(e == (0.0, 0.0) or e[0] == regions[k][0] for k, e in enumerate(extents[i]))
        for i in index
    ]
    columns = [(float(a), float(b)) for a, b in regions]
    return Grid(_fill(header, columns, spans, flush), body_rows, len(regions))
