"""Check kinds keep their contract: each module names its kind, declares its parameters, and
documents them with an example rule whose 通过 text passes and whose 报错 text is reported;
`auditor explain` works for every loaded rule; README's rules table is the generated one."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from auditor import series
from auditor.checks import KINDS, MODULES
from auditor.checks.shared.contract import contract
from auditor.cli import main
from auditor.docs import README, updated
from auditor.numbers import Rounding
from auditor.pipeline import audit_source
from auditor.read import Source
from auditor.rules import parse_text, shapes
from tests.harness import RULES, VOCAB, show


def _run(text: str, rule):
    if getattr(MODULES[rule.kind], "PAIRED", False):
        return _run_pair(text, rule)
    # a kind that reviews the other checks' findings (table_unread) runs with all of them
    rules = [rule, *RULES] if hasattr(MODULES[rule.kind], "review") else [rule]
    result = audit_source(Source("example.txt", tuple(text.split("\n")), "utf-8"), rules, VOCAB)
    assert result.error is None, result.error
    return [f for f in result.findings if f.rule == rule.id]


def _run_pair(text: str, rule):
    """A kind that holds two reports together: its examples are the earlier report and the
    later one, separated by a line =====."""
    earlier, later = text.split("\n=====\n")
    profiles = [
        audit_source(Source(f"{name}.txt", tuple(t.split("\n")), "utf-8"), [], VOCAB, across=True)
        for name, t in (("earlier", earlier), ("later", later))
    ]
    results, _ = series.check(profiles, [rule], Rounding.EITHER)
    return [f for r in results for f in r.findings if f.rule == rule.id]


@pytest.mark.parametrize("kind", sorted(MODULES))
def test_kind_declares_its_contract(kind):
    module = MODULES[kind]
    assert module.KIND == kind and KINDS[kind] is module.Params
    params = module.Params.__dataclass_params__
    assert dataclasses.is_dataclass(module.Params) and params.frozen
    c = contract(module)
    assert set(c.parameters) == set(shapes(module.Params)), c.sections["参数"]
    rule = parse_text(c.example_yaml(), f"{kind}.py:示例", KINDS, VOCAB)[0]
    assert rule.kind == kind
    assert "{" not in c.formula(rule.params), c.formula(rule.params)


@pytest.mark.parametrize("kind", sorted(MODULES))
def test_docstring_examples_are_real(kind):
    c = contract(MODULES[kind])
    (rule,) = parse_text(c.example_yaml(), f"{kind}.py:示例", KINDS, VOCAB)
    passing = _run(c.sections["通过"], rule)
    assert passing == [], show(passing)
    failing = _run(c.sections["报错"], rule)
    assert failing, f"{kind}: the 报错 example gives no finding of {rule.id}"


def test_explain_works_for_every_loaded_rule():
    runner = CliRunner()
    listed = runner.invoke(main, ["rules"]).output
    assert RULES
    for rule in RULES:
        assert rule.id in listed
        result = runner.invoke(main, ["explain", rule.id])
        assert result.exit_code == 0, (rule.id, result.output)
        out = result.output
        assert out.startswith(f"{rule.id}：{rule.title}"), out
        for part in (
            "检查类型：",
            "严重程度：",
            "适用于：",
            "参数",
            "检查的公式：",
            "允许的尾数误差：",
        ):
            assert part in out, (rule.id, part)
        assert "通过的例子：" in out and "报错的例子：" in out
        for value in rule.params:
            assert f"{value}:" in out, (rule.id, value)


def test_explain_names_the_sum_formula():
    result = CliRunner().invoke(main, ["explain", "sum.basic-project"])
    assert (
        "支出合计 = 基本支出 + 项目支出 (+ 可选: 上缴上级支出 + 经营支出 + 对附属单位补助支出)"
        in (result.output)
    )
    assert "尾数误差" in result.output


def test_explain_unknown_rule_is_a_one_line_error():
    result = CliRunner().invoke(main, ["explain", "no.such-rule"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no.such-rule" in result.output


def test_readme_rules_table_is_current():
    text = README.read_text(encoding="utf-8")
    assert updated(text) == text, "README's rules table is stale: run python -m auditor.docs"
