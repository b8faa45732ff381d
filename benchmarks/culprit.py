"""How often the culprit named is the figure that was actually changed.

Run: python benchmarks/culprit.py [PER_PATTERN] [SEED]   (defaults 12 and 1).

Takes the consistent synthetic fixtures (fixtures/**/*-ok.txt) and the five real seeds
(../shared/corpus/seeds, when present), and in each makes one slip at a time in a figure of
the prose or a table, drawn at random: two adjacent digits transposed, one digit mistyped
(a slip with no name of its own: the culprit's pattern is `other`), 万元 written 元, a
percentage replaced by another printed within a few lines (copied), 增加 and 减少 swapped
before a change. For every report that then has a new finding, it prints:

- findings: new findings (beyond the unchanged report's), and how many name a culprit;
- right: findings whose culprit is the changed figure (its line, its printed text);
- wrong: findings whose culprit is another figure;
by pattern and over all, and the share right among findings that name one.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import regex

from auditor.checks import KINDS
from auditor.findings import Finding
from auditor.numbers import Rounding
from auditor.pipeline import check_source
from auditor.read import read_bytes
from auditor.rules import load

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
NUMBER = regex.compile(r"(?<![\d.])\d[\d,]*\.\d+(?=\s*(万元|%))")
PERCENT = regex.compile(r"(?<![\d.])\d+\.\d+(?=%)")
CHANGE = regex.compile(r"(增加|减少)(?=\s*\d[\d,]*\.\d+\s*万元)")


def transposed(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    """(start, end, new text) of each figure with two adjacent, differing digits swapped."""
    out = []
    for m in NUMBER.finditer(text):
        digits = [i for i in range(len(m[0]) - 1) if m[0][i].isdigit() and m[0][i + 1].isdigit()]
        pairs = [i for i in digits if m[0][i] != m[0][i + 1] and not (i == 0 and m[0][1] == "0")]
        if pairs:
            i = rng.choice(pairs)
            new = m[0][:i] + m[0][i + 1] + m[0][i] + m[0][i + 2 :]
            out.append((m.start(), m.end(), new))
    return out


def typo(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    """(start, end, new text) of each figure with one digit replaced by another."""
    out = []
    for m in NUMBER.finditer(text):
        digits = [i for i, c in enumerate(m[0]) if c.isdigit()]
        i = rng.choice(digits)
        choices = [d for d in "0123456789" if d != m[0][i] and not (i == 0 and d == "0")]
        out.append((m.start(), m.end(), m[0][:i] + rng.choice(choices) + m[0][i + 1 :]))
    return out


def unit(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end() + len(m[1]), m[0] + "元")
        for m in NUMBER.finditer(text)
        if m[1] == "万元"
    ]


def copied(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    found = list(PERCENT.finditer(text))
    out = []
    for m in found:
        near = [o[0] for o in found if o[0] != m[0] and abs(o.start() - m.start()) < 200]
        if near:
            out.append((m.start(), m.end(), rng.choice(near)))
    return out


def direction(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    swap = {"增加": "减少", "减少": "增加"}
    return [(m.start(), m.end(), swap[m[0]]) for m in CHANGE.finditer(text)]


PATTERNS = {
    "transposed-digits": transposed,
    "typo": typo,
    "unit": unit,
    "copied": copied,
    "direction": direction,
}


def _right(f: Finding, pattern: str, line: int, new: str) -> bool:
    """The culprit is the slip made: the figure changed, on its line; for a swapped 增加/减少,
    the change the word stands before (its figure may be a line or two below)."""
    assert f.culprit is not None
    at = f.culprit.place.line
    if pattern == "direction":
        return f.culprit.pattern == "direction" and 0 <= at - line <= 3
    digits = regex.sub(r"[^\d.]", "", f.culprit.stated.text)
    return at == line and digits == regex.sub(r"[^\d.]", "", new)


def _key(f: Finding) -> tuple:
    return (f.rule, f.message)


def run(per_pattern: int, seed: int) -> None:
    rules, vocab = load(None, KINDS)
    for group, reports in (
        ("synthetic fixtures", sorted((ROOT / "fixtures").rglob("*-ok.txt"))),
        ("real seeds", sorted(SEEDS.glob("*.txt"))),
    ):
        if reports:
            print(f"\n{group}: ", end="")
            measure(reports, rules, vocab, per_pattern, seed)


def measure(reports: list[Path], rules, vocab, per_pattern: int, seed: int) -> None:
    tally: dict[str, Counter] = {name: Counter() for name in PATTERNS}
    for path in reports:
        text = path.read_text(encoding="utf-8")
        base = {
            _key(f) for f in check_source(read_bytes(str(path), text.encode()), rules, vocab)[1]
        }
        for name, slips in PATTERNS.items():
            rng = random.Random(f"{seed}:{path.name}:{name}")
            made = slips(text, rng)
            for start, end, new in rng.sample(made, min(per_pattern, len(made))):
                changed = text[:start] + new + text[end:]
                line = text.count("\n", 0, start) + 1
                source = read_bytes(str(path), changed.encode())
                _, found = check_source(source, rules, vocab, Rounding.EITHER)
                fresh = [f for f in found if _key(f) not in base and not f.rounding_only]
                t = tally[name]
                t["reports"] += 1
                t["detected"] += bool(fresh)
                for f in fresh:
                    t["findings"] += 1
                    if f.culprit is None:
                        continue
                    t["named"] += 1
                    right = _right(f, name, line, new)
                    t["right" if right else "wrong"] += 1
    total = sum(tally.values(), Counter())
    print(f"{len(reports)} reports; slips per pattern per report at most {per_pattern}")
    print(f"{'pattern':<18} {'slips':>6} {'found':>6} {'findings':>9} {'named':>6} "
          f"{'right':>6} {'wrong':>6} {'right/named':>12}")  # fmt: skip
    for name, t in [*tally.items(), ("all", total)]:
        share = f"{t['right'] / t['named']:.0%}" if t["named"] else "–"
        print(
            f"{name:<18} {t['reports']:>6} {t['detected']:>6} {t['findings']:>9} "
            f"{t['named']:>6} {t['right']:>6} {t['wrong']:>6} {share:>12}"
        )


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 12, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
