"""The domain words of rules/vocabulary.yaml: every list is loaded and validated, a user's
folder replaces a word list or adds no_data notes, and a bad entry is a one-line error naming
the file and the entry."""

from __future__ import annotations

import pytest

from auditor import audit
from auditor.checks import KINDS
from auditor.errors import RulesError
from auditor.rules import load

HEAD = "2024年度示例局部门决算\n"


def _vocab(tmp_path, text: str):
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    return load(tmp_path, KINDS)[1]


def test_builtin_sections_are_loaded():
    _, vocab = load(None, KINDS)
    assert vocab.default_scope == "全部"
    assert vocab.budget_bases == ("年初预算", "调整预算", "预算")
    assert vocab.budget_named("决算数大于全年预算数") == "调整预算"
    assert vocab.changes["increase"][0] == "增加" and "节约" in vocab.changes["decrease"]
    assert vocab.relations["more"][0] == "大于" and "持平" in vocab.relations["equal_with"]
    assert "去年" in vocab.lists["prior"] and "包括" in vocab.lists["head_markers"]
    assert vocab.says_no_data("说明：本部门本年度无政府性基金预算财政拨款收入，故 本表无数据。")
    assert not vocab.says_no_data("注：本表反映部门本年度政府性基金预算财政拨款收入、支出情况。")
    pattern = vocab.compiled("(?:{increase})$")
    assert pattern is vocab.compiled("(?:{increase})$")  # compiled once per vocabulary


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("changes:\n  increase: [增加, '']\n  decrease: [减少]\n", "changes.increase"),
        ("changes:\n  increase: [增加]\n", "changes"),
        ("relations: [大于]\n", "relations"),
        ("prior: 上年\n", "prior"),
        ("head_markers: [其中, 7]\n", "“7”"),
        ("no_data: ['无(收入']\n", "无(收入"),
        ("budget_bases: [执行预算]\n", "执行预算"),
        ("default_scope: ['']\n", "default_scope"),
    ],
)
def test_a_bad_entry_names_file_and_entry(tmp_path, text, named):
    with pytest.raises(RulesError) as caught:
        _vocab(tmp_path, "concepts:\n  差旅费: [差旅费]\n" + text)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "vocabulary.yaml")) and "\n" not in message
    assert named in message


def test_a_user_word_list_replaces_the_builtin_one(tmp_path):
    report = HEAD + "本年支出合计120.00万元，比上年攀升20.00万元，攀升20.00%。\n"
    # 攀升 is no change word: the figures are plain amounts and a percent, nothing is claimed
    assert [f.role for f in audit(report).facts] == ["value", "value", "percent"]
    (tmp_path / "vocabulary.yaml").write_text(
        "concepts:\n  支出合计: [支出合计]\nchanges:\n  increase: [增加, 攀升]\n  decrease: [减少]\n",
        encoding="utf-8",
    )
    facts = audit(report, rules=tmp_path).facts
    assert [(f.role, f.sign) for f in facts] == [("value", 0), ("delta", 1), ("rate", 1)]
    assert [f.rule for f in audit(report, rules=tmp_path).findings] == []  # 100 → 120: +20%


def test_user_no_data_notes_are_added(tmp_path):
    vocab = _vocab(tmp_path, "concepts:\n  差旅费: [差旅费]\nno_data: [本表不涉及]\n")
    assert vocab.says_no_data("本表不涉及。") and vocab.says_no_data("本表无数据")
