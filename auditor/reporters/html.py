"""One self-contained HTML page for one report or a batch: no network, no external font,
style sheet or script, so it can be mailed or archived as it is.

On top, a summary: how many reports, findings by severity, and the reports with errors first
(an unreadable one, then the most errors). Then each report: every finding beside its cited
lines, each figure it involves marked (<mark>); the finding links to its lines (第7页第12行).
Rounding-only findings (尾数差异/末位误差) sit in a collapsed <details>. Filters by severity, rule
and report are a few lines of inline JavaScript; with scripts off they are hidden and the
page reads the same otherwise. Every text from a report goes through html.escape: a
<script> in a report is shown as text."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TextIO

from auditor.findings import CITATION, DIGITS, SEVERITIES, Finding, Place, Quantity
from auditor.pipeline import FileResult
from auditor.reporters.citations import chinese, places
from auditor.reporters.summary import counts, genre, pages
from auditor.rules import Rule
from auditor.series import PAIRING_SAID, Series

NAME = {"error": "错误", "warning": "警告", "info": "提示"}
TITLE = "预算报告检查结果"
# what HTML cannot carry (report text may hold any control character)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

STYLE = """
:root{--error:#b3261e;--warning:#8a5a00;--info:#0b5cad;--line:#ddd;--muted:#666}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:1rem;font:15px/1.6 system-ui,-apple-system,
"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
sans-serif;color:#222;background:#fff}
[hidden]{display:none!important}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:0;word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0}th,td{border-bottom:1px solid var(--line);
padding:.25rem .6rem;text-align:left}td.n,th.n{text-align:right}
.error{color:var(--error)}.warning{color:var(--warning)}.info{color:var(--info)}
.unread td{color:var(--error)}
#filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.5rem;margin:1rem 0;
border:1px solid var(--line);border-radius:6px;background:#fafafa;position:sticky;top:0;
z-index:1}
.report{margin:2rem 0;padding-top:.5rem;border-top:3px solid #333}
.meta,.note{color:var(--muted);margin:.25rem 0}.note.bad{color:var(--error)}
.finding{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:1rem;
margin:1rem 0;padding:.75rem;border:1px solid var(--line);border-left:6px solid;
border-radius:6px}
.finding.error{border-left-color:var(--error)}.finding.warning{border-left-color:
var(--warning)}.finding.info{border-left-color:var(--info)}
.finding>*{color:#222}
.sev{font-weight:bold;margin-right:.5rem}.rule{font-family:ui-monospace,monospace}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.figures{margin:.4rem 0;padding:0;list-style:none;color:#444}
.culprit{margin:.4rem 0;padding:.4rem;background:#fbeaff;border-radius:4px}
.also{margin:.4rem 0;font-size:.92em;color:#444}
.lines{margin:0;align-self:start;max-height:24rem;overflow:auto;border:1px solid var(--line);border-radius:4px}
.line{display:grid;grid-template-columns:8.5em minmax(0,1fr);gap:.5rem;padding:.2rem .4rem;
border-bottom:1px solid #eee;scroll-margin-top:5rem}
.line:target{background:#fff3b0;outline:2px solid #e0b000}
.where{color:var(--muted);font-size:.9em}
.text{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;white-space:pre-wrap;tab-size:4;
word-break:break-all}
mark{background:#ffe066;padding:0 1px;border-radius:2px}
details.rounding{margin:1rem 0}details.rounding>summary{cursor:pointer;color:var(--muted)}
@media (max-width:800px){.finding{grid-template-columns:1fr}}
@media print{#filters{display:none}.lines{max-height:none}}
"""

# the filters: shown only when scripts run; everything else works without them
SCRIPT = """
(function(){
var f=document.getElementById('filters');f.hidden=false;
function apply(){
var sev=[].slice.call(f.querySelectorAll('input[name=sev]:checked')).map(function(e){
return e.value});var rule=f.elements.rule.value,rep=f.elements.report.value;
[].forEach.call(document.querySelectorAll('.finding'),function(e){e.hidden=!(
sev.indexOf(e.dataset.severity)>=0&&(!rule||e.dataset.rules.split(' ').indexOf(rule)>=0))});
[].forEach.call(document.querySelectorAll('.report'),function(e){
e.hidden=!!rep&&e.id!==rep});}
f.addEventListener('change',apply);f.addEventListener('reset',function(){setTimeout(apply)});
apply();
})();
"""


def esc(text: object) -> str:
    """Report text as HTML text: escaped, control characters as spaces."""
    return html.escape(CONTROL.sub(" ", str(text)), quote=True)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def involved(f: Finding) -> tuple[set[Decimal], set[str]]:
    """What to mark on a finding's lines: the values of its figures (and of those folded into
    it, of its culprit), the decimals its messages name, and figures said in words."""
    values: set[Decimal] = set()
    words: set[str] = set()
    quantities: list[Quantity | None] = []
    for g in (f, *f.also):
        quantities += [g.stated, g.expected, g.expected_low, g.expected_high]
        for said in DIGITS.findall(CITATION.sub("", g.message)):
            if "." in said or "," in said:
                values.add(Decimal(said.replace(",", "")))
    if f.culprit:
        quantities += [f.culprit.stated, f.culprit.suggested]
    for q in quantities:
        if q is None:
            continue
        if q.value is None:
            if q.text.strip():
                words.add(q.text.strip())
            continue
        values.add(abs(q.value))
        values.update(abs(v) for v in (_number(n) for n in DIGITS.findall(q.text)) if v is not None)
    return values, words


def marked(text: str, values: set[Decimal], words: set[str]) -> str:
    """A line's text, escaped, with each involved figure inside <mark>."""
    spans: list[tuple[int, int]] = []
    for m in DIGITS.finditer(text):
        if text[m.start() - 1 : m.start()] in (".", ",") and m.start() > 0:
            continue  # the tail of a longer number
        value = _number(m.group().rstrip(","))
        if value is not None and value in values:
            end = m.end() - (1 if m.group().endswith(",") else 0)
            if text[end : end + 1] == "%":
                end += 1
            spans.append((m.start(), end))
    for word in words:
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + len(word))
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:  # overlapping a mark already made
            continue
        out.append(esc(text[at:start]) + "<mark>" + esc(text[start:end]) + "</mark>")
        at = end
    return "".join(out) + esc(text[at:])


def _anchor(fid: str, k: int) -> str:
    return f"{fid}-l{k}"


def _key(p: Place) -> tuple:
    return (str(dict(p.fields).get("file", "")), p.page or 0, p.line, p.where)


def _said(p: Place, across: bool) -> str:
    """A line as a reader names it; with two reports (--across), after its file's name."""
    file = str(dict(p.fields).get("file", ""))
    return f"{os.path.basename(file)} {places([p])}" if across and file else places([p])


def _links(cited: Iterable[Place], anchors: dict[tuple, str], across: bool = False) -> str:
    return "，".join(
        f'<a href="#{anchors[_key(p)]}">{esc(_said(p, across))}</a>'
        for p in cited
        if _key(p) in anchors
    )


def _figures(f: Finding) -> str:
    low, high = f.expected_low, f.expected_high
    rows = [
        ("报告", f.stated and f.stated.text),
        ("应为", f.expected and f.expected.text),
        ("按所列数据的范围", low and high and low.text != high.text and f"{low.text}–{high.text}"),
        ("差异", f.difference and f.difference.text),
    ]
    items = "".join(f"<li>{label}：<b>{esc(value)}</b></li>" for label, value in rows if value)
    return f'<ul class="figures">{items}</ul>' if items else ""


def finding(f: Finding, fid: str, report: str) -> str:
    """One finding: what it says on the left, its cited lines on the right."""
    every = f.every_place
    anchors = {_key(p): _anchor(fid, k) for k, p in enumerate(every)}
    across = bool(f.related_file)
    values, words = involved(f)
    head = (
        f'<span class="sev {f.severity}">{NAME[f.severity]}</span>'
        f'<span class="rule">{esc(f.rule)}</span>' + (f"（{esc(f.title)}）" if f.title else "")
    )
    where = _links(f.cited, anchors, across)
    parts = [
        f"<p>{head}</p>",
        f'<p class="where">{where}</p>' if where else "",
        f'<p class="message">{esc(chinese(f.message))}</p>',
        _figures(f),
    ]
    if f.culprit:
        parts.append(f'<p class="culprit">→ {esc(chinese(f.culprit.explanation))}</p>')
    if f.also:
        seen = "".join(
            f"<li>{NAME[g.severity]} <span class='rule'>{esc(g.rule)}</span>"
            f"{f'（{esc(g.title)}）' if g.title else ''}：{esc(chinese(g.message))}"
            f"{f' {_links(g.cited, anchors)}' if g.cited else ''}</li>"
            for g in f.also
        )
        parts.append(f'<div class="also">同一差异亦见于：<ul>{seen}</ul></div>')
    lines = "".join(
        f'<div class="line" id="{_anchor(fid, k)}"><span class="where">{esc(_said(p, across))}'
        f'</span><span class="text">{marked(p.text, values, words)}</span></div>'
        for k, p in enumerate(every)
    )
    rules = " ".join(esc(r) for r in f.rules)
    return (
        f'<article class="finding {f.severity}" id="{fid}" data-severity="{f.severity}" '
        f'data-rules="{rules}" data-report="{report}"><div class="said">{"".join(parts)}</div>'
        f'<div class="lines">{lines or "<p class=note>（全文）</p>"}</div></article>'
    )


def report(r: FileResult, rid: str) -> str:
    """One report's section: what it is, then its findings, rounding-only ones folded."""
    out = [f'<section class="report" id="{rid}" data-path="{esc(r.path)}">']
    out.append(f"<h2>{esc(r.path)}</h2>")
    if r.error:
        out.append(f'<p class="note bad">无法检查：{esc(r.error)}</p></section>')
        return "".join(out)
    count = f"{r.pages} 页，" if r.pages else ""
    out.append(
        f'<p class="meta">{esc(genre(r.year, r.genre))}，{count}读取数字 {r.figures} 个，'
        f"标准报表 {r.tables} 张</p>"
    )
    if r.scanned:
        out.append(
            f'<p class="note bad">第 {pages(r.scanned)} 页没有可读的文字层'
            "（扫描件，或字体没有 Unicode 编码，或字体未嵌入且本机未安装），这些页未检查</p>"
        )
    tally = counts([r])
    out.append(
        '<p class="meta">'
        + "，".join(f'<span class="{s}">{NAME[s]} {tally[s]}</span>' for s in SEVERITIES)
        + "</p>"
    )
    ids = [f"{rid}-{f.id or k}" for k, f in enumerate(r.findings)]
    shown = [
        finding(f, i, rid) for f, i in zip(r.findings, ids, strict=True) if not f.rounding_only
    ]
    folded = [finding(f, i, rid) for f, i in zip(r.findings, ids, strict=True) if f.rounding_only]
    if not r.findings:
        out.append('<p class="note">未发现问题。</p>')
    out.extend(shown)
    if folded:
        out.append(
            f'<details class="rounding"><summary>另有 {len(folded)} 处尾数差异，均在四舍五入'
            f"（或末位一个单位）范围内：点击展开</summary>{''.join(folded)}</details>"
        )
    out.append("</section>")
    return "".join(out)


def _order(results: list[FileResult]) -> list[int]:
    """Reports with errors first: unreadable ones, then by errors, warnings, notes."""

    def key(i: int) -> tuple:
        r, tally = results[i], counts([results[i]])
        return (not r.error, *(-tally[s] for s in SEVERITIES), i)

    return sorted(range(len(results)), key=key)


def summary(results: list[FileResult], rids: list[str]) -> str:
    total = counts(results)
    unread = sum(1 for r in results if r.error)
    rounding = sum(f.rounding_only for r in results for f in r.findings)
    head = (
        f'<p class="totals">报告 <b>{len(results)}</b> 份'
        + (f"（无法读取 {unread} 份）" if unread else "")
        + "；"
        + "，".join(f'<span class="{s}">{NAME[s]} <b>{total[s]}</b></span>' for s in SEVERITIES)
        + (f"（其中尾数差异 {rounding} 处）" if rounding else "")
        + "</p>"
    )
    cols = "".join(f'<th class="n {s}">{NAME[s]}</th>' for s in SEVERITIES)
    rows = []
    for i in _order(results):
        r = results[i]
        tally = counts([r])
        folded = sum(f.rounding_only for f in r.findings)
        note = r.error or (f"第 {pages(r.scanned)} 页无可读文字" if r.scanned else "")
        cells = (
            '<td></td><td class="n"></td>' + '<td class="n"></td>' * 4
            if r.error
            else f"<td>{esc(genre(r.year, r.genre))}</td><td class='n'>{r.pages or ''}</td>"
            + "".join(f'<td class="n {s}">{tally[s]}</td>' for s in SEVERITIES)
            + f'<td class="n">{folded}</td>'
        )
        rows.append(
            f'<tr{" class=unread" if r.error else ""}><td><a href="#{rids[i]}">{esc(r.path)}'
            f"</a></td>{cells}<td>{esc(note)}</td></tr>"
        )
    table = (
        f"<table><thead><tr><th>报告</th><th>类型</th><th class='n'>页数</th>{cols}"
        f"<th class='n'>其中尾数差异</th><th>说明</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return f'<section id="summary"><h1>{TITLE}</h1>{head}{table}</section>'


def filters(results: list[FileResult], rules: list[Rule], rids: list[str]) -> str:
    """The filter form, hidden until the script shows it."""
    titles = {rule.id: rule.title for rule in rules}
    seen: dict[str, str] = {}
    for r in results:
        for f in r.findings:
            for g in (f, *f.also):
                seen.setdefault(g.rule, g.title or titles.get(g.rule, ""))
    boxes = "".join(
        f'<label class="{s}"><input type="checkbox" name="sev" value="{s}" checked> '
        f"{NAME[s]}</label>"
        for s in SEVERITIES
    )
    rule_options = "".join(
        f'<option value="{esc(rule)}">{esc(rule)} {esc(title)}</option>'
        for rule, title in sorted(seen.items())
    )
    report_options = "".join(
        f'<option value="{rid}">{esc(r.path)}</option>'
        for r, rid in zip(results, rids, strict=True)
    )
    return (
        f'<form id="filters" hidden><span>筛选：</span>{boxes}'
        f'<label>规则 <select name="rule"><option value="">全部</option>{rule_options}'
        f'</select></label><label>报告 <select name="report"><option value="">全部</option>'
        f'{report_options}</select></label><button type="reset">全部显示</button></form>'
    )


def pairs(series: Series | None) -> str:
    """Which reports --across held to which, and which stood alone and why."""
    if series is None:
        return ""
    items = [
        f"<li>{PAIRING_SAID[link.pairing]}：{esc(link.later)} ← {esc(link.earlier)}</li>"
        for link in series.links
    ] + [f'<li class="note">未比对：{esc(path)}（{esc(why)}）</li>' for path, why in series.alone]
    return f'<section id="across"><h2>跨报告比对：{len(series.links)} 对</h2><ul>{"".join(items)}</ul></section>'


def render(results: list[FileResult], rules: list[Rule], series: Series | None = None) -> str:
    rids = [f"r{i + 1}" for i in range(len(results))]
    body = "".join(report(results[i], rids[i]) for i in _order(results))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{TITLE}</title><style>{STYLE}</style></head><body>"
        f"{summary(results, rids)}{pairs(series)}{filters(results, rules, rids)}<main>{body}</main>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def write(
    results: list[FileResult], rules: list[Rule], out: TextIO, series: Series | None = None
) -> None:
    out.write(render(results, rules, series))
