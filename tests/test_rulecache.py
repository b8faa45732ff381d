"""The built-in rules come from the user's cache when it holds the files' very texts, and
from the YAML whenever it does not: a stale, corrupt or unwritable cache changes nothing."""

from __future__ import annotations

import marshal
import shutil
import sys
from types import SimpleNamespace

import pytest
import regex

from auditor import rulecache, rules
from auditor.checks import KINDS
from auditor.errors import RulesError


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, and a copy of the built-in rules it may edit."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(rulecache, "KNOWN", {})  # as a new process starts: no pattern known
    shutil.copytree(rules.BUILTIN, tmp_path / "builtin")
    monkeypatch.setattr(rules, "BUILTIN", tmp_path / "builtin")
    return rulecache.cache_file()


def _without_yaml(monkeypatch):
    """Reading any YAML from here on fails the test."""
    monkeypatch.setitem(sys.modules, "auditor.yamlfile", None)


def test_second_load_reads_no_yaml(cache, monkeypatch):
    first = rules.load(None, KINDS)
    assert cache.is_file()
    _without_yaml(monkeypatch)
    assert rules.load(None, KINDS) == first


def test_an_edited_file_is_read_again(cache):
    rules.load(None, KINDS)
    tables = rules.BUILTIN / "tables.yaml"
    text = tables.read_text(encoding="utf-8")
    title = next(r.title for r in rules.load(None, KINDS)[0] if r.origin == str(tables))
    tables.write_text(text.replace(title, "改过的标题", 1), encoding="utf-8")
    loaded, _ = rules.load(None, KINDS)
    assert "改过的标题" in {r.title for r in loaded}
    assert marshal.loads(cache.read_bytes())["texts"]["tables.yaml"] != text


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not marshal",
        marshal.dumps([1, 2]),
        marshal.dumps({"texts": {}, "parsed": 3}),
        b"",
        "half",  # the cache cut short
    ],
)
def test_a_corrupt_cache_is_passed_over_and_rewritten(cache, content):
    expected = rules.load(None, KINDS)
    if content == "half":
        content = cache.read_bytes()[: cache.stat().st_size // 2]
    cache.write_bytes(content)
    assert rules.load(None, KINDS) == expected
    assert cache.read_bytes() != content


def test_a_stale_cache_is_not_used(cache):
    """Data are taken only beside the files' very texts: texts that differ send the loader
    back to the YAML, whatever the data beside them."""
    expected = rules.load(None, KINDS)
    held = marshal.loads(cache.read_bytes())
    held["texts"]["tables.yaml"] += "\n# another comment\n"
    held["parsed"]["tables.yaml"][0]["rules"] = []
    cache.write_bytes(marshal.dumps(held))
    assert rules.load(None, KINDS) == expected


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    expected = rules.load(None, KINDS)
    assert rules.load(None, KINDS) == expected
    assert list(tmp_path.iterdir()) == [blocker]


def test_user_rules_still_go_through_yaml(cache, tmp_path):
    rules.load(None, KINDS)
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "rules:\n  - id: mine.travel\n    title: 差旅费\n    kind: identity\n    severity: error\n"
        "    left: [公用经费]\n    relation: le\n    right: [基本支出]\n",
        encoding="utf-8",
    )
    assert "mine.travel" in {r.id for r in rules.load(mine, KINDS)[0]}
    mine.write_text("rules:\n  - id: [\n", encoding="utf-8")
    with pytest.raises(RulesError, match="YAML"):
        rules.load(mine, KINDS)


def test_patterns_seen_to_compile_are_not_compiled_again(cache, monkeypatch):
    expected = rules.load(None, KINDS)
    assert marshal.loads(cache.read_bytes())["regex"] == regex.__version__
    monkeypatch.setattr(rulecache, "KNOWN", {})
    refusing = SimpleNamespace(compile=_refused, __version__=regex.__version__)
    monkeypatch.setattr(rulecache, "regex", refusing)  # validation may compile nothing
    assert rules.load(None, KINDS) == expected
    with pytest.raises(AssertionError, match="compiled"):  # a pattern not known is compiled
        rulecache.groups("(?P<year>\\d{4})年")


def test_patterns_known_to_another_regex_are_compiled(cache, monkeypatch):
    expected = rules.load(None, KINDS)
    held = marshal.loads(cache.read_bytes())
    held["regex"] = "0.0"
    cache.write_bytes(marshal.dumps(held))
    monkeypatch.setattr(rulecache, "KNOWN", {})
    compiled = []
    counting = SimpleNamespace(
        compile=lambda p: compiled.append(p) or regex.compile(p), __version__=regex.__version__
    )
    monkeypatch.setattr(rulecache, "regex", counting)
    assert rules.load(None, KINDS) == expected
    assert set(compiled) == held["groups"].keys()


def test_a_bad_user_pattern_is_still_an_error(cache, tmp_path):
    rules.load(None, KINDS)
    (tmp_path / "vocabulary.yaml").write_text("no_data: ['本表(无数据']\n", encoding="utf-8")
    with pytest.raises(RulesError, match="本表"):
        rules.load(tmp_path, KINDS)


def _refused(*args, **kwargs):
    raise AssertionError("compiled")


def test_the_cache_lives_where_xdg_says(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored
    assert rulecache.cache_file().parent == tmp_path / ".cache" / "auditor"
    monkeypatch.setattr(rulecache.os.path, "expanduser", lambda path: path)  # no home
    assert rulecache.cache_file() is None
    monkeypatch.chdir(tmp_path)
    expected = rules.load(None, KINDS)
    assert rules.load(None, KINDS) == expected and list(tmp_path.iterdir()) == []
