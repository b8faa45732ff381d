"""The terminal report without rich where it can only be plain text (a pipe, a file): its
lines, and the console they go to. Importing rich's console and text modules was a sixth of
a check's start."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

WIDE = 1000  # columns where nothing is cut to the terminal's width: a pipe, a file
# the control characters a rich Text leaves out of what it holds (rich.control's
# STRIP_CONTROL_CODES): a Line holds what its Text would
DROPPED = dict.fromkeys((7, 8, 11, 12, 13))


class Line:
    """A line of the terminal report: its text, and the style of each part, given as to a
    rich Text (`Line(text, style)`, `append(text, style)`). Its Text is made only when a rich
    console prints it."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self._start = (text, style)
        self._parts: list[tuple[str, str | None]] = []
        self.plain = text.translate(DROPPED)

    def append(self, text: str, style: str | None = None) -> None:
        self._parts.append((text, style))
        self.plain += text.translate(DROPPED)

    def rich(self) -> Text:
        """The rich Text the same calls make."""
        from rich.text import Text

        text = Text(*self._start)
        for part, style in self._parts:
            text.append(part, style)
        return text


class Plain:
    """Standard output when it is no terminal, or the report's file: there rich's console
    writes a line's characters and a line break, colourless, and so does this. Anything else
    (a table, a string, which rich reads as markup, a line with tabs, which it expands) goes
    to that console, made when first needed."""

    is_terminal = False
    width = WIDE

    def __init__(self, file: io.StringIO | None, made: Callable[[], Console]) -> None:
        self._file, self._made = file, made
        self._console: Console | None = None

    def line(self, text: str) -> None:
        """One line of the report, already cut to the width."""
        if "\t" in text:
            self.print(Line(text).rich())
            return
        out = sys.stdout if self._file is None else self._file
        out.write(text + "\n")
        out.flush()

    def print(self, *objects: object, soft_wrap: bool = True) -> None:
        if not objects:
            self.line("")
            return
        if self._console is None:
            self._console = self._made()
        self._console.print(*objects, soft_wrap=soft_wrap)
