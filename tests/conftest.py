"""Shared test helpers: the loaded rules, and auditing a text given inline."""

from __future__ import annotations

import pytest

from auditor.checks import KINDS
from auditor.pipeline import FileResult, audit_source
from auditor.read import Source
from auditor.rules import load


@pytest.fixture(scope="session")
def loaded():
    return load(None, KINDS)


@pytest.fixture
def audit(loaded):
    rules, vocab = loaded

    def run(text: str) -> FileResult:
        return audit_source(Source("inline.txt", tuple(text.split("\n")), "utf-8"), rules, vocab)

    return run
