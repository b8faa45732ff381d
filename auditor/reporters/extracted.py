"""`auditor extract` for a reader: the located lines, then each table as it was understood."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from auditor.reporters.summary import genre, pages

if TYPE_CHECKING:
    from rich.console import Console

    from auditor.reporters.plain import Plain

# What a figure is (facts.Fact.role) and which year it is of (Fact.period), as a clerk says
# it; JSON keeps the English keys.
ROLES = {
    "value": "数值",
    "delta": "增减额",
    "rate": "增减率",
    "share": "占比",
    "completion": "完成率",
    "percent": "百分比",
}
PERIODS = {"current": "本年数", "prior": "上年数"}


def role(name: str) -> str:
    return ROLES.get(name, name)


def period(name: str | None) -> str | None:
    """本年数, 上年数, or 2022年数 for a year named (year2022)."""
    if name and name.startswith("year") and name[4:].isdigit():
        return f"{name[4:]}年数"
    return PERIODS.get(name, name) if name else name


def _ocr(read: dict) -> str:
    """A figure read by OCR: its score, and why it is doubtful."""
    if read.get("source") != "ocr":
        return ""
    doubts = "；".join(read["suspect"])
    return escape(f"〔OCR {read['score']:.3f}{'，' + doubts if doubts else ''}〕")


def write(data: dict, console: Console | Plain) -> None:
    count = f"，{data['pages']} 页" if data["pages"] else ""
    scanned = data["scanned_pages"]
    unread = f"，第 {pages(scanned)} 页没有可读的文字层，未读取" if scanned else ""
    if data["ocr_pages"]:
        unread += f"，第 {pages(data['ocr_pages'])} 页没有文字层，由 OCR 识别（数字后注识别置信度）"
    said = genre(data["year"], data["genre"])
    console.print(f"[bold]{escape(data['path'])}[/]  {said}{count}{unread}")
    width = max((len(line["at"]) for line in data["lines"]), default=0)
    for line in data["lines"]:
        console.print(f"[dim]{line['at']:>{width}}[/]  {escape(line['text'])}")
    console.print(f"\n[bold]文字中的数字 {len(data['facts'])} 个[/]")
    for fact in data["facts"]:
        said = (fact["concept"], fact["scope"], fact["basis"], period(fact["period"]))
        meaning = "，".join(str(word) for word in said if word)
        console.print(
            f"  [dim]{','.join(fact['lines'])}[/]  {escape(fact['text'])}"
            f"  {escape(role(fact['role']))}  “{escape(fact['label'])}”  {escape(meaning)}"
            + _ocr(fact)
        )
    console.print(f"\n[bold]表格 {len(data['tables'])} 张[/]")
    for table in data["tables"]:
        standard = table["standard"] or "非标准表"
        state = "；无数据" if table["empty"] else ""
        state += f"；{table['problem']}" if table["problem"] else ""
        console.print(
            f"\n[bold]{table['line']}  {escape(table['title'])}[/]"
            f"  （{standard}，{table['scope']}，单位 {table['unit']}{state}）"
        )
        for number, half in enumerate(table["halves"], 1):
            names = " | ".join(half["columns"]) or "（无金额栏）"
            console.print(f"  [dim][{number}] {escape(half['group'])}栏目：[/]{escape(names)}")
        for row in table["rows"]:
            name = " ".join(part for part in (row["code"], row["label"]) if part)
            read = row.get("ocr", {})
            cells = "；".join(f"{k} {v}{_ocr(read.get(k, {}))}" for k, v in row["cells"].items())
            console.print(
                f"  [dim]{row['line']:>{width}}[/]  [{row['half'] + 1}] {escape(name)}"
                f"  {escape(cells)}"
            )
