"""A department's reports over the years (`check --across`): which reports speak of which
(budget N+1 of budget N, final N of final N−1 and of budget N), and the `across` rules run on
each such pair. A report with no partner is not a finding; the summary says why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from auditor.checks import MODULES
from auditor.findings import Finding
from auditor.numbers import Rounding
from auditor.pipeline import FileResult
from auditor.profile import Profile
from auditor.records import dataclass
from auditor.rules import Rule

# pairing: (the later report's genre, the earlier's genre, years between them)
PAIRINGS = {
    "budget-prior": ("预算", "预算", 1),
    "final-prior": ("决算", "决算", 1),
    "final-budget": ("决算", "预算", 0),
    "final-carryover": ("决算", "决算", 1),
}
PAIRING_SAID = {  # each pairing in words, for the reports that list the pairs
    "budget-prior": "次年预算对上年预算",
    "final-prior": "决算对上年决算",
    "final-budget": "决算对同年预算",
    "final-carryover": "决算年初结转对上年决算年末结转",
}


@dataclass(frozen=True)
class Link:
    """Two reports of a series held together, and how (budget-prior, final-budget …)."""

    pairing: str
    earlier: str  # path
    later: str


@dataclass(frozen=True)
class Series:
    """What --across found: the pairs checked, and the reports left alone with the reason."""

    links: tuple[Link, ...]
    alone: tuple[tuple[str, str], ...]  # (path, 原因)


def _same(a: str, b: str) -> bool:
    """One department's two names: one holds the other (普陀区财政局, 上海市普陀区财政局)."""
    return a in b or b in a


def _name(profile: Profile, renamed: Mapping[str, str]) -> str | None:
    name = profile.department
    return renamed.get(name, name) if name else None


def link(profiles: list[Profile], renamed: Mapping[str, str] | None = None) -> Series:
    """The pairs among `profiles` (each a report's), by department, level, genre and year;
    `renamed` maps a department's old name to its new one (--link 旧名=新名)."""
    renamed = renamed or {}
    links: list[Link] = []
    alone: list[tuple[str, str]] = []
    for later in profiles:
        name = _name(later, renamed)
        if name is None or later.genre is None or later.year is None:
            alone.append((later.path, "未能识别单位名称、报告类型或年份"))
            continue
        for pairing, (genre, earlier_genre, gap) in PAIRINGS.items():
            if later.genre != genre:
                continue
            for earlier in profiles:
                other = _name(earlier, renamed)
                if (
                    earlier is not later
                    and other
                    and _same(name, other)
                    and earlier.level == later.level
                    and earlier.genre == earlier_genre
                    and earlier.year == later.year - gap
                ):
                    links.append(Link(pairing, earlier.path, later.path))
    linked = {p for link_ in links for p in (link_.earlier, link_.later)}
    told = {path for path, _ in alone}
    for p in profiles:
        if p.path not in linked and p.path not in told:
            alone.append((p.path, f"没有同一单位（{p.department}）相邻年份的预算或决算报告"))
    return Series(tuple(links), tuple(alone))


def check(
    results: list[FileResult],
    rules: list[Rule],
    mode: Rounding,
    renamed: Mapping[str, str] | None = None,
) -> tuple[list[FileResult], Series]:
    """The results with each pair's findings added to the later report's, and the pairs."""
    profiles = [r.profile for r in results if r.profile is not None and not r.error]
    series = link(profiles, renamed)
    by_path = {p.path: p for p in profiles}
    found: dict[str, list[Finding]] = {}
    for pair in series.links:
        earlier, later = by_path[pair.earlier], by_path[pair.later]
        for rule in rules:
            module = MODULES[rule.kind]
            if getattr(module, "PAIRED", False) and rule.params["pair"] == pair.pairing:
                found.setdefault(later.path, []).extend(
                    module.check_pair(earlier, later, rule, mode)
                )
    out = []
    for r in results:
        extra = [
            replace(f, title=next(x.title for x in rules if x.id == f.rule), id=f.identity())
            for f in found.get(r.path, [])
        ]
        out.append(replace(r, findings=sorted([*r.findings, *extra], key=Finding.sort_key)))
    return out, series
