"""The logical text a reader sees, every character mapped back to its original line.

PDF extractions wrap sentences every ~30 characters and scatter blank lines and page
numbers between them; checks need whole sentences, findings need the original lines.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from functools import cached_property, lru_cache
from typing import TypeVar

import regex

from auditor.records import dataclass
from auditor.text.lazy import HELD, lazy

T = TypeVar("T")

# One character in, one character out, so columns survive normalisation.
NORMALIZE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "％": "%",
        "．": ".",
        "（": "(",
        "）": ")",
        ":": "：",
        ";": "；",
        "－": "-",
        "−": "-",
        "＋": "+",
        "\u3000": " ",
        "\xa0": " ",
    }
)

# NORMALIZE as pairs: str.replace for each is many times quicker than str.translate, which
# looks every CJK character up in the table one at a time (no pair's output is another's input).
_PAIRS = tuple((chr(k), v) for k, v in NORMALIZE.items())


def normalize(text: str) -> str:
    """`text.translate(NORMALIZE)`, done quickly."""
    for old, new in _PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def normal_lines(lines: Sequence[str]) -> list[str]:
    """Every line normalised, the text joined once so it is gone over once."""
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:  # no lines, or one holding a newline
        return [normalize(line) for line in lines]
    return normalize(joined).split("\n")


# What labels and titles compare without (vocabulary.NOISE): spacing, these quotes, these marks
QUOTES = "“”\"‘’'「」『』"
MARKS = ("(类)", "(款)", "(项)")
SPACE = lazy(r"\s+")
ODD_SPACES = "\x1c\x1d\x1e\x1f"  # space to str.split, not to \s


def unspaced(text: str) -> str:
    """vocabulary.compact's work (spacing and QUOTES out) done with str methods, quicker than
    its pattern on a long text."""
    text = SPACE.sub("", text) if any(c in text for c in ODD_SPACES) else "".join(text.split())
    for quote in QUOTES:
        if quote in text:
            text = text.replace(quote, "")
    return text


def denoise(text: str) -> str:
    """vocabulary.NOISE taken out of a long text with str methods, quicker than the pattern:
    the same characters go (no mark holds a space or a quote, so the order does not matter)."""
    for mark in MARKS:
        text = text.replace(mark, "")
    return unspaced(text)


QUOTED = regex.compile(r"“([^“”]+)”")


def as_printed(text: str, lines: Sequence[str]) -> str:
    """`text` (a finding's message or figure, quoted from the normalised text) with every
    quoted part, or the whole, in the characters the report prints (下降（增长）, not
    下降(增长)), where the original lines hold it; else as it is."""
    original = "".join(lines)
    normal = normalize(original)

    def restore(part: str) -> str:
        at = normal.find(part)
        return original[at : at + len(part)] if at >= 0 and part else part

    if QUOTED.search(text):
        return QUOTED.sub(lambda m: f"“{restore(m[1])}”", text)
    return restore(text)


FURNITURE = regex.compile(
    r"^(?:[-—–－ ]*\d{1,3}[-—–－ ]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$"
)
MARKER = regex.compile(
    r"^(?:(第[一二三四五六七八九十]+部分)|([一二三四五六七八九十]+、)|(\([一二三四五六七八九十]+\))"
    r"|(\d{1,2}(?:[.、](?!\d)|\s*、))|(\(\d{1,2}\)))"
)
# What FURNITURE and MARKER can begin with, but for a digit: most lines begin otherwise and
# are passed over without running the pattern (furniture, marker).
FURNITURE_FIRST = "-—–－ 第"
MARKER_FIRST = "第一二三四五六七八九十("


def furniture(text: str) -> bool:
    """Whether a line is page furniture (a page number): FURNITURE.match, quickly."""
    return (text[:1] in FURNITURE_FIRST or text[0].isdigit()) and bool(
        FURNITURE.match(text, 0, None, HELD)
    )


AMOUNT = regex.compile(r"\d\s*(?:万元|亿元|元|%)")
NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
HEADING_END = regex.compile(r"(?:[。：]|情况|说明|概况|明细|职责|设置|解释|附件|表)$")
WIDE_THOUSANDS = regex.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
SPACED_HAN = regex.compile(r"(?<=\p{Han}) +(?=\p{Han})")
# Punctuation of the normalised text (NORMALIZE turns ; and : into ； and ：), one place for all:
SENTENCE_END = "。！？!?；"  # ends a sentence
STOPS = "。；"  # the full stops of running prose: a table row or a title has none
CLAUSE_END = SENTENCE_END + "，："  # ends a clause
SENTENCE_MARK = regex.compile(f"[{SENTENCE_END}]")
# is_table_row runs on every line: its patterns compiled once.
ROW_PUNCT = lazy(f"[，{STOPS}]")
STOP = lazy(f"[{STOPS}]")
FAR_APART = lazy(r"\S {3,}(?=\S)")
APART = lazy(r"\S {2,}\S")
PROSE_MARK = regex.compile(f"[，{STOPS}：、]" + r"|\d\s*(?:万元|亿元|元)")
CLAUSE_SEP = regex.compile(f"[{CLAUSE_END}]" + r"|(?<!收)、(?!支)|,(?!\d{3})|(?<!\d),")


@lru_cache(maxsize=1 << 14)  # the reader, the table finder and the checks ask of the same lines
def is_table_row(line: str) -> bool:
    """A row of a table: tab-separated, or several numbers and no sentence punctuation.

    A tab in a sentence (Word puts one after "1.") does not make it a row: prose has
    sentence punctuation and units after its figures, cells have neither.
    """
    if "\t" in line:
        return not (ROW_PUNCT.search(line, 0, None, HELD) and AMOUNT.search(line, 0, None, HELD))
    if (
        "   " in line
        and len(FAR_APART.findall(line, 0, None, False, HELD)) >= 2
        and not STOP.search(line, 0, None, HELD)
    ):
        return True  # cells far apart: a laid-out row, whatever units its cells carry
    if PROSE_MARK.search(line, 0, None, HELD):
        return False  # sentence punctuation or units after figures: wrapped prose
    numbers = len(NUMBER.findall(line, 0, None, False, HELD))
    return numbers >= 3 or (numbers == 2 and APART.search(line, 0, None, HELD) is not None)


def wrap_width(lines: Sequence[str]) -> float:
    """The usual length of a prose line: a much shorter one ends its paragraph (or is a title)."""
    lengths = sorted([len(t) for t in map(str.strip, lines) if len(t) >= 10 and "\t" not in t])
    return lengths[len(lengths) // 2] if lengths else 0


@dataclass(frozen=True)
class Paragraph:
    """A run of logical text: a heading, a table row, or running prose."""

    start: int
    end: int
    level: int | None  # 0 第X部分, 1 一、, 2 （一）, 3 1., 4 （1）; None without a marker
    heading: bool
    table: bool


def frozen(cls: type[T], **fields: object) -> T:
    """An instance of a frozen dataclass given every field: equal, hashed and shown as its
    constructor's, made without that constructor's object.__setattr__ for each field (a
    report makes hundreds of paragraphs)."""
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


CUT_BEFORE = lazy(r"\d\.(\d)$")  # a line ending one decimal into an amount
CUT_AFTER = lazy(r"^(\d)\s*(?:万元|亿元|元|%)")  # the next line: its last decimal


def _cut_decimals(before: str, after: str) -> bool:
    """Whether a hard wrap cut an amount of two decimals after the first: the line ends in
    “1,250.4” and the next begins “0万元”."""
    return bool(CUT_BEFORE.search(before) and CUT_AFTER.match(after))


class LogicalText:
    """Joined text with, per character, the original line and column it came from.

    Built a line at a time (a piece of text and its line and columns per line, not per
    character); `spans` holds, per original line read, where its characters are. The arrays
    per character (`line_of`, `col_of`) are made only when asked for: `lines` needs `spans`."""

    def __init__(self, lines: Sequence[str]) -> None:
        pieces: list[str] = []
        size = 0  # characters in pieces
        # per piece: its line and its characters' columns (-1: put between lines)
        self._runs: list[tuple[int, Sequence[int]]] = []
        self.paragraphs: list[Paragraph] = []
        # (line, start, end): the characters of each original line read, in order
        self.spans: list[tuple[int, int, int]] = []
        # per paragraph, the range of `spans` read into it (its lines, without a search)
        self.paragraph_spans: list[tuple[int, int]] = []
        first = 0  # the current paragraph's first span
        start: int | None = None
        level: int | None = None
        heading = table = False
        close_before_next = False
        no_column = (-1,)
        runs, spans, paragraphs = self._runs, self.spans, self.paragraphs  # (appended to)
        paragraph_spans = self.paragraph_spans

        short = 0.6 * wrap_width(lines)
        for number, norm in enumerate(normal_lines(lines), 1):
            text = norm.strip()
            if not text or furniture(text):
                continue
            offset = len(norm) - len(norm.lstrip())
            row = is_table_row(text)
            marker = (
                MARKER.match(text, 0, None, HELD)
                if text[0] in MARKER_FIRST or text[0].isdigit()
                else None
            )
            if start is None or row or marker or close_before_next:
                if start is not None and size > start:  # the paragraph before ends
                    paragraphs.append(
                        frozen(
                            Paragraph,
                            start=start,
                            end=size,
                            level=level,
                            heading=heading,
                            table=table,
                        )
                    )
                    paragraph_spans.append((first, len(spans)))
                first = len(spans)
                if size:
                    pieces.append("\n")
                    runs.append((0, no_column))
                    size += 1
                start = size
                level = marker.lastindex - 1 if marker else None  # its one group
                table = row
                heading = (
                    bool(marker)
                    and not AMOUNT.search(text)
                    and bool(HEADING_END.search(text))
                    and len(SPACED_HAN.sub("", text)) <= 40
                )
            elif size and pieces[-1][-1].isdigit() and text[0].isdigit():
                # Two numbers must never fuse across a line break, but one amount cut after
                # its decimal point's first digit (“1,250.4” / “0万元”) is one amount.
                if not _cut_decimals("".join(pieces[-8:])[-8:], text):
                    pieces.append(" ")
                    runs.append((number, no_column))
                    size += 1
            width = len(text)
            if not row and " " in text:
                # WPS spaces characters out ("本 年 收 入 合 计"); a table row keeps its cell gaps.
                text = SPACED_HAN.sub(lambda m: m.group().replace(" ", "\0"), text)
            columns: Sequence[int] = range(offset, offset + width)
            if "\0" in text:  # a character dropped keeps the others' columns
                columns = [c for c, char in zip(columns, text, strict=True) if char != "\0"]
                text = text.replace("\0", "")
            if text:
                spans.append((number, size, size + len(text)))
                pieces.append(text)
                runs.append((number, columns))
                size += len(text)
            close_before_next = row or heading or width < short
        if start is not None and size > start:
            paragraphs.append(
                frozen(Paragraph, start=start, end=size, level=level, heading=heading, table=table)
            )
            paragraph_spans.append((first, len(spans)))
        # "２，０４５．６０": a full-width comma between digit groups separates thousands.
        self.text = WIDE_THOUSANDS.sub(",", "".join(pieces))
        self._starts = [s for _, s, _ in self.spans]

    @cached_property
    def line_of(self) -> array:
        """Per character of `text`, the original line it came from (0 between paragraphs)."""
        out = array("i")
        for line, columns in self._runs:
            out.extend(array("i", [line]) * len(columns))
        return out

    @cached_property
    def col_of(self) -> array:
        """Per character of `text`, its column in its original line (-1: put between lines)."""
        out = array("i")
        for _, columns in self._runs:
            out.extend(array("i", columns))
        return out

    def lines(self, start: int, end: int) -> tuple[int, ...]:
        """Original line numbers of the characters in [start, end)."""
        if start < 0 or start >= end:
            ids = range(start, end)
            return tuple(sorted({self.line_of[i] for i in ids if self.col_of[i] >= 0}))
        spans, found = self.spans, []
        i = max(bisect_left(self._starts, start) - 1, 0)
        while i < len(spans) and spans[i][1] < end:
            line, s, e = spans[i]
            if e > start and s < e:
                found.append(line)
            i += 1
        return tuple(found)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], each including its closing mark."""
    spans = []
    begin = start
    for mark in SENTENCE_MARK.finditer(text, start, end):
        spans.append((begin, mark.end()))
        begin = mark.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def clause_start(text: str, floor: int, position: int) -> int:
    """Where the clause holding `position` begins, not before `floor`."""
    best = floor
    for match in CLAUSE_SEP.finditer(text, floor, position):
        best = match.end()
    return best
