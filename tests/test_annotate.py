"""The annotated copy of a PDF: each finding highlighted on the lines it cites, over the very
characters of its figure, with the finding as the note, and a bookmark per finding."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from auditor.findings import DIGITS, Finding, Place, Quantity
from auditor.pipeline import audit_path
from auditor.read.pdf import line_chars, read_pages
from auditor.reporters.annotate import _occurrences, annotate, figure_boxes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "pdf" / "example-final.pdf"
PUTUO = ROOT.parent / "shared" / "corpus" / "pdf" / "putuo-planning-2024-final.pdf"
CASES = [
    EXAMPLE,
    pytest.param(
        PUTUO, marks=pytest.mark.skipif(not PUTUO.exists(), reason="../shared/corpus not present")
    ),
]


_DONE: dict[Path, tuple] = {}


def _annotated(path: Path, loaded, tmp_path_factory) -> tuple:
    """The report's result, its annotated copy's path and the highlights added (once a run)."""
    if path not in _DONE:
        out = tmp_path_factory.mktemp("annotated") / f"{path.stem}.annotated.pdf"
        result = audit_path(str(path), *loaded)
        _DONE[path] = result, out, annotate(result, str(path), str(out))
    return _DONE[path]


def _highlights(page) -> list[dict]:
    out = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/Subtype") == "/Highlight":
            out.append(annot)
    return out


def _contains(rect, box: tuple[float, float, float, float], slack: float = 0.5) -> bool:
    x0, y0, x1, y1 = (float(v) for v in rect)
    return (
        x0 - slack <= box[0]
        and y0 - slack <= box[1]
        and box[2] <= x1 + slack
        and box[3] <= y1 + slack
    )


def _figure_pattern(stated: Quantity) -> str | None:
    """The stated figure as printed, commas optional, not part of a longer number."""
    found = DIGITS.findall(stated.text)
    if stated.value is None or not found:
        return None
    digits = found[0].replace(",", "")
    return r"(?<![\d.,])" + ",?".join(map(re.escape, digits)) + r"(?![\d]|\.\d)"


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_each_cited_figure_is_highlighted_with_its_finding(path, loaded, tmp_path_factory):
    from pypdf import PdfReader

    result, out, count = _annotated(path, loaded, tmp_path_factory)
    assert result.findings, "the fixture is chosen for its findings"
    reader = PdfReader(str(out))
    assert count == sum(len(_highlights(p)) for p in reader.pages)
    checked = 0
    with pdfplumber.open(str(path)) as pdf:
        for finding in result.findings:
            assert finding.cited
            for place in finding.every_place:
                notes = [
                    h
                    for h in _highlights(reader.pages[place.page - 1])
                    if finding.message in str(h["/Contents"])
                ]
                assert notes, (finding.message, str(place))
                assert all(finding.title in str(h["/Contents"]) for h in notes)
                pattern = _figure_pattern(finding.stated) if finding.stated else None
                if pattern is None or not re.search(pattern, place.text):
                    continue
                page = pdf.pages[place.page - 1]
                boxes = [
                    (m["x0"], page.height - m["bottom"], m["x1"], page.height - m["top"])
                    for m in page.search(pattern, regex=True, return_chars=False)
                ]
                assert any(_contains(h["/Rect"], b) for h in notes for b in boxes), str(place)
                checked += 1
    assert checked


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_one_bookmark_per_finding_opens_its_page(path, loaded, tmp_path_factory):
    from pypdf import PdfReader

    result, out, _ = _annotated(path, loaded, tmp_path_factory)
    reader = PdfReader(str(out))
    outline = reader.outline
    assert len(outline) == len(result.findings)
    for item, finding in zip(outline, result.findings, strict=True):
        assert not isinstance(item, list)
        assert reader.get_destination_page_number(item) == finding.every_place[0].page - 1
        assert finding.message[:20] in item.title


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_line_characters_are_the_lines_read(path):
    """line_chars numbers lines as read_pages does: each line's characters spell it."""
    data = path.read_bytes()
    pages = read_pages(str(path), data)
    found = line_chars(data)
    assert len(found) == len(pages)
    for page, (_, lines) in zip(pages, found, strict=True):
        assert len(lines) == len(page.lines), page.number
        for text, chars in zip(page.lines, lines, strict=True):
            assert "".join("".join(c["text"] for c in chars).split()) == "".join(text.split())


def test_a_figure_not_on_its_line_highlights_the_whole_line(tmp_path):
    data = EXAMPLE.read_bytes()
    pages = line_chars(data)
    height, lines = pages[1]
    line = next(n for n, chars in enumerate(lines, 1) if len(chars) > 5)
    finding = Finding(
        "x", "error", "没有的数 98765.43", (1,), stated=Quantity(None, "", "不在此行的文字")
    )
    boxes = figure_boxes(finding, Place(line, 2, ""), pages[1])
    chars = lines[line - 1]
    assert boxes == [
        (
            min(c["x0"] for c in chars),
            height - max(c["bottom"] for c in chars),
            max(c["x1"] for c in chars),
            height - min(c["top"] for c in chars),
        )
    ]


def test_a_number_is_found_only_whole():
    assert _occurrences("合计1234.56\x00503.19", "1234.56") == [(2, 9)]
    assert _occurrences("11234.56", "1234.56") == []
    assert _occurrences("1234.567", "1234.56") == []
    assert _occurrences("1234.56。", "1234.56") == [(0, 7)]
    assert _occurrences("2023年增长12.32%", "12.32") == [(7, 12)]


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_is_highlighted_where_its_figure_is_shown(rotation, loaded, tmp_path):
    """On a page turned by its /Rotate, the highlight is drawn in the page's own space: shown
    turned, it covers the figure where the unturned copy's highlight does."""
    from test_pdf_readers import _turned

    turned = tmp_path / "turned.pdf"
    turned.write_bytes(_turned(EXAMPLE.read_bytes(), rotation))
    marks = {}
    for path in (EXAMPLE, turned):
        out = tmp_path / f"{path.stem}.annotated.pdf"
        assert annotate(audit_path(str(path), *loaded), str(path), str(out)) > 0
        with pdfplumber.open(str(out)) as pdf:  # pdfplumber shows annotations as displayed
            marks[path] = [
                (page.page_number, [round(v) for v in (a["x0"], a["top"], a["x1"], a["bottom"])])
                for page in pdf.pages
                for a in page.annots
                if a["data"].get("Subtype") and a["data"]["Subtype"].name == "Highlight"
            ]
    assert marks[turned] and len(marks[turned]) == len(marks[EXAMPLE])
    for (page, box), (turned_page, turned_box) in zip(marks[EXAMPLE], marks[turned], strict=True):
        assert page == turned_page
        assert all(abs(a - b) <= 1 for a, b in zip(box, turned_box, strict=True)), (box, turned_box)
