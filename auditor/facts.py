"""Located figures and what they state: concept, fund scope, basis, period, role.

Every amount or percentage of the logical text becomes a Fact whose label is the text of
its clause before it; the vocabulary turns that label into a concept, and the sentence,
paragraph and section around it supply what the label leaves unsaid.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import field
from decimal import Decimal

import regex

from auditor.labels import bare, names_only, role_of
from auditor.numbers import MAX_DECIMALS, MAX_DIGITS, Figure, decimals, parse_number
from auditor.records import dataclass
from auditor.text.lazy import lazy
from auditor.text.located import (
    CLAUSE_END,
    MARKER,
    STOPS,
    LogicalText,
    clause_start,
    sentences,
)
from auditor.vocabulary import Vocabulary, norm_label

NUMBER = regex.compile(
    r"(?<![\d.,])(-?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|%)?"
)
# Templates over the vocabulary's word lists (Vocabulary.compiled): {prior} is 上年|去年|…
PRIOR, HEAD_MARKER = "{prior}", "{head_markers}"
COMPARED = regex.compile(r"^(?:\d{4}年度?)?(?:比|较|与|同比)")
YEAR = regex.compile(r"(\d{4})年")
SUBJECT = regex.compile(
    rf"([^{STOPS}，：]{{2,30}}?)\(类\)([^{STOPS}，]{{2,40}}?)\(款\)(?:([^{STOPS}，]{{2,40}}?)\(项\))?"
)
UNMARKED_ITEM = lazy(rf"[\"“”]?(\p{{Han}}[\p{{Han}}()（）]{{1,39}}?)[\"“”]?(?=[{STOPS}，,：]|$)")
NONE = lazy(f"(?:无|没有|未安排|未发生)([^{CLAUSE_END}]+)")
NONE_ITEM = lazy(r"[、和及与]")
EXACT_ZERO = 8  # decimals of a stated "无": zero, with no rounding to speak of


@dataclass
class Fact:
    """One stated amount or percentage, where it stands and what it is said to be."""

    index: int
    figure: Figure
    start: int
    end: int
    lines: tuple[int, ...]
    paragraph: int
    sentence: tuple[int, int]
    label: str  # normalised text of its clause before the number
    role: str  # value, delta, rate (of change), share, completion, percent
    sign: int = 0  # +1 / -1 for delta and rate
    whole_label: str | None = None  # for a share: what it is a share of
    concept: str | None = None
    clean: bool = False  # the label names the concept and nothing else
    scope: str = ""  # the vocabulary's default_scope (全部) when nothing narrower is said
    basis: str = ""
    basis_stated: bool = False
    period: str = "current"
    subject: str | None = None  # 科目 path when stated inside a 类/款/项 paragraph
    section: int = 0  # index of the level-1/2 heading paragraph it stands under
    scope_stated: bool = False  # the label itself names the fund scope
    comparison: bool = False  # the base of a comparison: 比全年预算15.00万元减少…

    @property
    def is_amount(self) -> bool:
        return self.figure.unit in ("万元", "元", "亿元")

    @property
    def is_value(self) -> bool:
        """An amount stated as such (not a change, a share or a rate)."""
        return self.role == "value" and self.is_amount

    @property
    def states_concept(self) -> bool:
        """A clean statement: an amount stated as such whose label names its concept and
        nothing narrower (收入合计532.10万元, not 某项目支出 or 人均…)."""
        return self.is_value and self.clean and bool(self.concept)

    @property
    def states_current(self) -> bool:
        """A clean statement of the department's own figure for the report's year: of no 科目,
        and not the base a comparison is measured from (比上年决算数…)."""
        return (
            self.states_concept
            and not self.subject
            and self.period == "current"
            and not self.comparison
        )


@dataclass
class Prose:
    """What the prose of a report states: its figures, the figures that head an enumeration,
    the items stated to be zero, and the 科目 each paragraph is about."""

    text: LogicalText
    year: int | None
    facts: list[Fact] = field(default_factory=list)
    heads: list[tuple[int, Fact]] = field(default_factory=list)  # (marker position, head)
    absent: list[Fact] = field(default_factory=list)  # "本年度无事业收入": stated zeros
    subjects: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # per paragraph


def _peer_places(raw: list[tuple[str, str]]) -> dict[str, int]:
    """The usual number of decimals per unit: fewer stated means trailing zeros dropped.

    A whole percentage (98%, 100%) is the exception: reports write those loosely, so it is
    read at the precision printed.
    """
    places: dict[str, int] = {}
    by_unit: dict[str, Counter[int]] = {}
    for digits, unit in raw:
        if "." in digits:
            by_unit.setdefault(unit, Counter())[decimals(digits)] += 1
    for unit, counter in by_unit.items():
        places[unit] = counter.most_common(1)[0][0]
    return places


def _sections(text: LogicalText) -> list[int]:
    """For each paragraph, the index of the heading paragraph whose section holds it."""
    owner, current = [], 0
    for i, para in enumerate(text.paragraphs):
        if para.heading and para.level is not None and para.level <= 2:
            current = i
        owner.append(current)
    return owner


def _section_scopes(text: LogicalText, vocab: Vocabulary) -> dict[int, str]:
    """A heading's fund scope, inherited from its parent heading when it names none."""
    scopes: dict[int, str] = {}
    parent = vocab.default_scope
    for i, para in enumerate(text.paragraphs):
        if not (para.heading and para.level is not None and para.level <= 2):
            continue
        own = vocab.scope(norm_label(text.text[para.start : para.end]))
        if para.level <= 1:
            parent = own or vocab.default_scope
            scopes[i] = parent
        else:
            scopes[i] = own or parent
    return scopes


