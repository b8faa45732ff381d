"""The library: `from auditor import audit` on a path, a text, bytes (text or PDF) and with a
rules folder of one's own; `import auditor` loads nothing else."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from harness import RULES, VOCAB

import auditor
from auditor import audit
from auditor.errors import InputError
from auditor.findings import Quantity
from auditor.pipeline import audit_path

ROOT = Path(__file__).resolve().parents[1]
NARRATIVE = ROOT / "fixtures" / "narrative"
SHARE_BAD = NARRATIVE / "share-bad.txt"
EXAMPLE_PDF = ROOT / "fixtures" / "pdf" / "example-final.pdf"
CORPUS_PDF = sorted(
    (ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"), key=lambda p: p.stat().st_size
)
TRAVEL = (
    "2023年度部门决算\n六、基本支出情况说明\n2023年度公用经费10.00万元，其中：出差费12.00万元。\n"
)


def test_import_is_cheap():
    code = (
        "import sys, auditor; "
        "print(sorted(m for m in sys.modules if m.startswith(('auditor.', 'regex', 'yaml', "
        "'pdfplumber', 'rich', 'click'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert auditor.Result.__name__ == "Result"  # loaded on first use


def test_path_gives_findings_facts_and_tables():
    result = audit(SHARE_BAD)
    assert (result.path, result.genre, result.year) == (str(SHARE_BAD), "决算", 2021)
    (finding,) = result.findings
    assert (finding.rule, finding.severity, finding.lines) == ("share", "error", (11,))
    assert finding.stated == Quantity(Decimal("93.17"), "%", "93.17%")
    assert finding.expected == Quantity(Decimal("91.37"), "%", "91.37%")
    assert finding.title and finding.id and finding.cited[0].line == 11
    assert "93.17%" in finding.cited[0].text and finding.cited[0].page is None
    rates = [f for f in result.facts if f.figure.unit == "%"]
    assert [f.figure.text for f in rates] == ["6.59%", "93.17%", "70.46%"]
    assert result.figures == len(result.facts) == 11 and result.tables == []
    assert all(dataclasses.is_dataclass(x) for x in (result, finding, *result.facts))
    # the same findings as the command line's
    assert result.findings == audit_path(str(SHARE_BAD), RULES, VOCAB).findings
    assert audit(str(SHARE_BAD)).findings == result.findings


def test_text_and_its_bytes():
    data = (NARRATIVE / "yoy-bad-gbk.txt").read_bytes()
    from_path = audit(NARRATIVE / "yoy-bad-gbk.txt")
    from_bytes = audit(data)
    from_text = audit(data.decode("gb18030"))
    assert (from_bytes.path, from_text.path) == ("<bytes>", "<text>")
    assert [f.rule for f in from_path.findings] == ["yoy"]
    for other in (from_bytes, from_text):
        assert other.findings == from_path.findings
        assert [f.id for f in other.findings] == [f.id for f in from_path.findings]
        assert other.lines == from_path.lines


def test_pdf_bytes():
    result = audit(EXAMPLE_PDF.read_bytes())
    assert (result.path, result.genre, result.pages) == ("<bytes>", "决算", 5)
    assert sorted(f.rule for f in result.findings) == ["table.columns", "table.total", "yoy"]
    assert {t.standard for t in result.tables} >= {"支出表"}
    assert all(p.page for f in result.findings for p in f.cited)


@pytest.mark.skipif(not CORPUS_PDF, reason="../shared/corpus not present")
def test_corpus_pdf_bytes():
    path = next(p for p in CORPUS_PDF if "template" not in p.name)  # the smallest report
    from_bytes, from_path = audit(path.read_bytes()), audit(path)
    assert from_bytes.figures == from_path.figures > 50
    assert [f.id for f in from_bytes.findings] == [f.id for f in from_path.findings]


def test_own_rules_folder(tmp_path):
    (tmp_path / "vocabulary.yaml").write_text("concepts:\n  差旅费: [差旅费, 出差费]\n", "utf-8")
    (tmp_path / "mine.yaml").write_text(
        "rules:\n  - id: mine.travel\n    title: 差旅费应在公用经费之内\n    kind: identity\n"
        "    severity: error\n    left: [差旅费]\n    relation: le\n    right: [公用经费]\n",
        encoding="utf-8",
    )
    assert audit(TRAVEL).findings == []
    (finding,) = audit(TRAVEL, rules=tmp_path).findings
    assert (finding.rule, finding.title) == ("mine.travel", "差旅费应在公用经费之内")
    assert finding.stated == Quantity(Decimal("10.00"), "万元", "10.00万元")
    assert finding.difference == Quantity(Decimal("-2.00"), "万元", "-2.00万元")
    assert audit(TRAVEL, rules=str(tmp_path)).findings == [finding]


def test_rounding_and_refusals(tmp_path):
    text = "2024年度示例局部门决算\n本年支出合计9759.38万元。一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%。\n"
    assert audit(text, rounding="truncate").findings == []
    assert [f.severity for f in audit(text, rounding="half-up").findings] == ["warning"]
    with pytest.raises(ValueError):
        audit(text, rounding="banker")
    with pytest.raises(InputError):
        audit(b"")
    with pytest.raises(InputError):
        audit(tmp_path / "missing.txt")
    assert audit("没有数字的一句话").figures == 0  # read, but nothing to check


def test_readme_example_is_current(monkeypatch):
    import doctest

    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme[readme.index("```python\n>>> from auditor") + len("```python\n") :]
    block = block[: block.index("```")]
    runnable = "\n".join(  # the last lines name files of the reader's own
        line for line in block.splitlines() if "report.pdf" not in line and "my-rules" not in line
    )
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(runnable, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_audit_many_gives_each_file_in_order_as_the_command_does(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.txt"):
        (tmp_path / name).write_bytes(SHARE_BAD.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(auditor.audit_many([tmp_path / "a.txt", tmp_path], jobs=2))
    assert [Path(r.path).relative_to(tmp_path).as_posix() for r in results] == [
        "a.txt",
        "b/2.txt",
        "empty.txt",
    ]
    assert (
        results[0].findings
        == results[1].findings
        == audit_path(str(SHARE_BAD), RULES, VOCAB).findings
    )
    assert results[2].error == "文件为空"
