"""The options the commands share: where reports go, which rules, which settings; and
those of every command that checks reports (check, baseline write); and serve's."""

from __future__ import annotations

import click

from auditor.cli_settings import SETTINGS
from auditor.config import PATTERNS
from auditor.numbers import Rounding


def default(key: str):
    return SETTINGS[key][1]


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
    "rules_dirs",
    metavar="DIR",
    multiple=True,
    help="追加或替换同名规则文件的目录或 .yaml 文件（可多次；含 vocabulary.yaml 时合并词表）",
)
config_option = click.option(
    "--config",
    "config_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="配置文件（默认：从当前目录向上找到的 auditor.toml，或含 [tool.auditor] 的 pyproject.toml）",
)


def _ocr(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--ocr: pages without a text layer read by OCR, in as many processes as there are cores
    (a batch spreading its files over `--jobs` gives each file one); without the extra
    installed, one line saying how to get it, exit code 2."""
    import os

    from auditor.read.ocr_switch import ENV, INSTALL, installed

    if not value:
        return
    if not installed():
        click.echo(f"auditor: {INSTALL}", err=True)
        ctx.exit(2)
    os.environ[ENV] = str(os.cpu_count() or 1)


ocr_option = click.option(
    "--ocr",
    is_flag=True,
    expose_value=False,
    callback=_ocr,
    help="没有文字层的页（扫描件）用 OCR 识别；所涉问题只作警告，须人工核对（需 pip install 'auditor[ocr]'）",
)


def _links(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    """--link 旧名=新名, as a mapping."""
    out = {}
    for pair in value:
        old, sep, new = pair.partition("=")
        if not (sep and old.strip() and new.strip()):
            raise click.BadParameter(f"“{pair}”应写作 旧名=新名", ctx, param)
        out[old.strip()] = new.strip()
    return out


def _scheduler(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--dask: local:N or a scheduler's address, with Dask installed (checked only when
    given, so that other runs never import the cluster module)."""
    if value is None:
        return None
    from auditor.cluster import scheduler

    try:
        return scheduler(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def audit_options(command):
    """The options of every command that checks reports (check, baseline write)."""
    for option in reversed(
        [
            click.option(
                "--select", multiple=True, metavar="ID", help="只运行 id 以此开头的规则（可多次）"
            ),
            click.option(
                "--ignore", multiple=True, metavar="ID", help="不运行 id 以此开头的规则（可多次）"
            ),
            click.option(
                "--rounding",
                type=click.Choice([m.value for m in Rounding]),
                default=default("rounding"),
                show_default=True,
                help="报告的舍入方式：四舍五入 half-up、截尾 truncate、两者皆可 either（规则可在 YAML 中另设）",
            ),
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=default("jobs"),
                metavar="N",
                show_default="CPU 核数",
                help="并行检查的文件数（输出顺序与此无关）",
            ),
            click.option(
                "--dask",
                metavar="SCHEDULER",
                callback=_scheduler,
                help="在 Dask 集群上检查：local:N（本机启动 N 个工作进程）或调度器地址 "
                "tcp://主机:8786；输出与本机检查相同（须 pip install 'auditor[dask]'）",
            ),
            click.option(
                "--glob",
                "patterns",
                multiple=True,
                metavar="PATTERN",
                help="在目录中查找的文件名模式（可多次；默认 "
                + "、".join(PATTERNS)
                + "；含 / 时匹配相对路径）",
            ),
            click.option(
                "--as-one",
                is_flag=True,
                help="所给的几个文件是同一份报告（如情况说明 .docx 与报表 .xlsx），合在一起检查",
            ),
            click.option(
                "--across",
                is_flag=True,
                help="同一单位各年的预算、决算互相比对（本年报告所说的上年数、年初预算数与那份报告一致）",
            ),
            click.option(
                "--link",
                "links",
                multiple=True,
                metavar="旧名=新名",
                callback=_links,
                help="--across 时把改过名的单位视为同一单位（可多次）",
            ),
            rules_option,
            config_option,
            ocr_option,
        ]
    ):
        command = option(command)
    return command


def serve_options(command):
    for option in reversed(
        [
            click.option(
                "--host",
                default="127.0.0.1",
                show_default=True,
                help="监听地址（默认只有本机可访问）",
            ),
            click.option(
                "--port",
                type=click.IntRange(0, 65535),
                default=8787,
                show_default=True,
                help="端口",
            ),
            click.option(
                "--max-mb",
                type=click.FloatRange(0, min_open=True),
                default=20.0,
                show_default=True,
                help="一次上传的文件合计大小上限（MB）",
            ),
        ]
    ):
        command = option(command)
    return command
