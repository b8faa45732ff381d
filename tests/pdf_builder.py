"""One-page PDFs written byte by byte, for the reader's tests of what real PDFs do that the
fixtures' generator (reportlab) does not: kerned TJ arrays, word spacing, fonts whose
ToUnicode leaves a glyph out or maps it beyond the BMP, invisible text layers."""

from __future__ import annotations

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< " + extra + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def to_unicode(pairs: bytes, ranges: bytes = b"", two_bytes: bool = False) -> bytes:
    """A ToUnicode CMap stream: `pairs` the lines of a bfchar block, `ranges` of a bfrange."""
    space = b"<0000> <FFFF>" if two_bytes else b"<00> <FF>"
    body = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    body += b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    body += b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
    body += b"1 begincodespacerange " + space + b" endcodespacerange\n"
    if pairs:
        body += b"%d beginbfchar\n" % pairs.count(b"\n") + pairs + b"endbfchar\n"
    if ranges:
        body += b"%d beginbfrange\n" % ranges.count(b"\n") + ranges + b"endbfrange\n"
    body += b"endcmap CMapName currentdict /CMap defineresource pop end end"
    return stream(body)


def pdf(content: bytes, fonts: dict[int, bytes] | None = None, more: dict[int, bytes] | None = None
        ) -> bytes:  # fmt: skip
    """A one-page A4 PDF drawing `content`; `fonts` (object number → font) are /F1, /F2 … in
    order (Helvetica as /F1 by default); `more`: other objects by number (10 and up)."""
    fonts = fonts or {5: HELVETICA}
    names = b" ".join(b"/F%d %d 0 R" % (n, obj) for n, obj in enumerate(fonts, 1))
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
        + names
        + b" >> >> /Contents 4 0 R >>",
        4: stream(content),
        **fonts,
        **(more or {}),
    }
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    return bytes(out)
