"""Map label text to canonical concepts, fund scopes and bases, from rules/vocabulary.yaml.

The vocabulary also holds the words sentences are read by (增加/减少, 大于/小于, 上年, 完成率,
其中, the 本表无数据 notes): the modules that read keep their grammar as a template whose
`{name}` fields are those word lists, compiled once per vocabulary (`Vocabulary.compiled`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from auditor.errors import RulesError
from auditor.rulecache import groups
from auditor.text.located import MARKS, QUOTES, normalize

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
        # what labels were found to name, kept: the same labels come in every report
        self._concept_of: dict[str, Named | None] = {}
        self._basis_of: dict[str, str | None] = {}

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
        return self._any_fund.search(clean) is not None

    def says(self, name: str, text: str) -> regex.Match[str] | None:
        """Where `text` uses the wording `name` (unit_line, of_which, sub_line, sub_unit)."""
        pattern = self._any_of("wording", name)
        return pattern.search(text) if pattern else None

    @property
    def names(self) -> set[str]:
        return set(self.concepts.values())

    @property
    def scope_names(self) -> set[str]:
        return {*self.scopes.values(), self.default_scope}

    def concept(self, label: str) -> Named | None:
        """The earliest (then longest) concept in a normalised label, and where it stands; a
        phrase of `not_concepts` (商品和服务支出) is no concept, nor any word inside it."""
        if label in self._concept_of:
            return self._concept_of[label]
        if len(self._concept_of) >= LABELS_KEPT:
            self._concept_of.clear()
        found = self._concept_of[label] = self._find_concept(label)
        return found

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
        if label in self._basis_of:
            return self._basis_of[label]
        if len(self._basis_of) >= LABELS_KEPT:
            self._basis_of.clear()
        found = self._basis_of[label] = self._find_basis(label)
        return found

    def _find_basis(self, label: str) -> str | None:
        label = self.strip_scopes(label)
        for name, words in self.bases:
            if any(word in label for word in words):
                return name
        return None


def _mapping(data: object, key: str, path: Path, required: bool = True) -> dict[str, list[str]]:
    section = data.get(key) if isinstance(data, dict) else None
    if section is None and not required:
        return {}
    if not isinstance(section, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and norm_label(w) for w in v)
        for v in section.values()
    ):
        raise RulesError(
            str(path), f"词表缺少“{key}”，或其格式不是“名称: [写法, …]”（写法不能为空）"
        )
    return section


def load_vocabulary(path: Path, complete: bool = True) -> Vocabulary:
    """The vocabulary of a file; a user's (`complete` false) may leave out any section."""
    from auditor.yamlfile import load_yaml

    return vocabulary(load_yaml(path), path, complete)


def vocabulary(data: object, path: Path, complete: bool = True) -> Vocabulary:
    """The vocabulary of file `path`, whose YAML gave `data`."""
    concepts: dict[str, str] = {}
    for name, variants in _mapping(data, "concepts", path, complete).items():
        for variant in [name, *variants]:
            concepts[norm_label(variant)] = norm_label(name)
    scopes = {
        norm_label(w): name
        for name, words in _mapping(data, "scopes", path, False).items()
        for w in words
    }
    bases = [
        (name, [norm_label(w) for w in words])
        for name, words in _mapping(data, "bases", path, False).items()
    ]
    tables = {
        norm_label(w): name
        for name, words in _mapping(data, "tables", path, False).items()
        for w in [name, *words]
    }
    wording = _patterns(data, "wording", path)
    readings = {
        norm_label(name): [norm_label(w) for w in words]
        for name, words in _mapping(data, "readings", path, False).items()
    }
    counting = _patterns(data, "counts", path)
    count_subjects = _patterns(data, "count_subjects", path)
    count_parts = _mapping(data, "count_parts", path, False)
    performance = _patterns(data, "performance", path)
    classes = data.get("classes") if isinstance(data, dict) else None
    if classes is not None and not (
        isinstance(classes, list) and all(norm_label(str(c)) in concepts.values() for c in classes)
    ):
        raise RulesError(str(path), "词表“classes”须是 concepts 中概念名称的列表")
    budget_bases = _words(data, "budget_bases", path, complete)
    default_scope = data.get("default_scope") if isinstance(data, dict) else None
    if not (isinstance(default_scope, str) and norm_label(default_scope)) and (
        complete or default_scope is not None
    ):
        raise RulesError(str(path), "词表缺少“default_scope”，或它不是一个名称（如：全部）")
    vocab = Vocabulary(
        concepts,
        scopes,
        bases,
        tables,
        wording,
        readings,
        counting,
        count_subjects,
        count_parts,
        performance,
        frozenset(norm_label(str(c)) for c in classes or ()),
        default_scope=norm_label(default_scope) if default_scope else "",
        budget_bases=tuple(budget_bases),
        budget_prefixes=_named_words(data, "budget_prefixes", path, complete),
        changes=_named_words(data, "changes", path, complete, ("increase", "decrease")),
        relations=_named_words(data, "relations", path, complete, RELATIONS),
        lists={
            **{key: _words(data, key, path, complete) for key in LISTS},
            "not_concepts": _words(data, "not_concepts", path, False),
            "one_scope": _words(data, "one_scope", path, False),
        },
        no_data=_regexes(data, "no_data", path, complete),
    )
    if complete:
        check_bases(vocab, path)
    return vocab


