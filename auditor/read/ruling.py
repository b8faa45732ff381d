"""Ruled tables found from a page's ruling lines, as pdfplumber's table finder finds them with
its default settings (the reading every fixture and corpus PDF was checked against), without
pdfplumber: its pdfminer underneath is what made reading a PDF slow.

Ruling segments closer than SNAP points are put on one line at their mean position, and pieces
of one line less than JOIN apart are joined; segments shorter than MIN_LENGTH are dropped. A
vertex is where a vertical and a horizontal segment meet (within NEAR); a cell is the smallest
rectangle whose corners are vertices joined by common segments; cells sharing a corner are one
table. A cell's text is its characters (those whose centre lies in it) in lines by their tops,
words apart by a space.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from itertools import groupby
from typing import TypeVar

from auditor.records import dataclass

SNAP = 3.0
JOIN = 3.0
MIN_LENGTH = 3.0
NEAR = 3.0
X_TOLERANCE = 3.0  # a wider gap between characters of a line starts a new word
Y_TOLERANCE = 3.0  # characters whose tops differ by less are on one line
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]
T = TypeVar("T")


@dataclass(frozen=True)
class Segment:
    """A ruling line: horizontal (top == bottom) or vertical (x0 == x1)."""

    x0: float
    top: float
    x1: float
    bottom: float
    vertical: bool

    @property
    def length(self) -> float:
        return self.bottom - self.top if self.vertical else self.x1 - self.x0


def segments(edges: Iterable[dict]) -> list[Segment]:
    """The reader's edges (pdfplumber's shape: x0, x1, top, bottom, orientation) as segments."""
    return [
        Segment(e["x0"], e["top"], e["x1"], e["bottom"], e["orientation"] == "v")
        for e in edges
        if (e["bottom"] - e["top"] if e["orientation"] == "v" else e["x1"] - e["x0"]) >= 1
    ]


def _clusters(values: Iterable[float], tolerance: float) -> dict[float, int]:
    """Each distinct value's cluster number: sorted values chained while each is within
    `tolerance` of the one before."""
    out: dict[float, int] = {}
    last, number = None, -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            number += 1
        out[value] = number
        last = value
    return out


def _grouped(items: Sequence[T], key: Callable[[T], float], tolerance: float) -> list[list[T]]:
    """Items in clusters of `key` (in the clusters' order, each keeping the items' order)."""
    number = _clusters(map(key, items), tolerance)
    ordered = sorted(items, key=lambda item: number[key(item)])
    return [list(group) for _, group in groupby(ordered, key=lambda item: number[key(item)])]


def _snapped(lines: list[Segment], vertical: bool) -> list[Segment]:
    def position(s: Segment) -> float:
        return s.x0 if vertical else s.top

    out: list[Segment] = []
    for group in _grouped(lines, position, SNAP):
        mean = sum(map(position, group)) / len(group)
        for s in group:
            shift = mean - position(s)
            if vertical:
                out.append(Segment(s.x0 + shift, s.top, s.x1 + shift, s.bottom, True))
            else:
                out.append(Segment(s.x0, s.top + shift, s.x1, s.bottom + shift, False))
    return out


def _joined(lines: list[Segment], vertical: bool) -> list[Segment]:
    """Pieces of one ruling line less than JOIN apart made one."""

    def line(s: Segment) -> float:
        return s.x0 if vertical else s.top

    def start(s: Segment) -> float:
        return s.top if vertical else s.x0

    def end(s: Segment) -> float:
        return s.bottom if vertical else s.x1

    out: list[Segment] = []
    for _, group in groupby(sorted(lines, key=line), key=line):
        pieces = sorted(group, key=start)
        joined = [pieces[0]]
        for s in pieces[1:]:
            last = joined[-1]
            if start(s) <= end(last) + JOIN:
                if end(s) > end(last):
                    if vertical:
                        joined[-1] = Segment(last.x0, last.top, last.x1, s.bottom, True)
                    else:
                        joined[-1] = Segment(last.x0, last.top, s.x1, last.bottom, False)
            else:
                joined.append(s)
        out.extend(joined)
    return out


def _vertices(lines: list[Segment]) -> dict[Point, tuple[set[Segment], set[Segment]]]:
    """Where a vertical and a horizontal line meet, with the lines that meet there."""
    upright = sorted((s for s in lines if s.vertical), key=lambda s: (s.x0, s.top))
    across = sorted((s for s in lines if not s.vertical), key=lambda s: (s.top, s.x0))
    tops = [s.top for s in across]
    out: dict[Point, tuple[set[Segment], set[Segment]]] = {}
    for v in upright:
        for h in across[bisect_left(tops, v.top - NEAR) : bisect_right(tops, v.bottom + NEAR)]:
            if h.x0 - NEAR <= v.x0 <= h.x1 + NEAR:
                ups, acrosses = out.setdefault((v.x0, h.top), (set(), set()))
                ups.add(v)
                acrosses.add(h)
    return out


def _cells(vertices: dict[Point, tuple[set[Segment], set[Segment]]]) -> list[Box]:
    """For each vertex, the smallest rectangle it is the top left corner of."""
    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in sorted(vertices):
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)

    def joined(a: Point, b: Point) -> bool:
        if a[0] == b[0] and vertices[a][0] & vertices[b][0]:
            return True
        return a[1] == b[1] and bool(vertices[a][1] & vertices[b][1])

    cells: list[Box] = []
    for x, y in sorted(vertices):
        below = [(x, y2) for y2 in by_x[x] if y2 > y]
        right = [(x2, y) for x2 in by_y[y] if x2 > x]
        cell = _smallest((x, y), below, right, vertices, joined)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(corner, below, right, vertices, joined) -> Box | None:
    for low in below:
        if not joined(corner, low):
            continue
        for side in right:
            if not joined(corner, side):
                continue
            far = (side[0], low[1])
            if far in vertices and joined(far, side) and joined(far, low):
                return (corner[0], corner[1], far[0], far[1])
    return None


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells sharing a corner, directly or through others, as tables of two cells or more,
    topmost (then leftmost) first."""
    remaining = list(cells)
    tables: list[list[Box]] = []
    while remaining:
        first = remaining.pop(0)
        table = [first]
        corners = set(_corners(first))
        grew = True
        while grew:
            grew = False
            for cell in list(remaining):
                if any(c in corners for c in _corners(cell)):
                    corners.update(_corners(cell))
                    table.append(cell)
                    remaining.remove(cell)
                    grew = True
        tables.append(table)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _corners(box: Box) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = box
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


