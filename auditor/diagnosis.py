"""After the checks: findings that share a stated figure are linked, the one figure that,
changed, makes every linked identity hold is named as the likely culprit (with the slip it
looks like), and one discrepancy seen by several rules becomes one finding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

import regex

from auditor.document import Document
from auditor.equations import Equation
from auditor.facts import Fact
from auditor.findings import CITATION, RANK, Culprit, Finding, Place, Quantity
from auditor.numbers import Figure, Rounding, fmt, round_to

RANKS = (("direction", "basis-word"), ("transposed-digits", "unit"), ("copied",), ("other",))
NEAR = 15  # lines: a figure this close, of the same kind, is one a slip may copy


class Slip(NamedTuple):
    """What a slip looks like: its pattern, a word on it, and for a wrong word the word
    printed and the one meant."""

    pattern: str
    why: str
    words: tuple[str, str] | None = None


@dataclass(frozen=True)
class Look:
    """What naming a slip looks at: the report, where each figure is printed, the figures
    that some finding accuses (never the source of a copy), how figures round, how lines
    are cited."""

    doc: Document
    where: dict[int, Where]
    accused: set[int]
    mode: Rounding
    cite: Callable[[int, set], Place]
    bases: dict[str, list[str]]  # each basis and the words that name it (全年预算: 调整预算)

    def word(self, fact: Fact) -> str:
        """The words a fact's basis is printed with (全年预算), else the basis' name."""
        found = [w for w in self.bases.get(fact.basis, []) if w in fact.label]
        return max(found, key=len) if found else fact.basis


@dataclass(frozen=True)
class Where:
    """Where the report prints a figure: its line, and the fact it states (None for a cell)."""

    line: int
    fact: object | None


def index(doc: Document) -> dict[int, Where]:
    """Every printed figure of the report by identity: prose facts, then table cells."""
    out: dict[int, Where] = {}
    for fact in [*doc.facts, *doc.absent]:
        out.setdefault(id(fact.figure), Where(fact.lines[0], fact))
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells.values():
                out.setdefault(id(cell.figure), Where(cell.line, None))
    return out


def diagnose(
    findings: list[Finding],
    doc: Document,
    mode: Rounding,
    cite: Callable[[int, set], Place],
    bases: dict[str, list[str]],
) -> list[Finding]:
    """Findings with `related` and, where one figure explains them, `culprit`; the
    equations are dropped (they hold the report's own objects)."""
    where = index(doc)
    judged = [i for i, f in enumerate(findings) if f.equation and not f.rounding_only]
    accused = {id(x) for i in judged for x in _figures(findings[i], where)}
    look = Look(doc, where, accused, mode, cite, bases)
    out = list(findings)
    for group in _components(findings, judged, where):
        ids = [findings[i].id for i in group]
        culprit = _culprit([findings[i] for i in group], look)
        for i in group:
            related = tuple(x for x in ids if x != findings[i].id)
            out[i] = replace(out[i], related=related, culprit=culprit)
    return [replace(f, equation=None) for f in out]


def _figures(f: Finding, where: dict[int, Where]) -> list[Figure]:
    assert f.equation is not None
    return [x for x in f.equation.figures() if id(x) in where]


def _components(
    findings: list[Finding], judged: list[int], where: dict[int, Where]
) -> list[list[int]]:
    """Findings linked by a shared printed figure, each group in reading order."""
    parent = {i: i for i in judged}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for i in judged:
        for figure in _figures(findings[i], where):
            j = owner.setdefault(id(figure), i)
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in judged:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _culprit(group: list[Finding], look: Look) -> Culprit | None:
    """The one figure common to every finding of the group whose single corrected value
    makes each of their identities hold; among several, the one whose slip has a name, then
    the one printed in the prose (a table's cells are held by its own sums)."""
    equations = [f.equation for f in group if f.equation]
    common = _figures(group[0], look.where)
    for f in group[1:]:
        mine = {id(x) for x in _figures(f, look.where)}
        common = [x for x in common if id(x) in mine]
    fixes = []
    for figure in common:
        if _flips(figure, equations, look):
            fixes.append((figure, figure, Slip("direction", "数额无误，增减方向写反")))
            continue
        slips = [
            (value, slip)
            for value, slip in _slips(figure)
            if all(eq.holds(figure, value, look.mode) for eq in equations)
        ]
        if slips:
            fixes.append((figure, *slips[0]))
            continue
        value = _fix(figure, equations, look.mode)
        if value is not None:
            fixes.append((figure, value, _pattern(figure, value, look)))
    # a slip that leaves every number as printed, then one the digits explain, then a copy
    for rank in RANKS:
        ranked = [fix for fix in fixes if fix[2].pattern in rank]
        if ranked:
            fixes = ranked
            break
    # a ratio holds whichever of its amounts is rescaled: the odd unit out is the slip
    units = Counter(f.figure.unit for f in look.doc.facts if f.is_amount)
    usual = units.most_common(1)[0][0] if units else None
    fixes = [fix for fix in fixes if fix[2].pattern != "unit" or fix[0].unit != usual] or fixes
    prose = [fix for fix in fixes if look.where[id(fix[0])].fact is not None] or fixes
    if len(prose) != 1:
        return None
    figure, value, (pattern, why, words) = prose[0]
    unit = figure.unit or ""
    stated = Quantity(
        figure.value, unit, figure.text + ("" if figure.text.endswith(unit) else unit)
    )
    suggested = _other_unit(figure) if pattern == "unit" else Quantity(value.value, unit, "")
    text = f"{fmt(suggested.value, figure.places)}{suggested.unit}"
    if pattern == "direction":
        text = f"{stated.text}（方向相反）"
    place = look.cite(look.where[id(figure)].line, {abs(figure.value)})
    held = "此处即无误" if len(group) == 1 else f"相关的 {len(group)} 处问题均可消除"
    explanation = f"疑似有误：{_at(place)}的 {stated.text}，应为 {text}，改正后{held}"
    if words:  # the figure is right; the word naming it is not
        was, text = words
        stated = Quantity.words(was)
        suggested = Quantity.words(text)
        explanation = f"疑似用词有误：{_at(place)}的“{was}”应为“{text}”，改正后{held}"
    return Culprit(
        place,
        stated,
        Quantity(suggested.value, suggested.unit, text),
        pattern,
        explanation + (f"（{why}）" if why else ""),
    )


def _flips(figure: Figure, equations: list[Equation], look: Look) -> bool:
    """Whether every equation holds with the change `figure` the other way (增加 for 减少)."""
    fact = look.where[id(figure)].fact
    if not isinstance(fact, Fact) or fact.role != "delta" or not fact.sign:
        return False
    return all(
        eq.flipped(figure).holds(figure, figure, look.mode)
        and not eq.holds(figure, figure, look.mode)
        for eq in equations
    )


def _at(place: Place) -> str:
    return str(place) if place.page or place.where else f"第{place.line}行"


def _fix(figure: Figure, equations: list[Equation], mode: Rounding) -> Figure | None:
    """The value, printed as `figure` is, that makes every equation hold; None if none does."""
    solved = [eq.solve(figure, mode) for eq in equations]
    if any(s is None for s in solved):
        return None
    low = max(s[0].lo for s in solved if s)
    high = min(s[0].hi for s in solved if s)
    if low > high:
        return None
    for _, point in (s for s in solved if s):
        candidate = _printed(figure, round_to(point, max(figure.places, 0)))
        if candidate.value != figure.value and all(
            eq.holds(figure, candidate, mode) for eq in equations
        ):
            return candidate
    return None


def _digits(value: Decimal, places: int) -> str:
    return regex.sub(r"\D", "", fmt(abs(value), places))


def _slips(figure: Figure) -> Iterator[tuple[Figure, Slip]]:
    """What the figure may have been before a slip of the hand: two adjacent digits swapped,
    or the same digits in the other of 元 and 万元."""
    text = fmt(abs(figure.value), figure.places)
    sign = -1 if figure.value < 0 else 1
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a.isdigit() and b.isdigit() and a != b:
            swapped = text[:i] + b + a + text[i + 2 :]
            value = sign * Decimal(swapped.replace(",", ""))
            yield _printed(figure, value), Slip("transposed-digits", "两位数字顺序颠倒")
    shift = {"元": 4, "万元": -4}.get(figure.unit or "")  # the other unit's value, in this one
    if shift is not None:
        word = "万元" if figure.unit == "元" else "元"
        why = f"数字与单位“{word}”相符，疑似单位写错"
        yield _printed(figure, figure.value.scaleb(shift), -shift), Slip("unit", why)


def _printed(figure: Figure, value: Decimal, more: int = 0) -> Figure:
    places = figure.places + more
    return Figure(value, places, figure.unit, fmt(value, places), figure.printed)


def _pattern(figure: Figure, fix: Figure, look: Look) -> Slip:
    """What else may explain `fix` printed as `figure`: a basis word, a copied rate."""
    fact = look.where[id(figure)].fact
    if isinstance(fact, Fact) and fact.basis_stated and fact.is_amount:
        for other_fact in look.doc.facts:
            if (
                other_fact.concept == fact.concept
                and other_fact.scope == fact.scope
                and other_fact.basis not in ("", fact.basis)
                and other_fact.is_amount
                and id(other_fact.figure) not in look.accused
                and other_fact.figure.in_wan(look.mode).meets(fix.in_wan(look.mode))
            ):
                was, word = look.word(fact), look.word(other_fact)
                why = f"比率按{word} {other_fact.figure.text} 计算无误"
                return Slip("basis-word", why, (was, word))
    if isinstance(fact, Fact) and figure.unit == "%":
        line = look.where[id(figure)].line
        near = [
            o
            for o in look.doc.facts
            if o.figure.text == figure.text
            and id(o.figure) not in look.accused
            and abs(o.lines[0] - line) <= NEAR
        ]
        if near:
            o = min(near, key=lambda o: abs(o.lines[0] - line))
            at = _at(look.cite(o.lines[0], {abs(o.figure.value)}))
            return Slip("copied", f"与{at}无误的 {o.figure.text} 相同，疑似照抄了相邻的数字")
    return Slip("other", "")


def _other_unit(figure: Figure) -> Quantity:
    """The figure read in the other of 元 and 万元."""
    other = {"元": "万元", "万元": "元"}.get(figure.unit or "")
    return Quantity(figure.value if other else None, other or "", figure.text)


def fold(findings: list[Finding]) -> list[Finding]:
    """One discrepancy, one finding: findings of the same stated and expected figures (of
    three significant digits at least), or of one rule saying the same, become one, led by
    the gravest and the first."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        groups.setdefault(_same(f), []).append(f)
    out = []
    for group in groups.values():
        lead = min(group, key=lambda f: (-RANK[f.severity], f.sort_key()))
        rest = tuple(f for f in group if f is not lead)
        if rest:
            lead = replace(
                lead,
                also=rest,
                rounding_only=all(f.rounding_only for f in group),
                culprit=lead.culprit or next((f.culprit for f in rest if f.culprit), None),
            )
        out.append(lead)
    return sorted(out, key=Finding.sort_key)


def _same(f: Finding) -> tuple:
    s, e = f.stated, f.expected
    if (
        s is not None
        and e is not None
        and s.value is not None
        and e.value is not None
        and s.value != e.value
        and s.unit == e.unit
        and len(regex.sub(r"\D", "", s.text).lstrip("0")) >= 3
    ):
        return ("values", s.value, e.value, s.unit)
    if s is not None and s.value is not None:  # a figure said again, not a word to fill in
        return ("message", f.rule, CITATION.sub("", f.message), s.text)
    return ("finding", f.id)
