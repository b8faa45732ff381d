"""What every check kind shares: its inputs, severities from verdicts, figure formatting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from auditor.claims import Claims
from auditor.document import Document
from auditor.equations import ONE, Equation
from auditor.facts import Fact
from auditor.findings import Finding, Place, Quantity, lines_of, mention, softer
from auditor.numbers import (
    HUNDRED,
    TO_WAN,
    Figure,
    Interval,
    Rounding,
    Verdict,
    decimals,
    fmt,
    fmt_bounds,
    fmt_range,
    judge,
    round_to,
)
from auditor.records import dataclass
from auditor.rules import Rule
from auditor.vocabulary import Vocabulary

PRINTED_UNITS = ("亿元", "万元", "元", "%")  # longest first: 万元 also ends in 元


@dataclass
class Tally:
    """A table's identities as judged: how many, how many failed beyond rounding, and the
    lines every failure involves (one wrong cell breaks only identities through its row)."""

    judged: int = 0
    failed: int = 0
    common: set[int] | None = None

    def add(self, lines: Iterable[int] | None) -> None:
        self.judged += 1
        if lines is not None:
            self.failed += 1
            self.common = set(lines) if self.common is None else self.common & set(lines)


@dataclass(frozen=True)
class Context:
    """What every check is given: the document, its claims, the vocabulary, rounding."""

    doc: Document
    claims: Claims
    vocab: Vocabulary
    rounding: Rounding = Rounding.EITHER
    place: Callable[[int], Place] = lambda n: Place(n, None, "")  # noqa: E731 - a plain default
    # per table (its title line): the identities judged, so a table that fails too many of
    # its own can be doubted rather than accused
    tally: dict[int, Tally] = field(default_factory=dict)
    # the figures (by identity) of a table's sums that hold: each printed as meant, so a
    # figure read by OCR among them is confirmed (auditor.ocr_review)
    held: set[int] = field(default_factory=set)
    # what several rules of one report work out alike, kept for the others (by its name)
    shared: dict[str, object] = field(default_factory=dict)

    def judged(self, table_line: int, lines: Iterable[int] | None) -> None:
        """One identity of a table judged: `lines` it involves if it failed, else None."""
        self.tally.setdefault(table_line, Tally()).add(lines)

    def at(self, lines: Iterable[int]) -> str:
        """Lines named in a message as the reader finds them: 第12,13行, or p7:L12 on a PDF."""
        return mention([self.place(n) for n in lines])

    def mode(self, rule: Rule) -> Rounding:
        """A rule's own rounding mode, else the report's."""
        return Rounding(rule.rounding) if rule.rounding else self.rounding


def severity(rule: Rule, verdict: Verdict) -> str | None:
    """A real error takes the rule's severity; rounding or a last-place slip, at most a warning."""
    if verdict is Verdict.EXACT:
        return None
    if verdict is Verdict.ERROR:
        return rule.severity
    return softer(rule.severity)


NOTES = {
    Verdict.ROUNDING: "（仅尾数差异，可由四舍五入解释）",
    Verdict.LAST_PLACE: "（末位误差：与按所列数据算得的范围只差最后一位的一个单位）",
}


def note(verdict: Verdict) -> str:
    return NOTES.get(verdict, "")


def trivial(verdict: Verdict) -> bool:
    """A rounding difference or a last-place slip: a finding the terminal folds by default."""
    return verdict in NOTES


def expected_range(allowed: Interval, places: int, unit: str) -> dict[str, Quantity]:
    """expected_low / expected_high of a Finding, rounded outward to the places shown; a
    rate's to one more decimal, as range_text shows it."""
    places += unit == "%"
    low, high = fmt_bounds(allowed, places)
    digits = max(places, 0)
    return {
        "expected_low": Quantity(round_to(allowed.lo, digits, ROUND_FLOOR), unit, f"{low}{unit}"),
        "expected_high": Quantity(
            round_to(allowed.hi, digits, ROUND_CEILING), unit, f"{high}{unit}"
        ),
    }


def as_stated(figure: Figure, unit: str = "") -> Quantity:
    """A figure as the report prints it; `unit` when its text leaves the unit out (a cell).
    A figure converted for arithmetic (1.25亿元 as 12,500万元) is given in its printed unit."""
    text, own = f"{figure.text}{unit}", figure.unit or unit
    printed = next((u for u in PRINTED_UNITS if text.endswith(u)), own)
    if printed != own and printed in TO_WAN and own in TO_WAN:
        exact = figure.value * TO_WAN[own] / TO_WAN[printed]
        return Quantity(round_to(exact, decimals(text.removesuffix(printed))), printed, text)
    return Quantity(figure.value, own, text)


