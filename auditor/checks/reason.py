"""reason: the reason given for a change names the same direction as the change.

“比上年减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加”：一个科目的增减之后，
说明原因时若说的是同一科目（原因中含有该科目的项名称）本身的增减，方向须与前面的数字一致。
原因说的是别的事物（人员增加、项目调整）时不作判断。
After a 科目's change, a reason that speaks of that same 科目 (its 项 name, or 款 and 项)
increasing or decreasing must go the way the figures go. A reason about anything else
(人员增加, 项目调整) is not judged.

参数:
    reasons: 原因句的开头（正则表达式），其后到句末为原因

公式:
    增减额或增减率的方向 = 原因中同一科目的“增加/减少”

示例:
    - id: direction.reason
      title: 增减原因中同一科目的增减方向应与数字一致
      kind: reason
      severity: error
      reasons: ['主要原因(?:是|为)[:：]?']

通过:
    4.“一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元。2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费减少。

报错:
    4.“一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元。2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from auditor.checks.shared.common import Context, words
from auditor.facts import Fact
from auditor.findings import Finding, lines_of
from auditor.rules import Regexes, Rule, params
from auditor.text.lazy import lazy
from auditor.text.located import SENTENCE_END
from auditor.vocabulary import norm_label

KIND = "reason"

# A template over the vocabulary's change words (Vocabulary.compiled)
DIRECTION = r"(?:经费|支出|资金|预算|费用)?({increase}|{decrease})$"
END = lazy(f"[{SENTENCE_END}]")
CLAUSE = lazy(r"[，,、]")


@params
class Params:
    """How a sentence giving a change's reason begins."""

    reasons: Regexes


def _said(ctx: Context, reason: str, subject: str) -> str | None:
    """The direction the reason gives the 科目 itself: of the clauses (，、) that name its
    项 — with its 款 when the 科目 has one — and end in a change word, the one word they all
    give; None when none does, when they disagree, or when a clause names the 项 under
    another 款 (统战事务一般行政管理事务 for 宣传事务一般行政管理事务)."""
    path = subject.split("/")
    item, parent = path[-1], path[-2] if len(path) > 1 else ""
    given = set()
    for clause in CLAUSE.split(reason):
        said = ctx.vocab.compiled(DIRECTION).search(clause)
        at = clause.find(item)
        if said is None or at < 0 or at >= said.start():
            continue
        if parent and parent not in clause[:at] and clause[:at].strip():
            return None  # the same 项 name after some other 款: another 科目
        given.add(said.group(1) in ctx.vocab.changes["increase"])
        word = said.group(1)
    return word if len(given) == 1 else None


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    lead = regex.compile("|".join(f"(?:{p})" for p in rule.params["reasons"]))
    raw = ctx.doc.text.text
    changes = [f for f in ctx.doc.facts if f.role in ("delta", "rate") and f.sign and f.subject]
    in_paragraph: dict[int, list[Fact]] = {}  # each paragraph's facts, in order
    for f in ctx.doc.facts:
        in_paragraph.setdefault(f.paragraph, []).append(f)
    for change in changes:
        para = ctx.doc.text.paragraphs[change.paragraph]
        found = lead.search(raw, change.end, para.end)
        if found is None:
            continue
        following = [
            f for f in in_paragraph[change.paragraph] if change.end <= f.start < found.start()
        ]
        if any(f.role in ("delta", "rate") for f in following):
            continue  # the reason explains a later change, not this one
        stop = END.search(raw, found.end(), para.end)
        reason = norm_label(raw[found.end() : stop.start() if stop else para.end])
        said = _said(ctx, reason, change.subject)
        if said is None or (said in ctx.vocab.changes["increase"]) == (change.sign > 0):
            continue
        way = ctx.vocab.changes["increase" if change.sign > 0 else "decrease"][0]
        yield Finding(
            rule.id,
            rule.severity,
            f"原因与数字方向相反：{change.figure.text} 为{way}，"
            f"原因却说“{reason}”（{ctx.at(lines_of(change))}）",
            tuple(
                sorted(
                    {
                        *change.lines,
                        *ctx.doc.text.lines(found.start(), stop.end() if stop else para.end),
                    }
                )
            ),
            stated=words(said),
            expected=words(way),
        )