def read_prose(text: LogicalText, genre: str | None, year: int | None, vocab: Vocabulary) -> Prose:
    """Every figure of the prose (tables are read by the table reader) and what it states."""
    prose, raw = Prose(text, year), text.text
    found, starts = [], [para.start for para in text.paragraphs]
    for match in NUMBER.finditer(raw, concurrent=False):  # one pass (text.lazy.HELD's why)
        unit = match.group(3)
        if unit is None:
            continue  # most numbers: table cells, years, ordinals
        p = bisect.bisect_right(starts, match.start()) - 1
        if p < 0 or match.end() > text.paragraphs[p].end:
            continue  # between paragraphs, or its unit past the end of its own
        if unit != "%" and raw[match.end() : match.end() + 1] in "/每":
            continue  # per unit (元/人), or at the very end
        found.append((p, match))
    places = _peer_places([(m.group(2), m.group(3)) for _, m in found])
    owner = _sections(text)
    section_scope = _section_scopes(text, vocab)
    default_basis = "预算" if genre == "预算" else "决算"
    spans: dict[int, list[tuple[int, int]]] = {}
    for p, match in found:
        para = text.paragraphs[p]
        if para.table:
            continue  # tables are read by the table reader, not as prose
        sign, digits, unit = match.group(1), match.group(2), match.group(3)
        stated = decimals(digits)
        if len(digits) - stated > MAX_DIGITS or stated > MAX_DECIMALS:
            continue  # no amount or rate of a report looks like this; it is not a figure
        figure = Figure(
            value=parse_number(sign + digits),
            places=stated if unit == "%" and stated == 0 else max(stated, places.get(unit, 0)),
            unit=unit,
            text=match.group(0).strip(),
            printed=stated,
        )
        if p not in spans:
            spans = {p: sentences(raw, para.start, para.end)}
            starts = [begin for begin, _ in spans[p]]
        sentence = spans[p][bisect.bisect_right(starts, match.start()) - 1]
        floor = max(
            sentence[0],
            prose.facts[-1].end if prose.facts and prose.facts[-1].paragraph == p else 0,
        )
        label = norm_label(raw[clause_start(raw, floor, match.start()) : match.start()])
        label = MARKER.sub("", label)
        role, change_sign, whole = role_of(label, unit, vocab)
        fact = Fact(
            index=len(prose.facts),
            figure=figure,
            start=match.start(),
            end=match.end(),
            lines=text.lines(match.start(), match.end()),
            paragraph=p,
            sentence=sentence,
            label=label,
            role=role,
            sign=change_sign,
            whole_label=whole,
            section=owner[p],
        )
        _interpret(
            fact, prose, vocab, section_scope.get(owner[p], vocab.default_scope), default_basis
        )
        prose.facts.append(fact)
    _find_heads(prose, vocab)
    _items_of_heads(prose, vocab)
    _find_absent(prose, vocab, owner, section_scope, default_basis)
    return prose