@dataclass
class Row:
    """A table's cells with one top, one per column of the table (None: a column's cell is
    merged into a cell to its left or above)."""

    cells: list[Box | None]
    bbox: Box = field(init=False)

    def __post_init__(self) -> None:
        present = [c for c in self.cells if c is not None]
        self.bbox = (
            min(c[0] for c in present),
            min(c[1] for c in present),
            max(c[2] for c in present),
            max(c[3] for c in present),
        )


@dataclass
class Table:
    cells: list[Box]

    @property
    def bbox(self) -> Box:
        c = self.cells
        return (min(b[0] for b in c), min(b[1] for b in c), max(b[2] for b in c),
                max(b[3] for b in c))  # fmt: skip

    @property
    def rows(self) -> list[Row]:
        xs = sorted({c[0] for c in self.cells})
        out = []
        for _, group in groupby(sorted(self.cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
            at = {c[0]: c for c in group}
            out.append(Row([at.get(x) for x in xs]))
        return out


def find_tables(edges: Iterable[dict]) -> list[Table]:
    """The ruled tables of a page from its edges."""
    lines = segments(edges)
    ups = [s for s in lines if s.vertical]
    acrosses = [s for s in lines if not s.vertical]
    lines = _joined(_snapped(ups, True), True) + _joined(_snapped(acrosses, False), False)
    lines = [s for s in lines if s.length >= MIN_LENGTH]
    return [Table(cells) for cells in _tables(_cells(_vertices(lines)))]


class Placed:
    """A page's characters, each findable by the box its centre lies in (left and top edges in,
    right and bottom out), in the page's order."""

    def __init__(self, chars: list[dict]):
        self.chars = chars
        middles = [((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars)]
        middles.sort()
        self._heights = [m for m, _ in middles]
        self._order = [i for _, i in middles]
        self._across = [(c["x0"] + c["x1"]) / 2 for c in chars]

    def within(self, box: Box) -> list[int]:
        """Indices of the characters whose centre is in `box`, in the page's order."""
        x0, top, x1, bottom = box
        start, end = bisect_left(self._heights, top), bisect_left(self._heights, bottom)
        across = self._across
        return sorted(i for i in self._order[start:end] if x0 <= across[i] < x1)

    def cells(self, row: Row) -> list[list[dict] | None]:
        """Each cell's characters (None for a merged-away column)."""
        inside = self.within(row.bbox)
        chars, across = self.chars, self._across
        out: list[list[dict] | None] = []
        for cell in row.cells:
            if cell is None:
                out.append(None)
                continue
            x0, top, x1, bottom = cell
            out.append(
                [
                    chars[i]
                    for i in inside
                    if x0 <= across[i] < x1
                    and top <= (chars[i]["top"] + chars[i]["bottom"]) / 2 < bottom
                ]
            )
        return out


def cell_text(chars: list[dict]) -> list[str]:
    """A cell's printed lines: words (runs of characters no more than X_TOLERANCE apart, spaces
    between) joined by one space; lines are words whose tops lie within Y_TOLERANCE."""
    if chars and all(c.get("upright", True) for c in chars):
        tops = [c["top"] for c in chars]
        if max(tops) - min(tops) <= Y_TOLERANCE:  # one line (most cells): its words at once
            line = _line_words(sorted(chars, key=lambda c: c["x0"]), "x0", "x1", "top")
            return [" ".join(text for _, text in line)] if line else []
    words: list[tuple[float, str]] = []
    for upright, run in groupby(chars, key=lambda c: c.get("upright", True)):
        words.extend(_words(list(run), upright))
    return [" ".join(text for _, text in line) for line in _grouped(words, _top, Y_TOLERANCE)]


def _top(word: tuple[float, str]) -> float:
    return word[0]


def _words(chars: list[dict], upright: bool) -> list[tuple[float, str]]:
    """Words of one run of characters (upright or turned), line by line, as (top, text)."""
    if upright:
        lines = _grouped(chars, lambda c: c["top"], Y_TOLERANCE)
        order: Callable[[dict], float] = lambda c: c["x0"]  # noqa: E731
        start, end, side = "x0", "x1", "top"
    else:  # turned text runs down the page: lines are columns
        lines = _grouped(chars, lambda c: c["x0"], X_TOLERANCE)
        order = lambda c: (c["top"], c["bottom"])  # noqa: E731
        start, end, side = "top", "bottom", "x0"
    return [
        word for line in lines for word in _line_words(sorted(line, key=order), start, end, side)
    ]


def _line_words(line: list[dict], start: str, end: str, side: str) -> list[tuple[float, str]]:
    """The words of one line of characters in order along it."""
    out: list[tuple[float, str]] = []
    word: list[dict] = []
    for c in line:
        text = c["text"]
        if text.isspace() or text == "":  # a space ends a word; a character without text
            if word:  # is a word of its own
                out.append(_word(word))
            word = []
            if text == "":
                out.append(_word([c]))
        elif word and (
            c[start] < word[-1][start]
            or c[start] > word[-1][end] + X_TOLERANCE
            or abs(c[side] - word[-1][side]) > Y_TOLERANCE
        ):
            out.append(_word(word))
            word = [c]
        else:
            word.append(c)
    if word:
        out.append(_word(word))
    return out


def _word(chars: list[dict]) -> tuple[float, str]:
    return min(c["top"] for c in chars), "".join(LIGATURES.get(c["text"], c["text"]) for c in chars)
