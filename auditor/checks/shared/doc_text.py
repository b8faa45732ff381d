"""What the document-level checks share (a helper, not a check kind): the report's lines and
paragraphs as read, its 目录 and its part headings.

Everything here works on the normalised text the reader sees (full-width digits and brackets
half-width, spaced-out Han characters joined), so patterns in rules/document.yaml are
written against that: `\\(单位名称\\)`, not （单位名称）.
"""

from __future__ import annotations

from functools import lru_cache
from unicodedata import category

import regex

from auditor.document import Document
from auditor.records import dataclass
from auditor.rules import Rule
from auditor.text.lazy import HELD, lazy
from auditor.text.located import (
    MARKER,
    SENTENCE_END,
    STOPS,
    LogicalText,
    frozen,
    is_table_row,
    unspaced,
)
from auditor.text.required import required_any
from auditor.vocabulary import compact

PAGE_NUMBER = lazy(r"(?:[.…·．。]{2,}|[\s.…·]+)\s*\d{1,3}$|[.…·．]{2,}$")
PAGE_END = ".…·．"  # the leaders PAGE_NUMBER may end in
SENTENCE = regex.compile(f"[{STOPS}，,]")
TITLE_END = regex.compile(r"(?:概况|表|说明|情况|解释|附件)$")


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    return tuple(lazy(p) for p in patterns)


def patterns(rule: Rule, name: str) -> tuple[regex.Pattern[str], ...]:
    """A `regexes` parameter of a rule, each compiled at its first use (an optional one
    absent: none): where any_of's alternation finds nothing, they are not needed."""
    return _compiled(tuple(rule.params.get(name) or ()))


# what would let one pattern's match escape an alternation of them all: a reference to a
# group by number or name, a conditional, a recursion, an inline flag
ENTANGLED = regex.compile(r"\\[1-9gk]|\(\?(?:P[=>]|\(|&|R|\d|[a-zA-Z-]+\))")


@lru_cache(maxsize=64)
def needed(compiled: tuple[regex.Pattern[str], ...]) -> tuple[str, ...] | None:
    """Words one of which every match of the patterns holds (text.required), or None."""
    return required_any([p.pattern for p in compiled])


@lru_cache(maxsize=64)
def any_of(compiled: tuple[regex.Pattern[str], ...]) -> regex.Pattern[str] | None:
    """One alternation of all the patterns, which finds something wherever one of them does:
    a text it finds nothing in needs no pattern tried on it (None where that cannot be said
    of the patterns)."""
    sources = [p.pattern for p in compiled]
    if not sources or any(ENTANGLED.search(s) for s in sources):
        return None
    try:
        return regex.compile("|".join(f"(?:{s})" for s in sources))
    except regex.error:  # a group name used by two patterns in different ways
        return None


def strip_page(text: str) -> str:
    """A 目录 entry or heading without its leader dots and page number."""
    text = text.rstrip()
    if text and text[-1] not in PAGE_END and category(text[-1]) not in ("Nd", "Cn"):
        return text  # PAGE_NUMBER ends in a digit (Nd, or Cn to this Python) or a leader
    return PAGE_NUMBER.sub("", text).rstrip()


def unread(doc: Document) -> bool:
    """Part of the document could not be read (PDF pages without a text layer)."""
    return bool(doc.unread_pages)


@lru_cache(maxsize=8)
def _lines(text: LogicalText) -> tuple[tuple[int, str], ...]:
    raw = text.text
    return tuple((n, raw[start:end]) for n, start, end in text.spans)


def lines(doc: Document) -> tuple[tuple[int, str], ...]:
    """(original line number, normalised text) of every non-blank line read, in order."""
    return _lines(doc.text)


@lru_cache(maxsize=8)
def _compacted(text: LogicalText) -> tuple[str, ...]:
    """compact() of every line read, done over them all at once (it takes characters away
    one at a time, none of them NUL)."""
    found = [line for _, line in _lines(text)]
    joined = "\0".join(found)
    if joined.count("\0") != len(found) - 1:  # no lines, or one holding a NUL
        return tuple(compact(line) for line in found)
    return tuple(unspaced(joined).split("\0"))


@lru_cache(maxsize=8)
def _texts(text: LogicalText) -> dict[int, str]:
    return dict(_lines(text))


def line_texts(doc: Document) -> dict[int, str]:
    """The normalised text of each non-blank line read, by its number (do not change it)."""
    return _texts(doc.text)


@dataclass(frozen=True)
class Para:
    """A paragraph of the logical text with its original lines."""

    index: int
    start: int  # offset in the logical text
    text: str  # normalised, as read
    lines: tuple[int, ...]
    level: int | None
    heading: bool
    table: bool

    @property
    def first(self) -> int:
        return self.lines[0]


