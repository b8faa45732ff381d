"""Self-contained arithmetic the narrative asserts, assembled from located facts.

A claim ties together the figures one statement relates: a change (current, 增减额,
增减率), a completion rate (预算, 决算, 完成率), a share (part, whole, 占比), a
direction word (决算数大于预算数), or a label with its unit and no figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from decimal import Decimal

import regex

from auditor.document import Document
from auditor.equations import ONE, Equation
from auditor.facts import Fact
from auditor.numbers import Rounding, percent_meets
from auditor.records import dataclass
from auditor.shares import Enumeration, Share, enumerations, shares
from auditor.text.located import clause_start
from auditor.vocabulary import Vocabulary, norm_label

# A template over the vocabulary's word lists (Vocabulary.compiled): {more} is 大于|高于|…
DIRECTION = (
    r"决算数?(?:较|比)?({more}|{less}|{equal})(?:{budget_prefix})?预算数?"
    r"|(?:{budget_prefix})?预算数?({more}|{less}|{equal})决算数?"
    r"|决算数?与(?:{budget_prefix})?预算数?({equal_with})"
)
MISSING = regex.compile(r"(?<=\p{Han}) *(万元|亿元)")


@dataclass(frozen=True)
class Change:
    """本年数 current, 增减额 delta, 增减率 rate, and the compared figure when stated inline."""

    current: Fact | None
    delta: Fact | None  # None: "2023年度为A万元，2022年度为B万元，增长R%"
    rate: Fact | None
    base: Fact | None = None  # 较2022年度决算数1,371.00万元减少…: the figure compared with

    def equations(self) -> tuple[Equation | None, Equation | None]:
        """current = base ± delta, and |change| ÷ prior × 100 = rate, over the figures as the
        report holds them (before any restating in 万元), for the diagnosis."""
        current, delta, rate, base = self.current, self.delta, self.rate, self.base
        sign = Decimal(delta.sign if delta is not None and delta.sign else 1)
        balance = (
            Equation.sum(current.figure, [base.figure, (sign, delta.figure)])
            if current is not None and base is not None and delta is not None
            else None
        )
        if delta is not None:
            change: tuple = ((sign, delta.figure),)
        elif current is not None and base is not None:
            change = ((ONE, current.figure), (-ONE, base.figure))
        else:
            change = ()
        if base is not None:
            prior: tuple = ((ONE, base.figure),)
        elif current is not None and delta is not None:
            prior = ((ONE, current.figure), (-sign, delta.figure))
        else:
            prior = ()
        ratio = Equation.ratio(rate.figure, change, prior) if rate and change and prior else None
        return balance, ratio


@dataclass(frozen=True)
class Completion:
    """A 完成率 claim: actual ÷ budget = rate."""

    budget: Fact
    actual: Fact
    rate: Fact


@dataclass(frozen=True)
class Direction:
    """A sentence saying the final was more, less or equal to the budget."""

    budget: Fact
    actual: Fact
    actual_more: bool | None  # None: stated equal
    lines: tuple[int, ...]
    words: str


@dataclass(frozen=True)
class Missing:
    """A figure a sentence names but does not give."""

    label: str
    unit: str
    lines: tuple[int, ...]


@dataclass
class Claims:
    """Every claim of a report's prose, by kind, read once for all checks."""

    changes: list[Change] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    enumerations: list[Enumeration] = field(default_factory=list)
    directions: list[Direction] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)


def _previous(facts: list[Fact], fact: Fact) -> Iterator[Fact]:
    """Facts of the same paragraph before `fact`, nearest first."""
    for i in range(fact.index - 1, -1, -1):
        if facts[i].paragraph != fact.paragraph:
            return
        yield facts[i]


def _named_before(doc: Document, vocab: Vocabulary, delta: Fact) -> str | None:
    """The concept a change's sentence names since the figure before it, when the change's
    own clause names none ("公务接待费支出决算比预算无增减变化，比去年增加0.5万元")."""
    start = delta.sentence[0]
    if delta.index and doc.facts[delta.index - 1].sentence == delta.sentence:
        start = doc.facts[delta.index - 1].end
    found = vocab.concept(norm_label(doc.text.text[start : delta.start]))
    return found.concept if found else None


