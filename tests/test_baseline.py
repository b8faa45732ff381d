"""Fingerprints that survive edits elsewhere in a report, and the baseline of accepted
findings built on them (auditor/baseline.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from harness import RULES, VOCAB

from auditor import baseline
from auditor.errors import ConfigError
from auditor.pipeline import audit_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "example-final.txt"
TEXT = EXAMPLE.read_text(encoding="utf-8")
PARAGRAPH = "2023年度一般公共预算财政拨款基本支出420.15万元，其中：人员经费\n380.10万元；公用经费40.50万元。"


def _ids(tmp_path: Path, text: str, name: str = "r.txt") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = audit_path(str(path), RULES, VOCAB)
    assert result.error is None and result.figures > 20
    return [(f.rule, f.id) for f in result.findings]


def test_fingerprints_ignore_lines_above_and_rewrapping(tmp_path):
    assert PARAGRAPH in TEXT
    before = _ids(tmp_path, TEXT)
    assert ("sum.personnel-public" in dict(before)) and len(before) == 4
    assert _ids(tmp_path, "\n\n\n\n\n" + TEXT) == before
    rewrapped = PARAGRAPH.replace("人员经费\n380.10万元；", "人员经费380.10万元；\n")
    assert _ids(tmp_path, TEXT.replace(PARAGRAPH, rewrapped)) == before


def test_a_changed_figure_is_a_new_finding(tmp_path):
    before = dict(_ids(tmp_path, TEXT))
    after = dict(_ids(tmp_path, TEXT.replace("公用经费40.50万元", "公用经费40.60万元")))
    assert after["sum.personnel-public"] != before["sum.personnel-public"]
    assert after["share"] == before["share"]  # a finding elsewhere keeps its fingerprint


def _results(tmp_path: Path, text: str) -> list:
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return [audit_path(str(path), RULES, VOCAB)]


def test_baseline_accepts_what_it_recorded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    results = _results(tmp_path, TEXT)
    file = tmp_path / "baseline.json"
    assert baseline.write(results, str(file)) == 4
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["version"] == 1 and {e["path"] for e in data["findings"]} == {"r.txt"}
    same = baseline.Accepted(baseline.load(str(file)), str(file))
    assert same.take(_results(tmp_path, "\n\n" + TEXT)[0]).findings == [] and same.matched == 4
    slipped = TEXT.replace("公用经费40.50万元", "公用经费40.60万元")
    changed = baseline.Accepted(baseline.load(str(file)), str(file))
    left = changed.take(_results(tmp_path, slipped)[0])
    assert changed.matched == 3 and [f.rule for f in left.findings] == ["sum.personnel-public"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "不存在"),
        ("{", "不是可读的基线文件"),
        ('{"version": 9, "findings": []}', "第 1 版"),
        ('{"version": 1, "findings": [{"path": "a"}]}', "缺少"),
        ("[]", "第 1 版"),
    ],
)
def test_a_bad_baseline_is_one_line(tmp_path, content, reason):
    file = tmp_path / "b.json"
    if content is not None:
        file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        baseline.load(str(file))
    assert reason in caught.value.reason and str(file) in str(caught.value)
