"""Throughput and peak memory of `auditor check` on the real seeds, repeated to a size.

Run: python benchmarks/throughput.py [MEGABYTES]   (default 5). Prints its figures; asserts nothing.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from auditor.checks import KINDS
from auditor.pipeline import audit_source
from auditor.read import Source
from auditor.rules import load

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def main() -> None:
    target = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not seeds:
        sys.exit(f"no seeds in {SEEDS}")
    rules, vocab = load(None, KINDS)
    one = "\n".join(seeds)
    text = one * max(1, int(target * 2**20 / len(one.encode())))
    lines = tuple(text.split("\n"))
    megabytes = len(text.encode()) / 2**20

    start = time.perf_counter()
    for seed in seeds:
        audit_source(Source("seed.txt", tuple(seed.split("\n")), "utf-8"), rules, vocab)
    per_report = (time.perf_counter() - start) / len(seeds)

    start = time.perf_counter()
    result = audit_source(Source("big.txt", lines, "utf-8"), rules, vocab)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"one report (mean of {len(seeds)} seeds): {per_report * 1000:.0f} ms")
    print(
        f"{megabytes:.1f} MB of text, {len(lines)} lines: {elapsed:.2f} s, {megabytes / elapsed:.2f} MB/s"
    )
    print(f"figures read: {result.figures}, findings: {len(result.findings)}")
    print(f"peak resident memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
