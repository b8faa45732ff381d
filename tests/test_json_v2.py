"""JSON version 2: the output of every fixture and corpus report is valid against the schema
the package ships, its ids are unique per report and survive lines inserted above."""

from __future__ import annotations

import io
import json
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest
from harness import RULES, VOCAB

from auditor.pipeline import audit_path, audit_source
from auditor.read import Source, read_source
from auditor.reporters import json_report

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = sorted(
    p for folder in ("narrative", "tables") for p in (ROOT / "fixtures" / folder).glob("*.txt")
)
REPORTS = (
    sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".pdf")) if CORPUS.exists() else []
)


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(files("auditor").joinpath("schema/findings-v2.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def v2(*results) -> dict:
    out = io.StringIO()
    json_report.write(list(results), out)
    return json.loads(out.getvalue())


def assert_valid(data: dict) -> None:
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_fixture_folders_are_found():
    assert len(FIXTURES) > 40


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_output_is_valid_v2(path):
    data = v2(audit_path(str(path), RULES, VOCAB))
    assert data["version"] == 2
    assert_valid(data)
    ids = [f["id"] for f in data["files"][0]["findings"]]
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(not REPORTS, reason="../shared/corpus not present")
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_corpus_output_is_valid_v2(path):
    data = v2(audit_path(str(path), RULES, VOCAB))
    assert_valid(data)
    (entry,) = data["files"]
    ids = [f["id"] for f in entry["findings"]]
    assert len(ids) == len(set(ids))
    if path.suffix == ".pdf" and entry["findings"]:
        assert all("page" in c for f in entry["findings"] for c in f["cited"])


def test_unreadable_file_is_valid_v2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    data = v2(audit_path(str(empty), RULES, VOCAB))
    assert_valid(data)
    assert data["files"][0]["error"] and data["summary"]["unreadable"] == 1


def test_quantities_are_structured():
    path = ROOT / "fixtures" / "narrative" / "share-bad.txt"
    (finding,) = v2(audit_path(str(path), RULES, VOCAB))["files"][0]["findings"]
    assert finding["title"] == next(r.title for r in RULES if r.id == "share")
    stated, expected = finding["stated"], finding["expected"]
    assert stated == {"value": "93.17", "unit": "%", "text": "93.17%"}
    assert (expected["value"], expected["unit"], expected["text"]) == ("91.37", "%", "91.37%")
    assert expected["low"]["value"] <= expected["value"] <= expected["high"]["value"]
    assert finding["difference"] == {"value": "1.80", "unit": "个百分点", "text": "1.80个百分点"}
    assert [set(c) for c in finding["cited"]] == [{"line", "text"}]  # no page in a text file


def test_id_survives_lines_inserted_above():
    lines = read_source(str(ROOT / "fixtures" / "narrative" / "share-bad.txt")).lines
    moved = ("（以下为补充说明。）", "", *lines[:3], "本段新增，与下文无关。", *lines[3:])
    before, after = (
        audit_source(Source("a.txt", text, "utf-8"), RULES, VOCAB).findings
        for text in (lines, moved)
    )
    assert [f.lines for f in before] != [f.lines for f in after]
    assert [f.id for f in before] == [f.id for f in after] != []


def test_ids_are_hashlibs_sha256():
    """findings digests without hashlib (auditor/findings.py), the same digest."""
    import hashlib

    from auditor import findings

    for key in ("", "yoy\x1f12.5\x1f\x1f3", "占位符\x1fXX" * 40):
        data = key.encode("utf-8")
        assert findings.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_schema_is_installed_with_the_package():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    data = config["tool"]["setuptools"]["package-data"]["auditor"]
    assert "schema/*.json" in data
    assert "jsonschema>=4.18" in config["project"]["optional-dependencies"]["test"]


def test_readme_samples_are_current(monkeypatch):
    """README's JSON samples are what the commands they quote print today."""
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## JSON output") :]
    samples = [
        json.loads(block)
        for block in section.split("```json\n")[1:3]
        for block in [block.split("```")[0]]
    ]
    pdf = audit_path("fixtures/pdf/example-final.pdf", [r for r in RULES if r.id == "yoy"], VOCAB)
    assert samples[0] == v2(pdf)
    text = audit_path("fixtures/diagnosis/transposed.txt", RULES, VOCAB)
    (yoy,) = [f for f in v2(text)["files"][0]["findings"] if f["rule"] == "yoy"]
    assert samples[1] == yoy
