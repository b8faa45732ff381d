"""A PDF page's characters and ruling read with PDFium (pypdfium2), in the shapes pdfplumber
gives them, so that the same lines and tables come out ten times faster.

A character's box is pdfminer's: from its origin and advance, as tall as its font size, its
foot at the font's descent (the font descriptor's, or the Adobe metrics of the standard
fonts, as pdfminer takes them). Ruling is every painted path, each subpath taken as pdfminer
takes it: a line, a rectangle, or a polyline of its points, whose horizontal and vertical
steps are the edges pdfplumber's table finder joins into cells.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from auditor.read.turn import IDENTITY, Matrix, span, times, view_of

# pdfminer's descents (per 1000) of the standard fonts it knows by name; others: descriptor.
_STANDARD = {"Courier": -194.0, "Helvetica": -207.0, "Times": -217.0, "Arial": -207.0}
_STANDARD |= {"CourierNew": -194.0, "TimesNewRoman": -217.0, "Symbol": 0.0, "ZapfDingbats": 0.0}
_STYLES = ("", "-Bold", "-Oblique", "-BoldOblique", "-Italic", "-BoldItalic", "-Roman")
_STYLES += (",Bold", ",Italic", ",BoldItalic")


def _descent(font, name: bytes) -> float:
    base = name.decode("latin-1")
    for family, descent in _STANDARD.items():
        if base.startswith(family) and base[len(family) :] in _STYLES:
            return descent / 1000
    value = ctypes.c_float()
    raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(value))
    return -abs(value.value) / 1000


@dataclass
class Read:
    """What one page holds, in pdfplumber's shapes: top-based boxes as the page is shown."""

    height: float
    chars: list[dict]
    edges: list[dict]
    images: bool  # the page shows an image (a scan, when no text is read)
    unmapped: int  # characters whose font maps them to no Unicode
    undrawn: bool  # a glyph PDFium could not draw (a font neither embedded nor installed)
    view: Matrix = IDENTITY  # user space to the page as shown (y up)
    top: float = 0.0  # the top of the page in user space (its media box's)


