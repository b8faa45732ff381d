"""Across reports (`check --across`, auditor/series.py and the `across` check kind): a
department's budgets and final accounts over three years are paired by name, genre and
year; a figure one report gives of another's year is held to that report."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import RULES, VOCAB
from series_generator import SLIPS, series

from auditor import series as across
from auditor.numbers import Rounding
from auditor.pipeline import audit_path

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT.parent / "shared" / "corpus" / "pdf"


def _check(folder: Path, files: dict[str, str]):
    paths = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    results = [audit_path(p, RULES, VOCAB, across=True) for p in sorted(paths)]
    assert all(r.error is None for r in results)
    return across.check(results, RULES, Rounding.EITHER)


@pytest.mark.parametrize("seed", range(6))
def test_a_consistent_series_is_linked_and_clean(tmp_path, seed):
    files, _ = series(seed)
    results, linked = _check(tmp_path, files)
    pairs = sorted(
        (link.pairing, Path(link.later).name, Path(link.earlier).name) for link in linked.links
    )
    assert pairs == [
        ("budget-prior", "2023-budget.txt", "2022-budget.txt"),
        ("budget-prior", "2024-budget.txt", "2023-budget.txt"),
        ("final-budget", "2022-final.txt", "2022-budget.txt"),
        ("final-budget", "2023-final.txt", "2023-budget.txt"),
        ("final-budget", "2024-final.txt", "2024-budget.txt"),
        ("final-carryover", "2023-final.txt", "2022-final.txt"),
        ("final-carryover", "2024-final.txt", "2023-final.txt"),
        ("final-prior", "2023-final.txt", "2022-final.txt"),
        ("final-prior", "2024-final.txt", "2023-final.txt"),
    ]
    found = [(Path(r.path).name, f.rule, f.message) for r in results for f in r.findings]
    assert found == []
    # what was compared: each later report's priors and quoted budgets found their figures
    profiles = {Path(r.path).name: r.profile for r in results}
    assert len(profiles["2024-budget.txt"].priors) == 2
    assert len(profiles["2024-final.txt"].priors) == 1 and profiles["2024-final.txt"].budgets
    assert set(profiles["2024-final.txt"].balances) == {"opening", "closing"}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("slip", SLIPS)
def test_one_slip_gives_exactly_that_finding_citing_both_files(tmp_path, seed, slip):
    files, (later, earlier) = series(seed, slip)
    results, _ = _check(tmp_path, files)
    found = [(Path(r.path).name, f) for r in results for f in r.findings]
    rule = {"final-carryover": "across.carryover"}.get(slip, f"across.{slip}")
    assert [(name, f.rule) for name, f in found] == [(later, rule)]
    (_, finding) = found[0]
    assert Path(finding.related_file).name == earlier
    cited_files = {Path(dict(p.fields)["file"]).name for p in finding.cited}
    assert cited_files == {later, earlier}
    assert finding.severity == "error"


def test_names_that_hold_one_another_are_one_department():
    profile = across.Profile
    a = profile("a", "上海市普陀区财政局", "部门", "预算", 2024)
    b = profile("b", "普陀区财政局", "部门", "预算", 2025)
    c = profile("c", "上海市财政局", "部门", "预算", 2025)
    d = profile("d", "普陀区财政局", "单位", "预算", 2025)
    linked = across.link([a, b, c, d])
    assert [(link.earlier, link.later) for link in linked.links] == [("a", "b")]
    assert {path for path, _ in linked.alone} == {"c", "d"}
    renamed = across.link([a, c], {"上海市普陀区财政局": "上海市财政局"})
    assert [(link.earlier, link.later) for link in renamed.links] == [("a", "c")]


@pytest.mark.skipif(not PDFS.is_dir(), reason="needs ../shared/corpus")
def test_real_budgets_of_two_years_agree():
    """The 2025 Wanli budget's six figures of 2024 (收入、财政拨款支出、一般公共预算支出
    18,976.76 − 3,355.65; 三公 37.91 + 10; 公务用车购置及运行费 36.56 + 10; 购置费 15 + 10)
    are the 2024 report's own (checked by hand); the Putuo final accounts link to nothing."""
    names = [
        "putuo-wanli-2024-budget.pdf",
        "putuo-wanli-2025-budget.pdf",
        "putuo-finance-2024-final.pdf",
        "putuo-planning-2024-final.pdf",
    ]
    results = [audit_path(str(PDFS / n), RULES, VOCAB, across=True) for n in names]
    checked, linked = across.check(results, RULES, Rounding.EITHER)
    assert [(Path(link.earlier).name, Path(link.later).name) for link in linked.links] == [
        ("putuo-wanli-2024-budget.pdf", "putuo-wanli-2025-budget.pdf")
    ]
    assert {Path(p).name for p, _ in linked.alone} == set(names[2:])
    later = next(r.profile for r in results if r.path.endswith("2025-budget.pdf"))
    earlier = next(r.profile for r in results if r.path.endswith("2024-budget.pdf"))
    compared = {p.key: (p.point, earlier.values[p.key].figure.value) for p in later.priors}
    assert len(compared) == 6 and all(a == b for a, b in compared.values())
    assert not [f for r in checked for f in r.findings if f.rule.startswith("across.")]


def test_the_html_report_lists_the_pairs(tmp_path):
    from auditor.reporters import html

    files, _ = series(0)
    results, linked = _check(tmp_path, files)
    page = html.render(results, RULES, linked)
    assert "跨报告比对：9 对" in page and "决算对同年预算：" in page
    assert "跨报告比对" not in html.render(results, RULES)
