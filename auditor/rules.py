"""Rules are data: load and validate rules/*.yaml (id, title, kind, severity, operands)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import field
from functools import cache
from pathlib import Path
from typing import (
    Annotated,
    Any,
    TypeVar,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

import regex

from auditor import rulecache
from auditor.errors import RulesError
from auditor.findings import SEVERITIES
from auditor.numbers import Rounding
from auditor.operands import problem as operands_problem
from auditor.operands import table_spec_problem
from auditor.records import dataclass
from auditor.vocabulary import Vocabulary
from auditor.vocabulary_file import check_bases, load_vocabulary, merge, vocabulary

# The shipped rules live in the top-level rules/ folder; auditor/builtin_rules links to it so
# that an installed (not editable) package carries them as package data.
BUILTIN = Path(__file__).resolve().parent / "builtin_rules"
VOCABULARY = "vocabulary.yaml"
REPORT_KINDS = ("决算", "预算")
ROUNDING_MODES = tuple(mode.value for mode in Rounding)

# The shapes a check kind's parameters take. Each kind's frozen `Params` dataclass annotates
# its fields with these; a field with a default (None) is optional in YAML.
Concept = Annotated[str, "concept"]  # a vocabulary concept, 概念@范围 to fix a scope
Concepts = Annotated[list[str], "concepts"]  # a non-empty list of them
Side = Annotated[dict[str, Any], "side"]  # {table, side?, column} of table_match
Operands = Annotated[list[Any], "operands"]  # identity operands (auditor.operands)
Comparison = Annotated[str, "comparison"]  # eq / le / ge
Text = Annotated[str, "text"]  # a few words of a message
Pairing = Annotated[str, "pairing"]  # which two reports an across rule holds together
TableKind = Annotated[str, "table"]  # a standard table of the vocabulary's `tables`
TableKinds = Annotated[list[str], "tables"]
Words = Annotated[list[str], "words"]  # header words, the first found wins
WordLists = Annotated[list[list[str]], "wordlists"]  # one list of header words per column
Regexes = Annotated[list[str], "regexes"]
YearRegexes = Annotated[list[str], "year_regexes"]  # each with a (?P<year>…) group
NameRegexes = Annotated[list[str], "name_regexes"]  # each with a (?P<name>…) group
Fraction = Annotated[float, "fraction"]  # strictly between 0 and 1
Count = Annotated[int, "count"]  # a whole number ≥ 1

T = TypeVar("T")


@dataclass_transform(frozen_default=True, eq_default=False)
def params(cls: type[T]) -> type[T]:
    """A kind's Params: a frozen dataclass never compared, hashed nor shown (a Rule leaves
    its config out of all three: it is the rule's params, typed), so that dataclass writes
    no __eq__, __hash__ and __repr__ for each kind at every start."""
    return dataclass(frozen=True, eq=False, repr=False)(cls)


def _shape(hint: Any) -> str | None:
    if get_origin(hint) is Annotated:
        return next((m for m in hint.__metadata__ if isinstance(m, str)), None)
    return next((s for s in map(_shape, get_args(hint)) if s), None)


@cache  # asked for every rule: a kind's type hints evaluated once
def shapes(params: type) -> dict[str, tuple[str, bool]]:
    """A Params dataclass as {parameter: (shape, required)}, in declaration order."""
    hints = get_type_hints(params, include_extras=True)
    out = {}
    for f in dataclasses.fields(params):
        shape = _shape(hints[f.name])
        if shape is None:
            raise TypeError(f"{params.__qualname__}.{f.name}: no parameter shape")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out[f.name] = (shape, required)
    return out


@dataclass(frozen=True)
class Rule:
    """A rule of the YAML files, validated: what it checks and how severely."""

    id: str
    title: str
    kind: str
    severity: str
    applies_to: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    origin: str = ""
    rounding: str | None = None  # half-up / truncate / either; None: the report's mode
    config: Any = field(default=None, hash=False, compare=False, repr=False)  # params, typed

    def applies(self, genre: str | None) -> bool:
        return genre is None or genre in self.applies_to


def _operand_ok(operand: Any, vocab: Vocabulary) -> bool:
    if not isinstance(operand, str):
        return False
    concept, _, scope = operand.partition("@")
    return concept in vocab.names and (not scope or scope in vocab.scope_names)


def _side(value: Any, vocab: Vocabulary) -> str | None:
    """A table_match side: {table: 表的种类, side?: 收入/支出, column: [表头词…]}."""
    if not isinstance(value, dict) or set(value) - {"table", "side", "column"}:
        return "须是含 table、column（可选 side）的映射"
    return table_spec_problem(value, vocab)


def _comparison(value: Any, vocab: Vocabulary) -> str | None:
    return None if value in ("eq", "le", "ge") else "只能取 eq（=）、le（≤）、ge（≥）"


PAIRINGS = ("budget-prior", "final-prior", "final-budget", "final-carryover")


def _pairing(value: Any, vocab: Vocabulary) -> str | None:
    return None if value in PAIRINGS else "只能取 " + "、".join(PAIRINGS)


def _text(value: Any, vocab: Vocabulary) -> str | None:
    return None if isinstance(value, str) and value.strip() else "须是文字"


def _tables(value: Any, vocab: Vocabulary) -> str | None:
    known = set(vocab.tables.values())
    if not isinstance(value, list) or not value or not all(v in known for v in value):
        return "须是词表 tables 中表的种类的非空列表"
    return None


def _table(value: Any, vocab: Vocabulary) -> str | None:
    return None if value in set(vocab.tables.values()) else "须是词表 tables 中表的种类"


def _words(value: Any, vocab: Vocabulary) -> str | None:
    ok = isinstance(value, list) and value and all(isinstance(w, str) and w for w in value)
    return None if ok else "须是非空的表头词列表"


def _wordlists(value: Any, vocab: Vocabulary) -> str | None:
    ok = isinstance(value, list) and value and all(_words(w, vocab) is None for w in value)
    return None if ok else "须是表头词列表的非空列表（每栏一个列表）"


def _regexes(value: Any, vocab: Vocabulary, group: str | None = None) -> str | None:
    """A rule parameter that is a non-empty list of regular expressions that compile (each
    with the named group `group`, when one is required)."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        return "须是非空的正则表达式列表"
    for pattern in value:
        try:
            named = rulecache.groups(pattern)
        except regex.error as exc:
            return f"中的正则表达式“{pattern}”无法编译：{exc}"
        if group and group not in named:
            return f"中的正则表达式“{pattern}”缺少命名分组 (?P<{group}>…)"
    return None


