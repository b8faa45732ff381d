"""Reports named by fsspec URLs (memory:// here): read like files, a URL directory or glob
expanded like a folder, and what cannot be read said in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

fsspec = pytest.importorskip("fsspec")

from auditor.pipeline import FileResult, audit_path, expand  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example-final.txt"


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    for name in ("b.txt", "a.TXT", "sub/c.txt", ".hidden/d.txt", "~$e.txt", "notes.md"):
        fs.pipe(f"/urls/{name}", EXAMPLE.read_bytes())
    yield fs
    fs.rm("/urls", recursive=True)


def test_a_url_directory_is_walked_like_a_folder(memory):
    assert expand(["memory://urls"]) == [
        "memory:///urls/a.TXT",
        "memory:///urls/b.txt",
        "memory:///urls/sub/c.txt",
    ]
    assert expand(["memory://urls"], ["sub/*.txt"]) == ["memory:///urls/sub/c.txt"]


def test_a_url_glob_names_the_files_it_matches(memory):
    assert expand(["memory://urls/**.txt"]) == ["memory:///urls/b.txt", "memory:///urls/sub/c.txt"]
    [nothing] = expand(["memory://urls/*.pdf"])
    assert isinstance(nothing, FileResult) and nothing.error == "没有与之匹配的文件"


def test_a_url_file_is_read_as_the_file_is(memory, loaded):
    rules, vocab = loaded
    there = audit_path("memory://urls/b.txt", rules, vocab)
    here = audit_path(str(EXAMPLE), rules, vocab)
    assert there.path == "memory://urls/b.txt" and there.findings == here.findings


def test_what_cannot_be_read_is_one_line(memory, loaded):
    rules, vocab = loaded
    assert audit_path("memory://urls/none.txt", rules, vocab).error == "文件不存在"
    [unknown] = expand(["nosuchprotocol://x/y.txt"])
    assert unknown.error.startswith("无法读取")


def test_an_annotated_copy_of_a_pdf_read_by_url(memory, tmp_path):
    from click.testing import CliRunner

    from auditor.cli import main

    memory.pipe("/urls/example.pdf", (EXAMPLE.parent / "pdf" / "example-final.pdf").read_bytes())
    result = CliRunner().invoke(
        main, ["check", "-q", "--annotate-pdf", str(tmp_path), "memory://urls/example.pdf"]
    )
    assert result.exit_code == 1, result.output
    assert (tmp_path / "example.annotated.pdf").read_bytes().startswith(b"%PDF-")
