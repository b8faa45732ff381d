"""The two PDF readers side by side: pdfplumber (pdfminer) and PDFium (pypdfium2).

Run: python benchmarks/pdf_readers.py [PDF…]   (default: fixtures/**/*.pdf and
../shared/corpus/pdf/*.pdf).

For every PDF, reads it with each reader (AUDITOR_PDF=pdfplumber, AUDITOR_PDF=pdfium) and
compares the lines of every page (their text, so the citations page:line), then the findings
of `auditor check --format json` (rule, severity, message, stated, expected, cited). Prints
SAME or the first differences, and the CPU seconds of each reader's audit_path; for PDFium,
the bare cost of reading the characters and their boxes, and end-to-end / bare.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from auditor.checks import KINDS
from auditor.cli import main
from auditor.errors import InputError
from auditor.pipeline import audit_path
from auditor.read.pdf import read_pages
from auditor.rules import load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
READERS = ("pdfplumber", "pdfium")


def lines(path: Path) -> object:
    try:
        return [(p.number, p.scanned, p.lines) for p in read_pages(str(path), path.read_bytes())]
    except InputError as exc:
        return ("error", exc.reason)


def findings(path: Path) -> object:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(path)])
    data = json.loads(result.stdout)
    keep = ("rule", "severity", "message", "stated", "expected", "cited")
    heads = ("error", "pages", "scanned_pages", "tables", "figures")
    files = [{k: e.get(k) for k in heads} for e in data["files"]]
    files += [{k: f.get(k) for k in keep} for e in data["files"] for f in e["findings"]]
    return result.exit_code, files


def bare(path: Path) -> float:
    """CPU seconds to read every character with its box (the floor of a PDFium reader)."""
    import pypdfium2 as pdfium

    start = time.process_time()
    try:
        pdf = pdfium.PdfDocument(path.read_bytes())
    except pdfium.PdfiumError:
        return 0.0
    for page in pdf:
        text = page.get_textpage()
        for i in range(text.count_chars()):
            text.get_charbox(i, loose=True)
        text.get_text_range()
    pdf.close()
    return time.process_time() - start


def run(paths: list[Path]) -> int:
    rules, vocab = load(None, KINDS)
    differing = 0
    for path in paths:
        seen, seconds = {}, {}
        for reader in READERS:
            os.environ["AUDITOR_PDF"] = reader
            start = time.process_time()
            audit_path(str(path), rules, vocab)
            seconds[reader] = time.process_time() - start
            seen[reader] = (lines(path), findings(path))
        floor = bare(path)
        ratio = f"{seconds['pdfium'] / floor:.1f}x bare" if floor else ""
        times = (
            f"{seconds['pdfplumber']:.2f}s -> {seconds['pdfium']:.2f}s (bare {floor:.2f}s, {ratio})"
        )
        (old_lines, old), (new_lines, new) = seen["pdfplumber"], seen["pdfium"]
        if old_lines == new_lines and old == new:
            print(f"SAME  {path.name}  {times}")
            continue
        differing += 1
        print(f"DIFF  {path.name}  {times}")
        if old_lines != new_lines:
            a = [f"p{n}{' scanned' if s else ''}:L{i} {t}" for n, s, ls in old_lines for i, t in enumerate(ls, 1)] if isinstance(old_lines, list) else [str(old_lines)]  # fmt: skip
            b = [f"p{n}{' scanned' if s else ''}:L{i} {t}" for n, s, ls in new_lines for i, t in enumerate(ls, 1)] if isinstance(new_lines, list) else [str(new_lines)]  # fmt: skip
            for line in list(difflib.unified_diff(a, b, lineterm="", n=0))[2:12]:
                print("    lines", line)
        if old != new:
            a = [json.dumps(f, ensure_ascii=False) for f in old[1]]
            b = [json.dumps(f, ensure_ascii=False) for f in new[1]]
            for line in list(difflib.unified_diff(a, b, lineterm="", n=0))[2:8]:
                print("    findings", line[:300])
    os.environ.pop("AUDITOR_PDF")
    print(f"{len(paths) - differing} of {len(paths)} PDFs read the same")
    return 1 if differing else 0


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    default = sorted(ROOT.glob("fixtures/**/*.pdf")) + sorted(CORPUS.glob("*.pdf"))
    sys.exit(run(given or default))
