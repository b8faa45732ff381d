"""The batch generator (tests/report_generator.py) makes whole reports of 20–60 KB whose
figures hold together: auditor finds in them nothing but rounding differences."""

from __future__ import annotations

import pytest
from report_generator import KB, report

from auditor.pipeline import audit_source
from auditor.read import read_text


def test_the_same_report_for_the_same_seed_and_index():
    assert report(3, 7) == report(3, 7)
    assert report(3, 7).text != report(4, 7).text


@pytest.mark.parametrize("index", range(8))
def test_a_generated_report_is_whole_and_consistent(loaded, index):
    generated = report(0, index)
    assert 20 * KB <= len(generated.text.encode()) <= 60 * KB
    rules, vocab = loaded
    result = audit_source(read_text(generated.name, generated.text), rules, vocab)
    assert result.genre == generated.genre
    assert result.tables == (9 if generated.genre == "决算" else 7)
    assert [f.message for f in result.findings if not f.rounding_only] == []
