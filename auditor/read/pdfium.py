"""A PDF page's characters and ruling read with PDFium (pypdfium2), in the shapes pdfminer
gives them through pdfplumber (whose reading the tests hold this one to), at a fraction of
its cost.

A character's box is pdfminer's: from its origin and advance, as tall as its font size, its
foot at the font's descent (the font descriptor's, or the Adobe metrics of the standard
fonts, as pdfminer takes them). Ruling is every painted path (auditor.read.paths). What
PDFium's text page leaves out or folds — runs of spaces, blank glyphs, glyphs it cannot
draw — is put back, or the page said to need pdfminer (`undrawn`).
"""

from __future__ import annotations

import ctypes
import math
import threading
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from auditor.read.paths import edges
from auditor.read.pdf_fonts import font_facts
from auditor.read.pdfium_raw import ADDRESS, INT, address, direct
from auditor.read.turn import IDENTITY, Matrix, times, view_of
from auditor.records import dataclass

LOCK = threading.RLock()  # held around every PDFium call: the library is not thread-safe
SPACE_SLACK = 0.1  # of a space's step: a gap this near a whole number of spaces is a run of them
SHORT_RUN = 3  # spaces restored at most after the one kept (real reports: 1 to 3)


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
        self._fonts: dict[int, tuple[float, bool]] = {}

    def __len__(self) -> int:
        return len(self.pdf)

    def close(self) -> None:
        self.pdf.close()

    def page(self, index: int) -> Read:
        """One page's characters, ruling edges and images. A character PDFium's text page
        leaves out because it could not draw its glyph is not read: `undrawn` says so."""
        page = self.pdf[index]
        self._fonts = {}  # by address: a font another page's closing freed may take its place
        try:
            page_box = page.get_mediabox()
            view, height = view_of(page.get_rotation(), page_box)
            if view != IDENTITY:  # turned: its objects laid out as shown, read as upright
                for obj, _ in _members(page.raw):
                    _transform(obj, *view)
            textpage = page.get_textpage()
            try:
                chars, last, unmapped = self._chars(textpage.raw, height)
            finally:
                textpage.close()
            found = _Found(height, self, set(last))
            _objects(page.raw, None, found)
            found.settle(page.raw)
            ends = {
                key: _bounds(key)[2]
                for key, index in last.items()
                if key in found.top_level and chars[index]["text"] == " "
            }
        finally:
            page.close()
        read = len(chars)
        for key, end in ends.items():  # a run of spaces ending its text object
            index = last[key]
            space = chars[index]
            step = space["x1"] - space["x0"]
            after = chars[index + 1] if index + 1 < read else None
            if after and abs(after["top"] - space["top"]) < space["size"] / 2:
                step = after["x0"] - end if after["x0"] > end else step
            chars.extend(_spaces(space, end, step))
        return Read(
            height, chars + found.spaces, found.edges, found.images, unmapped, found.undrawn,
            view, page_box[3],
        )  # fmt: skip

    def font(self, font: int) -> tuple[float, bool]:
        """`font_facts` of the font at this address, asked once a page."""
        if font not in self._fonts:
            self._fonts[font] = font_facts(ctypes.cast(font, raw.FPDF_FONT))
        return self._fonts[font]

    def _chars(self, textpage, page_top: float) -> tuple[list[dict], dict[int, int], int]:
        """The text page's characters; each text object's last one (by the object's address);
        how many have no Unicode."""
        count = raw.FPDFText_CountChars(textpage)
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        x, y = ctypes.c_double(), ctypes.c_double()
        at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
        matrix = raw.FS_MATRIX()
        at_matrix = ctypes.addressof(matrix)
        box = raw.FS_RECTF()
        loose = ctypes.addressof(box)
        page = address(textpage)
        fonts = self._fonts
        text = _text(textpage, count)
        chars: list[dict] = []
        unmapped = 0
        last_obj, style, shown = None, (0.0, 0.0, True, 0.0), 0.0
        last_head = last_foot = last_x1 = math.nan  # the last character's: none yet
        end = high = low = 0.0
        previous_obj, previous_y, after_space = None, None, False
        last: dict[int, int] = {}  # each text object's last character
        for i in range(count):
            key = _object_of(page, i)
            if not key:  # a space or line break the text page put in
                continue
            unicode = text[i]
            if not unicode or (unicode in " \r\n" and _generated(page, i) == 1):
                continue  # the low half of a character beyond the BMP, or a break put in
            if key != last_obj:  # many reports set each character as an object of its own
                last_obj = key
                size = _font_size(page, i)
                _matrix(page, i, at_matrix)
                a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
                upright = a * d > 0 and b * c <= 0
                font = _font_of(key)
                descent = fonts[font][0] if font in fonts else self.font(font)[0]
                height = size * d
                if height != style[0]:  # (rounding is dear: a character's often the last's)
                    shown = round(abs(height), 4)
                style = (height, descent * height, upright, shown)
            if _map_error(page, i) == 1:  # PDFium gives the glyph's code: no digit of it
                unmapped += 1
                unicode = "\ufffd"
            elif unicode in "\ufffe\x02" and raw.FPDFText_IsHyphen(textpage, i) == 1:
                unicode = "-"  # a hyphen ending a line, as printed
            _origin(page, i, at_x, at_y)
            baseline = y.value
            height, descent, upright, shown = style
            if upright:
                _loose_box(page, i, loose)
                x0, x1 = box.left, box.right
                foot = baseline + descent
                head = foot + height
            else:
                raw.FPDFText_GetCharBox(
                    textpage, i, ctypes.byref(left), ctypes.byref(right),
                    ctypes.byref(bottom), ctypes.byref(top),
                )  # fmt: skip
                x0, x1, foot, head = left.value, right.value, bottom.value, top.value
            if head < foot:  # printed upside down: the box is the same
                foot, head = head, foot
            if head != last_head or foot != last_foot:  # the line's last character's, else
                last_head, last_foot = head, foot
                high, low = round(page_top - head, 4), round(page_top - foot, 4)
            start = end if x0 == last_x1 else round(x0, 4)  # often where the last one ends
            end, last_x1 = round(x1, 4), x1
            if after_space and key == previous_obj and baseline == previous_y:
                width = chars[-1]["x1"] - chars[-1]["x0"]
                chars.extend(_spaces(chars[-1], x0 - width, width))
            last[key] = len(chars)
            chars.append(
                {
                    "text": unicode if unicode != "\x00" else "",
                    "x0": start,
                    "x1": end,
                    "top": high,
                    "bottom": low,
                    "doctop": high,
                    "size": shown,
                    "upright": upright,
                }
            )
            previous_obj, previous_y, after_space = key, baseline, unicode == " "
        return chars, last, unmapped


