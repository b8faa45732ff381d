"""What a report says that another report can be held to: its department, genre and year,
its own figures by concept, the prior-year figures its changes imply, and the budget figures
a final account quotes. Small and picklable, so a batch's worker sends it back instead of
the whole document (`check --across`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import field
from decimal import Decimal

import regex

from auditor.claims import Change, Claims
from auditor.document import Document
from auditor.facts import Fact
from auditor.findings import Place
from auditor.numbers import Figure, Interval, Rounding
from auditor.records import dataclass
from auditor.text.lazy import lazy
from auditor.vocabulary import Vocabulary, norm_label

Key = tuple[str, str, str]  # concept, fund scope, 科目 path ("" for the department's own)
BRACKETS = lazy(r"[（(][类款项][)）]|\s+|[“”\"]")


@dataclass(frozen=True)
class Stated:
    """A figure as one report prints it, with the lines that print it."""

    figure: Figure
    lines: tuple[int, ...]
    places: tuple[Place, ...]


@dataclass(frozen=True)
class Prior:
    """A prior-year figure a change implies (本年数 ∓ 增减额, or the compared figure itself):
    the range its printed operands allow, in 万元, and how the report says it."""

    key: Key
    allowed: Interval
    point: Decimal
    said: str
    lines: tuple[int, ...]
    places: tuple[Place, ...]


@dataclass(frozen=True)
class Profile:
    """What one report states, keyed to compare with another report (--across)."""

    path: str
    department: str | None
    level: str  # 部门 or 单位
    genre: str | None
    year: int | None
    values: dict[Key, Stated] = field(default_factory=dict)  # its own, of its year
    budgets: dict[Key, Stated] = field(default_factory=dict)  # a final's 年初预算 figures
    priors: list[Prior] = field(default_factory=list)
    # the 收支总表's 年初结转和结余 and 年末结转和结余 (keys "opening", "closing")
    balances: dict[str, Stated] = field(default_factory=dict)


def key(fact: Fact, one_scope: frozenset[str] = frozenset()) -> Key:
    """What a figure is, to find it in another report: its concept, its fund scope (none for
    a concept that has only one, such as 三公经费) and its 科目."""
    subject = BRACKETS.sub("", fact.subject or "")
    concept = fact.concept or ""
    return (concept, "" if concept in one_scope else fact.scope, subject)


def _once(pairs: Iterable[tuple[Key, Stated]]) -> dict[Key, Stated]:
    """Each key's figure, left out when the report gives it two values (which to compare with
    is not known; agreement reports the clash)."""
    out: dict[Key, Stated] = {}
    clash: set[Key] = set()
    for k, stated in pairs:
        seen = out.setdefault(k, stated)
        if seen.figure.wan_value() != stated.figure.wan_value():
            clash.add(k)
    return {k: v for k, v in out.items() if k not in clash}


def profile(
    doc: Document,
    claims: Claims,
    mode: Rounding,
    cite: Callable[[int, set], Place],
    vocab: Vocabulary,
) -> Profile:
    """A report's profile. A change is taken to speak of the year before when its sentence
    says so (the vocabulary's `wording.prior_year`, or the year itself: 比2023年…)."""
    one = frozenset(norm_label(c) for c in vocab.lists.get("one_scope", ()))
    prior_words = regex.compile(
        "|".join(f"(?:{p})" for p in vocab.wording.get("prior_year", [])) or "(?!)"
    )

    def stated(fact: Fact) -> Stated:
        return Stated(
            fact.figure, fact.lines, tuple(cite(n, {fact.figure.value}) for n in fact.lines)
        )

    own = [f for f in doc.facts if f.states_concept and f.period == "current" and not f.comparison]
    values = _once((key(f, one), stated(f)) for f in own if f.basis == doc.genre)
    budgets = _once((key(f, one), stated(f)) for f in own if f.basis == "年初预算")
    priors = [
        p
        for change in claims.changes
        if (p := _prior(doc, change, mode, cite, prior_words, one)) is not None
    ]
    balances = _balances(doc, cite, vocab)
    return Profile(
        doc.path, doc.department, doc.level, doc.genre, doc.year, values, budgets, priors, balances
    )


def _balances(
    doc: Document, cite: Callable[[int, set], Place], vocab: Vocabulary
) -> dict[str, Stated]:
    """The carry-over rows of the report's first 收支总表 (a row of one figure each)."""
    table = next((t for t in doc.tables if t.standard == "收支总表" and not t.problem), None)
    out: dict[str, Stated] = {}
    for row in table.rows if table else ():
        cells = list(row.cells.values())
        for name, wording in (("opening", "opening_balance"), ("closing", "closing_balance")):
            if vocab.says(wording, row.label) and len(cells) == 1 and name not in out:
                figure = cells[0].figure
                out[name] = Stated(figure, (row.line,), (cite(row.line, {figure.value}),))
    return out


def _prior(
    doc: Document,
    change: Change,
    mode: Rounding,
    cite: Callable[[int, set], Place],
    prior_words: regex.Pattern[str],
    one: frozenset[str],
) -> Prior | None:
    current, delta, base = change.current, change.delta, change.base
    if current is None or not current.states_concept or current.period != "current":
        return None
    start, end = current.sentence
    sentence = doc.text.text[start:end]
    year = f"{doc.year - 1}年" if doc.year else "上年"
    if not (prior_words.search(sentence) or year in sentence):
        return None  # measured from this year's budget (比年初预算…), or from nothing said
    if base is not None:
        allowed, point, said = base.figure.in_wan(mode), base.figure.wan_value(), base.figure.text
        facts = (base,)
    elif delta is not None and delta.sign:
        sign = delta.sign
        allowed = current.figure.in_wan(mode) - delta.figure.in_wan(mode).scale(Decimal(sign))
        point = current.figure.wan_value() - sign * delta.figure.wan_value()
        said = f"{current.figure.text} {'−' if sign > 0 else '+'} {delta.figure.text}"
        facts = (current, delta)
    else:
        return None
    lines = sorted({n for f in facts for n in f.lines})
    places = tuple(cite(n, {f.figure.value for f in facts}) for n in lines)
    return Prior(key(current, one), allowed, point, said, tuple(lines), places)
