"""The page as it is shown: a page's /Rotate turns it a quarter turn at a time, and its
characters, ruling and highlights are placed as pdfminer and pdfplumber place a turned page
(boxes measured down from the top of the page as shown)."""

from __future__ import annotations

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def view_of(rotation: int, box: tuple[float, float, float, float]) -> tuple[Matrix, float]:
    """The matrix from user space to the page as shown (turned by its /Rotate, y up) and the
    shown height, as pdfminer and pdfplumber place a turned page."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, 0.0, x1), x1 - x0
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1 + x0, y1), y1 - y0
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1 + y0, -x0), x1 - x0
    return IDENTITY, y1


def unturned(chars: list[dict], view: Matrix, height: float, top: float) -> list[dict]:
    """Characters of a turned page, each with `page_box`: its box back in the page's own
    top-based space (x0, top, x1, bottom from the media box's top), where annotations are
    drawn; the boxes as shown stay, for reading the line."""
    a, b, c, d, e, f = view
    det = a * d - b * c
    inverse = (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)
    out = []
    for ch in chars:
        x0, x1, y0, y1 = span(
            inverse, ch["x0"], height - ch["bottom"], ch["x1"], height - ch["top"]
        )
        out.append({**ch, "page_box": (x0, top - y1, x1, top - y0)})
    return out


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def span(m: Matrix, left: float, bottom: float, right: float, top: float) -> tuple[float, ...]:
    """A user-space box as shown: (x0, x1, y0, y1)."""
    corners = [_apply(m, x, y) for x in (left, right) for y in (bottom, top)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), max(xs), min(ys), max(ys)


def times(m: Matrix, n: Matrix) -> Matrix:
    """m then n."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t,
            e * q + f * s + u)  # fmt: skip
