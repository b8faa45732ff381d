"""Every real report in ../shared/corpus, audited by hand (exact Decimal arithmetic, every
identity found): each error the tool reports is one of the hand-verified inconsistencies, at
its lines, and nothing else is an error; the small real slips reported as warnings are there;
and what was read is asserted, so that a reader that reads nothing cannot pass.

Hand-audit verdicts, per report (what is real, what is not an error):

- putuo-finance-2024-final: 一般公共服务支出 2106.66 ÷ 2940.05 = 71.65 %, printed 71.73 %, and
  the four class shares add to 100.07 % (p21).
- putuo-planning-2024-final: the narrative's 基本支出 5377.64 / 人员经费 4896.98 are the
  all-funds figures, the 一般公共预算 tables say 5364.75 / 4884.09; "下降（增长）" left in.
- putuo-socialwork-2024-final: the template's "仍保留该表格式…作下述说明" left in twice;
  rates of 100 % on a zero base (the unit was founded that year) are warnings.
- putuo-wanli-2024-budget: 住房公积金 350.35 then 352.67 in one sentence whose 0.53 % fits
  350.35 and the tables say 350.35 (p9:L19); the 三公 table's note says 无 beside a table and a narrative of 47.91
  (p31:L7, p32:L3); a reason saying 经费增加 for a decrease of 2.98 % (p6:L18); a 100 % rate
  on a 0.00 base (p7) is a warning. Not caught: building areas that do not add up (p33, m²).
- putuo-wanli-2025-budget, shanghai-finance-2025-budget: no inconsistency; their tables are
  in 元 (the unit on the 编制部门 line), two-sided, with numbered sub-lines, codes in
  类 | 款 | 项 columns; the 1 元 differences are rounding (warnings at most).
- swu-2023-final: 科学技术支出 2,536.65 ÷ 457,676.75 = 0.554 %, printed 0.56 % so that the
  shares add to 100 % (p17: a last-place warning); 其中 columns, the 合计 row first, a
  continuation page with collapsed code columns, "收入总计/支出总计" for the year's income
  and spending: no error.
- swu-2024-budget: 1,723.93 ÷ 244,675.66 = 0.705 %, printed 0.71 % (p14, a warning).
- chongqing-transport-2018-budget: no inconsistency.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import RULES, VOCAB

from auditor.pipeline import FileResult, audit_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not present")

Cited = tuple[tuple[int | None, int], ...]

ERRORS: dict[str, set[tuple[str, Cited]]] = {
    "pdf/putuo-finance-2024-final.pdf": {
        ("share", ((21, 24), (21, 25))),
        ("share-sum", ((21, 24), (21, 25), (21, 26), (21, 27))),
    },
    "pdf/putuo-planning-2024-final.pdf": {
        ("table.narrative", ((15, 4), (24, 14))),
        ("table.narrative", ((16, 42), (24, 15))),
        ("document.placeholder", ((25, 12),)),
    },
    "pdf/putuo-socialwork-2024-final.pdf": {
        ("document.placeholder", ((15, 7),)),
        ("document.placeholder", ((16, 7),)),
    },
    "pdf/putuo-wanli-2024-budget.pdf": {
        ("yoy", ((9, 19),)),
        ("table.subject", ((9, 19), (26, 5))),  # 352.67 where the tables say 350.35
        ("direction.reason", ((6, 18), (6, 19))),  # 减少2.98%，主要原因是…经费增加
        ("agreement", ((31, 7), (32, 3))),
    },
    "pdf/putuo-wanli-2025-budget.pdf": set(),
    "pdf/shanghai-finance-2025-budget.pdf": set(),
    "pdf/swu-2023-final.pdf": set(),
    "pdf/swu-2024-budget.pdf": set(),
    "text/chongqing-transport-2018-budget.txt": set(),
}

# Real slips of one unit in the last place: reported, as warnings.
WARNINGS: dict[str, set[tuple[str, Cited]]] = {
    "pdf/putuo-wanli-2024-budget.pdf": {("zero-base", ((7, 5), (7, 6)))},
    "pdf/swu-2023-final.pdf": {("share", ((17, 2), (17, 6), (17, 7)))},
    "pdf/swu-2024-budget.pdf": {("share", ((13, 8), (14, 1)))},
}

# What was read: standard tables recognised, and at least this many figures.
READ: dict[str, tuple[int, int]] = {
    "pdf/putuo-finance-2024-final.pdf": (9, 250),
    "pdf/putuo-planning-2024-final.pdf": (9, 400),
    "pdf/putuo-socialwork-2024-final.pdf": (9, 250),
    "pdf/putuo-wanli-2024-budget.pdf": (9, 1000),
    "pdf/putuo-wanli-2025-budget.pdf": (9, 900),
    "pdf/shanghai-finance-2025-budget.pdf": (9, 280),
    "pdf/swu-2023-final.pdf": (4, 280),
    "pdf/swu-2024-budget.pdf": (4, 500),
    "text/chongqing-transport-2018-budget.txt": (0, 26),
}


def audit(name: str) -> FileResult:
    result = audit_path(str(CORPUS / name), RULES, VOCAB)
    assert result.error is None, result.error
    return result


def found(result: FileResult, severity: str) -> set[tuple[str, Cited]]:
    return {
        (f.rule, tuple((c.page, c.line) for c in f.cited))
        for f in result.findings
        if f.severity == severity
    }


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_every_error_is_a_verified_inconsistency(name):
    result = audit(name)
    assert found(result, "error") == ERRORS[name]
    assert WARNINGS.get(name, set()) <= found(result, "warning")
    tables, figures = READ[name]
    assert result.tables == tables and result.figures >= figures


def test_the_template_is_only_placeholders():
    result = audit("pdf/final-accounts-template.pdf")
    rules = {f.rule for f in result.findings if f.severity == "error"}
    assert rules == {"document.placeholder"}


def test_shanghai_tables_read_in_yuan_with_sub_lines():
    """The 元 unit on the 编制部门 line; 1. 一般公共预算资金 a part of 一、财政拨款收入."""
    from auditor.pipeline import check_source
    from auditor.read import read_source

    doc, _ = check_source(
        read_source(str(CORPUS / "pdf/shanghai-finance-2025-budget.pdf")), RULES, VOCAB
    )
    units = {t.standard: t.unit for t in doc.tables if t.standard}
    assert units["收支总表"] == "元" and units["三公经费表"] == "万元"
    table = next(t for t in doc.tables if t.standard == "收支总表")
    sub = next(r for r in table.rows if r.label == "一般公共预算资金")
    assert table.rows[sub.part_of].label == "财政拨款收入"
