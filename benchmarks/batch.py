"""Time and memory of a batch of PDFs: the real ones in ../shared/corpus/pdf, repeated.

Run: python benchmarks/batch.py [COPIES] [JOBS]   (defaults 3 and the number of cores).
Prints seconds per report and per page, and the peak memory of the main and worker processes
for the batch and for a batch four times as long (memory should not grow with the batch).
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from auditor.batch import audit_all
from auditor.checks import KINDS
from auditor.numbers import Rounding
from auditor.pipeline import expand
from auditor.rules import load

PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"


def batch(copies: int, jobs: int) -> None:
    rules, vocab = load(None, KINDS)
    sources = sorted(PDFS.glob("*.pdf"))
    if not sources:
        sys.exit(f"no PDFs in {PDFS}")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(copies):
            for pdf in sources:
                shutil.copy(pdf, Path(tmp) / f"{i:03d}-{pdf.name}")
        start = time.perf_counter()
        results = list(audit_all(expand([tmp]), rules, vocab, Rounding.EITHER, jobs))
        elapsed = time.perf_counter() - start
    pages = sum(r.pages for r in results)
    findings = sum(len(r.findings) for r in results)
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{len(results)} PDFs, {pages} pages, jobs={jobs}: {elapsed:.1f} s, "
        f"{elapsed / len(results):.2f} s/report, {pages / elapsed:.1f} pages/s, "
        f"{findings} findings; peak memory main {main_mb:.0f} MB, largest worker {workers_mb:.0f} MB"
    )


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count() or 1
    batch(copies, jobs)
    batch(copies * 4, jobs)


if __name__ == "__main__":
    main()
