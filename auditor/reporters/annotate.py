"""A copy of a PDF report with its findings on the page: every figure a finding names
highlighted on the lines it cites, the finding as the highlight's note, and a bookmark per
finding that opens its first page.

The lines are found again as the PDF reader built them (auditor.read.pdf.line_chars, so that
line n of page p is the line a finding cites as p{p}:L{n}); on a cited line the stated figure,
the expected one and the amounts the message quotes are sought among the line's characters
and each is covered by one quadrilateral of the highlight. A line on which none is printed is
highlighted whole.
"""

from __future__ import annotations

import io
import re

from auditor.findings import CITATION, DIGITS, ERROR, INFO, WARNING, Finding, Place, Quantity
from auditor.pipeline import FileResult
from auditor.read import read_file
from auditor.read.pdf import line_chars
from auditor.reporters.terminal import NAME
from auditor.text.located import NORMALIZE

# highlight colours by severity: red, orange, blue (as hex for the highlight, RGB for bookmarks)
COLOUR = {ERROR: (1.0, 0.0, 0.0), WARNING: (1.0, 0.55, 0.0), INFO: (0.0, 0.45, 1.0)}
SKIPPED = " \t\u3000\u00a0,"  # left out of the text sought in: spaces, thousands separators
AMOUNT = re.compile(r"[.,]")  # a quoted number with a point or separator: an amount, not a code

GAP = 0.2  # a gap wider than this part of a character separates two runs (as a space does)
BREAK = "\x00"  # between runs: one number does not run on into the next cell's

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space