class Document:
    """An open PDF; raises pdfium's error when it cannot be opened."""

    def __init__(self, data: bytes):
        self.pdf = pdfium.PdfDocument(data)
        self._fonts: dict[int, float] = {}

    def __len__(self) -> int:
        return len(self.pdf)

    def close(self) -> None:
        self.pdf.close()

    def page(self, index: int) -> Read:
        """One page's characters, ruling edges and images. A character PDFium's text page
        leaves out because it could not draw its glyph is not read: `undrawn` says so."""
        page = self.pdf[index]
        try:
            page_box = page.get_mediabox()
            view, height = view_of(page.get_rotation(), page_box)
            textpage = page.get_textpage()
            try:
                chars, last, unmapped = self._chars(textpage.raw, view, height)
            finally:
                textpage.close()
            found = _Found(height, self, view)
            _objects(page.raw, None, found, None if view == IDENTITY else view)
        finally:
            page.close()
        read = len(chars)
        for key, index in last.items():  # a run of spaces ending its text object
            if key in found.ends:
                space, end = chars[index], found.ends[key]
                step = space["x1"] - space["x0"]
                after = chars[index + 1] if index + 1 < read else None
                if after and abs(after["top"] - space["top"]) < space["size"] / 2:
                    step = after["x0"] - end if after["x0"] > end else step
                chars.extend(_spaces(space, end, step))
        return Read(
            height, chars + found.spaces, found.edges, found.images, unmapped, found.undrawn,
            view, page_box[3],
        )  # fmt: skip

    def _font_descent(self, obj) -> float:
        return self.descent(raw.FPDFTextObj_GetFont(obj))

    def descent(self, font) -> float:
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self._fonts:
            size = raw.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(max(size, 1))
            raw.FPDFFont_GetBaseFontName(font, name, size)
            self._fonts[key] = _descent(font, name.value)
        return self._fonts[key]

    def _chars(
        self, textpage, view: Matrix, page_top: float
    ) -> tuple[list[dict], dict[int, int], int]:
        count = raw.FPDFText_CountChars(textpage)
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        x, y = ctypes.c_double(), ctypes.c_double()
        at_x, at_y = ctypes.byref(x), ctypes.byref(y)
        matrix = raw.FS_MATRIX()
        box = raw.FS_RECTF()
        loose = ctypes.byref(box)
        turned = view != IDENTITY
        va, vb, vc, vd, ve, vf = view
        generated, map_error = raw.FPDFText_IsGenerated, raw.FPDFText_HasUnicodeMapError
        origin_of, loose_box = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox
        text = _text(textpage, count)
        mapped = True  # the text object's first character has Unicode
        chars: list[dict] = []
        unmapped = 0
        last_obj, style = None, (0.0, 0.0, True)
        previous_obj, previous_y = None, None
        last: dict[int, int] = {}  # each text object's last character
        for i in range(count):
            key = _object_of(textpage, i)
            if not key:  # a space or line break the text page put in
                continue
            unicode = text[i] if text is not None else chr(raw.FPDFText_GetUnicode(textpage, i))
            if unicode in " \r\n" and generated(textpage, i) == 1:
                continue
            if key != last_obj:
                last_obj = key
                mapped = map_error(textpage, i) != 1
                obj = raw.FPDFText_GetTextObject(textpage, i)
                size = ctypes.c_float()
                raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
                raw.FPDFText_GetMatrix(textpage, i, ctypes.byref(matrix))
                a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
                a, b, c, d = a * va + b * vc, a * vb + b * vd, c * va + d * vc, c * vb + d * vd
                upright = a * d > 0 and b * c <= 0
                style = (size.value * d, self._font_descent(obj) * size.value * d, upright)
            if not mapped and map_error(textpage, i) == 1:  # a font without Unicode
                unmapped += 1
            origin_of(textpage, i, at_x, at_y)
            height, descent, upright = style
            if upright:
                loose_box(textpage, i, loose)
                if turned:
                    x0, x1, _, _ = span(view, box.left, box.bottom, box.right, box.top)
                    shown_y = vb * x.value + vd * y.value + vf
                else:
                    x0, x1, shown_y = box.left, box.right, y.value
                foot = shown_y + descent
                head = foot + height
            else:
                raw.FPDFText_GetCharBox(
                    textpage, i, ctypes.byref(left), ctypes.byref(right),
                    ctypes.byref(bottom), ctypes.byref(top),
                )  # fmt: skip
                x0, x1, foot, head = span(view, left.value, bottom.value, right.value, top.value)
            high = round(page_top - head, 4)
            char = {
                "text": unicode if unicode != "\x00" else "",
                "x0": round(x0, 4),
                "x1": round(x1, 4),
                "top": high,
                "bottom": round(page_top - foot, 4),
                "doctop": high,
                "size": round(abs(height), 4),
                "upright": upright,
            }
            if chars and key == previous_obj and y.value == previous_y:
                width = chars[-1]["x1"] - chars[-1]["x0"]
                chars.extend(_spaces(chars[-1], x0 - width, width))
            last[key] = len(chars)
            chars.append(char)
            previous_obj, previous_y = key, y.value
        return chars, last, unmapped


# FPDFText_GetTextObject giving the object's address as an int: a character's object is asked
# for every character, and turning pypdfium2's pointer into a key cost more than the call.
_object_of = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value
)


def _text(textpage, count: int) -> str | None:
    """Every character's Unicode in one call, or None when one lies outside the Basic
    Multilingual Plane (its two UTF-16 halves would shift the indices after it)."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", "surrogatepass")
    return text if len(text) == count else None


def _spaces(space: dict, last: float, step: float) -> list[dict]:
    """The spaces after `space` that PDFium's text page folded into it (it keeps one of a run
    of spaces), `step` apart up to the last one's start."""
    width = space["x1"] - space["x0"]
    if space["text"] != " " or width <= 0 or step <= 0:
        return []
    count = round((last - space["x0"]) / step)
    return [
        {**space, "x0": space["x0"] + n * step, "x1": space["x0"] + n * step + width}
        for n in range(1, max(count, 0) + 1)
    ]


