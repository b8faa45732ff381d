"""Command line: `auditor check PATH…`, `auditor extract PATH`, `auditor rules` and
`auditor explain RULE-ID`."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from auditor import cli_zh
from auditor.batch import audit_all
from auditor.checks import KINDS
from auditor.document import build_document
from auditor.errors import AuditorError, InputError
from auditor.findings import ERROR, RANK, SEVERITIES
from auditor.numbers import Rounding
from auditor.pipeline import PATTERNS, FileResult, audit_path, expand, select_rules
from auditor.read import read_source
from auditor.reporters import extracted, json_report, terminal
from auditor.reporters.explain import explain as explain_rule
from auditor.reporters.extraction import extraction
from auditor.rules import load

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
cli_zh.install()  # before the commands are declared: --version's and --help's words are bound then
ROUNDING_RULE = """
舍入规则：一个印有 d 位小数的数字代表一个区间——四舍五入时为该数 ± 末位半个单位，截尾时为该数至
该数加末位一个单位，either（默认）取两者之并。合计、比率都按区间计算：
  · 所印数字算术上完全相符：不报；
  · 不相符，但按区间可以相符（尾数误差）：warning（规则本身低于 error 时为 info）；
  · 区间也不相符，但所述数字与可能范围只差末位一个单位以内（末位误差，如 99.86% 对 99.87%、0.01 万元）：warning；
  · 相差更多：规则的严重程度（内置规则为 error）。
少印小数位的金额（同类数字多为两位小数时的 2,360.7）视为末尾的 0 被省略；整数百分比（98%、100%）按所印精度读取。
报告的舍入方式由 --rounding 指定，单条规则可在 YAML 中以 rounding: half-up|truncate|either 另设。"""


def _load(rules_dir: str | None):
    try:
        return load(Path(rules_dir) if rules_dir else None, KINDS)
    except AuditorError as exc:
        click.echo(f"auditor: 规则错误：{exc}", err=True)
        sys.exit(EXIT_ERROR)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json"]),
    default="terminal",
    show_default=True,
)
no_color_option = click.option("--no-color", is_flag=True, help="不使用颜色")
output_option = click.option(
    "--output",
    "-o",
    metavar="FILE",
    help="报告写入该文件（写完整后才替换，中断或出错不留半截文件；终端格式不带颜色）",
)
rules_option = click.option(
    "--rules",
    "rules_dir",
    metavar="DIR",
    help="追加或替换同名规则文件的目录（含 vocabulary.yaml 时合并词表）",
)


class Main(cli_zh.Group):
    """Ctrl-C ends any command with one line, 已中断, and exit code 130 (128 + SIGINT)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("已中断", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="auditor")
