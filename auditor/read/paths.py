"""A painted path's ruling, as pdfminer and pdfplumber take it: each subpath a line, a
rectangle or a polyline of its points, whose horizontal and vertical steps are the edges the
table finder (auditor.read.ruling) joins into cells."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2.raw as raw

from auditor.read.pdfium_raw import ADDRESS, INT, direct
from auditor.read.turn import Matrix


def edges(path: int, matrix: Matrix, top: float) -> list[dict]:
    """Every edge of the path object at this address drawn with `matrix` on a page `top`
    high."""
    return [e for shape, points in _subpaths(path, matrix) for e in _edges(shape, points, top)]


_MOVE, _LINE, _CURVE = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO
_count = direct(raw.FPDFPath_CountSegments, INT, ADDRESS)
_segment = direct(raw.FPDFPath_GetPathSegment, ADDRESS, ADDRESS, INT)
_kind = direct(raw.FPDFPathSegment_GetType, INT, ADDRESS)
_point = direct(raw.FPDFPathSegment_GetPoint, INT, ADDRESS, ADDRESS, ADDRESS)
_closes = direct(raw.FPDFPathSegment_GetClose, INT, ADDRESS)


def _subpaths(path: int, matrix: Matrix) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """A path's subpaths as pdfminer sees them: operators ("m", "l", "c", "h") and the point
    each ends at, in page space."""
    a, b, c, d, e, f = matrix
    at_x, at_y = ctypes.c_float(), ctypes.c_float()
    at = (ctypes.addressof(at_x), ctypes.addressof(at_y))
    shape, points = "", []
    count = _count(path)
    i = 0
    while i < count:
        segment = _segment(path, i)
        kind = _kind(segment)
        if kind == _CURVE:
            i += 2
            segment = _segment(path, min(i, count - 1))
        _point(segment, *at)
        x, y = at_x.value, at_y.value
        point = (a * x + c * y + e, b * x + d * y + f)
        if kind == _MOVE:
            if len(shape) > 1:
                yield shape, points
            shape, points = "m", [point]
        else:
            closed = _closes(segment)
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