@lru_cache(maxsize=8)
def _paras(text: LogicalText) -> tuple[Para, ...]:
    out = []
    raw, numbers = text.text, [span[0] for span in text.spans]
    for i, (p, (first, end)) in enumerate(zip(text.paragraphs, text.paragraph_spans, strict=True)):
        if first < end:  # its lines: those of the spans read into it
            found = tuple(numbers[first:end])
            out.append(
                frozen(
                    Para,
                    index=i,
                    start=p.start,
                    text=raw[p.start : p.end],
                    lines=found,
                    level=p.level,
                    heading=p.heading,
                    table=p.table,
                )
            )
    return tuple(out)


def paragraphs(doc: Document) -> tuple[Para, ...]:
    return _paras(doc.text)


def span_lines(doc: Document, para: Para, start: int, end: int) -> tuple[int, ...]:
    """Original lines of text[start:end] of a paragraph (offsets within the paragraph)."""
    return doc.text.lines(para.start + start, para.start + end) or para.lines


@dataclass(frozen=True)
class Entry:
    """One line (or a wrapped pair) of the 目录."""

    lines: tuple[int, ...]
    text: str  # compact, page number dropped
    part: str | None  # 第二部分, for a part heading
    ended: bool  # a page number closed it: no continuation line follows


def toc(doc: Document, heads: tuple[regex.Pattern[str], ...]) -> list[Entry]:
    """The 目录: the lines after a line matching one of `heads`, up to where the body starts
    (a part already listed comes again, an entry repeats, or a line is no entry)."""
    found = lines(doc)
    start = next(
        (
            i + 1
            for i, line in enumerate(_compacted(doc.text))
            if any(h.search(line, 0, None, HELD) for h in heads)
        ),
        None,
    )
    if start is None:
        return []
    entries: list[Entry] = []
    for n, raw in found[start:]:
        text = compact(strip_page(raw))
        ended = text != compact(raw)
        marker = MARKER.match(text)
        if not text:
            continue
        if (SENTENCE.search(text) and not ended) or len(text) > 60:
            break
        if marker:
            part = marker.group(1)
            if any(e.text == text or (part and e.part == part) for e in entries):
                break  # the body begins: its first heading was listed
            entries.append(Entry((n,), text, part, ended))
        elif entries and not entries[-1].ended and len(text) <= 30:
            last = entries[-1]
            entries[-1] = Entry((*last.lines, n), last.text + text, last.part, ended)
        else:
            break
    return entries


def headings(doc: Document) -> list[tuple[tuple[int, ...], str]]:
    """Every heading-like line as (lines, compact text), in order: each 第X部分 heading (in
    the 目录 and in the body; a marker standing alone, or a title wrapped over two lines,
    takes the next short line with it), and every other short line without sentence
    punctuation that is no table row, begins a paragraph or follows a sentence's end, and ends
    its paragraph or ends as titles end (…表, …说明, …概况) — never a fragment of
    wrapped prose."""
    return list(_headings(doc.text))


@lru_cache(maxsize=8)
def _headings(logical: LogicalText) -> tuple[tuple[tuple[int, ...], str], ...]:
    paras = _paras(logical)
    out = []
    used: set[int] = set()
    for i, para in enumerate(paras):
        if para.level != 0 or para.table:
            continue
        text = compact(strip_page(para.text))
        at = para.lines
        following = paras[i + 1] if i + 1 < len(paras) else None
        if following is not None and following.level is None and not following.table:
            more = compact(strip_page(following.text))
            if (
                more
                and len(more) <= 30
                and not SENTENCE.search(more)
                and not TITLE_END.search(text)
            ):
                text, at = text + more, para.lines + following.lines
        used.update(at)
        out.append((at, text))
    texts = _texts(logical)
    closing = tuple(SENTENCE_END + "：")
    for para in paras:
        if para.table or para.level == 0:
            continue  # a table row's lines, a part heading's (taken above): none of them
        previous: str | None = None  # the paragraph's line before (its lines run in order)
        for n in para.lines:
            raw = texts[n]
            before, previous = previous, raw
            if n in used:
                continue
            if "，" in raw or "；" in raw or "," in raw:
                continue  # SENTENCE's marks that neither strip_page nor compact takes away
            text = compact(strip_page(raw))
            if not text or len(text) > 40 or SENTENCE.search(text) or is_table_row(raw):
                continue
            starts = before is None or before.rstrip().endswith(closing)
            ends = n == para.lines[-1] or para.heading or TITLE_END.search(text)
            if starts and ends:
                out.append(((n,), text))
    return tuple(sorted(out))
