"""The report's console where it can only be plain text: no rich console to import."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

WIDE = 1000  # columns where nothing is cut to the terminal's width: a pipe, a file


class Plain:
    """Standard output when it is no terminal, or the report's file: there rich's console
    writes a Text as its characters and a line break, colourless, and so does this, without
    importing rich's console (a twentieth of a check's start). Anything else (a table, a
    string, which rich reads as markup, a Text with tabs, which it expands) goes to that
    console, made when first needed."""

    is_terminal = False
    width = WIDE

    def __init__(self, file: io.StringIO | None, made: Callable[[], Console]) -> None:
        self._file, self._made = file, made
        self._console: Console | None = None

    def print(self, *objects: object, soft_wrap: bool = True) -> None:
        text = objects[0] if objects else Text()
        if len(objects) <= 1 and type(text) is Text and "\t" not in text.plain:
            out = sys.stdout if self._file is None else self._file
            out.write(text.plain + "\n")
            out.flush()
            return
        if self._console is None:
            self._console = self._made()
        self._console.print(*objects, soft_wrap=soft_wrap)
