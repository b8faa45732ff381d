"""What a check reports: one inconsistency, its figures and every line involved."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import field
from decimal import Decimal

from auditor.equations import Equation
from auditor.records import dataclass

# A finding's id is a SHA-256 digest. CPython's own implementation gives hashlib's very
# digest without loading OpenSSL, which is most of importing hashlib (a sixtieth of a check's
# start); a build without it has hashlib's.
try:
    from _sha2 import sha256  # Python 3.12 on
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256

SEVERITIES = ("error", "warning", "info")
# how messages name lines (text, PDF, then the other formats' schemes), left out of identity()
CITATION = re.compile(
    r"第[\d,]+行|p\d+:L\d+(?:,(?:p\d+:)?L\d+)*"
    r"|(?:(?:[^\s,，：:]+\.\w+:)?(?:段\d+|表\d+ 第\d+行|L\d+|\d+:\d+|[^\s,，]+![A-Z]+\d+(?::[A-Z]+\d+)?),?)+"
)
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
RANK = {name: i for i, name in enumerate(reversed(SEVERITIES))}  # info 0 < warning 1 < error 2
ERROR, WARNING, INFO = SEVERITIES


def softer(severity: str) -> str:
    """What a doubt about a rule of `severity` is reported as (a rounding difference, a
    deliberate-looking year): a warning for an error rule, else info."""
    return WARNING if severity == ERROR else INFO


@dataclass(frozen=True)
class Quantity:
    """A figure a finding names: its value (None for words such as 无法计算), its unit ("" when
    none) and its text as shown to a reader (2,946.25万元, 3.9%, 0.1个百分点)."""

    value: Decimal | None
    unit: str
    text: str

    @classmethod
    def words(cls, text: str) -> Quantity:
        """What is said in words, not as a number: 实际内容, 无法计算, 决算数大于预算数."""
        return cls(None, "", text)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Finding:
    """One discrepancy a rule found: what was stated, what the figures give, where."""

    rule: str
    severity: str
    message: str
    lines: tuple[int, ...]
    stated: Quantity | None = None
    expected: Quantity | None = None
    difference: Quantity | None = None
    expected_low: Quantity | None = None  # the range the stated inputs allow, when recomputed
    expected_high: Quantity | None = None
    # the difference is rounding only (尾数差异) or one unit in the last printed place (末位误差):
    # the terminal folds these into one line per file unless asked to show them
    rounding_only: bool = False
    # Filled in once the rule and the source are known (pipeline): the rule's title and
    # every line of `lines` as a reader finds it.
    title: str = field(default="", compare=False)
    cited: tuple[Place, ...] = field(default=(), compare=False)
    id: str = field(default="", compare=False)  # identity(), unique within its report
    # the same discrepancy as other rules saw it (one pair of figures, one finding): each
    # with its own rule, title, message and lines
    also: tuple[Finding, ...] = field(default=(), compare=False)
    # what the identity says of its figures, so that the diagnosis can solve for one of
    # them; dropped once diagnosed (it holds the report's own figure objects)
    equation: Equation | None = field(default=None, compare=False, repr=False)
    culprit: Culprit | None = field(default=None, compare=False)
    related: tuple[str, ...] = field(default=(), compare=False)  # ids sharing a figure
    related_file: str = field(default="", compare=False)  # the other report (--across)
    ocr: OcrDoubt | None = field(default=None, compare=False)  # rests on figures read by OCR

    @property
    def rules(self) -> tuple[str, ...]:
        """This finding's rule and those of the findings folded into it."""
        return (self.rule, *(f.rule for f in self.also))

    @property
    def every_place(self) -> tuple[Place, ...]:
        """Every line cited by this finding and those folded into it, in reading order."""
        seen: dict[tuple, Place] = {}
        for f in (self, *self.also):
            for p in f.cited:
                seen.setdefault(
                    (str(dict(p.fields).get("file", "")), p.page or 0, p.line, p.where), p
                )
        return tuple(seen[k] for k in sorted(seen))

    def sort_key(self) -> tuple:
        return (self.lines[:1] or (0,), self.rule, self.message)

    def identity(self) -> str:
        """A short hash of what the finding is about, not where, nor how it is worded: its
        rule, its stated figure, the figures its message names that the report prints on
        the cited lines, and for words (a placeholder) the characters around them. Lines
        inserted above, a paragraph re-wrapped or a PDF exported again leave it unchanged; a
        changed figure makes it another (the pipeline numbers repeats: -2, -3)."""
        printed = "".join("".join(place.text.split()) for place in self.cited).replace(",", "")
        said = [n.replace(",", "") for n in DIGITS.findall(CITATION.sub("", self.message))]
        figures = dict.fromkeys(n for n in said if n in printed)
        stated = "".join(self.stated.text.split()).replace(",", "") if self.stated else ""
        around = ""
        if self.stated is not None and self.stated.value is None and stated in printed:
            at = printed.find(stated)
            around = printed[max(at - 4, 0) : at + len(stated) + 4]
        key = "\x1f".join([self.rule, stated, around, *figures])
        return sha256(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Place:
    """An original line as a reader finds it: line n of a text file, or of page p of a PDF;
    in other formats `where` names it in the format's own scheme (段12, 表3 第5行,
    收入决算表!C12, L12 of a web page's text, 1:345 for column 345 of a very long line) and
    `fields` says the same for JSON (paragraph, table, row, sheet, cell, column, file)."""

    line: int
    page: int | None
    text: str
    where: str = ""
    fields: tuple[tuple[str, int | str], ...] = ()

    def __str__(self) -> str:
        if self.where:
            return self.where
        return f"p{self.page}:L{self.line}" if self.page else str(self.line)


@dataclass(frozen=True)
class Culprit:
    """The one stated figure that, changed to `suggested`, makes every linked finding hold;
    `pattern` names the likely slip (transposed-digits, unit, copied, basis-word, direction,
    other) and `explanation` says it to a clerk."""

    place: Place
    stated: Quantity
    suggested: Quantity
    pattern: str
    explanation: str


@dataclass(frozen=True)
class OcrDoubt:
    """What a finding that rests on figures read by OCR (scanned pages, --ocr) is worth: the
    lowest recognition score among them, and each such figure as read, where, and its score."""

    score: float
    figures: tuple[tuple[Place, str, float], ...]


def cite(places: Iterable[Place]) -> str:
    """Lines as a reader finds them: `12,13`, or `p7:L12,L13,p8:L1` on a PDF, or each in its
    format's scheme (`段12,表3 第5行`)."""
    out: list[str] = []
    page: int | None = None
    for place in places:
        same_page = place.page is not None and place.page == page and not place.where
        out.append(f"L{place.line}" if same_page else str(place))
        page = None if place.where else place.page
    return ",".join(out)


def mention(places: list[Place]) -> str:
    """Lines named in a message: 第12,13行 in a text file, else as `cite` names them."""
    if places and (places[0].page or places[0].where):
        return cite(places)
    return f"第{cite(places)}行"


def lines_of(*facts: object) -> tuple[int, ...]:
    """Every original line of the given facts (anything with a `lines` tuple), in order."""
    return tuple(sorted({n for fact in facts if fact is not None for n in fact.lines}))
