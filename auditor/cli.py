"""Command line: `auditor check PATH…`, `auditor baseline write FILE PATH…`,
`auditor config`, `auditor extract PATH`, `auditor rules`, `auditor explain RULE-ID`, `auditor serve`."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor import cli_zh, config, startup
from auditor.cli_options import (
    audit_options,
    config_option,
    default,
    format_option,
    no_color_option,
    ocr_option,
    output_option,
    rules_option,
    serve_options,
)
from auditor.cli_settings import COMMAND_LINE, DEFAULT, Settings, settle, shown, without_ignored
from auditor.config import FORMATS, PATTERNS
from auditor.errors import AuditorError, InputError
from auditor.findings import RANK, SEVERITIES
from auditor.numbers import Rounding

# The rest (the rules, the pipeline, the readers, rich's console) is imported by the
# commands that use it: `auditor --help` and `auditor config` start at once.
if TYPE_CHECKING:
    from rich.console import Console

    from auditor import series
    from auditor.pipeline import FileResult
    from auditor.reporters.plain import Plain

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
cli_zh.install()  # before the commands are declared: --version's and --help's words are bound then


def _load(rules_dirs: tuple[str, ...] | str | None):
    from auditor.checks import KINDS
    from auditor.rules import load

    dirs = (rules_dirs,) if isinstance(rules_dirs, str) else rules_dirs or ()
    try:
        loaded = load([Path(d) for d in dirs], KINDS)
    except AuditorError as exc:
        click.echo(f"auditor: 规则错误：{exc}", err=True)
        sys.exit(EXIT_ERROR)
    startup.loaded()
    return loaded


class Main(cli_zh.Group):
    """Ctrl-C ends any command with one line, 已中断, and exit code 130 (128 + SIGINT)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("已中断", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except AuditorError as exc:  # one not met where it arises: a cluster out of reach
            click.echo(f"auditor: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="auditor")
def main() -> None:
    """检查部门预算、决算公开报告中的数字是否自洽。"""


def _settings(ctx: click.Context | None, given: dict) -> Settings:
    try:
        found = (
            config.load(path=Path(given["config_file"]))
            if given.get("config_file")
            else config.load()
        )
    except AuditorError as exc:
        click.echo(f"auditor: 配置错误：{exc}", err=True)
        sys.exit(EXIT_ERROR)
    return settle(ctx, given, found)


def _items(settings: Settings, given: dict, rules, vocab) -> list:
    """What to check: each file, or the files of --as-one read as one report."""
    from auditor.pipeline import FileResult, audit_path, expand

    paths = given["paths"]
    items = expand(paths, given["patterns"] or PATTERNS)
    if not given["as_one"]:
        return items
    if any(path != "-" and os.path.isdir(path) for path in paths):
        raise click.UsageError("--as-one 只合并所列的几个文件，不能给目录")
    refused = [item for item in items if isinstance(item, FileResult)]
    files = [item for item in items if isinstance(item, str)]
    if "-" in files:
        raise click.UsageError("--as-one 不能与标准输入 - 一起使用")
    mode = Rounding(settings["rounding"])
    return refused + ([audit_path(tuple(files), rules, vocab, mode)] if files else [])


def _rules(settings: Settings):
    from auditor.pipeline import select_rules

    rules, vocab = _load(settings["rules"])
    rules = select_rules(rules, settings["select"], settings["ignore"])
    from_file = {settings.sources[k] for k in ("select", "ignore")} - {COMMAND_LINE, DEFAULT}
    if not rules and from_file:
        click.echo(
            f"auditor: 配置错误：{', '.join(sorted(from_file))}: select / ignore 之后没有剩下"
            "任何规则（用 auditor rules 查看规则 id）",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    if not rules:
        raise click.UsageError(
            "--select / --ignore 之后没有剩下任何规则（用 auditor rules 查看规则 id）"
        )
    return rules, vocab


def _audited(
    settings: Settings,
    given: dict,
    rules,
    vocab,
    linked: list[series.Series],
    shown: Console | Plain | None = None,
) -> Iterator[FileResult]:
    """Each report's result as it is checked, without its files' ignored rules; an
    unreadable one said on stderr, one line. With --across, the results come once all are
    checked, each pair's findings added, and `linked` gets the pairs."""
    from auditor import cli_io
    from auditor.batch import audit_all

    items = _items(settings, given, rules, vocab)
    mode = Rounding(settings["rounding"])
    across, held = settings["across"], []
    ignored = settings["per-file-ignores"]
    with cli_io.progress(len(items), shown) as advance:
        batch = audit_all(items, rules, vocab, mode, settings["jobs"], across, given.get("dask"))
        with closing(batch) as audited:
            for r in audited:
                advance(r.path)
                if r.not_report and given.get("only_reports"):
                    continue  # a text file in the repository that is no report
                if r.error:
                    click.echo(f"auditor: {r.path}: {r.error}", err=True)
                if across:
                    held.append(r)
                else:
                    yield without_ignored(r, ignored, settings.folder)
    if across:
        from auditor import series

        results, found = series.check(held, rules, mode, settings["links"])
        linked.append(found)
        yield from (without_ignored(r, ignored, settings.folder) for r in results)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=default("format"),
    show_default=True,
    help="终端（中文）、json、sarif（GitHub 代码扫描）、github（Actions 注释）、gitlab（Code Quality）、junit、"
    "html（浏览器中阅读的报告）、xlsx（须 -o）、csv（Excel 可直接打开）",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=default("fail-on"),
    show_default=True,
    help="达到该级别的问题使退出码为 1",
)
@audit_options
@click.option(
    "--baseline",
    metavar="FILE",
    help="基线文件：其中已接受的问题不再报告（auditor baseline write 生成）",
)
@click.option(
    "--show-rounding/--hide-rounding",
    default=False,
    help="逐条列出尾数差异（四舍五入或末位误差；默认只计数，每个文件一行说明）",
)
@click.option(
    "--only-reports",
    is_flag=True,
    help="没有任何金额或百分比的文件（说明文档等）跳过，不算无法读取（pre-commit 钩子用）",
)
@click.option(
    "--annotate-pdf",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="为每个 PDF 在 DIR 中写一份批注副本（名称.annotated.pdf）：问题所涉数字高亮并附说明，书签列出各问题",
)
@click.option("--quiet", "-q", is_flag=True, help="只显示汇总（终端格式）")
@click.option("--statistics", is_flag=True, help="按规则统计问题数，代替逐条列出（终端格式）")
@no_color_option
@output_option
@click.pass_context
def check(ctx: click.Context, **given) -> None:
    """检查报告：文本、PDF、.docx、.xlsx/.xls、网页（.html），目录（其下所有这些文件），
    或 - 表示标准输入。"""
    from auditor import baseline, cli_io
    from auditor.reporters import terminal

    settings = _settings(ctx, given)
    fmt = settings["format"]
    if fmt != "terminal" and (given["quiet"] or given["statistics"]):
        raise click.UsageError("--quiet、--statistics 只用于终端格式")
    rules, vocab = _rules(settings)
    accepted = None
    if settings["baseline"]:
        try:
            accepted = baseline.Accepted(baseline.load(settings["baseline"]), settings["baseline"])
        except AuditorError as exc:
            click.echo(f"auditor: {exc}", err=True)
            sys.exit(EXIT_ERROR)
    output = None if given["output"] == "-" else given["output"]
    if fmt == "xlsx" and not output:
        raise click.UsageError("xlsx 格式须用 -o 指定输出文件")
    buffer = io.StringIO() if output else None
    console = cli_io.console(given["no_color"], buffer)
    listed = fmt == "terminal" and not (given["quiet"] or given["statistics"])
    results: list[FileResult] = []
    linked: list[series.Series] = []
    drawn = True  # every annotated copy asked for was written
    for r in _audited(settings, given, rules, vocab, linked, console if listed else None):
        r = accepted.take(r) if accepted else r
        results.append(r)
        if given["annotate_pdf"] and not r.error and r.path.lower().endswith(".pdf"):
            drawn = cli_io.annotate(r, given["annotate_pdf"]) and drawn
        if listed and not r.error:
            terminal.write_file(r, console, settings["show-rounding"])
    if fmt in cli_io.BINARY:
        data = cli_io.binary(fmt, results, rules)
        if output:
            cli_io.write_file(output, data)
        else:  # csv to standard output: its bytes, BOM included, whatever the console's encoding
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    elif fmt != "terminal":
        (buffer or sys.stdout).write(cli_io.machine(fmt, results, rules, *linked))
    else:
        if linked:
            terminal.write_series(linked[0], console)
        if given["statistics"]:
            terminal.write_statistics(results, console)
        if len(results) > 1 or given["quiet"]:
            terminal.write_summary(results, console, settings["show-rounding"])
        if accepted is not None:
            console.print(f"基线 {settings['baseline']} 中已接受的 {accepted.matched} 处问题未列出")
    if buffer is not None and fmt not in cli_io.BINARY:
        cli_io.write_file(output, buffer.getvalue())
    if accepted is not None:
        cli_io.baseline_said(accepted, settings["baseline"], fmt != "terminal")
    if any(r.error for r in results) or not drawn:
        sys.exit(EXIT_ERROR)
    worst = max((RANK[f.severity] for r in results for f in r.findings), default=-1)
    sys.exit(EXIT_FINDINGS if worst >= RANK[settings["fail-on"]] else EXIT_CLEAN)


@main.group("baseline", cls=cli_zh.Group)
def baseline_group() -> None:
    """基线：记录已接受的问题，之后的检查只报告新问题（政府公开文件里不能写忽略注释）。"""


@baseline_group.command("write")
@click.argument("file", metavar="FILE")
@click.argument("paths", nargs=-1, required=True)
@audit_options
@click.pass_context
def baseline_write(ctx: click.Context, file: str, **given) -> None:
    """检查 PATHS，把现有的全部问题记入基线文件 FILE。"""
    from auditor import baseline

    settings = _settings(ctx, given)
    rules, vocab = _rules(settings)
    results = list(_audited(settings, given, rules, vocab, []))
    try:
        count = baseline.write(results, file)
    except OSError as exc:
        click.echo(f"auditor: 无法写入 {file}：{exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)
    readable = sum(1 for r in results if not r.error)
    click.echo(f"已将 {readable} 份报告的 {count} 处问题记入基线 {file}")
    sys.exit(EXIT_ERROR if readable < len(results) else EXIT_CLEAN)


@main.command("config")
@config_option
def show_config(config_file) -> None:
    """显示生效的设置及其来源（配置文件或默认值；命令行上给出的选项优先于两者）。"""
    settings = _settings(None, {"config_file": config_file})
    width = max(len(key) for key in settings.values)
    for key, value in settings.values.items():
        click.echo(f"{key:<{width}} = {shown(value)}    # {settings.sources[key]}")


@main.command()
@click.argument("path")
@format_option
@no_color_option
@output_option
@rules_option
@config_option
@ocr_option
@click.pass_context
def extract(ctx, path, fmt, no_color, output, rules_dirs, config_file) -> None:
    """显示从报告中读到的内容：逐行文字（PDF 为 页:行）、数字及其含义、表格。"""
    from auditor import cli_io
    from auditor.document import build_document
    from auditor.read import read_source
    from auditor.reporters import extracted
    from auditor.reporters.extraction import extraction

    output = None if output == "-" else output
    _, vocab = _load(
        _settings(ctx, {"rules_dirs": rules_dirs, "config_file": config_file})["rules"]
    )
    try:
        source = read_source(path)
    except InputError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    data = extraction(source, build_document(source.path, source.lines, vocab, source.scanned))
    buffer = io.StringIO() if output else None
    if fmt == "json":
        import json

        (buffer or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        extracted.write(data, cli_io.console(no_color, buffer))
    if buffer is not None:
        cli_io.write_file(output, buffer.getvalue())


@main.command("rules")
@rules_option
@config_option
@click.pass_context
def list_rules(ctx, rules_dirs, config_file) -> None:
    """列出已加载的规则（内置的，与 --rules 或配置文件中 rules 目录里的）。"""
    rules, _ = _load(
        _settings(ctx, {"rules_dirs": rules_dirs, "config_file": config_file})["rules"]
    )
    width = max((len(r.id) for r in rules), default=0)
    for r in rules:
        rounding = r.rounding or "(报告)"
        click.echo(
            f"{r.id:<{width}} {r.kind:<16} {r.severity:<8} {'/'.join(r.applies_to):<6} {rounding:<9} {r.title}"
        )
    from auditor.reporters.explain import ROUNDING_RULE

    click.echo(ROUNDING_RULE)


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
@rules_option
@config_option
@click.pass_context
def explain(ctx, rule_id, rules_dirs, config_file) -> None:
    """说明一条规则：参数、检查的公式、允许的尾数误差，以及通过与报错的例子。"""
    from auditor.reporters.explain import explain as explain_rule

    rules, _ = _load(
        _settings(ctx, {"rules_dirs": rules_dirs, "config_file": config_file})["rules"]
    )
    rule = next((r for r in rules if r.id == rule_id), None)
    if rule is None:
        click.echo(
            f"auditor: 没有 id 为“{rule_id}”的规则（用 auditor rules 查看规则 id）", err=True
        )
        sys.exit(EXIT_ERROR)
    click.echo(explain_rule(rule))


@main.command()
@serve_options
def serve(host, port, max_mb) -> None:
    """本机网页：在浏览器中上传报告，查看检查结果，下载 xlsx 与批注 PDF。"""
    from auditor.serve import run

    run(host, port, max_mb, *_load(None))
