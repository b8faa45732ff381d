"""A vocabulary read from its YAML (rules/vocabulary.yaml, or a user's) and checked: each
section's shape, every pattern compiling, and a user's merged over the built-in one."""

from __future__ import annotations

from pathlib import Path

import regex

from auditor.errors import RulesError
from auditor.rulecache import groups
from auditor.vocabulary import Vocabulary, norm_label


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