def main() -> None:
    """检查部门预算、决算公开报告中的数字是否自洽。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=ERROR,
    show_default=True,
    help="达到该级别的问题使退出码为 1",
)
@click.option("--select", multiple=True, metavar="ID", help="只运行 id 以此开头的规则（可多次）")
@click.option("--ignore", multiple=True, metavar="ID", help="不运行 id 以此开头的规则（可多次）")
@no_color_option
@click.option(
    "--rounding",
    type=click.Choice([m.value for m in Rounding]),
    default=Rounding.EITHER.value,
    show_default=True,
    help="报告的舍入方式：四舍五入 half-up、截尾 truncate、两者皆可 either（规则可在 YAML 中另设）",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    metavar="N",
    show_default="CPU 核数",
    help="并行检查的文件数（输出顺序与此无关）",
)
@click.option(
    "--glob",
    "patterns",
    multiple=True,
    metavar="PATTERN",
    help=(
        "在目录中查找的文件名模式（可多次；默认 " + "、".join(PATTERNS) + "；含 / 时匹配相对路径）"
    ),
)
@click.option(
    "--as-one",
    is_flag=True,
    help="所给的几个文件是同一份报告（如情况说明 .docx 与报表 .xlsx），合在一起检查",
)
@click.option(
    "--show-rounding",
    is_flag=True,
    help="逐条列出尾数差异（四舍五入或末位误差；默认只计数，每个文件一行说明）",
)
@output_option
@rules_option
def check(
    paths,
    fmt,
    fail_on,
    select,
    ignore,
    no_color,
    rounding,
    jobs,
    patterns,
    as_one,
    show_rounding,
    output,
    rules_dir,
) -> None:
    """检查报告：文本、PDF、.docx、.xlsx/.xls、网页（.html），目录（其下所有这些文件），
    或 - 表示标准输入。"""
    rules, vocab = _load(rules_dir)
    rules = select_rules(rules, select, ignore)
    if not rules:
        raise click.UsageError(
            "--select / --ignore 之后没有剩下任何规则（用 auditor rules 查看规则 id）"
        )
    items = expand(paths, patterns or PATTERNS)
    if as_one:
        if any(path != "-" and os.path.isdir(path) for path in paths):
            raise click.UsageError("--as-one 只合并所列的几个文件，不能给目录")
        refused = [item for item in items if isinstance(item, FileResult)]
        files = [item for item in items if isinstance(item, str)]
        if "-" in files:
            raise click.UsageError("--as-one 不能与标准输入 - 一起使用")
        items = refused + (
            [audit_path(tuple(files), rules, vocab, Rounding(rounding))] if files else []
        )
    buffer = io.StringIO() if output else None
    console = _console(no_color, buffer)
    results: list[FileResult] = []
    with _progress(len(items)) as advance:
        with closing(audit_all(items, rules, vocab, Rounding(rounding), jobs)) as audited:
            for r in audited:
                advance(r.path)
                results.append(r)
                if r.error:
                    click.echo(f"auditor: {r.path}: {r.error}", err=True)
                elif fmt == "terminal":
                    terminal.write_file(r, console, show_rounding)
    if fmt == "json":
        (buffer or sys.stdout).write(json_report.dumps(results))
    elif len(results) > 1:
        terminal.write_summary(results, console, show_rounding)
    if buffer is not None:
        _write_file(output, buffer.getvalue())
    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    worst = max((RANK[f.severity] for r in results for f in r.findings), default=-1)
    sys.exit(EXIT_FINDINGS if worst >= RANK[fail_on] else EXIT_CLEAN)


def _console(no_color: bool, buffer: io.StringIO | None = None) -> Console:
    """Standard output; piped to a file, lines and tables are not cut to 80 columns. With a
    buffer (the report goes to a file): plain text, no colour."""
    if buffer is not None:
        return Console(file=buffer, color_system=None, highlight=False, soft_wrap=True, width=1000)
    width = None if sys.stdout.isatty() else 1000
    return Console(no_color=no_color, highlight=False, soft_wrap=True, width=width)


def _write_file(path: str, text: str) -> None:
    """The whole report into PATH at once: written to a temporary file beside it, then put
    in its place, so a failed or interrupted run leaves the old file or none, never half."""
    target = os.path.abspath(path)
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target)
        )
    except OSError as exc:
        click.echo(f"auditor: 无法写入 {path}：{exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException as exc:
        os.unlink(temporary)
        if isinstance(exc, OSError):
            click.echo(f"auditor: 无法写入 {path}：{exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERROR)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr for a batch, when stderr is a terminal; else nothing."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda path: None
        return
    with Progress(
        TextColumn("检查中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        yield lambda path: bar.update(task, advance=1, description=path)


@main.command()
@click.argument("path")
@format_option
@no_color_option
@output_option
@rules_option
def extract(path, fmt, no_color, output, rules_dir) -> None:
    """显示从报告中读到的内容：逐行文字（PDF 为 页:行）、数字及其含义、表格。"""
    _, vocab = _load(rules_dir)
    try:
        source = read_source(path)
    except InputError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    data = extraction(source, build_document(source.path, source.lines, vocab, source.scanned))
    buffer = io.StringIO() if output else None
    if fmt == "json":
        (buffer or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        extracted.write(data, _console(no_color, buffer))
    if buffer is not None:
        _write_file(output, buffer.getvalue())


@main.command("rules")
@rules_option
def list_rules(rules_dir) -> None:
    """列出已加载的规则。"""
    rules, _ = _load(rules_dir)
    width = max((len(r.id) for r in rules), default=0)
    for r in rules:
        rounding = r.rounding or "(报告)"
        click.echo(
            f"{r.id:<{width}} {r.kind:<16} {r.severity:<8} {'/'.join(r.applies_to):<6} {rounding:<9} {r.title}"
        )
    click.echo(ROUNDING_RULE)


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
@rules_option
def explain(rule_id, rules_dir) -> None:
    """说明一条规则：参数、检查的公式、允许的尾数误差，以及通过与报错的例子。"""
    rules, _ = _load(rules_dir)
    rule = next((r for r in rules if r.id == rule_id), None)
    if rule is None:
        click.echo(
            f"auditor: 没有 id 为“{rule_id}”的规则（用 auditor rules 查看规则 id）", err=True
        )
        sys.exit(EXIT_ERROR)
    click.echo(explain_rule(rule))
