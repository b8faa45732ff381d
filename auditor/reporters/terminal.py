"""Human-readable output in Chinese, coloured when the terminal allows.

Each finding: its severity (错误/警告/提示), the lines it cites (第7页第12行), its rule with the
rule's title, the message, the figures and the other rules that saw the same discrepancy.
Rounding differences (尾数差异/末位误差) are counted, not listed, unless asked for. Every line is
broken by `wrap`, never by rich, so a figure is never cut in two; report text is printed as
plain Text, never read as markup, and without rich where there are no styles to show
(reporters.plain)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditor.findings import SEVERITIES, Finding, Quantity
from auditor.pipeline import FileResult
from auditor.reporters.citations import chinese, places
from auditor.reporters.plain import Line, Plain
from auditor.reporters.summary import counts, genre, pages
from auditor.reporters.wrap import wrap, wrap_plain

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from auditor.series import Series

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
NAME = {"error": "错误", "warning": "警告", "info": "提示"}
HEAD, BODY = "  ", "      "  # a finding's first line, and everything under it
LIMIT = 12  # lines or runs named beside a finding; the message names them all
FOLDED = "另有 {n} 处尾数差异，均在四舍五入（或末位一个单位）范围内；--show-rounding 显示"


def _plain(text: str) -> str:
    """Report text on one line: tabs, line breaks and other control characters as spaces."""
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text)


def _print(console: Console | Plain, text: Line, indent: str = BODY) -> None:
    if isinstance(console, Plain):  # no styles to show: the lines' characters
        for line in wrap_plain(text.plain, console.width, indent):
            console.line(line)
        return
    for styled in wrap(text.rich(), console.width, indent):
        console.print(styled, soft_wrap=True)


def _text(quantity: Quantity | None) -> str | None:
    return quantity.text if quantity else None


def _seen(f: Finding) -> str:
    """rule title（places）: one rule's sight of a discrepancy."""
    where = places(f.cited, LIMIT)
    return f"{f.rule} {f.title}".strip() + (f"（{where}）" if where else "")


def write_finding(f: Finding, console: Console | Plain) -> None:
    head = Line(HEAD)
    head.append(NAME[f.severity], STYLE[f.severity])
    where = places(f.cited, LIMIT)
    head.append(f"  {_plain(where)}  " if where else "  ")
    head.append(f.rule, "bold")
    if f.title:
        head.append(f"（{_plain(f.title)}）")
    _print(console, head)
    _print(console, Line(BODY + _plain(chinese(f.message))))
    low, high = _text(f.expected_low), _text(f.expected_high)
    details = [
        f"{label}：{value}"
        for label, value in (
            ("报告", _text(f.stated)),
            ("应为", _text(f.expected)),
            ("按所列数据的范围", low != high and f"{low}–{high}"),
            ("差异", _text(f.difference)),
        )
        if value
    ]
    if details:
        _print(console, Line(BODY + _plain("；".join(details)), style="dim"))
    if f.also:
        seen = "；".join(_seen(g) for g in f.also)
        _print(console, Line(BODY + "同一差异亦见于：" + _plain(seen)))
    if f.culprit:
        _print(console, Line(BODY + "→ " + _plain(chinese(f.culprit.explanation)), "bold magenta"))


def tally(findings: list[Finding], show_rounding: bool) -> str:
    """错误 3，警告 13（其中尾数差异 12 处未列出），提示 0."""
    parts = []
    for name in SEVERITIES:
        mine = [f for f in findings if f.severity == name]
        rounding = sum(f.rounding_only for f in mine)
        note = f"（其中尾数差异 {rounding} 处{'' if show_rounding else '未列出'}）"
        parts.append(f"{NAME[name]} {len(mine)}{note if rounding else ''}")
    return "，".join(parts)


def write_file(r: FileResult, console: Console | Plain, show_rounding: bool = False) -> None:
    """One readable file's findings (an unreadable one is said on stderr, one line)."""
    if r.error:
        return
    count = f"{r.pages} 页，" if r.pages else ""
    header = Line()
    header.append(_plain(r.path), "bold")
    header.append(
        f"  {genre(r.year, r.genre)}，{count}读取数字 {r.figures} 个，标准报表 {r.tables} 张"
    )
    _print(console, header, HEAD)
    if r.scanned:
        said = f"第 {pages(r.scanned)} 页没有可读的文字层（扫描件，或字体没有 Unicode 编码，或字体未嵌入且本机未安装），这些页未检查"
        _print(console, Line(HEAD + said, "yellow"), BODY)
    if r.ocr_pages:
        said = f"第 {pages(r.ocr_pages)} 页没有文字层，由 OCR 识别；涉及这些页数字的问题只作警告，须对照原件核对"
        _print(console, Line(HEAD + said, "yellow"), BODY)
    for f in r.findings:
        if show_rounding or not f.rounding_only:
            write_finding(f, console)
    folded = 0 if show_rounding else sum(f.rounding_only for f in r.findings)
    if folded:
        _print(console, Line(HEAD + FOLDED.format(n=folded), "dim"), BODY)
    _print(console, Line(HEAD + tally(list(r.findings), show_rounding)), BODY)
    console.print()


