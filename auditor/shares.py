"""Shares the narrative states (占 x%), each with its part and its whole, and the lists of
parts with shares (其中：A a万元，占x%；B …) they form.

Which whole a share is of is read by consistency: the shares of one paragraph said of the
same words are of one whole, the one under which most of them hold.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator

from auditor.document import Document
from auditor.facts import Fact
from auditor.numbers import Rounding, percent_meets
from auditor.records import dataclass
from auditor.vocabulary import Vocabulary, norm_label

DEPARTMENT_WIDE = "{department_wide}"  # a template over the vocabulary's words


@dataclass(frozen=True)
class Share:
    """A 占比 claim: part ÷ whole = rate."""

    part: Fact
    whole: Fact
    rate: Fact


@dataclass(frozen=True)
class Enumeration:
    """Parts of one whole, each with its share: "其中：A a万元，占x%；B b万元，占y%"."""

    whole: Fact
    shares: tuple[Share, ...]
    flat: bool  # no part opens a "其中" of its own (小微企业 within 中小企业)

    @property
    def exhaustive(self) -> bool:
        """Shares that add up to about 100 % say the parts make up the whole."""
        total = sum(s.rate.figure.value for s in self.shares)
        return self.flat and len(self.shares) >= 2 and 99 <= total <= 101


def _candidates(doc: Document) -> dict[str, list[int]]:
    """Where in doc.facts each concept is stated as a current amount of no 科目: the figures
    a share may be of, so that a share looks at its own concepts' figures, not at all."""
    found: dict[str, list[int]] = {}
    for i, f in enumerate(doc.facts):
        if f.concept is not None and f.is_value and f.period == "current" and not f.subject:
            found.setdefault(f.concept, []).append(i)
    return found


def _nearest_first(positions: list[int], before: int) -> Iterator[int]:
    for j in range(bisect.bisect_left(positions, before) - 1, -1, -1):
        yield positions[j]


def _wholes_for(
    doc: Document,
    vocab: Vocabulary,
    share: Fact,
    part: Fact,
    candidates: dict[str, list[int]] | None = None,
) -> list[tuple[int, Fact]]:
    """What a share may be of, with how plainly the words say so (0 best): the head of its
    list, or the nearest earlier figure of the concept and scope it names (0); of a concept
    the same words may also mean, 占总支出 of a 支出总计 (1: vocabulary readings); either,
    stated in the same section under another fund scope (2)."""
    label = share.whole_label
    if not label:
        position = bisect.bisect_left(doc.heads, share.start, key=lambda head: head[0])
        head = doc.heads[position - 1][1] if position else None
        return [(0, head)] if head and head.section == share.section else []
    found = vocab.concept(label)
    named_scope = vocab.scope(label)
    scope = named_scope or vocab.default_scope
    facts = doc.facts
    before = len(range(len(facts))[: share.index])  # the facts before the share
    if not found:
        # no concept: the nearest earlier figure whose label ends in the share's words
        if len(label) < 2:
            return []
        for f in reversed(facts[:before]):
            if not f.is_value or f.period != "current" or f.subject or f is part:
                continue
            if f.label.endswith(label):
                return [(0, f)]
        return []
    concepts = [found.concept, *vocab.readings.get(found.concept, [])]
    candidates = _candidates(doc) if candidates is None else candidates
    # 占基本支出的 x%: the section's own 基本支出 when the label names no scope.
    # (本年支出, 全部支出 name the department's whole, wherever they are cited.)
    local = named_scope is None and not vocab.compiled(DEPARTMENT_WIDE).search(label)
    # the ranks a figure can take: once each has its nearest figure, no earlier one counts
    ranks = {0, *([1] if len(concepts) > 1 else []), *([2] if named_scope is None else [])}
    best: dict[int, Fact] = {}
    nearest = heapq.merge(
        *(_nearest_first(candidates.get(c, []), before) for c in dict.fromkeys(concepts)),
        reverse=True,
    )
    for i in nearest:
        if len(best) == len(ranks):
            break
        f = facts[i]
        if f is part:
            continue
        same_section = f.section == share.section
        if f.scope == scope or (local and same_section):
            best.setdefault(min(concepts.index(f.concept), 1), f)
        elif same_section and named_scope is None:
            best.setdefault(2, f)
    return sorted(best.items(), key=lambda item: item[0])


