"""Human-readable output in Chinese, coloured when the terminal allows."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditor.findings import SEVERITIES, Quantity, cite
from auditor.pipeline import FileResult
from auditor.reporters.summary import counts, genre, pages

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
NAME = {"error": "错误", "warning": "警告", "info": "提示"}


def _tally(tally: dict[str, int]) -> str:
    return "，".join(f"{NAME[k]} {v}" for k, v in tally.items())


def _text(quantity: Quantity | None) -> str | None:
    return quantity.text if quantity else None


def write_file(r: FileResult, console: Console) -> None:
    """One readable file's findings (an unreadable one is said on stderr, one line)."""
    if r.error:
        return
    said = genre(r.year, r.genre)
    count = f"{r.pages} 页，" if r.pages else ""
    console.print(
        f"[bold]{escape(r.path)}[/]  {said}，{count}读取数字 {r.figures} 个，标准报表 {r.tables} 张"
    )
    if r.scanned:
        console.print(
            f"  [yellow]第 {pages(r.scanned)} 页没有可读的文字层（扫描件，或字体没有 Unicode 编码），这些页未检查[/]"
        )
    for f in r.findings:
        several = f.cited and all(dict(c.fields).get("file") for c in f.cited)
        where = escape(cite(f.cited) if several else f"{r.path}:{cite(f.cited)}")
        console.print(
            f"{where}  [{STYLE[f.severity]}]{f.severity}[/]  [bold]{f.rule}[/]  {escape(f.message)}"
        )
        low, high = _text(f.expected_low), _text(f.expected_high)
        details = [
            (label, value)
            for label, value in (
                ("报告", _text(f.stated)),
                ("应为", _text(f.expected)),
                ("按所列数据的范围", low != high and f"{low}–{high}"),
                ("差异", _text(f.difference)),
            )
            if value
        ]
        if details:
            console.print(
                "    " + "；".join(f"{label}：{escape(value)}" for label, value in details),
                style="dim",
            )
    console.print(f"  {_tally(counts([r]))}\n")


def write_summary(results: list[FileResult], console: Console) -> None:
    """A batch's table: every file with its pages, figures and findings, or why it was not read."""
    table = Table(title="汇总", title_justify="left", show_footer=True, box=box.SIMPLE_HEAD)
    readable = [r for r in results if not r.error]
    tally = counts(readable)
    unread = len(results) - len(readable)
    table.add_column("文件", footer=f"共 {len(results)} 个，无法读取 {unread} 个", overflow="fold")
    table.add_column("页数", justify="right", footer=str(sum(r.pages for r in readable)))
    table.add_column("数字", justify="right", footer=str(sum(r.figures for r in readable)))
    for name in SEVERITIES:
        table.add_column(NAME[name], justify="right", footer=str(tally[name]), style=STYLE[name])
    table.add_column("说明", overflow="fold")
    for r in results:
        mine = counts([r])
        note = r.error or (f"第 {pages(r.scanned)} 页无可读文字" if r.scanned else "")
        cells = (
            ["", "", "", "", ""]
            if r.error
            else [str(r.pages or ""), str(r.figures), *(str(mine[name]) for name in SEVERITIES)]
        )
        table.add_row(escape(r.path), *cells, escape(note), style="red" if r.error else None)
    console.print(table)
