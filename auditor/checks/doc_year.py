"""doc_year: the report's year (from its title, "2023年度部门决算") is the year its headings,
table titles and 截至 dates name, and a 决算's comparisons are with the year before.

Only these places are looked at, never a year inside a sentence ("2021年启动的项目"):

- a heading-like line (a numbered heading, or a short line with no sentence punctuation)
  where a year is followed by the report's genre word (`headings`, group `year`, optional
  group `genre`): "2023年度收入支出决算总体情况说明", "第二部分 XX局2023年度部门决算表".
  A 预算 report's headings may name an earlier 决算 (genre 决算): those are not compared;
- the title of a standard table (`titles`): in a 预算 report an earlier year beside 决算 is
  allowed there too;
- a 截至 date at a year's end (`as_of`): the report year for a 决算; for a 预算 the year
  before (a 预算 is drawn up before its year begins), the report year itself only a warning;
- in a 决算, a comparison with a named year (`comparisons`): "与2022年度相比" must name the
  year before. A wrong comparison year is a warning (a deliberate two-year comparison is
  possible); a wrong heading or 截至 year takes the rule's severity.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.common import Context
from auditor.checks.doc_text import compact, match_lines, paragraphs, patterns, titled
from auditor.findings import Finding
from auditor.rules import Rule

PARAMS = {"headings": "regexes", "titles": "regexes", "as_of": "regexes", "comparisons": "regexes"}


def _soft(rule: Rule) -> str:
    return "warning" if rule.severity == "error" else "info"


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    year, kind = ctx.doc.year, ctx.doc.kind
    if year is None:
        return
    found: dict[tuple[tuple[int, ...], int], Finding] = {}

    def report(lines: tuple[int, ...], stated: int, what: str, expected: str, level: str) -> None:
        key = (lines, stated)
        if key not in found:
            found[key] = Finding(
                rule.id,
                level,
                f"{what}写的是{stated}年，报告是{year}年度{kind or ''}，应为{expected}",
                lines,
                stated=f"{stated}年",
                expected=expected,
            )

    budget = kind == "预算"
    title_lines = {t.line for t in ctx.doc.tables if t.kind}
    for para in paragraphs(ctx.doc):
        if para.table:
            continue
        text = titled(para)
        if text is not None:
            for pattern in patterns(rule, "headings"):
                for m in pattern.finditer(text):
                    stated = int(m.group("year"))
                    genre = m.groupdict().get("genre")
                    if budget and genre == "决算":
                        continue
                    if stated != year:
                        report(para.lines, stated, "标题", f"{year}年", rule.severity)
        if para.first in title_lines:
            text = compact(para.text)
            for pattern in patterns(rule, "titles"):
                for m in pattern.finditer(text):
                    stated = int(m.group("year"))
                    if budget and stated < year and "决算" in text[m.end() :]:
                        continue
                    if stated != year:
                        report(para.lines, stated, "表的标题", f"{year}年", rule.severity)
        for pattern in patterns(rule, "as_of"):
            for m in pattern.finditer(para.text):
                stated, lines = int(m.group("year")), match_lines(ctx.doc, para, m)
                if not budget and stated != year:
                    report(lines, stated, "“截至”日期", f"{year}年", rule.severity)
                elif budget and stated == year:
                    report(lines, stated, "“截至”日期", f"{year - 1}年", _soft(rule))
                elif budget and stated != year - 1:
                    report(lines, stated, "“截至”日期", f"{year - 1}年", rule.severity)
        if kind == "决算":
            for pattern in patterns(rule, "comparisons"):
                for m in pattern.finditer(para.text):
                    stated, lines = int(m.group("year")), match_lines(ctx.doc, para, m)
                    if stated != year - 1:
                        report(lines, stated, "比较的年份", f"{year - 1}年", _soft(rule))
    yield from found.values()