def _current_for(doc: Document, delta: Fact, concept: str | None = None) -> Fact | None:
    """The figure a 增减额 is measured from: same concept in the section, else the nearest.

    Of the same concept, a figure on the delta's own basis (决算 for 决算数比上年增加) wins
    over a nearer one on another basis (年初预算).
    """
    concept = delta.concept or concept
    if concept:
        fallback = None
        for i in range(delta.index - 1, -1, -1):
            f = doc.facts[i]
            if f.section != delta.section:
                break
            if not (f.is_value and f.concept == concept and f.scope == delta.scope):
                continue
            if f.comparison:
                continue
            if f.period != "current":
                continue
            if f.basis == delta.basis:
                return f
            fallback = fallback or f
        return fallback
    for f in _previous(doc.facts, delta):
        if f.is_value and not f.comparison:
            same_or_previous = f.sentence == delta.sentence or f.sentence[1] <= delta.sentence[0]
            return f if same_or_previous and f.period == "current" else None
    return None


def _fits(current: Fact, delta: Fact, rate: Fact) -> bool:
    """The rate follows from the change measured from `current`, within rounding."""
    now, change = current.figure.in_wan(Rounding.EITHER), delta.figure.in_wan(Rounding.EITHER)
    prior = now - change if delta.sign > 0 else now + change
    return percent_meets(change, prior, rate.figure)


def _holds(current: Fact, delta: Fact, rate: Fact | None, base: Fact | None) -> bool:
    """The change, measured from `current`, fits what else the sentence states: the compared
    figure (base ± change = current), else the rate; with neither, nothing to contradict."""
    if base is not None:
        mode = Rounding.EITHER
        change = delta.figure.in_wan(mode)
        implied = (
            base.figure.in_wan(mode) + change
            if delta.sign > 0
            else base.figure.in_wan(mode) - change
        )
        return implied.meets(current.figure.in_wan(mode))
    return rate is None or _fits(current, delta, rate)


def _head_of(doc: Document, item: Fact) -> Fact | None:
    """The figure whose 其中 list, in the same sentence, `item` is an item of."""
    for marker, head in reversed(doc.heads):
        if head.sentence == item.sentence and head.end <= marker < item.start:
            return head
    return None


def _rate_for(facts: list[Fact], delta: Fact) -> Fact | None:
    """The 增减率 told with a 增减额: right after it, or right before it in the same sentence."""
    after = facts[delta.index + 1] if delta.index + 1 < len(facts) else None
    if after and after.role == "rate" and after.paragraph == delta.paragraph:
        return after
    before = facts[delta.index - 1] if delta.index else None
    if before and before.role == "rate" and before.sentence == delta.sentence:
        earlier = facts[before.index - 1] if before.index else None
        if not (earlier and earlier.role == "delta" and earlier.paragraph == delta.paragraph):
            return before  # "增长 5.20%，增加 50.00 万元"
    return None


ADJUSTED = "{adjusted}"


def _changes(doc: Document, vocab: Vocabulary) -> list[Change]:
    claims = []
    facts = doc.facts
    adjusted = vocab.compiled(ADJUSTED)
    for fact in facts:
        if fact.role != "delta":
            continue
        if adjusted.search(doc.text.text, fact.sentence[0], fact.start):
            continue  # 如果剔除这一因素…仍然减少了X: measured against what is not stated
        rate = _rate_for(facts, fact)
        current = _current_for(doc, fact, _named_before(doc, vocab, fact))
        before = facts[fact.index - 1] if fact.index else None
        base = before if before and before.comparison and before.sentence == fact.sentence else None
        if current is not None and not _holds(current, fact, rate, base):
            # read by consistency: a change told after a 其中 list may be the head's
            head = _head_of(doc, current)
            if head is not None and _holds(head, fact, rate, base):
                current = head
        if current is not None or base is not None:
            claims.append(Change(current, fact, rate, base))
    paired = {c.rate.index for c in claims if c.rate}
    for fact in facts:
        if fact.role == "rate" and fact.index not in paired:
            claim = _both_years(facts, fact)
            if claim:
                claims.append(claim)
    return claims