class _Found:
    """What a page's objects hold besides its text page's characters."""

    def __init__(self, top: float, document: Document, view: Matrix):
        self.top = top
        self.document = document
        self.view = view
        self.edges: list[dict] = []
        self.spaces: list[dict] = []
        self.images = False
        self.undrawn = False
        self.ends: dict[int, float] = {}  # a text object's right edge, by its handle

    def blank(self, obj, matrix: Matrix) -> None:
        """A text object PDFium's text page leaves out, having drawn nothing: in an embedded
        font a blank glyph, a space (real reports set many a space alone); in another, a glyph
        of a font this machine lacks, which pdfminer reads and PDFium cannot."""
        font = raw.FPDFTextObj_GetFont(obj)
        if not raw.FPDFFont_GetIsEmbedded(font):
            self.undrawn = True
            return
        size, width = ctypes.c_float(), ctypes.c_float()
        raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
        raw.FPDFFont_GetGlyphWidth(font, 0x20, size, ctypes.byref(width))
        a, b, c, d, e, f = matrix
        height = size.value * d
        foot = f + self.document.descent(font) * height
        top = self.top - foot - height
        x1 = e + width.value * a
        self.spaces.append(
            {"text": " ", "x0": e, "x1": x1, "top": top, "bottom": top + height, "doctop": top,
             "size": abs(height), "upright": a * d > 0 and b * c <= 0}
        )  # fmt: skip


def _objects(page, form, found: _Found, outer: Matrix | None = None) -> None:
    """Every painted path's edges, images and blank text objects, into `found`."""
    count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(page)
    m = raw.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(count):
        obj = raw.FPDFFormObj_GetObject(form, i) if form else raw.FPDFPage_GetObject(page, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            found.images = True
            continue
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            raw.FPDFPageObj_GetBounds(
                obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                ctypes.byref(top),
            )  # fmt: skip
            if abs(right.value - left.value) >= 0.01:
                if form is None:
                    end = right.value
                    if found.view != IDENTITY:
                        end = span(found.view, left.value, bottom.value, end, top.value)[1]
                    found.ends[ctypes.cast(obj, ctypes.c_void_p).value or 0] = end
                continue
        elif kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
        matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
        if outer is not None:
            matrix = times(matrix, outer)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            found.blank(obj, matrix)
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            _objects(page, obj, found, matrix)
        else:
            for shape, points in _subpaths(obj, matrix):
                found.edges.extend(_edges(shape, points, found.top))


_MOVE, _LINE, _CURVE = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO


def _subpaths(path, matrix: Matrix) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """A path's subpaths as pdfminer sees them: operators ("m", "l", "c", "h") and the point
    each ends at, in page space."""
    a, b, c, d, e, f = matrix
    segment_of, kind_of = raw.FPDFPath_GetPathSegment, raw.FPDFPathSegment_GetType
    point_of, closes = raw.FPDFPathSegment_GetPoint, raw.FPDFPathSegment_GetClose
    at_x, at_y = ctypes.c_float(), ctypes.c_float()
    at = (ctypes.byref(at_x), ctypes.byref(at_y))
    shape, points = "", []
    count = raw.FPDFPath_CountSegments(path)
    i = 0
    while i < count:
        segment = segment_of(path, i)
        kind = kind_of(segment)
        if kind == _CURVE:
            i += 2
            segment = segment_of(path, min(i, count - 1))
        point_of(segment, *at)
        x, y = at_x.value, at_y.value
        point = (a * x + c * y + e, b * x + d * y + f)
        if kind == _MOVE:
            if len(shape) > 1:
                yield shape, points
            shape, points = "m", [point]
        else:
            closed = closes(segment)
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
