"""Module-level regular expressions compiled when first used, not when their module is
imported: a check imports some ninety of them, and a report without tables, or without a
line thousands of characters long, uses about half; compiling the rest was a twentieth of
a check's start."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import regex

# `concurrent` of a regex pattern's search, match, findall or finditer, given positionally
# (as a keyword it costs more than it saves) where a pattern runs on every line: regex
# otherwise lets go of the GIL and takes it back for each match, which costs more than most
# matches of one line; a check runs in one thread of its process.
HELD = False

# what code asks of a compiled pattern; once compiled, these are the pattern's own
ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "groupindex",
    "groups",
    "flags",
)


class _Lazy:
    """A pattern that compiles itself at the first use of any of its attributes; after that
    the common ones are the compiled pattern's own, set on this object (nothing in between)."""

    def __init__(self, compile: Callable[[str, int], Any], pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._how = (compile, flags)

    def __getattr__(self, name: str) -> Any:  # only for what the object does not have yet
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and the like ask; none is a pattern's
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compile, flags = self._how
            compiled = self._compiled = compile(self.pattern, flags)
            for attribute in ATTRIBUTES:
                setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(pattern, flags), done at its first use."""
    return cast("regex.Pattern[str]", _Lazy(regex.compile, pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), done at its first use."""
    return cast("re.Pattern[str]", _Lazy(re.compile, pattern, flags))
