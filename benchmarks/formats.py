"""Seconds per report for each format: reading alone, and reading and checking.

Run: python benchmarks/formats.py [REPEATS]   (default 5). Prints its figures; asserts nothing.

Two sets: the synthetic report of fixtures/formats in every format it is made in (a 2024 决算
with its nine tables, ~280 lines), and the real seeds of ../shared/corpus/seeds turned into
.docx, a web page and one long line by tests/converters.py (skipped when absent).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from converters import to_docx, to_html, to_long  # noqa: E402

from auditor.checks import KINDS  # noqa: E402
from auditor.pipeline import audit_source  # noqa: E402
from auditor.read import read_bytes, read_sources  # noqa: E402
from auditor.rules import load  # noqa: E402

FORMATS = ROOT / "fixtures" / "formats"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def timed(work: Callable[[], object], repeats: int) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        work()
    return (time.perf_counter() - start) / repeats


def row(name: str, read: Callable, repeats: int, rules, vocab) -> None:
    read()  # warm: the format's library imported once, as a batch does
    reading = timed(read, repeats)
    checking = timed(lambda: audit_source(read(), rules, vocab), repeats)
    print(f"{name:<34} {reading:8.3f} s {checking:8.3f} s")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rules, vocab = load(None, KINDS)
    print(f"{'report':<34} {'read':>10} {'read+check':>10}   (seconds per report, {repeats} runs)")
    for name in (
        "report.txt",
        "report-long.txt",
        "report.docx",
        "report.xlsx",
        "report.xls",
        "report.html",
        "report-gbk.html",
    ):
        data = (FORMATS / name).read_bytes()
        row(name, lambda n=name, d=data: read_bytes(n, d), repeats, rules, vocab)
    pair = [str(FORMATS / "narrative.docx"), str(FORMATS / "tables.xlsx")]
    row("narrative.docx + tables.xlsx", lambda: read_sources(pair), repeats, rules, vocab)
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        return
    texts = [p.read_bytes() for p in seeds]
    lines = [t.decode("utf-8").split("\n") for t in texts]
    made = {
        ".txt": texts,
        ".docx": [to_docx(x) for x in lines],
        ".html": [to_html(x) for x in lines],
        "one line .txt": [to_long(x) for x in lines],
    }
    for kind, files in made.items():
        suffix = kind.split()[-1]
        reading = sum(
            timed(lambda d=d, s=suffix: read_bytes("seed" + s, d), repeats) for d in files
        ) / len(files)
        checking = sum(
            timed(
                lambda d=d, s=suffix: audit_source(read_bytes("seed" + s, d), rules, vocab), repeats
            )
            for d in files
        ) / len(files)
        print(
            f"{'seeds as ' + kind + f' (mean of {len(files)})':<34} {reading:8.3f} s {checking:8.3f} s"
        )


if __name__ == "__main__":
    main()
