"""Module-level patterns compile at their first use and then behave as compiled ones."""

from __future__ import annotations

import copy
import re

import pytest
import regex

from auditor.text.lazy import lazy, lazy_re


def test_nothing_is_compiled_before_the_first_use():
    broken = lazy(r"(unclosed")  # compiled at import, this would fail the import
    with pytest.raises(regex.error):
        broken.search("text")
    with pytest.raises(re.error):
        lazy_re(r"[unclosed").match("text")


@pytest.mark.parametrize(("make", "compile"), [(lazy, regex.compile), (lazy_re, re.compile)])
def test_a_lazy_pattern_answers_as_the_compiled_one(make, compile):
    source, text = r"(?P<year>\d{4})年度?", "2023年度比2022年增加"
    ours, theirs = make(source), compile(source)
    assert ours.pattern == source
    assert ours.search(text).span() == theirs.search(text).span()
    assert ours.findall(text) == theirs.findall(text)
    assert ours.sub("#", text) == theirs.sub("#", text)
    assert ours.split(text) == theirs.split(text)
    assert [m.group("year") for m in ours.finditer(text)] == ["2023", "2022"]
    assert ours.groupindex == theirs.groupindex and ours.fullmatch("2023年") is not None
    assert copy.copy(ours).search(text) is not None
