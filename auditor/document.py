"""A report as the checks see it, assembled once: its genre and year, its located text, the
figures its prose states, its tables, and the pages that could not be read."""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from itertools import islice

import regex

from auditor.counts import Count, read_counts
from auditor.facts import Fact, read_prose
from auditor.performance import FundBlock, read_funds
from auditor.records import dataclass
from auditor.tables.model import Table
from auditor.tables.read import read_tables
from auditor.text.lazy import lazy
from auditor.text.located import LogicalText, denoise, normalize
from auditor.vocabulary import Vocabulary

TITLE = lazy(r"(\d{4})年度?(?:部门|单位)(决算|预算)")


@dataclass
class Document:
    """A report as the checks see it: its text, the facts read from it, its tables."""

    path: str
    genre: str | None  # 预算 or 决算
    year: int | None
    text: LogicalText
    facts: list[Fact] = field(default_factory=list)
    heads: list[tuple[int, Fact]] = field(default_factory=list)  # (marker position, head)
    absent: list[Fact] = field(default_factory=list)  # "本年度无事业收入": stated zeros
    subjects: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # per paragraph
    tables: list[Table] = field(default_factory=list)
    unread_pages: tuple[int, ...] = ()  # PDF pages with no text layer: absence proves nothing
    counts: list[Count] = field(default_factory=list)  # 12 个, 3 次, 2 辆: non-money figures
    funds: list[FundBlock] = field(
        default_factory=list
    )  # 绩效目标表 / 自评表: 资金总额 and sources
    department: str | None = None  # as its first lines name it (for --across)
    level: str = "部门"  # 部门 or 单位: whose report it is


# a year the report speaks of, not the one it compares with (较2020年度决算数…, 比上年…)
OWN_YEAR = lazy(r"(?<![较比与同]\s*)(\d{4})年度")
TABLE_GENRE = lazy(r"(决算|预算)(?:明细|总)?表")
BUDGET_WORD = lazy(r"(?<!一般公共|政府性基金|国有资本经营|年初|全年|调整)预算(?!数)")


def detect_genre_year(lines: tuple[str, ...]) -> tuple[str | None, int | None]:
    """Report genre (预算 / 决算) and fiscal year, from how the whole text names itself."""
    text = denoise(normalize("".join(lines)))  # norm_label, not kept in its cache
    named = Counter((int(m.group(1)), m.group(2)) for m in TITLE.finditer(text))
    if named:
        (year, genre), _ = named.most_common(1)[0]
        return genre, year
    tables = Counter(TABLE_GENRE.findall(text))  # 收入支出决算总表, 部门收支预算总表 …
    if tables:
        final, budget = tables["决算"], tables["预算"]
    else:  # 一般公共预算, 政府性基金预算, 年初预算, 预算数 name funds and columns, not the genre
        final, budget = text.count("决算"), len(BUDGET_WORD.findall(text))
    genre = None if final == budget == 0 else ("决算" if final >= budget else "预算")
    years = Counter(int(y) for y in OWN_YEAR.findall(text))
    return genre, (years.most_common(1)[0][0] if years else None)


HEAD_LINES = 8  # non-blank lines at the top where a report names its department


def detect_department(lines: tuple[str, ...], vocab: Vocabulary) -> tuple[str | None, str]:
    """The department a report is of, and whether it is its 部门 or 单位 report, from its
    first lines read as one (spaces gone): the vocabulary's `department` patterns in order."""
    head = "".join(islice(("".join(line.split()) for line in lines if line.strip()), HEAD_LINES))
    name = None
    for pattern in vocab.wording.get("department", []):
        found = regex.search(pattern, head)
        if found and len(found.group("name")) >= 2:
            name = found.group("name")
            break
    level = vocab.says("report_level", head)
    return name, level.group("level") if level else "部门"


def build_document(
    path: str, lines: tuple[str, ...], vocab: Vocabulary, unread_pages: tuple[int, ...] = ()
) -> Document:
    genre, year = detect_genre_year(lines)
    department, level = detect_department(lines, vocab)
    text = LogicalText(lines)
    tables = read_tables(lines, vocab)
    prose = read_prose(text, genre, year, vocab)
    return Document(
        path,
        genre,
        year,
        text,
        facts=prose.facts,
        heads=prose.heads,
        absent=prose.absent,
        subjects=prose.subjects,
        tables=tables,
        unread_pages=unread_pages,
        counts=read_counts(text, year, vocab),
        funds=read_funds(lines, vocab),
        department=department,
        level=level,
    )
