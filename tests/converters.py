"""Test helpers: a text report turned into the formats a department publishes it in — a Word
document (tab rows as Word tables, other lines as paragraphs), a web page (tab rows as
`<table>`, other lines as paragraphs, inside a page with navigation, a script and a style
block), and one long line (its line breaks lost)."""

from __future__ import annotations

import html
import io


def blocks(lines: list[str]) -> list[tuple[str, object]]:
    """Paragraphs ("p", text) and tables ("table", [cells, …]) in order."""
    out: list[tuple[str, object]] = []
    for line in lines:
        if "\t" in line:
            if out and out[-1][0] == "table":
                out[-1][1].append(line.split("\t"))
            else:
                out.append(("table", [line.split("\t")]))
        else:
            out.append(("p", line))
    return out


def to_docx(lines: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for kind, item in blocks(lines):
        if kind == "p":
            doc.add_paragraph(item)
            continue
        width = max(len(row) for row in item)
        table = doc.add_table(rows=len(item), cols=width)
        for r, cells in enumerate(item):
            for c, text in enumerate(cells):
                if text:
                    table.cell(r, c).text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_html(lines: list[str], charset: str = "utf-8") -> bytes:
    body = []
    for kind, item in blocks(lines):
        if kind == "p":
            if item.strip():
                body.append(f"<p>{html.escape(item)}</p>")
        else:
            rows = "\n".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
                for cells in item
            )
            body.append(f"<table>\n{rows}\n</table>")
    article = "\n".join(body)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>部门决算公开</title>
<style>.nav {{ color: #333; font-size: 16px; }} td {{ padding: 2px; }}</style>
<script>var stat = {{"total": "合计 100.00万元", "rate": "增长 12.5%"}};</script>
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">财政预决算</a> 共 3 条 合计 1.00万元</div>
<nav><ul><li><a href="/a">2022年度部门决算 100.00万元</a></li></ul></nav>
<div class="content">
{article}
</div>
<div class="footer">版权所有 联系电话：027-88888888</div>
</body></html>
"""
    return page.encode(charset, errors="xmlcharrefreplace")


def to_long(lines: list[str], joiner: str = "") -> bytes:
    return (joiner.join(line for line in lines if line.strip()) + "\n").encode("utf-8")