def _fraction(value: Any, vocab: Vocabulary) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1
    return None if ok else "须是 0 与 1 之间的小数"


def _count(value: Any, vocab: Vocabulary) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
    return None if ok else "须是正整数"


SHAPES = {
    "fraction": _fraction,
    "count": _count,
    "side": _side,
    "operands": operands_problem,
    "comparison": _comparison,
    "pairing": _pairing,
    "text": _text,
    "tables": _tables,
    "table": _table,
    "words": _words,
    "wordlists": _wordlists,
    "regexes": _regexes,
    "year_regexes": lambda value, vocab: _regexes(value, vocab, "year"),
    "name_regexes": lambda value, vocab: _regexes(value, vocab, "name"),
}


def parse_text(text: str, origin: str, kinds: dict[str, type], vocab: Vocabulary) -> list[Rule]:
    """Rules from YAML text (a kind's documented example), as if read from file `origin`."""
    from auditor.yamlfile import entry_lines, safe_load

    return parse(safe_load(text), entry_lines(text), origin, kinds, vocab)


def parse(
    data: Any, lines: list[int], origin: str, kinds: dict[str, type], vocab: Vocabulary
) -> list[Rule]:
    """Validate loaded YAML against the kinds' Params; every error names origin and line."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError(origin, "规则文件须有顶层键“rules”，其值为规则列表")
    rules = []
    for i, entry in enumerate(data["rules"]):
        where = f"{origin}:{lines[i]}" if i < len(lines) else origin
        if not isinstance(entry, dict):
            raise RulesError(where, "每条规则须是键值映射")
        missing = [k for k in ("id", "title", "kind", "severity") if k not in entry]
        if missing:
            raise RulesError(where, f"规则缺少字段：{', '.join(missing)}")
        wrong = [k for k in ("id", "title", "kind", "severity") if not isinstance(entry[k], str)]
        if wrong:
            raise RulesError(where, f"规则的字段 {', '.join(wrong)} 须是文字")
        kind = entry["kind"]
        if kind not in kinds:
            raise RulesError(
                where,
                f"规则 {entry['id']} 的检查类型“{kind}”不存在（可用：{', '.join(sorted(kinds))}）",
            )
        if entry["severity"] not in SEVERITIES:
            raise RulesError(
                where,
                f"规则 {entry['id']} 的严重程度“{entry['severity']}”无效（可用：{', '.join(SEVERITIES)}）",
            )
        applies = entry.get("applies_to", list(REPORT_KINDS))
        if not isinstance(applies, list) or not set(applies) <= set(REPORT_KINDS):
            raise RulesError(
                where, f"规则 {entry['id']} 的 applies_to 只能取 {'、'.join(REPORT_KINDS)}"
            )
        rounding = entry.get("rounding")
        if rounding is not None and rounding not in ROUNDING_MODES:
            raise RulesError(
                where, f"规则 {entry['id']} 的 rounding 只能取 {'、'.join(ROUNDING_MODES)}"
            )
        params = {
            k: v
            for k, v in entry.items()
            if k not in ("id", "title", "kind", "severity", "applies_to", "rounding")
        }
        declared = shapes(kinds[kind])
        for name, (spec, required) in declared.items():
            value = params.get(name)
            if value is None:
                if required:
                    raise RulesError(where, f"规则 {entry['id']}（{kind}）缺少参数“{name}”")
                continue
            if spec in SHAPES:
                problem = SHAPES[spec](value, vocab)
                if problem:
                    raise RulesError(where, f"规则 {entry['id']} 的参数“{name}”{problem}")
                continue
            values = value if spec.startswith("concepts") else [value]
            if spec.startswith("concepts") and (not isinstance(value, list) or not value):
                raise RulesError(where, f"规则 {entry['id']} 的参数“{name}”须是非空的概念列表")
            bad = [
                v if isinstance(v, str) else repr(v) for v in values if not _operand_ok(v, vocab)
            ]
            if bad:
                raise RulesError(
                    where, f"规则 {entry['id']} 引用了词表中没有的概念：{', '.join(bad)}"
                )
        unknown = set(params) - set(declared)
        if unknown:
            raise RulesError(where, f"规则 {entry['id']} 有未知参数：{', '.join(sorted(unknown))}")
        rules.append(
            Rule(
                entry["id"],
                entry["title"],
                kind,
                entry["severity"],
                tuple(applies),
                params,
                origin,
                rounding,
                kinds[kind](**{k: v for k, v in params.items() if v is not None}),
            )
        )
    return rules


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load(
    extra: Path | Sequence[Path] | None, kinds: dict[str, type]
) -> tuple[list[Rule], Vocabulary]:
    """Built-in rules and vocabulary, with a user's folders (or files) adding or replacing
    files by name, in order; a user's vocabulary.yaml is merged with the built-in one."""
    builtin = {p.name: p for p in _yaml_files(BUILTIN)}
    parsed, fresh = rulecache.load(builtin)  # read without YAML when cached
    vocab = vocabulary(parsed[VOCABULARY][0], builtin.pop(VOCABULARY))
    files: dict[str, Path] = dict(builtin)
    extras = [] if extra is None else [extra] if isinstance(extra, Path) else list(extra)
    for one in extras:
        if one.is_file() and one.suffix in (".yaml", ".yml"):
            found = [one]  # one rules file, as a folder of one
        elif one.is_dir():
            found = _yaml_files(one)
        else:
            raise RulesError(str(one), "规则目录或规则文件（.yaml）不存在")
        for p in found:
            if p.stem == "vocabulary":
                vocab = merge(vocab, load_vocabulary(p, complete=False))
                check_bases(vocab, p)
            else:
                files[p.name] = p
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for name, path in files.items():
        data, lines = parsed[name] if path == builtin.get(name) else rulecache.read(path)
        for rule in parse(data, lines, str(path), kinds, vocab):
            if rule.id in seen:
                raise RulesError(str(path), f"规则 id “{rule.id}” 与 {seen[rule.id]} 重复")
            seen[rule.id] = str(path)
            rules.append(rule)
    if fresh is not None:
        rulecache.store(fresh, parsed)
    return rules, vocab
