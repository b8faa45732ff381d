"""How well --ocr reads scans: figure-level precision and recall, and CPU seconds per page.

Run: python benchmarks/ocr.py DPI [PAGES_PER_PDF] [PDF ...]   (defaults 8, and four corpus PDFs)

Needs the extra (pip install 'auditor[ocr]'). For each PDF of ../shared/corpus/pdf it takes
the PAGES_PER_PDF consecutive pages that print the most amounts, renders them at DPI (pypdfium2, grey)
and puts the images (img2pdf) in their place, as a scanner would make them (the other pages
keep their text, so a table continued from one keeps its header); then reads that copy with
OCR (cache off, one process) and compares, page by page, with the text layer of the same
pages:

- tokens: every amount or percentage printed on the page's lines (a number with a decimal
  point or a thousands comma: 科目 codes and years left out), as a multiset per page;
- figures: the figures the checks use (prose facts and table cells), by value and unit.

precision = OCR'd ones equal to one of the text layer's on the same page, recall = the text
layer's found so; both per DPI over all pages. Also: figures below the suspect score among
those right and those wrong (to calibrate auditor.ocr_review.SUSPECT_SCORE).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import regex

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"
DEFAULT = (
    "putuo-finance-2024-final.pdf",
    "swu-2023-final.pdf",
    "shanghai-finance-2025-budget.pdf",
    "putuo-wanli-2025-budget.pdf",
)
AMOUNT = regex.compile(r"(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)%?(?![\d])")


def tokens(lines) -> Counter:
    return Counter(m[0].replace(",", "") for line in lines for m in AMOUNT.finditer(line))


def figures(source, vocab) -> dict[int, Counter]:
    """The checks' figures (facts and table cells) by page: value and unit."""
    from auditor.document import build_document
    from auditor.ocr_review import _printed

    doc = build_document(source.path, source.lines, vocab, source.scanned)
    out: dict[int, Counter] = {}
    for figure, line in _printed(doc):
        out.setdefault(source.place(line).page, Counter())[(figure.value, figure.unit)] += 1
    return out


def pages_with_most_amounts(path: Path, count: int) -> list[int]:
    """The `count` consecutive pages that print the most amounts (a report's tables)."""
    from auditor.read.pdf import read_pages

    pages = read_pages(str(path), path.read_bytes())
    amounts = [sum(tokens(p.lines).values()) for p in pages]
    start = max(range(max(len(pages) - count + 1, 1)), key=lambda i: sum(amounts[i : i + count]))
    return [p.number for p in pages[start : start + count]]


def scan(path: Path, numbers: list[int], dpi: int) -> bytes:
    """The PDF with the pages numbered replaced by images of them (a table continued from a
    page left as text keeps its header there)."""
    import img2pdf
    import pypdf
    import pypdfium2 as pdfium

    data = path.read_bytes()
    pdf = pdfium.PdfDocument(data)
    images = []
    for n in numbers:
        image = pdf[n - 1].render(scale=dpi / 72, grayscale=True).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        images.append(buffer.getvalue())
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    scanned = pypdf.PdfReader(io.BytesIO(img2pdf.convert(images, layout_fun=layout)))
    original = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    for n, page in enumerate(original.pages, 1):
        writer.add_page(scanned.pages[numbers.index(n)] if n in numbers else page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def matched(ocr: Counter, text: Counter) -> int:
    return sum((ocr & text).values())


def main() -> None:
    from auditor.checks import KINDS
    from auditor.ocr_review import doubtful, read_figures
    from auditor.read import read_bytes
    from auditor.rules import load

    dpi = int(sys.argv[1])
    per = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    names = sys.argv[3:] or DEFAULT
    _, vocab = load(None, KINDS)
    os.environ["AUDITOR_OCR"] = "1"
    cache = tempfile.TemporaryDirectory()
    os.environ["XDG_CACHE_HOME"] = cache.name  # an empty cache: every page recognised
    total = Counter()
    scores = Counter()
    for name in names:
        path = CORPUS / name
        numbers = pages_with_most_amounts(path, per)
        original = read_bytes(str(path), path.read_bytes())
        text_tokens = {
            n: tokens(
                line for i, line in enumerate(original.lines, 1) if original.place(i).page == n
            )
            for n in numbers
        }
        text_figures = figures(original, vocab)
        data = scan(path, numbers, dpi)
        started = time.process_time()
        copy = read_bytes(name, data)
        seconds = time.process_time() - started
        ocr_figures = figures(copy, vocab)
        from auditor.document import build_document
        from auditor.ocr_review import _printed

        doc = build_document(copy.path, copy.lines, vocab, copy.scanned)
        reads = read_figures(copy, doc)
        row = Counter(pages=len(numbers), seconds=seconds)
        for n in numbers:
            mine = tokens(line for i, line in enumerate(copy.lines, 1) if copy.place(i).page == n)
            row["tokens_text"] += sum(text_tokens[n].values())
            row["tokens_ocr"] += sum(mine.values())
            row["tokens_hit"] += matched(mine, text_tokens[n])
            theirs, ours = text_figures.get(n, Counter()), ocr_figures.get(n, Counter())
            row["figures_text"] += sum(theirs.values())
            row["figures_ocr"] += sum(ours.values())
            row["figures_hit"] += matched(ours, theirs)
            for figure, line in _printed(doc):
                if copy.place(line).page != n or id(figure) not in reads:
                    continue
                right = theirs[(figure.value, figure.unit)] > 0
                low = doubtful(reads[id(figure)].span)
                scores[(right, low)] += 1
        total.update(row)
        print(f"{name}: pages {numbers}", report(row), flush=True)
    print(f"all at {dpi} dpi:", report(total))
    print(
        f"doubtful (low score): {scores[(True, True)]} of {scores[(True, True)] + scores[(True, False)]}"
        f" right figures, {scores[(False, True)]} of {scores[(False, True)] + scores[(False, False)]}"
        " wrong ones"
    )


def report(row: Counter) -> str:
    def share(a: str, b: str) -> str:
        return f"{row[a] / row[b]:.1%}" if row[b] else "-"

    return (
        f"{row['pages']} pages, {row['seconds'] / max(row['pages'], 1):.1f} CPU-s/page; "
        f"tokens P {share('tokens_hit', 'tokens_ocr')} R {share('tokens_hit', 'tokens_text')} "
        f"({row['tokens_hit']}/{row['tokens_ocr']}/{row['tokens_text']}); "
        f"figures P {share('figures_hit', 'figures_ocr')} R {share('figures_hit', 'figures_text')} "
        f"({row['figures_hit']}/{row['figures_ocr']}/{row['figures_text']})"
    )


if __name__ == "__main__":
    main()
