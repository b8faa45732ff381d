"""The real reports in ../shared/corpus/seeds: no crash, and the slips checked by hand are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.pipeline import audit_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

SEEDS = sorted((CORPUS / "seeds").glob("*.txt")) if CORPUS.exists() else []
pytestmark = pytest.mark.skipif(not SEEDS, reason="../shared/corpus not present")


def run(loaded, name):
    rules, vocab = loaded
    return audit_path(str(CORPUS / "seeds" / name), rules, vocab)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_seed_is_read(loaded, path):
    result = audit_path(str(path), *loaded)
    assert result.error is None and result.genre in ("决算", "预算") and result.year
    assert result.figures > 50


def errors(result):
    return {(f.rule, f.lines) for f in result.findings if f.severity == "error"}


def test_wuchang_share_of_health_spending(loaded):
    result = run(loaded, "wuchang-2023-final.txt")
    # 90.7 / 2360.7 = 3.84 %, stated 3.9 %: one unit in the last place, a 末位误差 — and
    # the report declares 尾数误差 (本套报表金额单位转换时可能存在尾数误差): info
    assert any(
        f.rule == "share" and f.lines == (403, 405) and f.severity == "info" and f.rounding_only
        for f in result.findings
    )
    assert any(
        f.rule == "zero-base" and f.lines == (425,) for f in result.findings
    )  # 280 % of a 0 budget
    assert result.genre == "决算" and result.year == 2023


def test_jianghan_slips(loaded):
    result = run(loaded, "jianghan-2022-final.txt")
    found = errors(result)
    assert ("agreement", (166, 178)) in found  # 4361.78 vs 4361.89
    assert ("missing-value", (152, 154)) in found  # 一般公共预算财政拨款收入 万元
    assert ("unit-slip", (510,)) in found  # 预算数为1044.77元
    assert not any(f.rule == "share" for f in result.findings)


def test_hongshan_direction_contradiction(loaded):
    result = run(loaded, "hongshan-2022-final.txt")
    assert errors(result) == {
        ("direction", (263, 265)),  # 0 → 2.70 said to be 小于
        # the work summary restated in the 绩效 section with other counts:
        ("count.agreement", (776, 1509)),  # 全区共接入 421 / 430 个行政事业单位…
        ("count.agreement", (786, 1529)),  # 视频会议保障合计 923 / 925 场
        ("count.agreement", (789, 1532)),  # 市、区党政视频会议线路 129 / 131 场
        ("count.agreement", (791, 1534)),  # 等 25 / 26 个部门提供视频会议保障服务
    }


def test_hanyang_budget(loaded):
    result = run(loaded, "hanyang-2023-budget.txt")
    assert result.genre == "预算" and result.year == 2023
