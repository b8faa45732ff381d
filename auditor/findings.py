"""What a check reports: one inconsistency, its figures and every line involved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")
RANK = {name: i for i, name in enumerate(reversed(SEVERITIES))}  # info 0 < warning 1 < error 2


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    lines: tuple[int, ...]
    stated: str | None = None
    expected: str | None = None
    difference: str | None = None
    expected_low: str | None = None  # the range the stated inputs allow, when recomputed
    expected_high: str | None = None

    def sort_key(self) -> tuple:
        return (self.lines[:1] or (0,), self.rule, self.message)


@dataclass(frozen=True)
class Place:
    """An original line as a reader finds it: line n of a text file, or of page p of a PDF."""

    line: int
    page: int | None
    text: str

    def __str__(self) -> str:
        return f"p{self.page}:L{self.line}" if self.page else str(self.line)


def cite(places: Iterable[Place]) -> str:
    """Lines as a reader finds them: `12,13`, or `p7:L12,L13,p8:L1` on a PDF."""
    out: list[str] = []
    page: int | None = None
    for place in places:
        same_page = place.page is not None and place.page == page
        out.append(f"L{place.line}" if same_page else str(place))
        page = place.page
    return ",".join(out)


def lines_of(*facts: object) -> tuple[int, ...]:
    """Every original line of the given facts (anything with a `lines` tuple), in order."""
    return tuple(sorted({n for fact in facts if fact is not None for n in fact.lines}))
