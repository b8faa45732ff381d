r"""doc_placeholder: template residue left unfilled — "XX局", "XXX万元", "202 年度", both
directions kept ("增加（减少）"), "（单位名称）", the template's own instructions.

模板残留：未填写的 XX、××，缺位的年份，两个方向都留着的“增加（减少）”，待填的“（单位名称）”，
以及模板自己的填写说明。

`patterns` are matched against each paragraph as read (so a residue wrapped over two lines is
found whole); one finding per line where residue begins, naming what was found there.

参数:
    patterns: 模板残留的正则表达式

公式:
    正文中不得有 patterns 所匹配的模板残留（共 {patterns}）

示例:
    - id: document.placeholder
      title: 模板残留：未填写的 XX、××、缺位的年份、“增加（减少）”两可表述、模板说明文字
      kind: doc_placeholder
      severity: error
      patterns:
        - (?<![A-Za-z])X+(?:\.X+)?(?=\s*(?:万元|元|%|个|辆|人|项|台|批|次))
        - (?<![A-Za-z])X{2,}(?![A-Za-z])
        - ×{2,}
        - (?<![\d.,])20\d\s*年
        - (?<![\d.,])20\s+年度
        - (?<![\dA-Za-z])20[\dX]?X\s*年
        - (?:增加|减少|增长|下降|上升|降低|大于|小于|高于|低于)\((?:增加|减少|增长|下降|上升|降低|大于|小于|高于|低于)\)
        - (?:增加|减少|增长|下降|大于|小于)/(?:增加|减少|增长|下降|大于|小于)
        - \((?:单位|部门|项目)名称\)
        - \(?如持平作持平表述\)?
        - \(?不涉及的不列\)?
        - 按上述格式依次说明
        - 仍保留该表格式
        - 作下述说明

通过:
    2024年度收入合计532.10万元，与2023年度相比，收入合计减少18.40万元，下降3.34%，主要原因是退役军人培训项目减少。

报错:
    2024年度收入合计532.10万元，与2023年度相比，收入合计增加（减少）18.40万元，下降3.34%，主要原因是XXXXXXXX。
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, words
from auditor.checks.shared.doc_text import any_of, paragraphs, patterns, span_lines
from auditor.findings import Finding
from auditor.rules import Regexes, Rule, params
from auditor.text.lazy import HELD

KIND = "doc_placeholder"


@params
class Params:
    """What a placeholder left in the text looks like."""

    patterns: Regexes


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    found: dict[int, tuple[list[int], list[str]]] = {}
    compiled = patterns(rule, "patterns")
    anything = any_of(compiled)  # most paragraphs hold no residue: one search says so
    for para in paragraphs(ctx.doc):
        if anything is not None and anything.search(para.text, 0, None, HELD) is None:
            continue
        spans = sorted(
            (m.start(), m.end(), m.group().strip())
            for pattern in compiled
            for m in pattern.finditer(para.text)
            if m.group().strip()
        )
        end = -1
        for start, stop, text in spans:
            if start < end:
                continue  # inside residue already found
            end = stop
            where = span_lines(ctx.doc, para, start, stop)
            lines, texts = found.setdefault(where[0], ([], []))
            lines.extend(n for n in where if n not in lines)
            if text not in texts:
                texts.append(text)
    for lines, texts in found.values():
        shown = "、".join(f"“{t}”" for t in texts)
        yield Finding(
            rule.id,
            rule.severity,
            f"模板内容未填写或未删除：{shown}",
            tuple(sorted(lines)),
            stated=words("、".join(texts)),
            expected=words("实际内容"),
        )