def _holds(share: Fact, part: Fact, whole: Fact) -> bool:
    """The stated share follows from part ÷ whole within their rounding."""
    mode = Rounding.EITHER
    return percent_meets(part.figure.in_wan(mode), whole.figure.in_wan(mode), share.figure)


def _part_for(doc: Document, share: Fact) -> Fact | None:
    """The amount a 占比 belongs to: the figure just before it, one clause back at most."""
    if share.label.split("占", 1)[0] not in ("", "(", "所", "约", "分别") or share.index == 0:
        return None
    part = doc.facts[share.index - 1]
    if not part.is_value or part.sentence != share.sentence:
        return None
    between = norm_label(doc.text.text[part.end : share.start])
    return (
        part
        if between.endswith(share.label) and between[: -len(share.label)] in ("", "，", ",", "、")
        else None
    )


def shares(doc: Document, vocab: Vocabulary) -> list[Share]:
    """Each share with its part and its whole. The shares of one paragraph said of the same
    words (占总支出的), or of one list (其中：A a万元，占x%；B …), are of one whole: of the
    wholes those words allow, the one under which most of them hold, if at least half do
    (read by consistency) — imposed only on a share whose own words allow it; else the whole
    the words name plainly, if there is one; else the share is not judged."""
    groups: dict[tuple, list[tuple[Fact, Fact, list[tuple[int, Fact]]]]] = {}
    candidates = _candidates(doc)
    for fact in doc.facts:
        if fact.role != "share":
            continue
        part = _part_for(doc, fact)
        if part is None:
            continue
        wholes = [
            (rank, w)
            for rank, w in _wholes_for(doc, vocab, fact, part, candidates)
            if w is not part
        ]
        # a share said of no words is of the head of its own list: one group per list
        heads = tuple(w.index for _, w in wholes) if fact.whole_label is None else ()
        key = (fact.paragraph, fact.whole_label, heads)
        groups.setdefault(key, []).append((fact, part, wholes))
    claims = []
    for members in groups.values():
        candidates: dict[int, tuple[int, Fact]] = {}
        for _, _, wholes in members:
            for rank, whole in wholes:
                if whole.index not in candidates or rank < candidates[whole.index][0]:
                    candidates[whole.index] = (rank, whole)
        scored = sorted(
            candidates.values(),
            key=lambda c: (-sum(_holds(f, p, c[1]) for f, p, _ in members), c[0]),
        )
        chosen = None
        if scored:
            held = sum(_holds(f, p, scored[0][1]) for f, p, _ in members)
            if held and 2 * held >= len(members):
                chosen = scored[0][1]
        for fact, part, wholes in members:
            # the whole the words name; failing that, the one another reading of them names
            plain = next((w for rank, w in wholes if rank <= 1), None)
            allowed = chosen is not None and any(w is chosen for _, w in wholes)
            whole = chosen if allowed else plain
            if whole is not None:
                claims.append(Share(part, whole, fact))
    claims.sort(key=lambda c: c.rate.index)
    return claims


def enumerations(doc: Document, shares: list[Share]) -> list[Enumeration]:
    groups: dict[tuple[int, int], dict[int, Share]] = {}
    for share in shares:
        key = (share.whole.index, share.rate.section)
        groups.setdefault(key, {}).setdefault(share.part.index, share)
    return [
        Enumeration(
            next(iter(g.values())).whole, tuple(g.values()), flat=_flat(doc, list(g.values()))
        )
        for g in groups.values()
    ]


def _flat(doc: Document, shares: list[Share]) -> bool:
    """No "其中" between two parts: a part followed by 其中 opens a list nested inside it."""
    raw = doc.text.text
    return not any(
        "其中" in raw[a.part.end : b.part.start] for a, b in zip(shares, shares[1:], strict=False)
    )
