"""README's rules table, generated from the loaded rules and the check kinds' docstrings:
`python -m auditor.docs` rewrites it in README.md, `--check` only says whether it is current."""

from __future__ import annotations

import sys
from pathlib import Path

from auditor.checks import KINDS
from auditor.reporters.explain import TABLE_BEGIN, TABLE_END, rules_table
from auditor.rules import load

README = Path(__file__).resolve().parent.parent / "README.md"


def updated(readme: str) -> str:
    """README's text with the table between the markers replaced by the generated one."""
    start, end = readme.index(TABLE_BEGIN), readme.index(TABLE_END) + len(TABLE_END)
    rules, _ = load(None, KINDS)
    return readme[:start] + rules_table(rules) + readme[end:]


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in argv:
        if new != text:
            print("README.md: rules table is out of date (run python -m auditor.docs)")
            return 1
        return 0
    if new != text:
        README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