def _head_scope(prose: Prose, fact: Fact) -> str | None:
    """Items of "“三公”经费财政拨款支出5.00万元，其中：…" share their head's fund scope."""
    raw = prose.text.text
    marker = raw.rfind("其中", prose.text.paragraphs[fact.paragraph].start, fact.start)
    if marker < 0:
        return None
    for earlier in reversed(prose.facts):
        if earlier.paragraph != fact.paragraph:
            return None
        if earlier.end <= marker and earlier.role == "value":
            return earlier.scope if earlier.scope_stated else None
    return None


def _interpret(
    fact: Fact, prose: Prose, vocab: Vocabulary, section_scope: str, default_basis: str
) -> None:
    """Concept, scope, basis, period and subject of a fact, from its label and context."""
    label = fact.label
    if fact.role == "share":
        label = label.rsplit("占", 1)[0]
    found = vocab.concept(label)
    if found:
        fact.concept = found.concept
        fact.clean = names_only(label, found, vocab)
    basis = vocab.basis(label)
    fact.basis_stated = basis is not None
    fact.comparison = fact.role == "value" and COMPARED.match(label) is not None
    if found is None and basis is not None and bare(label, vocab):
        # "年初预算为X万元，支出决算为Y万元": the second figure is of the first's concept;
        # "政府采购货物预算a万元" names a thing of its own, an item, not the total again.
        for earlier in reversed(prose.facts):
            if earlier.sentence != fact.sentence:
                break
            if earlier.concept:
                fact.concept, fact.clean, fact.scope = earlier.concept, earlier.clean, earlier.scope
                break
    stated_scope = vocab.scope(label)
    fact.scope_stated = stated_scope is not None
    own = fact.scope not in ("", vocab.default_scope)
    inherited = fact.scope if own else _head_scope(prose, fact)
    fact.scope = stated_scope or inherited or section_scope
    fact.basis = basis or default_basis
    years = [int(y) for y in YEAR.findall(label)]
    if vocab.compiled(PRIOR).search(label) or (
        prose.year and years and years[-1] == prose.year - 1
    ):
        fact.period = "prior"
    elif prose.year and years and years[-1] != prose.year:
        fact.period = f"year{years[-1]}"
    if fact.paragraph not in prose.subjects:
        prose.subjects[fact.paragraph] = _subjects(prose.text, fact.paragraph)
    subject = subject_at(prose.subjects[fact.paragraph], fact.start)
    if subject:
        fact.subject = subject[1]


def subject_at(named: list[tuple[int, str]], position: int) -> tuple[int, str] | None:
    """The 科目 named last before `position` in its paragraph (where its name ends, its path)."""
    for entry in reversed(named):  # a loop, not a generator: asked for every figure
        if entry[0] <= position:
            return entry
    return None


def _subjects(text: LogicalText, paragraph: int) -> list[tuple[int, str]]:
    """The 科目 a paragraph names ("X（类）Y（款）Z（项）"), each with where its name ends: a
    list of 项 run together into one paragraph names one after another."""
    para = text.paragraphs[paragraph]
    out = []
    for match in SUBJECT.finditer(text.text, para.start, para.end):
        path = [norm_label(g) for g in match.groups() if g]
        path[0] = MARKER.sub("", path[0])
        end = match.end()
        if match.group(3) is None:  # "…（款）其他行政事业单位医疗支出。": a 项 left unmarked
            unmarked = UNMARKED_ITEM.match(text.text, end, para.end)
            if unmarked:
                path.append(norm_label(unmarked.group(1)))
                end = unmarked.end()
        out.append((end, "/".join(path)))
    return out


