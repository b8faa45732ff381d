"""The CI formats (SARIF, GitHub annotations, GitLab Code Quality, JUnit XML) carry every
finding of every report, at its line (and page, for a PDF); SARIF validates against the
2.1.0 schema, on the fixtures and on every report in ../shared/corpus when present."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import jsonschema
import pytest
from harness import RULES, VOCAB

from auditor.batch import audit_all
from auditor.findings import Finding
from auditor.numbers import Rounding
from auditor.pipeline import FileResult, audit_path
from auditor.reporters import github, gitlab, junit, sarif

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
FIXTURES = [
    ROOT / "fixtures" / "example-final.txt",
    *sorted((ROOT / "fixtures").rglob("*-bad.txt")),
    ROOT / "fixtures" / "pdf" / "example-final.pdf",
    ROOT / "fixtures" / "formats" / "report.docx",
]
AS_ONE = [str(ROOT / "fixtures" / "formats" / n) for n in ("narrative.docx", "tables.xlsx")]
MISSING = "no-such-report.txt"
ANNOTATION = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")


def render(module, results: list[FileResult]) -> str:
    out = io.StringIO()
    module.write(results, RULES, out)
    return out.getvalue()


def findings(results: list[FileResult]) -> list[Finding]:
    return [f for r in results for f in r.findings]


def shown(f: Finding):
    return (f.cited or f.every_place)[0]


@pytest.fixture(scope="module")
def fixtures() -> list[FileResult]:
    results = [audit_path(str(p), RULES, VOCAB) for p in FIXTURES]
    results.append(audit_path(AS_ONE, RULES, VOCAB))
    assert sum(len(r.findings) for r in results) > 20
    assert any(f.cited and f.cited[0].page for f in findings(results))
    return results


@pytest.fixture(scope="module")
def corpus() -> list[FileResult]:
    paths = sorted(str(p) for sub in ("pdf", "seeds", "text") for p in (CORPUS / sub).glob("*.*"))
    if not paths:
        pytest.skip("../shared/corpus not present")
    return list(audit_all(paths, RULES, VOCAB, Rounding.EITHER, jobs=2))


@pytest.fixture(scope="module", params=["fixtures", "corpus"])
def results(request) -> list[FileResult]:
    return request.getfixturevalue(request.param)


# --- SARIF -------------------------------------------------------------------------------


def validate(log: dict) -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(log), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_sarif_validates_and_carries_every_finding(results):
    log = json.loads(render(sarif, results))
    validate(log)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auditor" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in RULES]
    every = findings(results)
    assert [r["ruleId"] for r in run["results"]] == [f.rule for f in every]
    for res, f in zip(run["results"], every, strict=True):
        assert driver["rules"][res["ruleIndex"]]["id"] == f.rule
        assert res["level"] == sarif.LEVEL[f.severity]
        assert res["partialFingerprints"] == {"auditor/v1": f.id}
        assert res["properties"]["rules"] == list(f.rules)
        assert res["properties"]["rounding_only"] == f.rounding_only
        assert f.message in res["message"]["text"]
        region = res["locations"][0]["physicalLocation"]["region"]
        place = shown(f)
        assert region["startLine"] == place.line
        if place.page:
            assert region["properties"]["page"] == place.page
            assert res["locations"][0]["logicalLocations"][0] == {
                "name": f"p{place.page}:L{place.line}",
                "kind": "page",
            }
        assert len(res.get("relatedLocations", [])) == len(f.every_place) - 1
    assert run["invocations"][0]["executionSuccessful"] == (not any(r.error for r in results))


def test_sarif_rules_say_severity_and_formula():
    driver = json.loads(render(sarif, []))["runs"][0]["tool"]["driver"]
    for descriptor, rule in zip(driver["rules"], RULES, strict=True):
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["name"][0].isupper() and "." not in descriptor["name"]
        assert descriptor["defaultConfiguration"]["level"] == sarif.LEVEL[rule.severity]
        assert "检查的公式" in descriptor["help"]["text"]


def test_sarif_uri_is_relative_posix_and_encoded(fixtures):
    run = json.loads(render(sarif, fixtures[:1]))["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == quote(Path(os.path.relpath(fixtures[0].path)).as_posix())
    odd = FileResult("报告 2024#1.txt", findings=fixtures[0].findings[:1])
    log = json.loads(render(sarif, [odd]))
    validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == quote("报告 2024#1.txt")
    assert "%20" in location["artifactLocation"]["uri"]


def test_sarif_related_locations_for_multi_line_findings(fixtures):
    log = json.loads(render(sarif, fixtures))
    pairs = zip(log["runs"][0]["results"], findings(fixtures), strict=True)
    multi = [(res, f) for res, f in pairs if len(f.every_place) > 1]
    assert multi
    for res, f in multi:
        related = res["relatedLocations"]
        assert [r["id"] for r in related] == list(range(1, len(related) + 1))
        lines = [r["physicalLocation"]["region"]["startLine"] for r in related]
        assert lines == [p.line for p in f.every_place if p != shown(f)]
        assert all(r["message"]["text"] for r in related)


def test_sarif_culprit_in_message_and_properties(fixtures):
    log = json.loads(render(sarif, fixtures))
    pairs = zip(log["runs"][0]["results"], findings(fixtures), strict=True)
    pairs = [(res, f) for res, f in pairs if f.culprit]
    assert pairs
    for res, f in pairs:
        assert f.culprit.explanation in res["message"]["text"]
        assert res["properties"]["culprit"]["suggested"]["text"] == f.culprit.suggested.text


def test_sarif_unreadable_file_is_a_notification():
    log = json.loads(render(sarif, [audit_path(MISSING, RULES, VOCAB)]))
    validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and MISSING in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == MISSING
    assert log["runs"][0]["results"] == []


# --- GitHub ------------------------------------------------------------------------------


def unescape(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def annotations(text: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in text.splitlines():
        m = ANNOTATION.fullmatch(line)
        assert m, line
        props = dict(part.split("=", 1) for part in m.group(2).split(","))
        out.append((m.group(1), {k: unescape(v) for k, v in props.items()}, unescape(m.group(3))))
    return out


def test_github_annotates_every_finding(results):
    found = annotations(render(github, results))
    every = findings(results)
    unreadable = [r for r in results if r.error]
    assert len(found) == len(every) + len(unreadable)
    found = [a for a in found if "title" in a[1]]
    for (name, props, message), f in zip(found, every, strict=True):
        assert name == github.COMMAND[f.severity]
        assert props["title"].startswith(f"{f.rule} ")
        assert props["line"] == str(shown(f).line)
        assert message.startswith(f.message)
        if shown(f).page:
            assert f"第{shown(f).page}页" in props["title"]


def test_github_escapes_properties_and_message(fixtures):
    f = replace(
        fixtures[0].findings[0], message="甲,乙:丙\n丁 100%\r", title="标题,含:冒号", culprit=None
    )
    text = render(github, [FileResult("dir/a,b:c.txt", findings=[f])])
    assert text.count("\n") == 1
    assert "file=dir/a%2Cb%3Ac.txt," in text and "%0A" in text and "%0D" in text
    ((_, props, message),) = annotations(text)
    assert props["file"] == "dir/a,b:c.txt"
    assert props["title"] == f"{f.rule} 标题,含:冒号"
    assert message == "甲,乙:丙\n丁 100%\r"


def test_github_unreadable_file():
    text = render(github, [audit_path(MISSING, RULES, VOCAB)])
    assert text == f"::error file={MISSING}::文件不存在\n"


# --- GitLab ------------------------------------------------------------------------------


def test_gitlab_carries_every_finding(results):
    issues = json.loads(render(gitlab, results))
    every = findings(results)
    assert len(issues) == len(every) + sum(1 for r in results if r.error)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    issues = [i for i in issues if i["check_name"] != gitlab.UNREADABLE]
    for issue, f in zip(issues, every, strict=True):
        assert issue["check_name"] == f.rule
        assert issue["severity"] == gitlab.SEVERITY[f.severity]
        assert issue["location"]["lines"]["begin"] == shown(f).line
        assert issue["location"]["path"] and not issue["location"]["path"].startswith("/")
        assert f.message in issue["description"]
        if shown(f).page:
            assert issue["description"].startswith(f"第{shown(f).page}页第{shown(f).line}行")


def test_gitlab_fingerprint_depends_on_path_and_id(fixtures):
    f = fixtures[0].findings[0]
    two = [FileResult("a.txt", findings=[f]), FileResult("b.txt", findings=[f])]
    one = json.loads(render(gitlab, two))
    assert one[0]["fingerprint"] != one[1]["fingerprint"]
    moved = replace(f, cited=tuple(replace(p, line=p.line + 5) for p in f.cited))
    again = json.loads(render(gitlab, [FileResult("a.txt", findings=[moved])]))
    assert again[0]["fingerprint"] == one[0]["fingerprint"]


def test_gitlab_unreadable_file():
    (issue,) = json.loads(render(gitlab, [audit_path(MISSING, RULES, VOCAB)]))
    assert issue["location"] == {"path": MISSING, "lines": {"begin": 1}}
    assert issue["description"] == "文件不存在" and issue["severity"] == "critical"


# --- JUnit -------------------------------------------------------------------------------


def test_junit_a_suite_a_report_a_case_a_rule(results):
    root = ET.fromstring(render(junit, results))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(results)
    for suite, r in zip(suites, results, strict=True):
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        if r.error:
            assert [c.find("error").get("message") for c in cases] == [r.error]
            continue
        applied = {rule.id for rule in RULES if rule.applies(r.genre)}
        assert {c.get("name") for c in cases} == applied | {n for f in r.findings for n in f.rules}
        failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
        assert set(failed) == {n for f in r.findings for n in f.rules}
        assert suite.get("failures") == str(len(failed))
        for name, failure in failed.items():
            mine = [f for f in r.findings if name in f.rules]
            assert failure.text.count("\n[") + 1 == len(mine)
            assert failure.get("type") in {f.severity for f in mine} | {
                g.severity for f in mine for g in f.also
            }
            for f in mine:
                if f.rule == name:
                    assert f.message in failure.text
                    if shown(f).page:
                        assert f"第{shown(f).page}页第" in failure.text
    assert root.get("failures") == str(sum(int(s.get("failures")) for s in suites))
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites))


def test_junit_rounding_only_findings_fail_too(fixtures):
    f = replace(fixtures[0].findings[0], rounding_only=True, severity="info")
    root = ET.fromstring(render(junit, [replace(fixtures[0], findings=[f])]))
    (failure,) = root.findall(".//failure")
    assert failure.get("type") == "info" and f.message in failure.text


def test_junit_escapes_and_drops_what_xml_cannot_hold(fixtures):
    f = replace(fixtures[0].findings[0], message='<a & "b">\x01\x0b')
    root = ET.fromstring(render(junit, [replace(fixtures[0], findings=[f])]))
    failure = root.find(".//failure")
    assert failure.get("message").startswith('1 处：<a & "b">')
    assert '<a & "b">' in failure.text


def test_junit_unreadable_file():
    root = ET.fromstring(render(junit, [audit_path(MISSING, RULES, VOCAB)]))
    assert root.get("errors") == "1" and root.get("tests") == "1"
    case = root.find("testsuite/testcase")
    assert case.get("classname") == MISSING
    assert case.find("error").get("message") == "文件不存在"