_TEXT, _PATH, _FORM = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
_IMAGE = raw.FPDF_PAGEOBJ_IMAGE
_object_of = direct(raw.FPDFText_GetTextObject, ADDRESS, ADDRESS, INT)  # its address
_generated = direct(raw.FPDFText_IsGenerated, INT, ADDRESS, INT)
_map_error = direct(raw.FPDFText_HasUnicodeMapError, INT, ADDRESS, INT)
_origin = direct(raw.FPDFText_GetCharOrigin, INT, ADDRESS, INT, ADDRESS, ADDRESS)
_loose_box = direct(raw.FPDFText_GetLooseCharBox, INT, ADDRESS, INT, ADDRESS)
_font_size = direct(raw.FPDFText_GetFontSize, ctypes.c_double, ADDRESS, INT)  # its object's
_matrix = direct(raw.FPDFText_GetMatrix, INT, ADDRESS, INT, ADDRESS)
_font_of = direct(raw.FPDFTextObj_GetFont, ADDRESS, ADDRESS)
_page_object = direct(raw.FPDFPage_GetObject, ADDRESS, ADDRESS, INT)
_form_object = direct(raw.FPDFFormObj_GetObject, ADDRESS, ADDRESS, ctypes.c_ulong)
_count_in_form = direct(raw.FPDFFormObj_CountObjects, INT, ADDRESS)
_kind = direct(raw.FPDFPageObj_GetType, INT, ADDRESS)
_get_bounds = direct(raw.FPDFPageObj_GetBounds, INT, *[ADDRESS] * 5)
_object_matrix = direct(raw.FPDFPageObj_GetMatrix, INT, ADDRESS, ADDRESS)
_object_font_size = direct(raw.FPDFTextObj_GetFontSize, INT, ADDRESS, ADDRESS)
_render_mode = direct(raw.FPDFTextObj_GetTextRenderMode, INT, ADDRESS)
_glyph_width = direct(
    raw.FPDFFont_GetGlyphWidth, INT, ADDRESS, ctypes.c_uint, ctypes.c_float, ADDRESS
)
_transform = direct(raw.FPDFPageObj_Transform, None, ADDRESS, *[ctypes.c_double] * 6)