def _find_heads(prose: Prose, vocab: Vocabulary) -> None:
    """Figures that introduce an enumeration: the value just before 其中 / 主要用于 / 包括.

    Only a change (增减额, 增减率) may stand between; a share or another figure before the
    marker means the marker explains that figure, not a list to come.
    """
    raw = prose.text.text
    facts = [f for f in prose.facts if f.role not in ("delta", "rate") and not f.comparison]
    ends = [f.end for f in facts]
    for match in vocab.compiled(HEAD_MARKER).finditer(raw):
        position = bisect.bisect_right(ends, match.start())
        if not position:
            continue
        head = facts[position - 1]
        para = prose.text.paragraphs[head.paragraph]
        if head.role == "value" and head.is_amount and para.start <= match.start() < para.end:
            prose.heads.append((match.start(), head))


def _items_of_heads(prose: Prose, vocab: Vocabulary) -> None:
    """Items listed after a head (其中 / 包括) speak for what the head speaks for.

    Under a head that names no concept of ours (机构运行 X元，其中：基本支出 a元，项目支出 b元),
    names a 科目 (教育支出…，其中：基本支出…; vocabulary `classes`) or is said of a sub-unit (所属执法大队…，包括：货物类…), the items are parts of that
    thing, not the department's own 基本支出 or 货物 figures. Under a head of another year
    (2021年度…合计支出20.12万元，其中：…7.73万元), items that name no year of their own
    are of that year too."""
    following: list[int | None] = [None] * len(prose.heads)  # the next head's marker
    last: dict[int, int] = {}  # paragraph -> the marker of its head seen last (from the end)
    for n in range(len(prose.heads) - 1, -1, -1):
        marker, head = prose.heads[n]
        following[n] = last.get(head.paragraph)
        last[head.paragraph] = marker
    in_paragraph: dict[int, list[Fact]] = {}
    for fact in prose.facts:
        in_paragraph.setdefault(fact.paragraph, []).append(fact)
    for n, (marker, head) in enumerate(prose.heads):
        end = following[n]
        if end is None:
            end = prose.text.paragraphs[head.paragraph].end
        foreign = (
            (head.concept is None and not bare(head.label, vocab))
            or head.concept in vocab.classes
            or (not head.clean and vocab.says("sub_unit", head.label) is not None)
        )
        for fact in in_paragraph.get(head.paragraph, ()):
            if not marker < fact.start < end:
                continue
            if foreign:
                fact.clean = False
            if (
                head.period != "current"
                and fact.period == "current"
                and not YEAR.search(fact.label)
            ):
                fact.period = head.period


def _find_absent(
    prose: Prose, vocab: Vocabulary, owner: list[int], section_scope: dict[int, str], basis: str
) -> None:
    """ "本年度无上级补助收入、事业收入": each item named is stated to be zero."""
    raw = prose.text.text
    for p, para in enumerate(prose.text.paragraphs):
        if para.table:
            continue
        for match in NONE.finditer(raw, para.start, para.end):
            begin = match.start(1)
            for item in NONE_ITEM.split(match.group(1)):
                start, begin = begin, begin + len(item) + 1
                label = norm_label(item)
                found = vocab.concept(label)
                if not found or not names_only(label, found, vocab):
                    continue
                prose.absent.append(
                    Fact(
                        index=-1,
                        figure=Figure(Decimal(0), EXACT_ZERO, "万元", "无", EXACT_ZERO),
                        start=start,
                        end=start + len(item),
                        lines=prose.text.lines(start, start + len(item)),
                        paragraph=p,
                        sentence=(match.start(), match.end()),
                        label=label,
                        role="value",
                        concept=found.concept,
                        clean=True,
                        scope=vocab.scope(label)
                        or section_scope.get(owner[p], vocab.default_scope),
                        basis=basis,
                        section=owner[p],
                    )
                )
