"""A check kind's contract, read from its module: the kind's name (`KIND`), its parameters
(`Params`) and its docstring's sections, in the manner of yamllint's rule modules.

The docstring opens with a paragraph `kind: what it checks` (English), then prose (Chinese
and English), then sections, each a line `名称:` at the margin followed by an indented body:

- 参数: each parameter as `name: 说明` (or 无);
- 公式: what the rule checks, with `{parameter}` filled from the rule ( `{name: − }` joins a
  list with " − "; a `[…]` part is left out when a parameter in it is not given);
- 尾数 (optional): how rounding is allowed for; absent for kinds that do no arithmetic;
- 示例: a YAML rule of the kind, as an entry of a rule file's `rules:` list;
- 通过 / 报错: a short report text that the example rule passes / reports.
"""

from __future__ import annotations

import inspect
import textwrap
from types import ModuleType
from typing import Any

import regex

from auditor.operands import formula as operands_formula
from auditor.records import dataclass
from auditor.rules import shapes

SECTIONS = ("参数", "公式", "尾数", "示例", "通过", "报错")
REQUIRED = ("参数", "公式", "示例", "通过", "报错")
HEADER = regex.compile(rf"^({'|'.join(SECTIONS)}):\s*(.*)$")
PLACEHOLDER = regex.compile(r"\{(\w+)(?::([^}]*))?\}")
HAN = regex.compile(r"^[“\"]?\p{Han}")
OPTIONAL_PART = regex.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Contract:
    kind: str
    params: type
    summary: str  # the docstring's first paragraph, after "kind: "
    prose: str  # what comes before the sections
    sections: dict[str, str]

    @property
    def chinese(self) -> str:
        """The prose's Chinese description (its first paragraph in Chinese), for a clerk."""
        for paragraph in self.prose.split("\n\n"):
            lines = [line.strip() for line in paragraph.splitlines()]
            start = next((i for i, line in enumerate(lines) if HAN.match(line)), None)
            if start is not None:
                chinese = []
                for line in lines[start:]:
                    if line[:1].isascii() and line[:1].isalpha():
                        break  # the English part begins
                    chinese.append(line)
                return "".join(chinese)
        return self.summary

    @property
    def parameters(self) -> dict[str, str]:
        """{parameter: 说明} from the 参数 section."""
        out = {}
        for line in self.sections["参数"].splitlines():
            name, sep, text = line.partition(":")
            if sep and name.strip() in shapes(self.params):
                out[name.strip()] = text.strip()
            elif out and line.startswith(" "):
                last = next(reversed(out))
                out[last] += line.strip()
        return out

    def example_yaml(self) -> str:
        """The 示例 rule as a rule file."""
        return "rules:\n" + textwrap.indent(self.sections["示例"], "  ")

    def formula(self, params: dict[str, Any]) -> str:
        """The 公式 with a rule's parameters filled in."""

        def part(match: regex.Match) -> str:
            names = [m.group(1) for m in PLACEHOLDER.finditer(match.group(1))]
            return match.group(1) if all(params.get(n) is not None for n in names) else ""

        text = OPTIONAL_PART.sub(part, " ".join(self.sections["公式"].split()))
        kinds = shapes(self.params)

        def fill(match: regex.Match) -> str:
            name, sep = match.group(1), match.group(2)
            return render(kinds[name][0], params.get(name), sep)

        return PLACEHOLDER.sub(fill, text)


def render(shape: str, value: Any, sep: str | None = None) -> str:
    """A parameter's value as it reads in a formula."""
    if shape == "comparison":
        return {"le": "≤", "ge": "≥"}.get(value, "=")
    if value is None:
        return "—"
    if shape == "operands":
        return operands_formula(value, sep or " + ")
    if shape == "concepts":
        return (sep or " + ").join(value)
    if shape == "words":
        return value[0]
    if shape == "wordlists":
        return (sep or " + ").join(words[0] for words in value)
    if shape == "side":
        half = f"{value['side']}方" if value.get("side") else ""
        return f"{value['table']}{half}“{value['column'][0]}”栏"
    if shape == "tables":
        return (sep or "、").join(value)
    if shape.endswith("regexes"):
        return f"{len(value)} 个正则表达式"
    return str(value)


def contract(module: ModuleType) -> Contract:
    """Read a check module's contract; a missing section is a TypeError naming the module."""
    doc = inspect.cleandoc(module.__doc__ or "")
    first, _, rest = doc.partition("\n\n")
    name, sep, summary = " ".join(first.split()).partition(":")
    if not sep or name.strip() != module.KIND:
        raise TypeError(f"{module.__name__}: docstring must open with '{module.KIND}: …'")
    sections: dict[str, list[str]] = {}
    prose: list[str] = []
    current = prose
    for line in rest.splitlines():
        header = HEADER.match(line)
        if header:
            current = sections.setdefault(header.group(1), [])
            if header.group(2):
                current.append("    " + header.group(2))
        else:
            current.append(line)
    missing = [s for s in REQUIRED if s not in sections]
    if missing:
        raise TypeError(f"{module.__name__}: docstring lacks {', '.join(missing)}")
    return Contract(
        module.KIND,
        module.Params,
        summary.strip(),
        "\n".join(prose).strip(),
        {k: textwrap.dedent("\n".join(v)).strip("\n") for k, v in sections.items()},
    )
