r"""doc_unit_name: the department named on the cover is the one the part headings name.

封面上的单位名称须与各部分标题中的单位名称一致（一个名称包含另一个即视为一致；括注的
“（本级）”和“本部门”一类泛称不是名称）。

The cover is the first few lines, up to the one naming the report ("上海市某区某局" /
"2024年度部门决算", or "某局2023年度部门决算" on one line), read as one text; `cover`
patterns take the name from it (group `name`). Each heading-like line (see
doc_text.headings: a 第X部分 heading, in the 目录 and in the body, a wrapped title joined;
a short title line standing on its own) is read with the `headings` patterns, the first
that matches giving the name ("第一部分 <name>概况", "第二部分 <name>2024年度部门决算表",
a title line "<name>2024年度部门决算表" above the tables); a line that matches none is not
compared. Without a cover the first named heading is the reference. Two names agree when
one contains the other (a heading may drop the city: "汉阳区某中心" for "武汉市汉阳区某中心");
bracketed parts ("（本级）") and the `generic` words ("本部门") are not names.

参数:
    cover: 从封面（前几行连读）取单位名称的正则表达式（命名分组 name）
    headings: 从标题行取单位名称的正则表达式（命名分组 name，按序取第一个匹配的）
    generic: 不是名称的泛称

公式:
    各部分标题中的单位名称 ≈ 封面上的单位名称（一方包含另一方）

示例:
    - id: document.unit-name
      title: 封面的单位名称应与各部分标题中的单位名称一致
      kind: doc_unit_name
      severity: warning
      cover:
        - ^(?P<name>\D+?)\d{4}年度?(?:部门|单位)(?:决算|预算)
        - ^\d{4}年度?(?P<name>\D+?)(?:部门|单位)(?:决算|预算)
      headings:
        - ^第[一二三四五六七八九十]+部分(?P<name>\D+?)概况$
        - ^第[一二三四五六七八九十]+部分(?P<name>\D+?)\d{4}年度?(?:部门|单位)(?:决算|预算)
        - ^(?!第[一二三四五六七八九十]+部分)(?P<name>\D+?)\d{4}年度?(?:部门|单位)(?:决算|预算)(?:公开)?表
      generic: [本部门, 部门, 本单位, 单位, 部门(单位), 本级]

通过:
    江城市青山区退役军人服务中心
    2024年度部门决算
    第一部分 江城市青山区退役军人服务中心概况
    一、主要职能
    负责全区退役军人思想政治、管理保障和安置服务等工作。
    第三部分 江城市青山区退役军人服务中心2024年度部门决算情况说明
    2024年度收入合计532.10万元，支出合计532.10万元。

报错:
    江城市青山区退役军人服务中心
    2024年度部门决算
    第一部分 江城市青山区民政局概况
    一、主要职能
    负责全区退役军人思想政治、管理保障和安置服务等工作。
    第三部分 江城市青山区退役军人服务中心2024年度部门决算情况说明
    2024年度收入合计532.10万元，支出合计532.10万元。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from auditor.checks.shared.common import Context, words
from auditor.checks.shared.doc_text import (
    compact,
    headings,
    line_texts,
    lines,
    patterns,
    strip_page,
)
from auditor.findings import Finding
from auditor.rules import NameRegexes, Rule, Words, params
from auditor.text.located import MARKER

KIND = "doc_unit_name"


@params
class Params:
    """Where the unit's name is read (cover, headings: a (?P<name>…) group each) and the
    words that are no name."""

    cover: NameRegexes
    headings: NameRegexes
    generic: Words


COVER_LINES = 4  # non-blank lines the cover may take
BRACKETED = regex.compile(r"\([^()]*\)")


def _name(text: str, found: tuple[regex.Pattern[str], ...], generic: set[str]) -> str | None:
    for pattern in found:
        m = pattern.search(text)
        if m and m.group("name"):
            name = BRACKETED.sub("", m.group("name"))
            if len(name) >= 2 and name not in generic and not MARKER.match(name):
                return name
    return None


def _cover(ctx: Context, rule: Rule, generic: set[str]) -> tuple[tuple[int, ...], str] | None:
    taken: list[tuple[int, str]] = []
    for n, text in lines(ctx.doc)[:COVER_LINES]:
        text = compact(text)
        if MARKER.match(text) or text == "目录":
            return None
        taken.append((n, text))
        name = _name("".join(t for _, t in taken), patterns(rule, "cover"), generic)
        if name:
            return tuple(n for n, _ in taken), name
    return None


def _shortest(
    ctx: Context, rule: Rule, at: tuple[int, ...], name: str, generic: set[str]
) -> tuple[int, ...]:
    """The first lines of a heading that already give its name (a title line read together
    with the table title under it cites the title line alone)."""
    if len(at) < 2:
        return at
    texts = line_texts(ctx.doc)
    for k in range(1, len(at)):
        joined = "".join(compact(strip_page(texts.get(n, ""))) for n in at[:k])
        if _name(joined, patterns(rule, "headings"), generic) == name:
            return at[:k]
    return at


def _agree(a: str, b: str) -> bool:
    return a in b or b in a


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    generic = {compact(w) for w in rule.params.get("generic") or ()}
    reference = _cover(ctx, rule, generic)
    where = "封面"
    for heading_lines, text in headings(ctx.doc):
        name = _name(text, patterns(rule, "headings"), generic)
        if name is None:
            continue
        heading_lines = _shortest(ctx, rule, heading_lines, name, generic)
        if reference is None:
            reference, where = (heading_lines, name), "第一个写有单位名称的标题"
            continue
        if not _agree(name, reference[1]):
            yield Finding(
                rule.id,
                rule.severity,
                f"单位名称不一致：{where}为“{reference[1]}”（{ctx.at(reference[0])}），"
                f"标题为“{name}”（{ctx.at(heading_lines)}）",
                tuple(sorted({*reference[0], *heading_lines})),
                stated=words(name),
                expected=words(reference[1]),
            )
