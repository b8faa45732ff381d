"""The ruled tables of a scanned page, from the rules printed in its image: long horizontal and
vertical strokes found by morphology (OpenCV, which RapidOCR brings), their crossings making a
grid whose cells hold the recognised runs. A row between two horizontal rules becomes one
tab-separated line with a merged cell's text in its leftmost (and top) cell, which is how the
text layer's ruled tables read; a scanned table's header cells wrap and its names run over two
lines of a cell, which no layout by columns would read."""

from __future__ import annotations

from auditor.records import dataclass

MERGE = 4  # pixels: strokes this close are one rule
SPAN = 0.5  # a rule crosses a cell edge when it covers this part of it


@dataclass(frozen=True)
class Grid:
    """One ruled table in pixels: the y of its horizontal rules, the x of its vertical ones,
    and which edges between cells are drawn."""

    ys: tuple[int, ...]
    xs: tuple[int, ...]
    horizontal: tuple[tuple[int, int, int], ...]  # (y, x0, x1) strokes
    vertical: tuple[tuple[int, int, int], ...]  # (x, y0, y1) strokes

    def _drawn_v(self, x: int, y0: int, y1: int) -> bool:
        return any(
            abs(s[0] - x) <= MERGE and min(s[2], y1) - max(s[1], y0) >= SPAN * (y1 - y0)
            for s in self.vertical
        )

    def _drawn_h(self, y: int, x0: int, x1: int) -> bool:
        return any(
            abs(s[0] - y) <= MERGE and min(s[2], x1) - max(s[1], x0) >= SPAN * (x1 - x0)
            for s in self.horizontal
        )

    def owner(self, row: int, column: int) -> tuple[int, int]:
        """The top-left cell of the merged cell that (row, column) belongs to."""
        while column and not self._drawn_v(self.xs[column], self.ys[row], self.ys[row + 1]):
            column -= 1
        while row and not self._drawn_h(self.ys[row], self.xs[column], self.xs[column + 1]):
            row -= 1
        return row, column

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (merged) cell holding a point, or None outside the table."""
        if not (self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]):
            return None
        column = max(i for i, v in enumerate(self.xs[:-1]) if v <= x)
        row = max(i for i, v in enumerate(self.ys[:-1]) if v <= y)
        return self.owner(row, column)


def _positions(values: list[int]) -> tuple[int, ...]:
    """Strokes' positions with those a few pixels apart taken as one rule."""
    out: list[int] = []
    for v in sorted(values):
        if out and v - out[-1] <= MERGE:
            continue
        out.append(v)
    return tuple(out)


def grids(pixels) -> list[Grid]:
    """Every ruled table of a page image (at least two rows and two columns)."""
    import cv2
    import numpy

    grey = numpy.asarray(pixels.convert("L"))
    ink = (grey < 160).astype(numpy.uint8)
    height, width = ink.shape
    long_h = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 30, 10), 1))
    )
    long_v = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(height // 30, 10)))
    )
    horizontal = _strokes(long_h, across=True)
    vertical = _strokes(long_v, across=False)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.dilate(long_h | long_v, numpy.ones((3, 3), numpy.uint8))
    )
    out = []
    for label in range(1, count):
        x, y, w, h = stats[label][:4]
        if w < width // 4 or h < height // 40:
            continue
        mine_h = [
            s
            for s in horizontal
            if x - MERGE <= s[1] and s[2] <= x + w + MERGE and y - MERGE <= s[0] <= y + h + MERGE
        ]
        mine_v = [
            s
            for s in vertical
            if y - MERGE <= s[1] and s[2] <= y + h + MERGE and x - MERGE <= s[0] <= x + w + MERGE
        ]
        ys, xs = _positions([s[0] for s in mine_h]), _positions([s[0] for s in mine_v])
        if len(ys) >= 3 and len(xs) >= 3:
            out.append(Grid(ys, xs, tuple(mine_h), tuple(mine_v)))
    return out


def _strokes(mask, across: bool) -> list[tuple[int, int, int]]:
    """The strokes of a mask of long lines: (position, start, end), along x when `across`."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask)
    out = []
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label][:4])
        out.append((y + h // 2, x, x + w) if across else (x + w // 2, y, y + h))
    return out
