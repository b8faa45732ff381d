"""SARIF 2.1.0, as GitHub code scanning takes it: one run, every loaded rule in the driver,
one result per finding.

A PDF's pages are not lines: a result's region has the line on the page as startLine and the
page in region.properties ({"page": 7}); the location also names it as a logical location
{"name": "p7:L12", "kind": "page"} (other formats: their own name, 段12 or Sheet!C12). Every
other line the finding cites, and those of the findings folded into it, is a related
location. partialFingerprints carry the finding's id, which ignores line numbers."""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, version
from typing import TextIO
from urllib.parse import quote

from auditor.checks import MODULES
from auditor.checks.shared.contract import contract
from auditor.findings import Finding, Place
from auditor.pipeline import FileResult
from auditor.reporters.explain import explain
from auditor.reporters.json_report import finding as as_json
from auditor.reporters.machine import anchor, file_of, line_of, page_of, placed_text, relative, said
from auditor.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "auditor/v1"
# what a result's properties carry of the JSON finding (auditor.reporters.json_report)
CARRIED = ("rules", "rounding_only", "stated", "expected", "difference", "related", "culprit")


def tool_version() -> str:
    try:
        return version("auditor")
    except PackageNotFoundError:
        from auditor import __version__

        return __version__


def uri(path: str) -> str:
    """A path relative to the current directory as a URI reference (percent-encoded)."""
    return quote(relative(path), safe="/")


def pascal(rule_id: str) -> str:
    """table.cross.expenditure → TableCrossExpenditure."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", rule_id))


def descriptor(rule: Rule) -> dict:
    formula = " ".join(contract(MODULES[rule.kind]).formula(rule.params).split())
    return {
        "id": rule.id,
        "name": pascal(rule.id) or rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": f"{rule.title}：{formula}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "help": {"text": explain(rule)},
        "properties": {"kind": rule.kind, "applies_to": list(rule.applies_to), "tags": [rule.kind]},
    }


def location(report: str, p: Place | None) -> dict:
    """A place as a physical location: the file, the line (on its page, for a PDF)."""
    region: dict = {"startLine": line_of(p)}
    out: dict = {
        "physicalLocation": {"artifactLocation": {"uri": uri(file_of(report, p))}, "region": region}
    }
    if p is None:
        return out
    region["snippet"] = {"text": p.text}
    page = page_of(p)
    extra = {**({"page": page} if page else {}), **({"where": p.where} if p.where else {})}
    if extra:
        region["properties"] = extra
        kind = {"kind": "page"} if page and not p.where else {}
        out["logicalLocations"] = [{"name": str(p) if p.where else f"p{page}:L{p.line}", **kind}]
    return out


def related(report: str, f: Finding, shown: Place | None) -> list[dict]:
    """The other lines of the finding and of those folded into it, each with what it says."""
    out = []
    for p in f.every_place:
        if p == shown:
            continue
        loc = location(report, p)
        loc["id"] = len(out) + 1
        loc["message"] = {"text": f"{said(p)}：{' '.join(p.text.split())}"}
        out.append(loc)
    return out


def result(report: str, f: Finding, index: dict[str, int]) -> dict:
    shown = anchor(f)
    detail = as_json(f)
    out: dict = {"ruleId": f.rule}
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    out |= {
        "level": LEVEL[f.severity],
        "message": {"text": placed_text(f)},
        "locations": [location(report, shown)],
    }
    if others := related(report, f, shown):
        out["relatedLocations"] = others
    out["partialFingerprints"] = {FINGERPRINT: f.id}
    out["properties"] = {"id": f.id, **{k: detail[k] for k in CARRIED if k in detail}}
    return out


def sarif(results: list[FileResult], rules: list[Rule]) -> dict:
    """The SARIF log of one run over the results, as a dict."""
    index = {rule.id: i for i, rule in enumerate(rules)}
    unreadable = [r for r in results if r.error]
    invocation = {
        "executionSuccessful": not unreadable,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": f"{relative(r.path)}：{r.error}"},
                "locations": [location(r.path, None)],
            }
            for r in unreadable
        ],
    }
    driver = {
        "name": "auditor",
        "version": tool_version(),
        "rules": [descriptor(rule) for rule in rules],
    }
    findings = [result(r.path, f, index) for r in results for f in r.findings]
    run = {"tool": {"driver": driver}, "invocations": [invocation], "results": findings}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(results: list[FileResult], rules: list[Rule], out: TextIO) -> None:
    json.dump(sarif(results, rules), out, ensure_ascii=False, indent=2)
    out.write("\n")
