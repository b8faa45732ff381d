"""Figures read by OCR, held for what they are worth: each with the recognition score and box
of the run it was read from, and why it is doubtful (a low score, fewer decimals than the
report's amounts have); a finding that rests on any of them is never an error but a warning
to check by hand (需人工核对（OCR）), and where one separator of one such figure (or one digit
of a doubtful one), read otherwise, makes its identity hold, that figure is named as a likely
misreading (疑似识别错误) rather than the report's own slip.

A figure read the same at another place of the report (another table, the prose), or taking
part in a table's sum that holds, is confirmed: it is not the one named as misread while an
unconfirmed one would do."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Set
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from auditor.document import Document
from auditor.equations import Equation
from auditor.findings import ERROR, WARNING, Culprit, Finding, OcrDoubt, Quantity
from auditor.numbers import Figure, Rounding
from auditor.read import Source
from auditor.records import dataclass
from auditor.slips import slips

if TYPE_CHECKING:
    from auditor.read.ocr import Span

# Below these a figure's run is doubtful. On scans of 32 table pages of four corpus PDFs at
# 100 and 200 dpi (benchmarks/ocr.py) every figure was read right, runs of two characters or
# more scoring 0.77 at the lowest (amounts 0.907), a lone "0" 0.47–0.93 while right.
SUSPECT_SCORE = 0.9
SUSPECT_SCORE_ONE = 0.4  # a run of one character
AMOUNTS = ("元", "万元", "亿元")
CHECK = "需人工核对（OCR）"


@dataclass(frozen=True)
class Read:
    """An OCR'd figure: the run it was read from, its page, why it is doubtful, and whether
    the same figure is printed elsewhere in the report."""

    span: Span
    page: int
    line: int
    doubts: tuple[str, ...]
    confirmed: bool


def _printed(doc: Document) -> Iterator[tuple[Figure, int]]:
    """Every printed figure of the report and its line: prose facts, then table cells."""
    for fact in doc.facts:
        yield fact.figure, fact.lines[0]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells.values():
                yield cell.figure, cell.line


def _digits(text: str) -> str:
    return text.replace(",", "").removesuffix("%").rstrip("亿万元")


def _span(spans: tuple[Span, ...], figure: Figure, start: int) -> int | None:
    """Which run (from `start` on: a line's figures are read left to right) a figure was read
    from: the first that is the figure, else the first holding it (a line of prose)."""
    digits = _digits(figure.text)
    holding = [i for i in range(start, len(spans)) if digits in spans[i].text.replace(",", "")]
    exact = [i for i in holding if _digits(spans[i].text) == digits]
    return (exact or holding or [None])[0] if digits else None


def doubtful(span: Span) -> bool:
    """A run scored below what right readings of its length scored."""
    return span.score < (SUSPECT_SCORE_ONE if len(span.text) == 1 else SUSPECT_SCORE)


def read_figures(source: Source, doc: Document, held: Set[int] = frozenset()) -> dict[int, Read]:
    """Each figure printed on a line read by OCR, by identity (id of its Figure); `held`: the
    figures of the identities that hold."""
    if not source.ocr:
        return {}
    printed = list(_printed(doc))
    usual = _usual_places(printed)
    seen = Counter((f.value, f.unit) for f, _ in printed)
    lines_of = {}
    for figure, line in printed:
        lines_of.setdefault((figure.value, figure.unit), set()).add(line)
    out: dict[int, Read] = {}
    at: dict[int, int] = {}  # per line, the run the last figure was read from
    for figure, line in printed:
        spans = source.ocr.get(line)
        found = _span(spans, figure, at.get(line, 0)) if spans else None
        if found is None:
            continue
        span = spans[found]
        at[line] = found + (_digits(span.text) == _digits(figure.text))
        doubts = []
        if doubtful(span):
            doubts.append(f"识别置信度低（{span.score:.3f}）")
        places = usual.get(figure.unit or "")
        if figure.unit in AMOUNTS and places and figure.printed < places:
            doubts.append(f"小数位少于本报告金额通常的 {places} 位")
        key = (figure.value, figure.unit)
        elsewhere = seen[key] > 1 and len(lines_of[key]) > 1 and figure.value != 0
        confirmed = elsewhere or id(figure) in held
        page = source.place(line).page or 0
        out[id(figure)] = Read(span, page, line, tuple(doubts), confirmed)
    return out


def _usual_places(printed: list[tuple[Figure, int]]) -> dict[str, int]:
    """The decimals most of the report's amounts are printed with, per unit."""
    counts: dict[str, Counter[int]] = {}
    for figure, _ in printed:
        if figure.unit in AMOUNTS and figure.value:
            counts.setdefault(figure.unit, Counter())[figure.printed] += 1
    return {unit: c.most_common(1)[0][0] for unit, c in counts.items()}


def review(
    findings: list[Finding],
    doc: Document,
    source: Source,
    mode: Rounding,
    held: Set[int] = frozenset(),
) -> list[Finding]:
    """Findings on figures read by OCR made warnings to check by hand, with the lowest score
    among those figures, and the likely misreading named where one explains the finding."""
    if not source.ocr:
        return findings
    reads = read_figures(source, doc, held)
    return [_reviewed(f, reads, source, mode) for f in findings]


def _reviewed(f: Finding, reads: dict[int, Read], source: Source, mode: Rounding) -> Finding:
    figures = [x for x in f.equation.figures() if id(x) in reads] if f.equation else []
    runs = [(source.place(reads[id(x)].line), x.text, reads[id(x)].span.score) for x in figures]
    if not runs:  # no identity of figures: what was read on its lines is what it rests on
        runs = [
            (source.place(n), s.text, s.score)
            for n in f.lines
            for s in source.ocr.get(n, ())
            if any(c.isdigit() for c in s.text)
        ]
    if not runs and not any(n in source.ocr for n in f.lines):
        return f
    score = min((score for _, _, score in runs), default=0.0)
    said = f"；{CHECK}：所涉识别数字的最低置信度 {score:.3f}" if runs else f"；{CHECK}"
    misread = _misread(f.equation, figures, reads, source, mode) if f.equation else None
    return replace(
        f,
        severity=WARNING if f.severity == ERROR else f.severity,
        message=f.message + said,
        culprit=misread or f.culprit,
        ocr=OcrDoubt(score, tuple(runs)),
    )


def variants(figure: Figure) -> Iterator[tuple[Figure, str, int]]:
    """What an OCR'd figure may have been printed as: a decimal point dropped or added (rank
    0), or one digit read as another (rank 1); each with a word on it."""
    sign = "-" if figure.value < 0 else ""
    digits = _digits(figure.text).lstrip("-")
    unit = figure.text[len(figure.text.rstrip("亿万元%")) :]
    bare = digits.replace(",", "")
    if "." not in bare:
        for at in range(1, len(bare)):
            if bare[:at].lstrip("0") or at == 1:
                text = bare[:at] + "." + bare[at:]
                yield _figure(figure, sign + text, unit), "漏识小数点", 0
    else:
        whole = bare.replace(".", "").lstrip("0") or "0"
        yield _figure(figure, sign + whole, unit), "多识小数点", 0
    for before, slip in slips(figure):
        if slip.pattern == "typo":
            yield before, "一位数字识别有误", 1


def _figure(figure: Figure, text: str, unit: str) -> Figure:
    places = len(text.partition(".")[2])
    return Figure(Decimal(text), places, figure.unit, text + unit, places)


def _misread(
    equation: Equation, figures: list[Figure], reads: dict[int, Read], source: Source, mode
) -> Culprit | None:
    """The one OCR'd figure that, read with one separator otherwise (or, when it is doubtful,
    one digit), makes the identity hold: separators first, a figure read nowhere else before
    one confirmed elsewhere; none when two remain alike. A clearly read digit is taken as
    printed: a one-digit difference there is left to the diagnosis as the report's slip."""
    found: list[tuple[int, bool, Figure, Figure, str]] = []
    for figure in figures:
        read = reads[id(figure)]
        for variant, why, rank in variants(figure):
            if rank and not read.doubts:
                break  # a digit read clearly is as printed: a slip there is the report's own
            if variant.value != figure.value and equation.holds(figure, variant, mode):
                found.append((rank, read.confirmed, figure, variant, why))
                break
    if not found:
        return None
    best = min((rank, trusted) for rank, trusted, *_ in found)
    found = [item for item in found if item[:2] == best]
    if len(found) != 1:
        return None
    _, _, figure, variant, why = found[0]
    read = reads[id(figure)]
    place = source.cited(read.line, {abs(figure.value)})
    unit = figure.unit or ""
    shown = figure.text + ("" if figure.text.endswith(unit) else unit)
    meant = variant.text + ("" if variant.text.endswith(unit) else unit)
    doubt = "；".join(read.doubts)
    explanation = (
        f"疑似识别错误：{place}的 {shown} 若为 {meant}（{why}），此处即无误"
        f"（识别置信度 {read.span.score:.3f}{'；' + doubt if doubt else ''}），请对照原件核对"
    )
    return Culprit(
        place,
        Quantity(figure.value, unit, shown),
        Quantity(variant.value, unit, meant),
        "ocr-misread",
        explanation,
    )
