"""The words a pattern needs (text.required): a text without them is never searched, so the
words must be in every match, and none are given where that cannot be said."""

import pytest
import regex

from auditor.text.required import holds, required, required_any


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("^其中\\s*[:：]?", ("其中",)),
        ("(?<![(（])(?:金额)?单位\\s*[:：]\\s*(?P<unit>亿元|万元|元)(?![\\p{Han}])", ("单位",)),
        ("尾数(?:误差|差异|差)|尾差|(?:因|由于|系|是)四舍五入", ("尾数", "尾差", "四舍五入")),
        ("(?:比|较)\\s*\\d{4}", ("比", "较")),  # 比|较 parsed as one class
        ("x(?:yz)+w", ("yz",)),  # a group repeated at least once is needed
        ("a\\{b", ("a{b",)),
    ],
)
def test_words_every_match_holds(pattern, words):
    assert required(pattern) == words


@pytest.mark.parametrize(
    "pattern",
    [
        "a{e<=1}",  # regex's fuzzy matching, a literal brace to the standard library
        "(?i)abc",  # case ignored
        "(?i:ab)",
        "[[:alpha:]]x",  # a POSIX class, a set and a bracket to the standard library
        "ab|c?",  # one alternative needs nothing
        "\\d+",
        "(unclosed",
    ],
)
def test_nothing_said_where_it_cannot_be(pattern):
    assert required(pattern) is None


def test_patterns_read_alone_may_name_a_group_alike():
    words = required_any(["与(?P<year>\\d{4})年相比", "比(?P<year>\\d{4})年增加"])
    assert words == ("年相比", "年增加")
    assert required_any(["与(?P<year>\\d{4})年相比", "\\d+"]) is None


@pytest.mark.parametrize(
    "text", ["单位：万元", "金额单位:元", "（单位：元）", "单 位：元", "本表无数据", "其中：教育"]
)
def test_a_text_the_pattern_finds_holds_a_word(text):
    for pattern in [
        "(?<![(（])(?:金额)?单位\\s*[:：]\\s*(?P<unit>亿元|万元|元)",
        "^其中\\s*[:：]?",
    ]:
        words = required(pattern)
        assert words is not None
        if regex.search(pattern, text):
            assert holds(text, words)
