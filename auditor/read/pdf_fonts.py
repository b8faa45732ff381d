"""A font's descent as pdfminer takes it (for the foot of a character's box), and whether
PDFium is sure to draw its glyphs."""

from __future__ import annotations

import ctypes

import pypdfium2.raw as raw

# pdfminer's descents (per 1000) of the standard fonts it knows by name; others: descriptor.
_STANDARD = {"Courier": -194.0, "Helvetica": -207.0, "Times": -217.0, "Arial": -207.0}
_STANDARD |= {"CourierNew": -194.0, "TimesNewRoman": -217.0, "Symbol": 0.0, "ZapfDingbats": 0.0}
_STYLES = ("", "-Bold", "-Oblique", "-BoldOblique", "-Italic", "-BoldItalic", "-Roman")
_STYLES += (",Bold", ",Italic", ",BoldItalic")


def _standard(name: bytes) -> float | None:
    """A standard font's descent (per 1000): one PDFium always has the glyphs of."""
    base = name.decode("latin-1")
    for family, descent in _STANDARD.items():
        if base.startswith(family) and base[len(family) :] in _STYLES:
            return descent
    return None


def _font_name(font) -> bytes:
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(max(size, 1))
    raw.FPDFFont_GetBaseFontName(font, name, size)
    return name.value


def _descent(font, name: bytes) -> float:
    standard = _standard(name)
    if standard is not None:
        return standard / 1000
    value = ctypes.c_float()
    raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(value))
    return -abs(value.value) / 1000


def font_facts(font) -> tuple[float, bool]:
    """A font's descent per unit of font size, and whether its glyphs are known to be drawn
    (embedded, or a standard font PDFium always has)."""
    name = _font_name(font)
    known = bool(raw.FPDFFont_GetIsEmbedded(font)) or _standard(name) is not None
    return _descent(font, name), known
