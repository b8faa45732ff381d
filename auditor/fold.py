"""One discrepancy, one finding: the same pair of figures seen by several rules (a table
total 0.01 off, seen by the row sum on two columns, the column sum and the narrative's
enumeration), or one rule saying the same thing at several places, is reported once, led by
the gravest sighting, listing every rule and every place."""

from __future__ import annotations

from dataclasses import replace

import regex

from auditor.findings import CITATION, RANK, Finding

AMOUNTS = ("万元", "元", "亿元", "%")  # figures whose equality is no coincidence


def fold(findings: list[Finding]) -> list[Finding]:
    """The findings folded, `related` pointing at the leads of what was folded."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        groups.setdefault(_same(f), []).append(f)
    out, lead_of = [], {}
    for group in groups.values():
        lead = min(group, key=lambda f: (-RANK[f.severity], f.sort_key()))
        for f in group:
            lead_of[f.id] = lead.id
        rest = tuple(f for f in group if f is not lead)
        if rest:
            lead = replace(
                lead,
                also=rest,
                rounding_only=all(f.rounding_only for f in group),
                culprit=lead.culprit or next((f.culprit for f in rest if f.culprit), None),
                related=tuple(dict.fromkeys(r for f in group for r in f.related)),
            )
        out.append(lead)
    out = [_relate(f, lead_of) for f in out]
    return sorted(out, key=Finding.sort_key)


def _relate(f: Finding, lead_of: dict[str, str]) -> Finding:
    """The finding relating to the leads of the findings it related to (itself left out)."""
    related = tuple(
        dict.fromkeys(lead_of.get(r, r) for r in f.related if lead_of.get(r, r) != f.id)
    )
    return f if related == f.related else replace(f, related=related)


def _same(f: Finding) -> tuple:
    s, e = f.stated, f.expected
    if (
        s is not None
        and e is not None
        and s.value is not None
        and e.value is not None
        and s.value != e.value
        and s.unit == e.unit
        and s.unit in AMOUNTS
        and len(regex.sub(r"\D", "", s.text).lstrip("0")) >= 3
    ):
        return ("values", s.value, e.value, s.unit)
    if s is not None and s.value is not None:  # a figure said again, not a word to fill in
        return ("message", f.rule, CITATION.sub("", f.message), s.text)
    return ("finding", f.id)
