"""Map label text to canonical concepts, fund scopes and bases, from rules/vocabulary.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import regex

from auditor.errors import RulesError
from auditor.text.located import NORMALIZE
from auditor.yamlfile import load_yaml

NOISE = regex.compile(r"[\s“”\"‘’'「」『』]|\((?:类|款|项)\)")


def norm_label(text: str) -> str:
    """Labels compare without spacing, quotes or （类）/（款）/（项） markers."""
    return NOISE.sub("", text.translate(NORMALIZE))


def _alternation(variants: dict[str, str]) -> regex.Pattern[str]:
    ordered = sorted(variants, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(v) for v in ordered))


class Named(NamedTuple):
    concept: str
    start: int
    end: int


@dataclass
class Vocabulary:
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

    def __post_init__(self) -> None:
        self._concepts = _alternation(self.concepts)
        self._scopes = _alternation(self.scopes)
        self._tables = sorted(self.tables, key=len, reverse=True)
        self._wording = {
            name: regex.compile("|".join(f"(?:{p})" for p in patterns))
            for name, patterns in self.wording.items()
            if patterns
        }
        self._performance = {
            name: regex.compile("|".join(f"(?:{p})" for p in patterns))
            for name, patterns in self.performance.items()
            if patterns
        }

    def says_performance(self, name: str, label: str) -> bool:
        """Whether a performance table's label is the fund line `name` (total, other …)."""
        pattern = self._performance.get(name)
        return bool(pattern and pattern.fullmatch(label))

    def says(self, name: str, text: str) -> regex.Match[str] | None:
        """Where `text` uses the wording `name` (unit_line, of_which, sub_line, sub_unit)."""
        pattern = self._wording.get(name)
        return pattern.search(text) if pattern else None

    @property
    def names(self) -> set[str]:
        return set(self.concepts.values())

    @property
    def scope_names(self) -> set[str]:
        return {*self.scopes.values(), "全部"}

    def concept(self, label: str) -> Named | None:
        """The earliest (then longest) concept in a normalised label, and where it stands."""
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


def load_vocabulary(path: Path) -> Vocabulary:
    data = load_yaml(path)
    concepts: dict[str, str] = {}
    for name, variants in _mapping(data, "concepts", path).items():
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
    return Vocabulary(
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
    )


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
                regex.compile(pattern)
            except regex.error as exc:
                raise RulesError(str(path), f"词表“{key}.{name}”的正则表达式有误：{exc}") from None
    return section


def merge(base: Vocabulary, extra: Vocabulary) -> Vocabulary:
    """A user's vocabulary adds variants and concepts; its bases, when given, come first."""
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
    )