def _both_years(facts: list[Fact], rate: Fact) -> Change | None:
    """A rate told with both figures it compares and no 增减额."""
    current = base = None
    for f in _previous(facts, rate):
        if f.sentence != rate.sentence or f.role in ("delta", "rate"):
            break
        if not f.is_value:
            continue
        if base is None and (f.comparison or f.period == "prior"):
            base = f
        elif current is None and f.period == "current" and not f.comparison:
            current = f
    return Change(current, None, rate, base) if current and base else None


def _preferred(candidates: list[Fact], basis: str | None) -> Fact | None:
    """The nearest budget figure, or the nearest of the basis the text names (年初预算)."""
    named = [f for f in candidates if f.basis == basis]
    return (named or candidates or [None])[0]


def _completions(doc: Document, vocab: Vocabulary) -> list[Completion]:
    claims = []
    for fact in doc.facts:
        if fact.role != "completion":
            continue
        actual, budgets = None, []
        for f in _previous(doc.facts, fact):
            if f.sentence != fact.sentence or f.role == "completion":
                break
            if not (f.is_value and f.basis_stated):
                continue
            if f.basis == "决算" and actual is None:
                actual = f
            elif f.basis in vocab.budget_bases:
                budgets.append(f)
        budget = _preferred(budgets, fact.basis if fact.basis_stated else None)
        if budget and actual:
            claims.append(Completion(budget, actual, fact))
    return claims


def _directions(doc: Document, vocab: Vocabulary) -> list[Direction]:
    claims = []
    raw = doc.text.text
    by_paragraph: dict[int, list[Fact]] = {}
    for fact in doc.facts:
        by_paragraph.setdefault(fact.paragraph, []).append(fact)
    pattern = vocab.compiled(DIRECTION)
    for para_index, para in enumerate(doc.text.paragraphs):
        if raw.find("决算", para.start, para.end) < 0 or raw.find("预算", para.start, para.end) < 0:
            continue  # every wording of DIRECTION names both
        for match in pattern.finditer(raw, para.start, para.end):
            before = [f for f in by_paragraph.get(para_index, []) if f.end <= match.start()]
            actual = next(
                (
                    f
                    for f in reversed(before)
                    if f.is_value and f.basis_stated and f.basis == "决算"
                ),
                None,
            )
            budgets = [
                f
                for f in reversed(before)
                if f.is_value and f.basis_stated and f.basis in vocab.budget_bases
            ]
            budget = _preferred(budgets, vocab.budget_named(match.group()))
            if not (actual and budget):
                continue
            word = match.group(1) or match.group(2)
            if word is None or word in vocab.relations["equal"]:
                more = None
            else:
                more = word in vocab.relations["more" if match.group(1) else "less"]
            claims.append(
                Direction(
                    budget, actual, more, doc.text.lines(match.start(), match.end()), match.group()
                )
            )
    return claims


def _missing(doc: Document, vocab: Vocabulary) -> list[Missing]:
    claims = []
    raw = doc.text.text
    for para in doc.text.paragraphs:
        if para.table:
            continue
        for match in MISSING.finditer(raw, para.start, para.end):
            start = clause_start(raw, para.start, match.start())
            label = norm_label(raw[start : match.start()])
            if (
                not label
                or "单位" in label
                or label[-1] in "以按每亿约余近超十百千万数几上多逾"
                or label.endswith(("以上", "以下"))
            ):
                continue
            if vocab.concept(label) or label.endswith(("为", "是", "达", "计")):
                claims.append(Missing(label, match.group(1), doc.text.lines(start, match.end())))
    return claims


def gather(doc: Document, vocab: Vocabulary) -> Claims:
    stated = shares(doc, vocab)
    return Claims(
        changes=_changes(doc, vocab),
        completions=_completions(doc, vocab),
        shares=stated,
        enumerations=enumerations(doc, stated),
        directions=_directions(doc, vocab),
        missing=_missing(doc, vocab),
    )
