"""The built-in rules and vocabulary as YAML gives them, kept in the user's cache folder:
importing PyYAML and reading the files with it, then compiling every regular expression of
them only to see that it compiles, was most of loading the rules at every start.

The YAML files stay the source. The cache holds each file's text beside what it parsed to,
and is used only when every text is the file's own, byte for byte; one that cannot be read,
or is stale, is passed over (the files are read with YAML and the cache written anew), and
one that cannot be written only costs time. Beside them, the patterns seen to compile and
their named groups, for the same version of `regex` (whether a pattern compiles depends on
nothing else); the rules are validated as ever, those patterns without compiling them."""

from __future__ import annotations

import marshal
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

import regex

FORMAT = 3  # raised when what the cache holds changes

# a file's parsed YAML and the 1-based line of each entry under its `rules:`
Parsed = tuple[Any, list[int]]

# patterns seen to compile, with their named groups: from the cache, and compiled here
KNOWN: dict[str, list[str]] = {}


def groups(pattern: str) -> list[str]:
    """The named groups of a regular expression; regex.error when it does not compile."""
    found = KNOWN.get(pattern)
    if found is None:
        found = KNOWN[pattern] = list(regex.compile(pattern).groupindex)
    return found


def cache_file() -> Path | None:
    """Where the cache lives: $XDG_CACHE_HOME/auditor, else ~/.cache/auditor (None without a
    home to keep it in); in marshal's format (read in a fraction of JSON's time, JSON's
    import included), one file for each version of Python, as bytecode is kept."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: the XDG specification ignores it
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    python = "{}{}".format(*sys.version_info[:2])
    return Path(base) / "auditor" / f"builtin-rules-{FORMAT}.py{python}.marshal"


def load(files: dict[str, Path]) -> tuple[dict[str, Parsed], dict[str, str] | None]:
    """Each file's parsed YAML and its rules' lines, by name: from the cache when it holds
    these very texts, else read with YAML (a RulesError naming the file when one is bad);
    and, when read with YAML, the texts for `store` once the rules are validated."""
    texts = {}
    for name, path in files.items():
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {name: read(path) for name, path in files.items()}, None  # names the error
    found = _cached(texts)
    if found is not None:
        return found, None
    return {name: read(path) for name, path in files.items()}, texts


def read(path: Path) -> Parsed:
    """One file read with YAML (a user's rules, or a built-in one the cache lacks)."""
    from auditor.yamlfile import entry_lines, load_yaml

    return load_yaml(path), entry_lines(path.read_text(encoding="utf-8"))


def _cached(texts: dict[str, str]) -> dict[str, Parsed] | None:
    where = cache_file()
    if where is None:
        return None
    try:
        held = marshal.loads(where.read_bytes())
        if held["texts"] != texts or held["parsed"].keys() != texts.keys():
            return None
        parsed = {name: (data, list(lines)) for name, (data, lines) in held["parsed"].items()}
        known = held["groups"] if held["regex"] == regex.__version__ else {}
        if not all(isinstance(n, str) for names in known.values() for n in names):
            return None
        KNOWN.update({p: list(names) for p, names in known.items()})
    except (OSError, EOFError, ValueError, LookupError, TypeError, AttributeError):
        return None
    return parsed


def store(texts: dict[str, str], parsed: dict[str, Parsed]) -> None:
    """Kept for the next start, with the patterns seen to compile; written only when marshal
    gives back exactly what YAML gave (no dates)."""
    held = {
        "texts": texts,
        "parsed": {name: list(pair) for name, pair in parsed.items()},
        "regex": regex.__version__,
        "groups": KNOWN,
    }
    try:
        data = marshal.dumps(held)
    except ValueError:
        return
    if marshal.loads(data) != held:
        return
    target = cache_file()
    if target is None:
        return
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(target)  # whole or not at all, whoever else writes it meanwhile
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