def check_bases(vocab: Vocabulary, path: Path) -> None:
    """The budget bases and prefixes name bases of the vocabulary (after a user's is merged)."""
    names = {name for name, _ in vocab.bases}
    for key, used in (
        ("budget_bases", vocab.budget_bases),
        ("budget_prefixes", vocab.budget_prefixes),
    ):
        unknown = next((b for b in used if b not in names), None)
        if unknown is not None:
            raise RulesError(str(path), f"词表“{key}”中的“{unknown}”不是 bases 中的口径名称")


RELATIONS = ("more", "less", "equal", "equal_with")
# Plain word lists, each an alternation `{name}` for Vocabulary.compiled.
LISTS = (
    "prior",
    "completion",
    "head_markers",
    "label_prefix",
    "label_filler",
    "department_wide",
    "adjusted",
)


def _list(data: object, key: str, path: Path, required: bool, name: str, what: str) -> list:
    """A section that is a non-empty list (of words or regexes); [] when optional and absent."""
    section = data.get(key) if isinstance(data, dict) else None
    if section is None and not required:
        return []
    if not isinstance(section, list) or not section:
        raise RulesError(str(path), f"词表缺少“{name}”，或其格式不是“{key}: [{what}, …]”")
    return section


def _words(data: object, key: str, path: Path, required: bool, name: str = "") -> list[str]:
    """A section that is a list of words (as written, not regexes); none may be empty."""
    name = name or key
    section = _list(data, key, path, required, name, "词")
    for word in section:
        if not (isinstance(word, str) and norm_label(word)):
            raise RulesError(str(path), f"词表“{name}”中的“{word}”不是一个词（不能为空）")
    return [norm_label(w) for w in section]


def _named_words(
    data: object, key: str, path: Path, required: bool, names: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    """A section of named word lists; with `names`, exactly those names."""
    section = data.get(key) if isinstance(data, dict) else None
    if section is None and not required:
        return {}
    if not isinstance(section, dict) or not section:
        raise RulesError(str(path), f"词表缺少“{key}”，或其格式不是“名称: [词, …]”")
    if names and set(section) != set(names):
        raise RulesError(str(path), f"词表“{key}”须有且只有这些名称：{', '.join(names)}")
    return {
        str(name): _words(section, name, path, True, f"{key}.{name}") for name in (names or section)
    }


def _regexes(data: object, key: str, path: Path, required: bool) -> list[str]:
    """A section that is a list of regular expressions; one that does not compile names itself."""
    section = _list(data, key, path, required, key, "正则表达式")
    for pattern in section:
        if not (isinstance(pattern, str) and pattern):
            raise RulesError(str(path), f"词表“{key}”中的“{pattern}”不是正则表达式（不能为空）")
        try:
            groups(pattern)
        except regex.error as exc:
            raise RulesError(
                str(path), f"词表“{key}”中的正则表达式“{pattern}”有误：{exc}"
            ) from None
    return list(section)


def _patterns(data: object, key: str, path: Path) -> dict[str, list[str]]:
    """A section of named regex lists; a pattern that does not compile names itself."""
    section = data.get(key) if isinstance(data, dict) else None
    if section is None:
        return {}
    if not isinstance(section, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in section.values()
    ):
        raise RulesError(str(path), f"词表“{key}”的格式应为“名称: [正则表达式, …]”")
    for name, patterns in section.items():
        for pattern in patterns:
            try:
                groups(pattern)
            except regex.error as exc:
                raise RulesError(str(path), f"词表“{key}.{name}”的正则表达式有误：{exc}") from None
    return section


def merge(base: Vocabulary, extra: Vocabulary) -> Vocabulary:
    """A user's vocabulary adds variants and concepts; its bases, when given, come first;
    its word lists (changes, relations, prior …), when given, replace the built-in ones; its
    no_data notes are added."""
    names = {name for name, _ in extra.bases}
    bases = extra.bases + [b for b in base.bases if b[0] not in names]
    return Vocabulary(
        {**base.concepts, **extra.concepts},
        {**base.scopes, **extra.scopes},
        bases,
        {**base.tables, **extra.tables},
        {**base.wording, **extra.wording},
        {**base.readings, **extra.readings},
        {**base.counting, **extra.counting},
        {**extra.count_subjects, **base.count_subjects, **extra.count_subjects},  # user's first
        {**base.count_parts, **extra.count_parts},
        {**base.performance, **extra.performance},
        base.classes | extra.classes,
        default_scope=extra.default_scope or base.default_scope,
        budget_bases=extra.budget_bases or base.budget_bases,
        budget_prefixes={**base.budget_prefixes, **extra.budget_prefixes},
        changes=extra.changes or base.changes,
        relations=extra.relations or base.relations,
        lists={k: extra.lists.get(k) or base.lists[k] for k in base.lists},
        no_data=base.no_data + extra.no_data,
    )
