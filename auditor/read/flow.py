"""Text that lost its line breaks (one line of thousands of characters, as some copy-paste
and some extractors give) split back into sentences and table rows by its own punctuation
and spacing, so that no figure is paired with another merely because they share a line.

A piece is cited `line:column` (column of its first character, 1-based), as editors do.
Table rows are recovered only where the text still separates them (a space between one
row's last cell and the next row's first, and around the row); a run of cells that is not
so set apart (rows joined with nothing between them, a row run into a sentence) cannot be
split into its rows, so each cell is its own piece: its figures are not read as a table,
rather than read in the wrong columns.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.findings import Place
from auditor.text.lazy import lazy_re

LONG = 2000  # a line this long is many lines run together; no report has paragraphs so long
MAX_CELLS = 24  # more tab cells than any standard table's row: rows run together
SENTENCE = lazy_re(r"[^。！？；!?]*[。！？；!?]+[”’」』)）]*|[^。！？；!?]+")
MARKER = lazy_re(
    r"第[一二三四五六七八九十]+部分"
    r"|(?<![一二三四五六七八九十百、])[一二三四五六七八九十]{1,3}、"
    r"|[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|[(（]\d{1,2}[)）]"
    r"|(?<![\d.,，%])\d{1,2}[.、．](?![\d%])"
)
# a table's title and the lines under it (公开02表, 部门：…, 单位：万元), each a line of its own
TITLE = lazy_re(r"(?<=表) +(?=\S)|(?<= )(?=公开\s*\d+\s*表|(?:编制|金额)?(?:部门|单位)：)")
TOKEN = lazy_re(r"[^ ]+")
# a numbered heading run into its first sentence ("八、…决算情况2020 年度…"): cut after it
HEADING = lazy_re(
    r"[^。；，]{2,40}?(?:情况|说明|概况|明细|职责|设置|解释|附件|表)"
    r"(?= |\d{4}\s*年|本(?:单位|部门|年度)|我(?:单位|部门|局|委))"
)


def _tokens(sentence: str, start: int) -> Iterator[tuple[int, str, bool]]:
    """Runs of prose and tab rows: a space next to a tab row separates it from its
    neighbours (the line break the text lost), a space inside prose stays."""
    prose: tuple[int, int] | None = None
    for match in TOKEN.finditer(sentence):
        if "\t" in match.group():
            if prose:
                yield start + prose[0], sentence[prose[0] : prose[1]], False
                prose = None
            yield start + match.start(), match.group(), True
        else:
            prose = (prose[0] if prose else match.start(), match.end())
    if prose:
        yield start + prose[0], sentence[prose[0] : prose[1]], False


def _before_markers(text: str, start: int) -> Iterator[tuple[int, str]]:
    """Prose cut before each heading or item marker (一、 （二） 3.), as a new line starts."""
    cuts = sorted(
        {m.start() for m in MARKER.finditer(text) if m.start() > 0}
        | {m.end() for m in TITLE.finditer(text) if 0 < m.end() < len(text)}
    )
    for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[a:b]
        head = HEADING.match(piece) if MARKER.match(piece) else None
        if head:
            yield start + a, head.group()
            a += head.end()
            piece = text[a:b]
        if piece.strip():
            yield start + a, piece


def _spaced(line: str, start: int, end: int) -> bool:
    """A row stands between spaces (or the line's ends): the break it lost left a space."""
    return (start == 0 or line[start - 1] == " ") and (end == len(line) or line[end] == " ")


def pieces(line: str) -> Iterator[tuple[int, str]]:
    """A long line's pieces, each with its offset in the line."""
    for sentence in SENTENCE.finditer(line):
        for offset, text, row in _tokens(sentence.group(), sentence.start()):
            if not row:
                yield from _before_markers(text, offset)
            elif text.count("\t") < MAX_CELLS and _spaced(line, offset, offset + len(text)):
                yield offset, text
            else:
                position = offset
                for cell in text.split("\t"):
                    if cell.strip():
                        yield position, cell
                    position += len(cell) + 1


def unflow(lines: list[str], cites: list[Place]) -> tuple[list[str], list[Place]]:
    """Lines with every very long one split into its pieces; others as they are."""
    if all(len(line) < LONG for line in lines):
        return lines, cites
    out_lines: list[str] = []
    out_cites: list[Place] = []
    for line, place in zip(lines, cites, strict=True):
        if len(line) < LONG:
            out_lines.append(line)
            out_cites.append(place)
            continue
        for offset, text in pieces(line):
            column = offset + 1
            where = f"{place.where or place.line}:{column}"
            fields = (*place.fields, ("column", column))
            out_lines.append(text)
            out_cites.append(Place(place.line, place.page, text, where, fields))
    return out_lines, out_cites
