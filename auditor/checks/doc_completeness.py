"""doc_completeness: every standard table the 目录 lists is in the body, and a table printed
without data says so in a 说明.

目录列出的每张标准报表正文中都须有；印出而没有数据的标准报表须说明本表无数据（说明的写法
见词表 no_data）。PDF 有页面
未能读取时不作判断；没有目录时不说缺表。

A 目录 entry names a standard table the way a table title does (the vocabulary's `tables:`
map); the body must hold a table of that kind. A table of a standard kind with no figure in
any of its lines must carry a 说明 saying it has no data (the vocabulary's `no_data`, in its
notes, or anywhere between its title and the next table or part); one with figures the reader could not place is the
`table.layout` rule's business, not this one's. Nothing is said when pages of the document
could not be read (a PDF page without a text layer), nor about missing tables without a 目录.

参数:
    toc: 目录开头一行的正则表达式
    zero: 正文某处说明该表资金范围的数为零的正则表达式（“范围”代表表题中的资金范围，
        如政府性基金），可省略；有此说明的空表不报

公式:
    目录所列标准报表 ⊆ 正文中的表；无数据的表须有“本表无数据”一类说明

示例:
    - id: document.completeness
      title: 目录列出的标准报表正文中都有；没有数据的表须说明本表无数据
      kind: doc_completeness
      severity: warning
      toc:
        - ^目录$

通过:
    2024年度收入合计532.10万元，支出合计532.10万元。
                         政府性基金预算财政拨款收入支出决算表
    单位：万元
              项目                 年初结转   本年收入            本年支出             年末结转
    科目代码   科目名称             和结余               小计    基本支出   项目支出    和结余
    注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。
    说明：本部门本年度无政府性基金预算财政拨款收入支出，故本表无数据。

报错:
    2024年度收入合计532.10万元，支出合计532.10万元。
                         政府性基金预算财政拨款收入支出决算表
    单位：万元
              项目                 年初结转   本年收入            本年支出             年末结转
    科目代码   科目名称             和结余               小计    基本支出   项目支出    和结余
    注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from auditor.checks.shared.common import Context, words
from auditor.checks.shared.doc_text import compact, lines, patterns, toc, unread
from auditor.findings import Finding
from auditor.rules import Regexes, Rule, params
from auditor.tables.model import Table
from auditor.tables.read import declares_no_data
from auditor.text.lazy import lazy
from auditor.text.located import MARKER, is_table_row

KIND = "doc_completeness"


@params
class Params:
    """How the 目录 begins, and the notes saying a table's funds are zero (its empty table
    is then no finding)."""

    toc: Regexes
    zero: Regexes | None = None


FIGURE = lazy(r"(?<![\d.])\d[\d,]*\.\d+(?![\d.])")
TITLE_END = lazy(r"表(?:\(续\))?$")


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    if unread(ctx.doc):
        return
    yield from _missing(ctx, rule)
    yield from _silent_empty(ctx, rule)


def _standard(ctx: Context, text: str) -> str | None:
    return ctx.vocab.table(text) if TITLE_END.search(text) else None


def _missing(ctx: Context, rule: Rule) -> Iterator[Finding]:
    entries = toc(ctx.doc, patterns(rule, "toc"))
    if not entries:
        return
    present = {t.standard for t in ctx.doc.tables if t.standard}
    end = max(n for e in entries for n in e.lines)
    reported: set[str] = set()
    for entry in entries:
        standard = _standard(ctx, entry.text)
        if standard is None or standard in present or standard in reported:
            continue
        reported.add(standard)
        title = _body_title(ctx, standard, end)
        if title:
            yield Finding(
                rule.id,
                rule.severity,
                f"目录列出的“{entry.text}”（{ctx.at(entry.lines)}）在正文中只有标题"
                f"（{ctx.at(title)}），没有读到表格内容",
                (*entry.lines, *title),
                stated=words(entry.text),
                expected=words("正文中的该表"),
            )
        else:
            yield Finding(
                rule.id,
                rule.severity,
                f"目录列出的“{entry.text}”在正文中没有找到",
                entry.lines,
                stated=words(entry.text),
                expected=words("正文中的该表"),
            )


def _body_title(ctx: Context, standard: str, after: int) -> tuple[int, ...]:
    """The line of a title of that standard table in the body (after the 目录), if printed."""
    for n, raw in lines(ctx.doc):
        text = compact(raw)
        if (
            n > after
            and len(text) <= 60
            and not is_table_row(raw)
            and _standard(ctx, text) == standard
        ):
            return (n,)
    return ()


def _silent_empty(ctx: Context, rule: Rule) -> Iterator[Finding]:
    tables = sorted(ctx.doc.tables, key=lambda t: t.line)
    for i, table in enumerate(tables):
        if not table.standard or table.empty or table.figures():
            continue
        span = _span(ctx, table, tables[i + 1].line if i + 1 < len(tables) else None)
        if any(is_table_row(text) and FIGURE.search(text) for text in span):
            continue  # figures the reader could not place: table.layout says so
        if declares_no_data(span, ctx.vocab):
            continue
        if _said_zero(ctx, rule, table):
            continue
        yield Finding(
            rule.id,
            rule.severity,
            f"{table.label()}：表中没有数据，也没有说明本表无数据",
            (table.line,),
            stated=words("空表"),
            expected=words("数据，或“本表无数据”之类的说明"),
        )


def _said_zero(ctx: Context, rule: Rule, table: Table) -> bool:
    """The report says elsewhere that the table's fund scope is nil (政府性基金拨款支出预算为0)."""
    if table.scope == ctx.vocab.default_scope or not rule.params.get("zero"):
        return False
    text = compact(ctx.doc.text.text)
    return any(
        regex.search(pattern.replace("范围", regex.escape(table.scope)), text)
        for pattern in rule.params["zero"]
    )


def _span(ctx: Context, table: Table, stop: int | None) -> list[str]:
    """The lines after a table's title, up to the next table's title or the next part."""
    out = []
    for n, text in lines(ctx.doc):
        if n <= table.line:
            continue
        part = MARKER.match(compact(text))
        if (stop is not None and n >= stop) or (part and part.group(1)):
            break
        out.append(text)
    return out
