"""table_unread: doubt before accusing.

真实公开的报表绝大多数是自洽的。一张表按读出的行列，自身恒等式（合计、上下级科目、合计栏、
其中）不成立的超过已核对的 share，且至少 least 个时，多半是版式读错了（左右两半配错、栏目
错位、把“其中”当成并列项），而不是报表真有这么多错：只提示一次“未能读懂”，不据此表报告
任何错误——它自身的、它与别的表或与文字的比较都不报。一处笔误破坏的恒等式都经过它所在的
那一行；不成立的恒等式若都经过同一行，就是笔误，照常报告。
A real published table is overwhelmingly consistent; one that fails many of its own
identities as read was far more likely misread than published that broken. It is reported
once, as unread, and no error is raised from it. Failures that all run through one row
are a slip in that row, and are reported as usual. This kind reviews the other checks'
findings after they have run (`review`); `check` finds nothing by itself.

参数:
    share: 不成立的恒等式占已核对恒等式的比例超过它时怀疑读错（0 与 1 之间）
    least: 且不成立的至少这么多个（一处笔误至多破坏三个：它所在的上级科目、合计行与本行合计栏）

公式:
    不成立的恒等式 > {share} × 已核对的，且 ≥ {least} 个，且不都经过同一行 → 视为未能读懂

示例:
    - id: table.unread
      title: 一张表自身的恒等式大量不成立时视为未能读懂，不据此报错
      kind: table_unread
      severity: info
      share: 0.25
      least: 4

通过:
    某区档案馆2024年度部门决算

    表3 支出决算表
    单位：万元
    科目编码   科目名称                            本年支出合计    基本支出    项目支出
               合计                                      620.00      500.00      120.00
    201        一般公共服务支出                          520.00      400.00      120.00
    20126      档案事务                                  520.00      400.00      120.00
    2012601    行政运行                                  400.00      400.00
    2012604    档案馆                                    120.00                  120.00
    208        社会保障和就业支出                        100.00      100.00
    20805      行政事业单位养老支出                      100.00      100.00
    2080505    机关事业单位基本养老保险缴费支出          100.00      100.00

报错:
    某区档案馆2024年度部门决算

    表3 支出决算表
    单位：万元
    科目编码   科目名称                            本年支出合计    基本支出    项目支出
               合计                                      620.00      500.00      120.00
    201        一般公共服务支出                          520.00      400.00      120.00
    20126      档案事务                                  520.00      400.00      120.00
    2012601    行政运行                                              400.00      400.00
    2012604    档案馆                                                120.00
    208        社会保障和就业支出                                    100.00      100.00
    20805      行政事业单位养老支出                                  100.00      100.00
    2080505    机关事业单位基本养老保险缴费支出                      100.00      100.00
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.checks.shared.common import Context
from auditor.findings import ERROR, Finding
from auditor.rules import Count, Fraction, Rule, params

KIND = "table_unread"


@params
class Params:
    """When a table fails so many of its identities (this share, at least this many) that
    it was likely misread."""

    share: Fraction
    least: Count


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    return iter(())


def review(ctx: Context, rule: Rule, findings: set[Finding]) -> set[Finding]:
    """The findings, less those raised from a doubted table, plus one note per such table.

    A kind may define `review`: the pipeline calls it once every check has run. The tally it
    reads counts the identities of the structural table kinds (through `sum_finding`), so
    which tables are doubted depends on which of those rules are selected."""
    share, least = Decimal(str(rule.params["share"])), int(rule.params["least"])
    for table in ctx.doc.tables:
        tally = ctx.tally.get(table.line)
        if tally is None or tally.common or tally.failed < least:
            continue  # few failures, or all through one row: a slip, not a misreading
        judged, failed = tally.judged, tally.failed
        if failed <= share * judged:
            continue
        lines = {table.line, *(row.line for row in table.rows)}
        findings = {
            f
            for f in findings
            if not (set(f.lines) & lines and (f.severity == ERROR or f.rule.startswith("table.")))
        }
        findings.add(
            Finding(
                rule.id,
                rule.severity,
                f"{table.label()}：按读出的行列，{judged} 个恒等式中有 {failed} 个不成立，"
                "更可能是版式没有读对，而不是报表本身有误；未据此报告任何错误，请人工核对此表",
                (table.line,),
            )
        )
    return findings
