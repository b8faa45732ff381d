"""After the checks: findings that share a printed figure are linked, and the one figure
that, changed to a single value, makes every linked identity hold is named as the likely
culprit, with the slip it looks like (auditor.slips). Where several figures would do and
none is the likelier slip, none is named."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from auditor.document import Document
from auditor.equations import Solved
from auditor.findings import Culprit, Finding, Place, Quantity
from auditor.numbers import Figure, Interval, Rounding, fmt, round_to
from auditor.slips import Look, Slip, Where, basis, candidates, copied, flips, printed

Fix = tuple[Figure, Figure, Slip]  # the figure, its value before the slip, the slip


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
    """Findings with `related` and, where one figure explains them, `culprit` (equations are
    kept: fold uses them, the pipeline drops them)."""
    where = index(doc)
    judged = [i for i, f in enumerate(findings) if f.equation and not f.rounding_only]
    accused = {id(x) for i in judged for x in figures(findings[i], where)}
    look = Look(doc, where, accused, mode, cite, bases)
    out = list(findings)
    for group in _components(findings, judged, where):
        ids = [findings[i].id for i in group]
        culprit = _culprit([findings[i] for i in group], look)
        for i in group:
            related = tuple(x for x in ids if x != findings[i].id)
            out[i] = replace(out[i], related=related, culprit=culprit)
    return out


def figures(f: Finding, where: dict[int, Where]) -> list[Figure]:
    """The printed figures of a finding's identity."""
    return [x for x in f.equation.figures() if id(x) in where] if f.equation else []


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
        for figure in figures(findings[i], where):
            j = owner.setdefault(id(figure), i)
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in judged:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _fixes(group: list[Finding], look: Look) -> list[Fix]:
    """Each figure common to the group's identities that one corrected value makes them all
    hold, with that value and the slip it looks like."""
    equations = [f.equation for f in group if f.equation]
    common = figures(group[0], look.where)
    for f in group[1:]:
        mine = {id(x) for x in figures(f, look.where)}
        common = [x for x in common if id(x) in mine]
    own = {id(x) for f in group for x in figures(f, look.where)}
    out: list[Fix] = []
    for figure in common:
        if flips(figure, equations, look):
            out.append((figure, figure, Slip("direction", "数额无误，增减方向写反")))
            continue
        worded = basis(figure, equations, own, look)
        if worded is not None:
            out.append((figure, *worded))
            continue
        # what each identity lets the figure be, solved once for all the values tried
        allowed = [eq.solve(figure, look.mode) for eq in equations]
        value = _fix(figure, allowed, look.mode)
        # a slip's value one unit beside the arithmetic's own only holds by the rounding's
        # slack: the arithmetic's value is meant (4361.78 is 4361.89, not 4361.88)
        slipped = next(  # the first slip that makes them all hold (printed once chosen)
            (
                (before, more, slip)
                for before, more, slip in (candidates(figure) if None not in allowed else ())
                if not (value and abs(before - value.value) == figure.unit_size())
                and all(
                    a is not None and a[0].meets(_bounds(figure, before, more, look))
                    for a in allowed
                )
            ),
            None,
        )
        if slipped:
            out.append((figure, printed(figure, slipped[0], slipped[1]), slipped[2]))
        elif value is not None and (len(group) > 1 or 0 not in (figure.value, value.value)):
            # a printed 0 is meant, as a rule (a project added in the year had no 年初预算),
            # and a figure is not said to be 0: both only when a second identity agrees
            out.append((figure, value, copied(figure, value, own, look)))
    return out


def _bounds(figure: Figure, value: Decimal, more: int, look: Look) -> Interval:
    """The bounds of `value` printed as `figure` is, with `more` decimals (slips.printed's,
    without its text)."""
    return Figure(value, figure.places + more, figure.unit, "", figure.printed).bounds(look.mode)


def _culprit(group: list[Finding], look: Look) -> Culprit | None:
    """The likeliest slip among the group's fixes, when one figure alone has it; then the
    one printed in the prose (a table is held by its own sums); else none."""
    fixes = _fixes(group, look)
    if not fixes:
        return None
    best = min(fix[2].likelihood for fix in fixes)
    fixes = [fix for fix in fixes if fix[2].likelihood == best]
    if best == Slip("unit", "").likelihood:
        usual = _usual(group, look)
        fixes = [fix for fix in fixes if usual and fix[0].unit != usual]
    prose = [fix for fix in fixes if look.where[id(fix[0])].fact is not None] or fixes
    if len(prose) != 1:
        return None
    return _said(*prose[0], len(group), look)


def _usual(group: list[Finding], look: Look) -> str | None:
    """The unit most of the group's amounts are in: a ratio holds whichever of its amounts is
    rescaled, so the odd unit out is the slip; with no majority, none is (and no culprit)."""
    amounts = ("元", "万元", "亿元")
    distinct = {id(x): x for f in group for x in figures(f, look.where)}.values()
    own = Counter(x.unit for x in distinct if x.unit in amounts)
    ranked = own.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _said(figure: Figure, value: Figure, slip: Slip, linked: int, look: Look) -> Culprit:
    unit = figure.unit or ""
    stated = Quantity(
        figure.value, unit, figure.text + ("" if figure.text.endswith(unit) else unit)
    )
    if slip.pattern == "unit":
        other = "万元" if unit == "元" else "元"
        suggested = Quantity(figure.value, other, f"{fmt(figure.value, figure.places)}{other}")
    else:
        suggested = Quantity(value.value, unit, f"{fmt(value.value, figure.places)}{unit}")
    at = look.at(look.where[id(figure)].line, figure.value)
    held = "此处即无误" if linked == 1 else f"相关的 {linked} 处问题均可消除"
    explanation = f"疑似有误：{at}的 {stated.text}，应为 {suggested.text}，改正后{held}"
    fact = look.where[id(figure)].fact
    if slip.pattern == "direction" and fact is not None:
        was, meant = ("增加", "减少") if fact.sign > 0 else ("减少", "增加")
        stated, suggested = Quantity.words(was), Quantity.words(meant)
        explanation = (
            f"疑似增减方向写反：{at}的“{was}”应为“{meant}”（数额 {figure.text} 无误），改正后{held}"
        )
    elif slip.words:  # the figure is right; the word naming it is not
        was, meant = slip.words
        stated, suggested = Quantity.words(was), Quantity.words(meant)
        explanation = f"疑似用词有误：{at}的“{was}”应为“{meant}”，改正后{held}"
    why = f"（{slip.why}）" if slip.why and slip.pattern != "direction" else ""
    pattern = "other" if slip.pattern == "typo" else slip.pattern
    return Culprit(
        look.cite(look.where[id(figure)].line, {abs(figure.value)}),
        stated,
        suggested,
        pattern,
        explanation + why,
    )


def _fix(figure: Figure, allowed: list[Solved | None], mode: Rounding) -> Figure | None:
    """The value, printed as `figure` is, that makes every equation hold (`allowed`: what
    each lets the figure be); None if none does."""
    if None in allowed:
        return None
    for found in allowed:
        assert found is not None
        candidate = printed(figure, round_to(found[1], max(figure.places, 0)))
        if candidate.value != figure.value and all(
            a is not None and a[0].meets(candidate.bounds(mode)) for a in allowed
        ):
            return candidate
    return None