def _table(**options) -> Table:
    """A table as both summaries draw it; rich's tables are imported only when one is drawn."""
    from rich import box
    from rich.table import Table

    return Table(title_justify="left", box=box.SIMPLE_HEAD, caption_justify="left", **options)


def write_summary(
    results: list[FileResult], console: Console | Plain, show_rounding: bool = False
) -> None:
    """A batch's table: every file with its pages, figures and findings, or why it was not read;
    how many of the findings are rounding differences, and whether they were listed."""
    from rich.text import Text

    rounding = [sum(f.rounding_only for f in r.findings) for r in results]
    folded = not show_rounding and any(rounding)
    table = _table(
        title="汇总",
        show_footer=True,
        caption="尾数差异已计入各级别的数目，未逐条列出（--show-rounding 显示）"
        if folded
        else None,
    )
    readable = [r for r in results if not r.error]
    total = counts(readable)
    unread = len(results) - len(readable)
    table.add_column("文件", footer=f"共 {len(results)} 个，无法读取 {unread} 个", overflow="fold")
    table.add_column("页数", justify="right", footer=str(sum(r.pages for r in readable)))
    table.add_column("数字", justify="right", footer=str(sum(r.figures for r in readable)))
    for name in SEVERITIES:
        table.add_column(NAME[name], justify="right", footer=str(total[name]), style=STYLE[name])
    table.add_column("其中尾数差异", justify="right", footer=str(sum(rounding)), style="dim")
    table.add_column("说明", overflow="fold")
    for r, folds in zip(results, rounding, strict=True):
        mine = counts([r])
        note = r.error or (f"第 {pages(r.scanned)} 页无可读文字" if r.scanned else "")
        cells = (
            [""] * 6
            if r.error
            else [
                str(r.pages or ""),
                str(r.figures),
                *(str(mine[name]) for name in SEVERITIES),
                str(folds),
            ]
        )
        table.add_row(Text(r.path), *cells, Text(note), style="red" if r.error else None)
    console.print(table)


def write_statistics(results: list[FileResult], console: Console | Plain) -> None:
    """Findings counted by rule (the rules that saw a folded discrepancy counted too), the
    most frequent first, as ruff --statistics counts them."""
    from rich.text import Text

    seen: dict[str, dict[str, int]] = {}
    titles: dict[str, str] = {}
    for r in results:
        for f in r.findings:
            for g in (f, *f.also):
                row = seen.setdefault(g.rule, dict.fromkeys((*SEVERITIES, "rounding"), 0))
                row[g.severity] += 1
                row["rounding"] += f.rounding_only
                titles.setdefault(g.rule, g.title)
    table = _table(title="按规则统计", caption="几条规则发现的同一处问题，每条规则各计一次")
    table.add_column("规则")
    table.add_column("标题", overflow="fold")
    for name in SEVERITIES:
        table.add_column(NAME[name], justify="right", style=STYLE[name])
    table.add_column("其中尾数差异", justify="right", style="dim")
    for rule, row in sorted(
        seen.items(), key=lambda item: (-sum(item[1][s] for s in SEVERITIES), item[0])
    ):
        table.add_row(rule, Text(titles[rule]), *(str(row[k]) for k in (*SEVERITIES, "rounding")))
    console.print(table)


def write_series(series: Series, console: Console | Plain) -> None:
    """Which reports --across held to which, and which had no partner, and why."""
    from auditor.series import PAIRING_SAID  # here: only --across links reports

    _print(console, Line(f"跨报告比对：{len(series.links)} 对", "bold"), HEAD)
    for link in series.links:
        said = f"{HEAD}{PAIRING_SAID[link.pairing]}：{link.later} ← {link.earlier}"
        _print(console, Line(_plain(said)), BODY)
    for path, reason in series.alone:
        _print(console, Line(_plain(f"{HEAD}未比对：{path}（{reason}）"), "dim"), BODY)
    console.print()
