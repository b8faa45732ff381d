"""Speed and memory of auditor, in one table each: cold start, every report of the corpus,
and a generated batch. Standard library timing only; prints figures, asserts nothing.

Run: python benchmarks/run.py [FILES]   (default 1000: the generated batch's size, 10000 the
large one; 0 skips it)

- cold start: `python -c pass`, `auditor --help` and `auditor check` of one small report,
  each in a fresh process, a few times (the least wall and CPU seconds), with bytecode
  compiled once beforehand;
- per report: CPU seconds and MB/s of checking each report in ../shared/corpus (text and
  PDF) in this process, rules loaded once; for a PDF, when pypdfium2 can be imported, also
  the bare time to read all its characters with pypdfium2, and auditor's time as a multiple;
- batch: FILES generated reports of 20–60 KB (benchmarks/generate.py: whole 部门决算 and
  部门预算, one in twenty a PDF when reportlab is installed) in a temporary folder, checked
  with -j 1, with every core, and on a Dask LocalCluster of as many workers when Dask is
  installed (`--dask local:N`): files/s, MB/s, peak RSS of the main process and of the
  largest worker (resource.getrusage).
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SMALL = ROOT / "fixtures" / "example-final.txt"
REPEATS = 5
# Processes started here find this checkout first, and compiled bytecode as an installed
# package has it: written once to a cache outside the tree, even where the environment says
# not to write bytecode (a first run, compiling every module, is not what users wait for).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    "PYTHONPYCACHEPREFIX": os.path.join(tempfile.gettempdir(), "auditor-bench-pycache"),
}


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process (CPU: user + system, its children's included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold_start() -> None:
    python = [sys.executable]
    commands = {
        "python -c pass": [*python, "-c", "pass"],
        "auditor --help": [*python, "-m", "auditor", "--help"],
        f"auditor check {SMALL.name}": [*python, "-m", "auditor", "check", str(SMALL)],
    }
    print(f"Cold start (least of {REPEATS} runs, after one that compiles the bytecode)")
    print(f"  {'command':<34} {'wall s':>7} {'CPU s':>7} {'× bare':>7}")
    bare = None
    for name, argv in commands.items():
        _run(argv)
        runs = [_run(argv) for _ in range(REPEATS)]
        wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
        bare = bare or wall
        print(f"  {name:<34} {wall:7.3f} {cpu:7.3f} {wall / bare:7.1f}")
    print()


def _pdfium_seconds(path: Path) -> float | None:
    """CPU seconds to read with pypdfium2 alone what a PDF reader needs: every character with
    its box and font size, and every path's bounds (the floor any reader built on PDFium stands
    on; the issue's prototype measured it at 0.09–0.11 s for a Putuo report), or None without
    pypdfium2."""
    try:
        import ctypes

        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:
        return None
    start = time.process_time()
    pdf = pdfium.PdfDocument(str(path))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    fl, fb, fr, ft = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(fl), ctypes.byref(fb), ctypes.byref(fr), ctypes.byref(ft))
    read: list = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            for i in range(raw.FPDFText_CountChars(textpage.raw)):
                raw.FPDFText_GetCharBox(textpage.raw, i, *boxes)
                read.append((raw.FPDFText_GetUnicode(textpage.raw, i), left.value, top.value,
                             raw.FPDFText_GetFontSize(textpage.raw, i)))  # fmt: skip
            for i in range(raw.FPDFPage_CountObjects(page.raw)):
                obj = raw.FPDFPage_GetObject(page.raw, i)
                if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH:
                    raw.FPDFPageObj_GetBounds(obj, *bounds)
                    read.append((fl.value, fb.value, fr.value, ft.value))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return time.process_time() - start


def _cpu(function, *args) -> float:
    start = time.process_time()
    function(*args)
    return time.process_time() - start


def per_report() -> None:
    from auditor.checks import KINDS
    from auditor.numbers import Rounding
    from auditor.pipeline import audit_path
    from auditor.read.pdf import read_pages
    from auditor.rules import load

    rules, vocab = load(None, KINDS)
    paths = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf"))
    if not paths:
        print(f"Per report: no reports in {CORPUS}\n")
        return
    audit_path(str(SMALL), rules, vocab, Rounding.EITHER)  # first use compiles what it needs
    print(
        "Per report (least CPU seconds of 3 runs in this process; pdfium: its bare reading, "
        "read: auditor's reading of the PDF alone, ×: CPU and read as multiples of pdfium)"
    )
    print(
        f"  {'report':<44} {'KB':>6} {'CPU s':>7} {'MB/s':>6} {'pdfium s':>9} {'×':>6}"
        f" {'read s':>7} {'×':>5}"
    )
    totals: dict[str, list[float]] = {}
    for path in paths:
        size = path.stat().st_size
        cpu = min(_cpu(audit_path, str(path), rules, vocab, Rounding.EITHER) for _ in range(3))
        bare = min(_pdfium_seconds(path) or 0 for _ in range(3)) if path.suffix == ".pdf" else None
        extra = ""
        if bare:
            read = min(_cpu(read_pages, str(path), path.read_bytes()) for _ in range(3))
            extra = f"{bare:9.3f} {cpu / bare:6.1f} {read:7.3f} {read / bare:5.1f}"
        name = str(path.relative_to(CORPUS))
        print(f"  {name:<44} {size / 1024:6.0f} {cpu:7.3f} {size / 1e6 / cpu:6.2f} {extra}")
        total = totals.setdefault(path.suffix, [0.0, 0.0])
        total[0] += size
        total[1] += cpu
    for suffix, (size, cpu) in totals.items():
        print(f"  {'all ' + suffix:<44} {size / 1024:6.0f} {cpu:7.3f} {size / 1e6 / cpu:6.2f}")
    print()


def _batch_worker(folder: str, jobs: str) -> None:
    """In a fresh process: check every file of the folder (jobs: a number, or local:N for a
    Dask cluster), print seconds and peak RSS."""
    from auditor.batch import audit_all
    from auditor.checks import KINDS
    from auditor.numbers import Rounding
    from auditor.pipeline import expand
    from auditor.rules import load

    start = time.perf_counter()
    rules, vocab = load(None, KINDS)
    items = expand([folder])
    dask = jobs if jobs.startswith("local:") else None
    n = int(jobs.removeprefix("local:"))
    count = sum(1 for _ in audit_all(items, rules, vocab, Rounding.EITHER, n, dask=dask))
    # the largest worker, once they have ended (a Dask worker's figure includes Dask's own)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    seconds = time.perf_counter() - start
    main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"files": count, "seconds": seconds, "main": main, "worker": workers}))


def batch(files: int) -> None:
    from generate import write_batch

    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as folder:
        _, pdfs, size = write_batch(Path(folder), files)
        cores = os.cpu_count() or 1
        print(
            f"Batch: {files} generated reports ({pdfs} PDFs), {size / 1e6:.1f} MB "
            "(benchmarks/generate.py)"
        )
        print(
            f"  {'jobs':>7} {'seconds':>8} {'files/s':>8} {'MB/s':>6} {'main MB':>8} {'worker MB':>10}"
        )
        runs = [str(jobs) for jobs in sorted({1, cores})]
        if importlib.util.find_spec("distributed") is not None:
            runs.append(f"local:{cores}")
        for jobs in runs:
            out = subprocess.run(
                [sys.executable, __file__, "--batch-worker", folder, jobs],
                env=ENV,
                capture_output=True,
                text=True,
            )
            if out.returncode != 0:
                print(f"  {jobs:>7} failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            worker = f"{r['worker']:10.0f}" if jobs != "1" else f"{'(main)':>10}"
            print(
                f"  {jobs:>7} {r['seconds']:8.1f} {r['files'] / r['seconds']:8.1f} "
                f"{size / 1e6 / r['seconds']:6.2f} {r['main']:8.0f} {worker}"
            )
    print()


def main() -> None:
    if sys.argv[1:2] == ["--batch-worker"]:
        _batch_worker(sys.argv[2], sys.argv[3])
        return
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    cold_start()
    per_report()
    if files > 0:
        batch(files)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