def computed(value: Decimal, places: int, unit: str | None, bound: str = "") -> Quantity:
    """A value the arithmetic gives, shown to the places of the figure it is set against;
    `bound` (不小于) when only a limit is asserted."""
    unit = unit or ""
    return Quantity(round_to(value, max(places, 0)), unit, f"{bound}{fmt(value, places)}{unit}")


def words(text: str) -> Quantity:
    return Quantity.words(text)


def called(ctx: Context, fact: Fact) -> str:
    """What a figure is, in the report's words: its concept, after its fund scope when that
    is narrower than the department's (一般公共预算基本支出), with its basis when that is not
    the report's own (三公经费（预算数） in a 决算 report)."""
    concept = fact.concept or fact.label
    scope = fact.scope if fact.scope != ctx.vocab.default_scope else ""
    named = concept if scope in concept else f"{scope}{concept}"
    own = ctx.doc.genre
    if fact.basis and own and fact.basis != own and fact.basis not in named:
        return f"{named}（{fact.basis}数）"
    return named


def shown(ctx: Context, fact: Fact) -> str:
    return f"{fact.figure.text}（{ctx.at(fact.lines)}）"


def mixed_units(*facts: Fact) -> bool:
    units = {f.figure.unit for f in facts if f.is_amount}
    return len(units) > 1


@dataclass(frozen=True)
class Ratio:
    """A stated percentage against the ratio its operands allow."""

    verdict: Verdict
    point: Decimal
    allowed: Interval


def ratio(
    stated: Figure,
    numerator: Interval,
    num_point: Decimal,
    denominator: Interval,
    den_point: Decimal,
    mode: Rounding,
) -> Ratio | None:
    """Judge `stated` % against numerator / denominator, or None when no ratio can be said."""
    allowed = numerator.ratio(denominator)
    if allowed is None or den_point == 0:
        return None
    allowed = allowed.scale(HUNDRED).abs()  # a rate is stated by its size, its sign in words
    point = abs(num_point / den_point * HUNDRED)
    target = Figure(abs(stated.value), stated.places, stated.unit, stated.text, stated.printed)
    return Ratio(judge(target, point, allowed, mode), point, allowed)


def amount_ratio(
    stated: Figure, numerator: Fact, denominator: Fact, mode: Rounding, swap: bool = False
) -> Ratio | None:
    """numerator / denominator in 万元; with `swap`, a 元 figure is read as if it were 万元."""

    def bounds(f: Fact) -> tuple[Interval, Decimal]:
        if swap:
            return f.figure.bounds(mode), f.figure.value
        return f.figure.in_wan(mode), f.figure.wan_value()

    (n_int, n_pt), (d_int, d_pt) = bounds(numerator), bounds(denominator)
    return ratio(stated, n_int, n_pt, d_int, d_pt, mode)


def unit_slip(stated: Figure, numerator: Fact, denominator: Fact, mode: Rounding) -> bool:
    """The percentage only works if a 元 figure of the pair is really 万元."""
    if {numerator.figure.unit, denominator.figure.unit} != {"元", "万元"}:
        return False
    converted = amount_ratio(stated, numerator, denominator, mode)
    swapped = amount_ratio(stated, numerator, denominator, mode, swap=True)
    return bool(
        swapped
        and swapped.verdict is not Verdict.ERROR
        and (converted is None or converted.verdict is Verdict.ERROR)
    )


def range_text(result: Ratio, places: int) -> str:
    """The rates the operands allow, to one more decimal than the stated rate: at its own
    places a range may seem to hold the rate it rules out (3.8–3.9% against 3.9%)."""
    return f"{fmt_range(result.allowed, places + 1)}%"


def ratio_finding(
    ctx: Context,
    rule: Rule,
    rate: Fact,
    numerator: Fact,
    denominator: Fact,
    what: str,
    operands: str,
) -> Finding | None:
    """A stated rate against numerator ÷ denominator; zero and 元/万元 cases are other rules'."""
    mode = ctx.mode(rule)
    if denominator.figure.is_zero() or unit_slip(rate.figure, numerator, denominator, mode):
        return None
    result = amount_ratio(rate.figure, numerator, denominator, mode)
    level = severity(rule, result.verdict) if result else None
    if result is None or level is None:
        return None
    places = rate.figure.places
    return Finding(
        rule.id,
        level,
        f"{what}{note(result.verdict)}：按所列数据 {operands} 应为 {range_text(result, places)}，报告为 {rate.figure.text}",
        lines_of(numerator, denominator, rate),
        stated=as_stated(rate.figure),
        expected=computed(result.point, places, "%"),
        difference=computed(abs(rate.figure.value) - result.point, places, "个百分点"),
        **expected_range(result.allowed, places, "%"),
        rounding_only=trivial(result.verdict),
        equation=Equation.ratio(
            rate.figure, ((ONE, numerator.figure),), ((ONE, denominator.figure),)
        ),
    )