def _text(textpage, count: int) -> list[str]:
    """Every character's Unicode, read in one call: a character beyond the Basic Multilingual
    Plane is two entries of the text page, its two UTF-16 halves, made one character at the
    first and "" at the second (a half alone is U+FFFD)."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    units = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", "surrogatepass")
    if len(units) != count:  # not one unit per character: ask for each
        units = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) & 0xFFFF) for i in range(count))
    out = list(units)
    for i, unit in enumerate(out):
        if "\ud800" <= unit <= "\udbff" and i + 1 < count and "\udc00" <= out[i + 1] <= "\udfff":
            out[i] = (unit + out[i + 1]).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            out[i + 1] = ""
        elif "\ud800" <= unit <= "\udfff":
            out[i] = "\ufffd"
    return out


def _spaces(space: dict, last: float, step: float) -> list[dict]:
    """The spaces after `space` that PDFium's text page folded into it (it keeps one of a run
    of spaces), `step` apart up to the last one's start; none when the gap is not a whole
    number of steps (a TJ's kerning or word spacing after one space, which pdfminer reads as
    the one space it is) or is wider than a short run (word spacing makes every space of a
    run wider than its glyph, so its count cannot be told from the gap)."""
    width = space["x1"] - space["x0"]
    if space["text"] != " " or width <= 0 or step <= 0:
        return []
    count = round((last - space["x0"]) / step)
    if count > SHORT_RUN or abs(last - space["x0"] - count * step) > SPACE_SLACK * step:
        # not a short run of spaces: a space then kerning, word or letter spacing, or a
        # gap the line's layout places what follows it across at its column
        return []
    return [
        {**space, "x0": space["x0"] + n * step, "x1": space["x0"] + n * step + width}
        for n in range(1, max(count, 0) + 1)
    ]


class _Found:
    """What a page's objects hold besides its text page's characters."""

    def __init__(self, top: float, document: Document, read: set[int]):
        self.top = top
        self.document = document
        self.read = read  # the text objects whose characters the text page holds
        self.top_level: set[int] = set()  # those of them drawn on the page, not in a form
        self.edges: list[dict] = []
        self.spaces: list[dict] = []
        self.images = False
        self.undrawn = False
        self.unsure: list[tuple[int, dict]] = []  # blank objects of fonts not embedded

    def blank(self, key: int, matrix: Matrix) -> None:
        """A text object PDFium's text page leaves out, having drawn nothing. Drawn at no size,
        it shows nothing. In a visible font that draws, it is a blank glyph: a space (real
        reports set many a space alone). An invisible text layer's glyph (a scan's OCR text,
        in a font whose glyphs have no shape), or a glyph of a font neither embedded nor
        drawn anywhere on the page (one this machine lacks), is text PDFium cannot read:
        pdfminer reads it from the font's widths."""
        font = _font_of(key)
        size = ctypes.c_float()
        _object_font_size(key, ctypes.addressof(size))
        a, b, c, d, e, f = matrix
        height = size.value * d
        if height == 0 or a == 0:
            return
        if _render_mode(key) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
            self.undrawn = True
            return
        width = ctypes.c_float()
        _glyph_width(font, 0x20, size, ctypes.addressof(width))
        step = width.value * a
        descent, known = self.document.font(font)
        foot = f + descent * height
        top = min(self.top - foot - height, self.top - foot)
        space = {"text": " ", "x0": e, "x1": e + step, "top": top, "bottom": top + abs(height),
                 "doctop": top, "size": abs(height), "upright": a * d > 0 and b * c <= 0}  # fmt: skip
        if known:
            self.spaces.append(space)
        else:  # decided once the page is read: does this font draw anything on it?
            self.unsure.append((font, space))

    def settle(self, page) -> None:
        """Blank objects in fonts that draw elsewhere on the page are spaces; one in a font
        that draws nothing here is a glyph this machine cannot draw."""
        drawing = _drawing(page, None) if self.unsure else set()
        for font, space in self.unsure:
            if font in drawing:
                self.spaces.append(space)
            else:
                self.undrawn = True


def _drawing(page, form) -> set[int]:
    """The fonts whose glyphs have shapes on the page: text objects with a width and a height."""
    out: set[int] = set()
    for obj, kind in _members(page, form):
        if kind == _FORM:
            out |= _drawing(page, obj)
        elif kind == _TEXT:
            left, bottom, right, top = _bounds(obj)
            if right - left >= 0.01 and top - bottom > 0.01:
                out.add(_font_of(obj))
    return out


def _bounds(obj: int) -> tuple[float, float, float, float]:
    """The bounds of the object at this address."""
    box = (ctypes.c_float * 4)()
    at = ctypes.addressof(box)
    _get_bounds(obj, at, at + 4, at + 8, at + 12)
    return box[0], box[1], box[2], box[3]


def _members(page, form: int | None = None) -> Iterator[tuple[int, int]]:
    """The objects drawn on a page (or, given the address of one, in a form object): their
    addresses and kinds."""
    if form:
        count, member, holder = _count_in_form(form), _form_object, form
    else:
        count, member, holder = raw.FPDFPage_CountObjects(page), _page_object, address(page)
    for i in range(count):
        obj = member(holder, i)
        yield obj, _kind(obj)


def _objects(page, form, found: _Found, outer: Matrix | None = None) -> None:
    """Every painted path's edges, images and blank text objects, into `found`."""
    m = raw.FS_MATRIX()
    at = ctypes.addressof(m)
    read, top_level = found.read, found.top_level if form is None else set()
    for obj, kind in _members(page, form):
        if kind == _TEXT:
            if obj in read:  # its characters are on the text page
                top_level.add(obj)
                continue
            left, _, right, _ = _bounds(obj)
            if abs(right - left) >= 0.01:
                continue
        elif kind == _IMAGE:
            found.images = True
            continue
        elif kind != _PATH and kind != _FORM:
            continue
        _object_matrix(obj, at)
        matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
        if outer is not None:
            matrix = times(matrix, outer)
        if kind == _TEXT:
            found.blank(obj, matrix)
        elif kind == _FORM:
            _objects(page, obj, found, matrix)
        else:
            found.edges.extend(edges(obj, matrix, found.top))
