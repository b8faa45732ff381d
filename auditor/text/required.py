"""The words a pattern cannot match without: a text holding none of them needs no search.

Patterns of the vocabulary and of the rules run on every line or paragraph, and most find
nothing there; `in` tells that most of them hold none of a pattern's literal words many times
faster than the pattern's search does. The words are read from the pattern's parse by the
standard library's parser, which reads the syntax the `regex` patterns use here; where it
cannot (\\p{Han} aside, which it is shown as a class), or where regex may read the pattern
otherwise (a brace that is no count, an inline flag), or case is ignored, there are none
to tell by, and every text is searched.
"""

from __future__ import annotations

import re

try:  # the standard library's parser and its node kinds: private, so a Python without them
    from re import _constants as sre  # searches every text
    from re import _parser
except ImportError:  # pragma: no cover - Pythons 3.11 to 3.14 have them
    sre = _parser = None

PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")  # \p{Han}, \pL
# a brace that is no count (regex's fuzzy matching), an inline flag, a POSIX class: syntax
# regex may read otherwise than the standard library does
ODD = re.compile(
    r"(?<!\\)(?:\\\\)*(?:\{(?!(?:\d+(?:,\d*)?|,\d+)\})|\(\?[abefiLmprsuVwx^-]|\[:\^?\w+:\])"
)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) if sre else ()
SEARCHED = None  # no words to tell by: every text is searched


def required(pattern: str) -> tuple[str, ...] | None:
    """Words of which every match of `pattern` holds at least one, or None when that
    cannot be said."""
    pattern = PROPERTY.sub(r"\1\\d", pattern)  # a class of characters, as \d is
    if _parser is None or ODD.search(pattern):
        return SEARCHED
    try:
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return SEARCHED
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return SEARCHED
    return _best(_needs(list(parsed)))


def required_any(patterns: list[str] | tuple[str, ...]) -> tuple[str, ...] | None:
    """Words of which every match of any of the patterns holds one (each pattern read alone:
    joined, two may name a group alike), or None when that cannot be said of one of them."""
    words: list[str] = []
    for pattern in patterns:
        needed = required(pattern)
        if needed is None:
            return SEARCHED
        words.extend(needed)
    return tuple(dict.fromkeys(words)) or SEARCHED


def holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text holds one of the words (a loop: quicker than any() over a generator)."""
    for word in words:
        if word in text:
            return True
    return False


def _best(needs: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """Of the alternatives, the one whose shortest word is longest (the fewest texts hold)."""
    return max(needs, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _needs(nodes: list) -> list[tuple[str, ...]]:
    """Each tuple: words one of which a match of the node sequence holds."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            found.append(("".join(run),))
            run.clear()

    for op, av in nodes:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        close()  # anything else ends a run of literal characters
        if op is sre.SUBPATTERN:
            _group, add, remove, inner = av
            if add or remove:
                return []  # flags changed inside: nothing said for the whole
            found.extend(_needs(list(inner)))
        elif op in REPEATS and av[0] >= 1:
            found.extend(_needs(list(av[2])))
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            found.append(tuple(chr(code) for _, code in av))  # [比较], or 比|较 made one
        elif op is sre.BRANCH:
            options = [_best(_needs(list(alternative))) for alternative in av[1]]
            if options and all(options):
                found.append(tuple(word for words in options if words for word in words))
    close()
    return found
