"""Human-readable output in Chinese, coloured when the terminal allows."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from auditor.pipeline import FileResult
from auditor.reporters.summary import counts

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
NAME = {"error": "错误", "warning": "警告", "info": "提示"}


def _tally(tally: dict[str, int]) -> str:
    return "，".join(f"{NAME[k]} {v}" for k, v in tally.items())


def write(results: list[FileResult], console: Console) -> None:
    for r in results:
        if r.error:
            continue  # said on stderr, one line per file
        kind = f"{r.year or '?'}年度{r.kind or '（类型未识别）'}"
        console.print(
            f"[bold]{escape(r.path)}[/]  {kind}，读取数字 {r.figures} 个，标准报表 {r.tables} 张"
        )
        for f in r.findings:
            where = f"{escape(r.path)}:{r.cite(f.lines)}"
            console.print(
                f"{where}  [{STYLE[f.severity]}]{f.severity}[/]  [bold]{f.rule}[/]  {escape(f.message)}"
            )
            spread = f.expected_low != f.expected_high and f"{f.expected_low}–{f.expected_high}"
            details = [
                (label, value)
                for label, value in (
                    ("报告", f.stated),
                    ("应为", f.expected),
                    ("按所列数据的范围", spread),
                    ("差异", f.difference),
                )
                if value
            ]
            if details:
                console.print(
                    "    " + "；".join(f"{label}：{escape(value)}" for label, value in details),
                    style="dim",
                )
        console.print(f"  {_tally(counts([r]))}\n")
    readable = [r for r in results if not r.error]
    if len(results) > 1:
        unreadable = len(results) - len(readable)
        extra = f"，无法读取 {unreadable} 个" if unreadable else ""
        console.print(f"[bold]共 {len(results)} 个文件{extra}：{_tally(counts(readable))}[/]")
