"""Display width of text as printed: a CJK (wide or full-width) character takes two columns."""

from __future__ import annotations

import unicodedata


def char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    if len(text) == 1:  # a PDF's characters are measured one by one
        return char_width(text)
    return sum(char_width(ch) for ch in text)
