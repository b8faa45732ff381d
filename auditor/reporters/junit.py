"""JUnit XML: a test suite a report (named by its path), a test case a loaded rule that
applies to it (classname the path, name the rule id). A rule that found something fails,
listing every finding, rounding-only ones too, at its places (第7页第12行, 第12行); a rule whose
finding was folded into another rule's (one discrepancy, one finding) fails too, saying so.
An unreadable file is one test case `read` with an <error>."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from auditor.findings import RANK, Finding
from auditor.pipeline import FileResult
from auditor.reporters.citations import places
from auditor.reporters.machine import relative, text
from auditor.rules import Rule

# what XML 1.0 cannot carry (report text may hold any control character)
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
READ = "read"


def clean(value: str) -> str:
    return INVALID.sub(" ", value)


def sight(f: Finding, rule: str) -> Finding:
    """A finding as `rule` saw it: itself, or the one of its rule folded into it."""
    return next((g for g in (f, *f.also) if g.rule == rule), f)


def item(f: Finding, rule: str) -> str:
    """One finding as a rule's failure lists it (as that rule saw it, if folded)."""
    seen = sight(f, rule)
    head = f"[{seen.severity}] {places(seen.cited) or '全文'}"
    if seen is not f:
        return f"{head}（并入 {f.rule} 的发现）：{seen.message}"
    return f"{head}：{text(f)}"


def case(suite: ET.Element, path: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=clean(path), name=name)


def failure(tc: ET.Element, rule: str, found: list[Finding]) -> None:
    seen = [sight(f, rule) for f in found]
    severity = max((g.severity for g in seen), key=RANK.__getitem__)
    message = f"{len(found)} 处：{seen[0].message}"
    node = ET.SubElement(tc, "failure", message=clean(message), type=severity)
    node.text = clean("\n".join(item(f, rule) for f in found))


def suite(r: FileResult, rules: list[Rule]) -> ET.Element:
    path = relative(r.path)
    node = ET.Element("testsuite", name=clean(path))
    if r.error:
        error = ET.SubElement(case(node, path, READ), "error", message=clean(r.error))
        error.set("type", "unreadable")
        node.attrib.update(tests="1", failures="0", errors="1")
        return node
    names = [rule.id for rule in rules if rule.applies(r.genre)]
    names += sorted({n for f in r.findings for n in f.rules} - set(names))
    failed = 0
    for name in names:
        tc = case(node, path, name)
        if found := [f for f in r.findings if name in f.rules]:
            failure(tc, name, found)
            failed += 1
    node.attrib.update(tests=str(len(names)), failures=str(failed), errors="0")
    return node


def write(results: list[FileResult], rules: list[Rule], out: TextIO) -> None:
    root = ET.Element("testsuites", name="auditor")
    suites = [suite(r, rules) for r in results]
    root.extend(suites)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