def annotate(result: FileResult, source_pdf: str, out_pdf: str) -> int:
    """Writes `source_pdf` with `result`'s findings as highlights and bookmarks to `out_pdf`;
    returns how many highlights were added."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit

    data = read_file(source_pdf)  # a local file, or a URL's
    pages = line_chars(data)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    count = 0
    for finding in result.findings:
        note = describe(finding)
        first_page = None
        for place in finding.every_place:
            page = place.page
            if not page or place.where or not 1 <= page <= len(writer.pages):
                continue
            first_page = first_page or page
            boxes = figure_boxes(finding, place, pages[page - 1])
            if boxes:
                _highlight(writer, page - 1, boxes, note, finding.severity)
                count += 1
        top = _bookmark_top(finding, pages)
        writer.add_outline_item(
            title=_bookmark(finding, first_page),
            page_number=(first_page or 1) - 1,
            color=COLOUR.get(finding.severity),
            fit=Fit.xyz(top=top) if top is not None else Fit.fit(),
        )
    writer.page_mode = "/UseOutlines"
    with open(out_pdf, "wb") as handle:
        writer.write(handle)
    return count


def describe(finding: Finding) -> str:
    """The note on a highlight: severity, rule, message and the likely slip."""
    parts = [f"【{NAME.get(finding.severity, finding.severity)}】{finding.title or finding.rule}"]
    parts.append(finding.message)
    for other in finding.also:
        parts.append(f"另见（{other.title or other.rule}）：{other.message}")
    if finding.culprit is not None:
        parts.append(finding.culprit.explanation)
    parts.append(f"规则 {', '.join(finding.rules)}")
    return "\n".join(parts)


def _bookmark(finding: Finding, page: int | None) -> str:
    where = f"第{page}页 " if page else ""
    message = finding.message if len(finding.message) <= 60 else finding.message[:59] + "…"
    return f"{NAME.get(finding.severity, finding.severity)} {where}{message}"


def _bookmark_top(finding: Finding, pages: list) -> float | None:
    """The top of the first cited line in user space, where the bookmark opens the page."""
    for place in finding.every_place:
        if place.page and not place.where and 1 <= place.page <= len(pages):
            height, lines = pages[place.page - 1]
            if 1 <= place.line <= len(lines) and lines[place.line - 1]:
                return _boxes([lines[place.line - 1]], height)[0][3] + 20
    return None


def sought(finding: Finding) -> list[str]:
    """The figures a finding names, as digits (or words) to look for on its lines: the stated
    figure, the expected one, and the amounts its message and those folded into it quote."""
    out: list[str] = []
    for f in (finding, *finding.also):
        for q in (f.stated, f.expected):
            out.extend(_texts(q))
        said = CITATION.sub("", f.message)
        out.extend(n for n in DIGITS.findall(said.translate(NORMALIZE)) if AMOUNT.search(n))
    cleaned = (_clean(t) for t in out)
    return list(dict.fromkeys(t for t in cleaned if t))


def _texts(q: Quantity | None) -> list[str]:
    if q is None:
        return []
    if q.value is None:  # words: the printed words themselves
        return [q.text] if len(_clean(q.text)) >= 2 else []
    return DIGITS.findall(q.text.translate(NORMALIZE))[:1]


def _clean(text: str) -> str:
    return "".join(ch for ch in text.translate(NORMALIZE) if ch not in SKIPPED)


def figure_boxes(finding: Finding, place: Place, page: tuple[float, list]) -> list[Box]:
    """One box per figure of the finding printed on the cited line (each occurrence), or the
    whole line when none is; none when the line has no characters (an unread page)."""
    height, lines = page
    if not 1 <= place.line <= len(lines) or not lines[place.line - 1]:
        return []
    chars = lines[place.line - 1]
    text, owner = _searchable(chars)
    spans: list[tuple[int, int]] = []
    for target in sought(finding):
        spans.extend(_occurrences(text, target))
    if not spans:
        return _boxes([chars], height)
    groups = [sorted({owner[i] for i in range(a, b)}) for a, b in sorted(set(spans))]
    return _boxes([[chars[i] for i in g] for g in groups], height)


def _searchable(chars: list[dict]) -> tuple[str, list[int]]:
    """The line's text without spaces and separators, runs apart (BREAK), and which character
    each letter is."""
    letters: list[str] = []
    owner: list[int] = []
    previous = None
    for index, c in enumerate(chars):
        if previous is not None and (
            c["x0"] - previous["x1"] > GAP * max(previous["size"], c["size"], 1.0)
            or c["x0"] < previous["x0"]  # the next cell, or the next printed line of a cell
        ):
            letters.append(BREAK)
            owner.append(index)
        previous = c
        for ch in str(c["text"]).translate(NORMALIZE):
            if ch not in SKIPPED:
                letters.append(ch)
                owner.append(index)
    return "".join(letters), owner


def _occurrences(text: str, target: str) -> list[tuple[int, int]]:
    """Where `target` is printed whole in `text`: a number not part of a longer one."""
    number = target[:1].isdigit()
    out = []
    at = text.find(target)
    while at >= 0:
        end = at + len(target)
        before = text[at - 1] if at else ""
        after = text[end : end + 2]
        whole = not number or not (
            before.isdigit()
            or before == "."
            or after[:1].isdigit()
            or (after[:1] == "." and after[1:2].isdigit())
        )
        if whole:
            out.append((at, end))
        at = text.find(target, at + 1)
    return out


def _boxes(groups: list[list[dict]], height: float) -> list[Box]:
    """Each group's union box, turned from top-based page coordinates (a turned page's
    characters carry theirs in the page's own space as `page_box`) to PDF user space (y up
    from the bottom of the page); overlapping groups merged."""
    out: list[Box] = []
    for group in groups:
        if not group:
            continue
        boxes = [c.get("page_box") or (c["x0"], c["top"], c["x1"], c["bottom"]) for c in group]
        box = (
            min(b[0] for b in boxes),
            height - max(b[3] for b in boxes),
            max(b[2] for b in boxes),
            height - min(b[1] for b in boxes),
        )
        if box not in out:
            out.append(box)
    return out


def _highlight(writer, index: int, boxes: list[Box], note: str, severity: str) -> None:
    from pypdf.annotations import Highlight, Popup
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    page = writer.pages[index]
    dx, dy = float(page.mediabox.left), float(page.mediabox.bottom)
    shifted = [(x0 + dx, y0 + dy, x1 + dx, y1 + dy) for x0, y0, x1, y1 in boxes]
    rect = (
        min(b[0] for b in shifted) - 1,
        min(b[1] for b in shifted) - 1,
        max(b[2] for b in shifted) + 1,
        max(b[3] for b in shifted) + 1,
    )
    quads = ArrayObject(
        FloatObject(v) for x0, y0, x1, y1 in shifted for v in (x0, y1, x1, y1, x0, y0, x1, y0)
    )
    colour = "".join(f"{round(v * 255):02x}" for v in COLOUR.get(severity, COLOUR[INFO]))
    highlight = Highlight(rect=rect, quad_points=quads, highlight_color=colour, printing=True)
    highlight[NameObject("/CA")] = FloatObject(0.35)  # the figure stays readable under it
    highlight[NameObject("/Contents")] = TextStringObject(note)
    highlight[NameObject("/T")] = TextStringObject("auditor")
    highlight[NameObject("/Subj")] = TextStringObject(NAME.get(severity, severity))
    added = writer.add_annotation(index, highlight)
    box = page.mediabox
    popup_rect = (
        float(box.right) - 220,
        max(rect[1] - 120, float(box.bottom)),
        float(box.right),
        max(rect[1], float(box.bottom) + 120),
    )
    popup = writer.add_annotation(index, Popup(rect=popup_rect, parent=added, open=False))
    added[NameObject("/Popup")] = popup.indirect_reference
