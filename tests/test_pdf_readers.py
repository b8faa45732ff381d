"""The PDFium reader (AUDITOR_PDF=pdfium, opt-in) reads every fixture and corpus PDF as the
pdfplumber reader does: the same lines on every page, so the same citations and findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.read.pdf import read_pages

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
PDFS = sorted((ROOT / "fixtures").rglob("*.pdf")) + sorted(CORPUS.glob("*.pdf"))


def _lines(path: Path, reader: str, monkeypatch) -> list | str:
    monkeypatch.setenv("AUDITOR_PDF", reader)
    try:
        pages = read_pages(str(path), path.read_bytes())
    except InputError as exc:
        return exc.reason
    return [(page.number, page.scanned, page.lines) for page in pages]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_both_readers_read_the_same_lines(path, monkeypatch):
    plumbed = _lines(path, "pdfplumber", monkeypatch)
    assert plumbed  # read, or refused with a reason
    assert _lines(path, "pdfium", monkeypatch) == plumbed
