"""Map label text to canonical concepts, fund scopes and bases, from rules/vocabulary.yaml.

The vocabulary also holds the words sentences are read by (增加/减少, 大于/小于, 上年, 完成率,
其中, the 本表无数据 notes): the modules that read keep their grammar as a template whose
`{name}` fields are those word lists, compiled once per vocabulary (`Vocabulary.compiled`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from functools import cached_property, lru_cache
from typing import NamedTuple, TypeVar

import regex

from auditor.records import dataclass
from auditor.text.lazy import HELD
from auditor.text.located import MARKS, QUOTES, normalize
from auditor.text.required import holds, required_any

SPACING = rf"[\s{QUOTES}]"  # spaces and quotes: text compares without them
NOISE = regex.compile("|".join([SPACING, *map(regex.escape, MARKS)]))
_SPACING = regex.compile(SPACING)


def compact(text: str) -> str:
    """Text as compared: no spacing, no quotes."""
    return _SPACING.sub("", text)


@lru_cache(maxsize=1 << 14)  # labels and cells come again and again: each is cleaned once
def norm_label(text: str) -> str:
    """Labels compare without spacing, quotes or （类）/（款）/（项） markers."""
    return NOISE.sub("", normalize(text))


def _alternation(variants: dict[str, str]) -> re.Pattern[str]:
    """Any of the words, the longest first. Words only, so the standard library's re: it
    compiles some hundred and fifty of them three times faster than regex, and finds what
    regex finds (the leftmost, then the first listed)."""
    ordered = sorted(variants, key=len, reverse=True)
    return re.compile("|".join(re.escape(v) for v in ordered))


T = TypeVar("T")
LABELS_KEPT = 1 << 14  # labels whose concept and basis a vocabulary remembers


class Named(NamedTuple):
    concept: str
    start: int
    end: int


@dataclass
class Vocabulary:
    """The domain's words, from vocabulary.yaml: what labels mean and how sentences say it."""

    concepts: dict[str, str]  # variant -> concept
    scopes: dict[str, str]  # word -> scope
    bases: list[tuple[str, list[str]]]
    tables: dict[str, str] = field(default_factory=dict)  # title phrase -> table kind
    wording: dict[str, list[str]] = field(default_factory=dict)  # name -> regexes
    readings: dict[str, list[str]] = field(default_factory=dict)  # concept -> what else it may mean
    counting: dict[str, list[str]] = field(default_factory=dict)  # how counts are read: regexes
    count_subjects: dict[str, list[str]] = field(default_factory=dict)  # subject -> wordings
    count_parts: dict[str, list[str]] = field(default_factory=dict)  # subject -> its wholes
    performance: dict[str, list[str]] = field(default_factory=dict)  # fund line labels: regexes
    classes: frozenset[str] = frozenset()  # concepts naming a 科目 (功能分类 类), not a total
    default_scope: str = ""  # the scope of a figure no label or heading scopes: 全部
    budget_bases: tuple[str, ...] = ()  # the bases that are budgets (决算 is compared with them)
    budget_prefixes: dict[str, list[str]] = field(default_factory=dict)  # basis -> 年初 / 全年 …
    changes: dict[str, list[str]] = field(default_factory=dict)  # increase / decrease -> words
    relations: dict[str, list[str]] = field(default_factory=dict)  # more / less / equal …
    lists: dict[str, list[str]] = field(default_factory=dict)  # prior, completion, head_markers …
    no_data: list[str] = field(default_factory=list)  # regexes: a note saying a table is empty

    def __post_init__(self) -> None:
        self._tables = sorted(self.tables, key=len, reverse=True)
        self._alternations = {
            name: "|".join(regex.escape(w) for w in words)
            for name, words in {
                **self.changes,
                **self.relations,
                "budget_prefix": [p for ps in self.budget_prefixes.values() for p in ps],
                **self.lists,
            }.items()
        }
        self._compiled: dict[str, regex.Pattern[str]] = {}
        self._joined: dict[tuple[str, str], regex.Pattern[str] | None] = {}
        self._needs: dict[str, tuple[str, ...] | None] = {}  # wording: text.required's words
        # what labels were found to name, kept: the same labels come in every report
        self._kept: dict[str, dict[str, object]] = {}  # by kind: see `remembered`

    # The patterns below are compiled when first asked for: a start compiles many of them
    # otherwise, and a report without tables or a performance section asks for few.
    @cached_property
    def _concepts(self) -> re.Pattern[str]:
        return _alternation(self.concepts)

    @cached_property
    def _scopes(self) -> re.Pattern[str]:
        return _alternation(self.scopes)

    @cached_property
    def _any_fund(self) -> regex.Pattern[str]:
        """Any fund line's label anywhere in a line: most lines name none and are passed over."""
        return regex.compile(
            "|".join(f"(?:{p})" for ps in self.performance.values() for p in ps) or "(?!)"
        )

    @cached_property
    def _no_data(self) -> regex.Pattern[str]:
        return regex.compile("|".join(f"(?:{p})" for p in self.no_data or ["(?!)"]))

    def _any_of(self, section: str, name: str) -> regex.Pattern[str] | None:
        """The patterns `name` of a section (wording, performance) as one, or None for none."""
        key = (section, name)
        if key not in self._joined:
            patterns = getattr(self, section).get(name)
            joined = "|".join(f"(?:{p})" for p in patterns) if patterns else None
            self._joined[key] = regex.compile(joined) if joined else None
        return self._joined[key]

    def compiled(self, template: str) -> regex.Pattern[str]:
        """A module's pattern whose `{name}` fields are this vocabulary's word lists (an
        alternation in the order listed; `{{` `}}` for a literal brace), compiled once."""
        pattern = self._compiled.get(template)
        if pattern is None:
            pattern = regex.compile(template.format_map(self._alternations))
            self._compiled[template] = pattern
        return pattern

    def says_no_data(self, text: str) -> bool:
        """A note saying its table has no data (本表无数据, 本部门无政府性基金收入…)."""
        return self._no_data.search(compact(text)) is not None

    def budget_named(self, text: str) -> str | None:
        """The budget basis a phrase names by its prefix (年初 → 年初预算), if any."""
        return next(
            (basis for basis, ps in self.budget_prefixes.items() if any(p in text for p in ps)),
            None,
        )

    def says_performance(self, name: str, label: str) -> bool:
        """Whether a performance table's label is the fund line `name` (total, other …)."""
        pattern = self._any_of("performance", name)
        return bool(pattern and pattern.fullmatch(label))

    def names_a_fund(self, clean: str) -> bool:
        """Whether a normalised line, NOISE taken out, holds a performance table's fund label
        anywhere (a cell that `says_performance` takes is, spacing and quotes aside, part of
        its line)."""
        words = self._fund_words
        return (words is None or holds(clean, words)) and self._any_fund.search(
            clean, 0, None, HELD
        ) is not None

    @cached_property
    def _fund_words(self) -> tuple[str, ...] | None:
        """The words one of which a line naming a fund holds (text.required)."""
        return required_any([p for ps in self.performance.values() for p in ps])

    def says(self, name: str, text: str) -> regex.Match[str] | None:
        """Where `text` uses the wording `name` (unit_line, of_which, sub_line, sub_unit);
        a text without one of the words its patterns need is not searched (most are not)."""
        pattern = self._any_of("wording", name)
        if pattern is None:
            return None
        if name not in self._needs:
            self._needs[name] = required_any(self.wording[name])
        words = self._needs[name]
        found = words is None or holds(text, words)
        return pattern.search(text, 0, None, HELD) if found else None

    @property
    def names(self) -> set[str]:
        return set(self.concepts.values())

    @property
    def scope_names(self) -> set[str]:
        return {*self.scopes.values(), self.default_scope}

    def concept(self, label: str) -> Named | None:
        """The earliest (then longest) concept in a normalised label, and where it stands; a
        phrase of `not_concepts` (商品和服务支出) is no concept, nor any word inside it."""
        return self.remembered("concept", label, self._find_concept)

    def _find_concept(self, label: str) -> Named | None:
        for phrase in self.lists.get("not_concepts", ()):
            label = label.replace(phrase, "\0" * len(phrase))
        match = self._concepts.search(label)
        return Named(self.concepts[match.group()], match.start(), match.end()) if match else None

    def scope(self, label: str) -> str | None:
        match = self._scopes.search(label)
        return self.scopes[match.group()] if match else None

    def strip_scopes(self, label: str) -> str:
        return self._scopes.sub("", label)

    def table(self, title: str) -> str | None:
        """The standard table a title names: the longest phrase of the vocabulary in it."""
        title = norm_label(title)
        return next((self.tables[p] for p in self._tables if p in title), None)

    def basis(self, label: str) -> str | None:
        return self.remembered("basis", label, self._find_basis)

    def remembered(self, kind: str, text: str, work: Callable[[str], T]) -> T:
        """What `work` makes of a text with this vocabulary's words, kept per kind (up to
        LABELS_KEPT texts, then afresh): table labels come again in every table and report."""
        kept = self._kept.setdefault(kind, {})
        if text in kept:
            return kept[text]  # type: ignore[return-value]
        if len(kept) >= LABELS_KEPT:
            kept.clear()
        found = kept[text] = work(text)
        return found

    def _find_basis(self, label: str) -> str | None:
        label = self.strip_scopes(label)
        for name, words in self.bases:
            if any(word in label for word in words):
                return name
        return None
