"""doc_placeholder: template residue left unfilled — "XX局", "XXX万元", "202 年度", both
directions kept ("增加（减少）"), "（单位名称）", the template's own instructions.

`patterns` are matched against each paragraph as read (so a residue wrapped over two lines is
found whole); one finding per line where residue begins, naming what was found there.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.shared.common import Context, words
from auditor.checks.shared.doc_text import paragraphs, patterns, span_lines
from auditor.findings import Finding
from auditor.rules import Rule

PARAMS = {"patterns": "regexes"}


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    found: dict[int, tuple[list[int], list[str]]] = {}
    for para in paragraphs(ctx.doc):
        spans = sorted(
            (m.start(), m.end(), m.group().strip())
            for pattern in patterns(rule, "patterns")
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
