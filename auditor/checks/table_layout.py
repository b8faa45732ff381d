"""table_layout: a table whose layout could not be read is said so, never guessed at.

标准报表的各栏无法对齐（或印有数字却读不到数据行）时，说明该表未予检查；不据此作任何判断。
A standard table whose columns cannot be aligned, or whose figures no row holds, is named
as unchecked; nothing is guessed from it.

参数: 无

公式:
    标准报表须能读出各栏与数据行，否则说明“未检查”

示例:
    - id: table.layout
      title: 标准报表的版式无法读取时予以说明（不据此作任何判断）
      kind: table_layout
      severity: info

通过:
    （七）政府性基金预算财政拨款支出决算情况说明
    2023年度政府性基金预算财政拨款支出160.00万元，全部为项目支出。
                         政府性基金预算财政拨款收入支出决算表
    单位：万元
              项目                        年初结转   本年收入            本年支出             年末结转
    科目代码   科目名称                    和结余               小计    基本支出   项目支出    和结余
    212        城乡社区支出                 20.00     150.00   160.00              160.00      10.00
    21208      土地出让收入安排的支出       20.00     150.00   160.00              160.00      10.00

报错:
    （七）政府性基金预算财政拨款支出决算情况说明
    2023年度政府性基金预算财政拨款支出160.00万元，全部为项目支出。
                         政府性基金预算财政拨款收入支出决算表
    单位：万元
              项目                        年初结转   本年收入            本年支出             年末结转
    科目代码   科目名称                    和结余               小计    基本支出   项目支出    和结余
    212        城乡社区支出                 20.00     150.00   160.00              160.00      10.00
    21208      国有土地使用权出让收入安排的支出
                                            20.00     150.00   160.00              160.00      10.00
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context
from auditor.findings import Finding
from auditor.rules import Rule, params

KIND = "table_layout"


@params
class Params:
    """table_layout takes no parameters: YAML only switches its rule on."""


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    for table in ctx.doc.tables:
        if table.problem and table.standard:
            yield Finding(
                rule.id,
                rule.severity,
                f"{table.label()}：{table.problem}",
                (table.line,),
            )
