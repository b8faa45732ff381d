"""Counts (个, 次, 辆 …) read as facts of their own and compared where they are stated twice:
synthetic excerpts in fixtures/counts (a correct one and a copy with three slips), the
phrasings that must stay silent, and the real slips of the seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import RULES, VOCAB, audit, findings

from auditor.document import build_document
from auditor.pipeline import audit_path
from auditor.read import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "counts"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def counts(path: Path) -> set[tuple]:
    source = read_source(str(path))
    doc = build_document(str(path), source.lines, VOCAB)
    return {(c.lines, c.value, c.unit, c.subject, c.period) for c in doc.counts}


def count_findings(text: str) -> set[tuple]:
    return {
        (f.rule, f.severity, f.lines) for f in audit(text).findings if f.rule == "count.agreement"
    }


def test_rule_is_loaded():
    assert any(r.id == "count.agreement" and r.params == {"least": 10} for r in RULES)


def test_correct_excerpt_reads_its_counts_and_says_nothing():
    assert findings(FIXTURES / "counts-ok.txt") == set()
    read = counts(FIXTURES / "counts-ok.txt")
    # the restated counts are read, in both places
    for line in (10, 34):
        assert ((line,), 356, "个", None, "current") in read
    for line in (14, 35):
        assert ((line,), 18, "个", None, "current") in read
    assert ((15,), 575, "场", None, "prior") in read  # 2021 年
    assert ((12,), 40312, "件", None, "since2018") in read  # 自 2018 年…以来累计
    # vehicles: by the vocabulary's subjects, 一辆 in Chinese numerals included
    assert ((24,), 1, "辆", "财政拨款公务用车保有量", "current") in read
    assert ((27,), 2, "辆", "车辆总数", "current") in read
    assert ((27,), 1, "辆", "公务用车保有量", "current") in read
    values = {c[1] for c in read}
    # not read: 约 6200 台, 1180 余次 (approximate), 计划 300 人次 / 20 个 (a plan), 3 个月
    assert not values & {6200, 1180, 300}
    assert not any(c[0] == (33,) and c[1] == 3 for c in read)
    assert not any(c[0] == (31,) for c in read)


def test_broken_copy_reports_each_slip_at_its_lines():
    assert findings(FIXTURES / "counts-bad.txt") == {
        ("count.agreement", "error", (10, 34)),  # 全区共接入 356 / 365 个
        ("count.agreement", "error", (14, 35)),  # 等 18 / 19 个部门
        ("count.agreement", "error", (24, 27)),  # 财政拨款的保有量 2 辆 > 仅保留一辆公务用车
    }


def test_fixtures_differ_only_on_the_slips():
    ok = read_source(str(FIXTURES / "counts-ok.txt")).lines
    bad = read_source(str(FIXTURES / "counts-bad.txt")).lines
    assert [n for n, (a, b) in enumerate(zip(ok, bad, strict=True), 1) if a != b] == [24, 34, 35]


HEAD = "某区数据中心2022年度部门决算\n一、主要工作\n三公经费财政拨款支出决算为 1.00 万元。\n"


def test_sibling_projects_with_like_sentences_are_not_compared():
    text = (
        HEAD + "（一）网络安全运维项目\n开展业务培训 3 次，完成等级保护测评系统 2 个。\n"
        "（二）数据治理项目\n开展业务培训 5 次，完成等级保护测评系统 4 个。\n"
    )
    assert count_findings(text) == set()


def test_three_different_values_of_one_sentence_are_a_list():
    text = HEAD + "".join(
        f"{n}、第{n}项目\n全年开展专题业务培训 {k} 次，覆盖全部下属单位和社区。\n"
        for n, k in (("二", 3), ("三", 5), ("四", 2))
    )
    assert count_findings(text) == set()


def test_restated_in_another_part_is_compared():
    text = (
        HEAD + "全年开展专题业务培训 3 次，覆盖全部下属单位和社区。\n"
        "二、绩效自评情况\n2022 年全年开展专题业务培训 4 次，覆盖全部下属单位和社区。\n"
    )
    assert count_findings(text) == {("count.agreement", "error", (4, 6))}


@pytest.mark.parametrize(
    "second",
    [
        "2021 年全年开展专题业务培训 4 次，覆盖全部下属单位和社区。",  # another year
        "全年计划开展专题业务培训 4 次，覆盖全部下属单位和社区。",  # a plan
        "全年开展专题业务培训约 4 次，覆盖全部下属单位和社区。",  # approximate
        "全年开展专题业务培训 4 余次，覆盖全部下属单位和社区。",  # approximate
        "自 2018 年以来累计开展专题业务培训 4 次，覆盖全部下属单位和社区。",  # cumulative
        "全年开展专题业务培训 4 次，覆盖全部下属单位。",  # another sentence
        "开展业务培训 3 次。开展业务培训 4 次。",  # too little said to know it is the same
    ],
)
def test_other_periods_and_phrasings_are_not_compared(second):
    first = second.replace("4", "3") if "开展业务培训 3 次。" in second else None
    text = HEAD + (first or "全年开展专题业务培训 3 次，覆盖全部下属单位和社区。") + "\n"
    text += "二、绩效自评情况\n" + second + "\n"
    assert count_findings(text) == set()


def test_vehicles_of_the_three_public_section_and_the_asset_section():
    three = "截至 2022 年 12 月 31 日，开支财政拨款的公务用车保有量 {} 辆。\n"
    assets = "二、国有资产占用情况\n截至 2022 年 12 月 31 日，本部门共有车辆 {} 辆。\n"
    assert count_findings(HEAD + three.format(2) + assets.format(3)) == set()  # part ≤ whole
    assert count_findings(HEAD + three.format(3) + assets.format(2)) == {
        ("count.agreement", "error", (4, 6))
    }
    # a 预算 states last year's vehicles (截至2024年8月31日) and this year's purchases apart
    budget = (
        "某区数据中心2025年度部门预算\n一、国有资产占用情况\n预算收入 10.00 万元。\n"
        "截至2024年8月31日，本部门共有车辆8辆，其中：其他用车8辆。\n"
        "2025年部门预算安排购置车辆1辆，其中：其他用车1辆。\n"
    )
    assert count_findings(budget) == set()


SEEDS = CORPUS / "seeds"


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/corpus not present")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "hongshan-2022-final.txt",
            {
                (776, 1509),  # 全区共接入 421 / 430 个行政事业单位、基层站所和社区
                (786, 1529),  # 1-12 月视频会议保障合计 923 / 925 场
                (789, 1532),  # 市、区党政视频会议线路 129 / 131 场
                (791, 1534),  # 等 25 / 26 个部门提供视频会议保障服务
            },
        ),
        ("jianghan-2022-final.txt", {(400, 432)}),  # 公务用车保有量 2 辆 / 仅保留一辆公务用车
        ("hongshan-2020-final.txt", set()),
        ("wuchang-2023-final.txt", set()),
        ("hanyang-2023-budget.txt", set()),
    ],
)
def test_real_count_slips(loaded, name, expected):
    result = audit_path(str(SEEDS / name), *loaded)
    found = {f.lines for f in result.findings if f.rule == "count.agreement"}
    assert found == expected
    assert all(f.severity == "error" for f in result.findings if f.rule == "count.agreement")


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not present")
@pytest.mark.parametrize(
    "path",
    sorted([*(CORPUS / "pdf").glob("*.pdf"), *(CORPUS / "text").glob("*.txt")])
    if CORPUS.exists()
    else [],
    ids=lambda p: p.name,
)
def test_no_count_finding_on_the_other_real_reports(loaded, path):
    result = audit_path(str(path), *loaded)
    assert [f for f in result.findings if f.rule == "count.agreement"] == []
