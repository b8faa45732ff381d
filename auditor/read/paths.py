"""A painted path's ruling, as pdfminer and pdfplumber take it: each subpath a line, a
rectangle or a polyline of its points, whose horizontal and vertical steps are the edges the
table finder (auditor.read.ruling) joins into cells."""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Iterator

import pypdfium2.raw as raw

from auditor.read.pdfium_raw import ADDRESS, INT, direct
from auditor.read.turn import Matrix

Point = tuple[float, float]


def edges(path: int, matrix: Matrix, top: float) -> list[dict]:
    """Every edge of the path object at this address drawn with `matrix` on a page `top`
    high."""
    segments = _segments(path)
    if len(segments) == 5:  # a rectangle, as most ruling is: its edges at once
        found = _rectangle(segments, matrix, top)
        if found is not None:
            return found
    elif len(segments) == 2 and segments[0][2:] == _MOVED and segments[1][2:] == _LINED:
        return _edges("ml", _placed(segments, matrix), top)
    subpaths = _subpaths(segments, matrix)
    return [e for shape, points in subpaths for e in _edges(shape, points, top)]


def _placed(segments: list[tuple[float, float, int, bool]], matrix: Matrix) -> list[Point]:
    """The segments' points drawn with `matrix`."""
    a, b, c, d, e, f = matrix
    return [(a * x + c * y + e, b * x + d * y + f) for x, y, _, _ in segments]


def _rectangle(
    segments: list[tuple[float, float, int, bool]], matrix: Matrix, top: float
) -> list[dict] | None:
    """The four edges `_edges` makes of an upright rectangle closed at its start ("mlllh"),
    or None for any other path of five segments."""
    if (
        segments[0][2:] != _MOVED
        or segments[1][2:] != _LINED
        or segments[2][2:] != _LINED
        or segments[3][2:] != _LINED
        or segments[4][2:] != _CLOSED
    ):
        return None
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = _placed(segments, matrix)
    if last != (x0, y0) or (x3, y3) == (x0, y0):
        return None
    y0, y1, y2, y3 = top - y0, top - y1, top - y2, top - y3
    if not (
        (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
        or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    ):
        return None
    left, right = (x0, x2) if x0 <= x2 else (x2, x0)
    high, low = (y0, y2) if y0 <= y2 else (y2, y0)
    return [
        _edge(left, right, high, high, "h"),
        _edge(left, right, low, low, "h"),
        _edge(left, left, high, low, "v"),
        _edge(right, right, high, low, "v"),
    ]


_MOVE, _LINE, _CURVE = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO
_count = direct(raw.FPDFPath_CountSegments, INT, ADDRESS)
_segment = direct(raw.FPDFPath_GetPathSegment, ADDRESS, ADDRESS, INT)
_kind = direct(raw.FPDFPathSegment_GetType, INT, ADDRESS)
_point = direct(raw.FPDFPathSegment_GetPoint, INT, ADDRESS, ADDRESS, ADDRESS)
_closes = direct(raw.FPDFPathSegment_GetClose, INT, ADDRESS)
# A segment handle points into the path's array of PDFium's CFX_Path::Point: x, y (floats),
# its kind (the FPDF_SEGMENT_ number) and whether it closes the figure, 12 bytes each.
_POINT = struct.Struct("=ffB?2x")
_MOVED, _LINED, _CLOSED = (_MOVE, False), (_LINE, False), (_LINE, True)  # kind, closes
_layout: list[bool] = []  # whether that layout was seen to hold, once checked in this process


def _segments(path: int) -> list[tuple[float, float, int, bool]]:
    """Every segment of a path: its point, kind and whether it closes the figure. Read from
    PDFium's array at once (four calls a segment otherwise: a ruled table has thousands),
    once that layout has been seen to give what the calls give; by the calls, where not."""
    count = _count(path)
    if count <= 0:
        return []
    first = _segment(path, 0)
    if count > 1 and _segment(path, count - 1) == first + _POINT.size * (count - 1):
        if not _layout:
            _layout.append(_by_memory(first, count) == _by_calls(path, count))
        if _layout[0]:
            return _by_memory(first, count)
    return _by_calls(path, count)


def _by_memory(first: int, count: int) -> list[tuple[float, float, int, bool]]:
    return list(_POINT.iter_unpack(ctypes.string_at(first, _POINT.size * count)))


def _by_calls(path: int, count: int) -> list[tuple[float, float, int, bool]]:
    at_x, at_y = ctypes.c_float(), ctypes.c_float()
    x, y = ctypes.addressof(at_x), ctypes.addressof(at_y)
    out = []
    for i in range(count):
        segment = _segment(path, i)
        _point(segment, x, y)
        out.append((at_x.value, at_y.value, _kind(segment), bool(_closes(segment))))
    return out


def _subpaths(
    segments: list[tuple[float, float, int, bool]], matrix: Matrix
) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """A path's subpaths as pdfminer sees them: operators ("m", "l", "c", "h") and the point
    each ends at, in page space."""
    a, b, c, d, e, f = matrix
    shape, points = "", []
    count = len(segments)
    i = 0
    while i < count:
        kind = segments[i][2]
        if kind == _CURVE:  # its three points: the last is where it ends
            i += 2
        x, y, _, closed = segments[min(i, count - 1)]
        point = (a * x + c * y + e, b * x + d * y + f)
        if kind == _MOVE:
            if len(shape) > 1:
                yield shape, points
            shape, points = "m", [point]
        else:
            if closed and kind == _LINE and points and point == points[0]:
                shape, points = shape + "h", [*points, point]  # the closing line is the "h"
            else:
                shape += "c" if kind == _CURVE else "l"
                points.append(point)
                if closed:
                    shape, points = shape + "h", [*points, points[0]]
        i += 1
    if len(shape) > 1:
        yield shape, points


def _edges(shape: str, pts: list[tuple[float, float]], top: float) -> list[dict]:
    """pdfplumber's edges of one subpath (pdfminer's line, rect or curve)."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape, pts = shape[:-2] + "h", pts[:-2] + pts[-1:]
    pts = [(px, top - py) for px, py in pts]
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        return [_edge(min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1), "h" if y0 == y1 else "v")]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if pts[0] == pts[4] and square:
            left, right = min(x0, x2), max(x0, x2)
            high, low = min(y0, y2), max(y0, y2)
            return [
                _edge(left, right, high, high, "h"),
                _edge(left, right, low, low, "h"),
                _edge(left, left, high, low, "v"),
                _edge(right, right, high, low, "v"),
            ]
    out = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        if x0 == x1 or y0 == y1:
            out.append(
                _edge(min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1), "v" if x0 == x1 else "h")
            )
    return out


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }
