r"""doc_year: the report's year (from its title, "2023年度部门决算") is the year its headings,
table titles and 截至 dates name, and a 决算's comparisons are with the year before.

报告年度取自标题（“2023年度部门决算”）；标题、标准报表的表名、“截至…年末”的日期须写同一年度，
决算中“与××年度相比”须比较上一年度。只看这些位置，句中的年份（“2021年启动的项目”）从不判断。

Only these places are looked at, never a year inside a sentence ("2021年启动的项目"):

- a heading-like line (a 第X部分 heading, wrapped titles joined, or any short line that is no
  table row and has no sentence punctuation) where a year is followed by the report's genre
  word (`headings`, group `year`, optional group `genre`): "2023年度收入支出决算总体情况说明",
  "第二部分 XX局2023年度部门决算表". A 预算 report's headings may name an earlier 决算
  (genre 决算) and its 预算执行: those are not compared;
- the title line of a standard table (`titles`): in a 预算 report an earlier year followed
  by 决算 is allowed there too;
- a 截至 date at a year's end (`as_of`): the report year for a 决算; for a 预算 the year
  before (a 预算 is drawn up before its year begins), the report year itself only a warning;
- in a 决算, a comparison with a named year (`comparisons`): "与2022年度相比" must name the
  year before. A wrong comparison year is a warning (a deliberate comparison with an earlier
  year is possible); a wrong heading, title or 截至 year takes the rule's severity.

参数:
    headings: 标题中紧跟年份的决算、预算字样（命名分组 year，可选 genre）
    titles: 标准报表表名中的年份（命名分组 year）
    as_of: 年末的“截至”日期（命名分组 year）
    comparisons: 决算中与某一年的比较（命名分组 year；应为上一年度）

公式:
    标题、表名、截至日期中的年份 = 报告年度（预算的截至日期：上一年度）；决算的比较年度 = 报告年度 − 1

示例:
    - id: document.year
      title: 标题、表名、“截至”日期与比较年份应与报告年度一致
      kind: doc_year
      severity: error
      headings:
        - (?<![与比较同]\s*)(?P<year>\d{4})\s*年度?\s*[^\d()]{0,30}?(?P<genre>决算|预算(?!执行))
      titles:
        - (?<![与比较同]\s*)(?P<year>\d{4})\s*年
      as_of:
        - 截[至止]\s*(?P<year>\d{4})\s*年\s*(?:12\s*月\s*31\s*日|年底|年末|末)
      comparisons:
        - 与\s*(?P<year>\d{4})\s*年度?\s*(?:决算数?)?\s*相比
        - (?:比|较)\s*(?P<year>\d{4})\s*年度?\s*(?:决算数?)?\s*(?:增加|减少|增长|下降|上升|降低|持平)

通过:
    江城市青山区退役军人服务中心
    2024年度部门决算
    第三部分 2024年度部门决算情况说明
    一、收入支出决算总体情况说明
    2024年度收、支总计均为532.10万元。与2023年度相比，收、支总计各减少18.40万元，下降3.34%，主要原因是退役军人培训项目减少。

报错:
    江城市青山区退役军人服务中心
    2024年度部门决算
    第三部分 2023年度部门决算情况说明
    一、收入支出决算总体情况说明
    2024年度收、支总计均为532.10万元。与2023年度相比，收、支总计各减少18.40万元，下降3.34%，主要原因是退役军人培训项目减少。
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from auditor.checks.shared.common import Context
from auditor.checks.shared.doc_text import (
    Para,
    any_of,
    compact,
    headings,
    lines,
    needed,
    paragraphs,
    patterns,
    span_lines,
)
from auditor.findings import Finding, Quantity, softer
from auditor.rules import Rule, YearRegexes, params
from auditor.text.required import holds

KIND = "doc_year"


@params
class Params:
    """Where the report names years, each pattern with a (?P<year>…) group."""

    headings: YearRegexes
    titles: YearRegexes
    as_of: YearRegexes
    comparisons: YearRegexes


def _years(
    ctx: Context, rule: Rule, name: str, para: Para
) -> Iterator[tuple[int, tuple[int, ...], regex.Match[str]]]:
    """(stated year, its lines, the match) for every match of a parameter's patterns."""
    compiled = patterns(rule, name)
    words, anything = needed(compiled), any_of(compiled)
    if words is not None and not holds(para.text, words):
        return  # as in most paragraphs: none of the words the patterns need
    if anything is not None and anything.search(para.text) is None:
        return
    for pattern in compiled:
        for m in pattern.finditer(para.text):
            yield int(m.group("year")), span_lines(ctx.doc, para, m.start(), m.end()), m


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    year, genre = ctx.doc.year, ctx.doc.genre
    if year is None:
        return
    found: dict[tuple[tuple[int, ...], int], Finding] = {}

    def report(at: tuple[int, ...], stated: int, what: str, expected: int, level: str) -> None:
        if stated != expected and (at, stated) not in found:
            found[at, stated] = Finding(
                rule.id,
                level,
                f"{what}写的是{stated}年，报告是{year}年度{genre or ''}，应为{expected}年",
                at,
                stated=Quantity(Decimal(stated), "年", f"{stated}年"),
                expected=Quantity(Decimal(expected), "年", f"{expected}年"),
            )

    budget = genre == "预算"
    text_of = dict(lines(ctx.doc))
    for table in ctx.doc.tables:
        title = compact(text_of.get(table.line, "")) if table.standard else ""
        for pattern in patterns(rule, "titles"):
            for m in pattern.finditer(title):
                if not (budget and int(m.group("year")) < year and "决算" in title[m.end() :]):
                    report((table.line,), int(m.group("year")), "表的标题", year, rule.severity)
    for at, heading in headings(ctx.doc):
        for pattern in patterns(rule, "headings"):
            for m in pattern.finditer(heading):
                if not (budget and m.groupdict().get("genre") == "决算"):
                    report(at, int(m.group("year")), "标题", year, rule.severity)
    for para in paragraphs(ctx.doc):
        if para.table:
            continue
        for stated, at, _ in _years(ctx, rule, "as_of", para):
            if not budget:
                report(at, stated, "“截至”日期", year, rule.severity)
            elif stated == year:  # a 预算 dated at the end of its own year: odd, not certain
                report(at, stated, "“截至”日期", year - 1, softer(rule.severity))
            else:
                report(at, stated, "“截至”日期", year - 1, rule.severity)
        if genre == "决算":
            for stated, at, _ in _years(ctx, rule, "comparisons", para):
                report(at, stated, "比较的年份", year - 1, softer(rule.severity))
    yield from found.values()
