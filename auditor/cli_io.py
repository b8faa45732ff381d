"""Where the command line's reports go: the console, a file written whole (`-o`), the
progress bar, and the machine formats by name."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import TYPE_CHECKING

import click

from auditor.reporters.plain import WIDE, Plain

if TYPE_CHECKING:
    from rich.console import Console

    from auditor.baseline import Accepted
    from auditor.pipeline import FileResult
    from auditor.rules import Rule
    from auditor.series import Series

EXIT_ERROR = 2
# the machine formats, each written at the end by its module's write(results, rules, out);
# a module is imported when its format is asked for
MACHINE = {
    fmt: f"auditor.reporters.{fmt}" for fmt in ("sarif", "github", "gitlab", "junit", "html")
}


def machine(
    fmt: str, results: list[FileResult], rules: list[Rule], series: Series | None = None
) -> str:
    """A machine format's whole text, built before any of it is written (JSON and HTML also
    say which reports --across linked)."""
    out = io.StringIO()
    if fmt == "json":
        from auditor.reporters import json_report

        out.write(json_report.dumps(results, series))
    elif fmt == "html":
        import_module(MACHINE[fmt]).write(results, rules, out, series)
    else:
        import_module(MACHINE[fmt]).write(results, rules, out)
    return out.getvalue()


def console(no_color: bool, buffer: io.StringIO | None = None) -> Console | Plain:
    """Standard output; piped to a file, lines and tables are not cut to 80 columns. With a
    buffer (the report goes to a file): plain text, no colour. Where rich could only write
    plain text (no terminal, nothing forcing one), the lines go out through `Plain`."""

    def made() -> Console:
        from rich.console import Console

        if buffer is not None:
            return Console(
                file=buffer, color_system=None, highlight=False, soft_wrap=True, width=WIDE
            )
        width = None if sys.stdout.isatty() else WIDE
        return Console(no_color=no_color, highlight=False, soft_wrap=True, width=width)

    forced = {"FORCE_COLOR", "TTY_COMPATIBLE"} & os.environ.keys()  # rich's own switches
    # (on Windows, rich may write to a legacy console its own way: left to it)
    if forced or sys.platform == "win32" or (buffer is None and sys.stdout.isatty()):
        return made()
    return Plain(buffer, made)


# the spreadsheet formats: bytes, by each module's dumps(results, rules)
BINARY = {"xlsx": "auditor.reporters.xlsx", "csv": "auditor.reporters.csv_report"}


def binary(fmt: str, results: list[FileResult], rules: list[Rule]) -> bytes:
    """A spreadsheet format's whole file (the CSV with its BOM, for Excel)."""
    return import_module(BINARY[fmt]).dumps(results, rules)


def write_file(path: str, text: str | bytes) -> None:
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
        binary_file = isinstance(text, bytes)
        options = {} if binary_file else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, "wb" if binary_file else "w", **options) as out:
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
def progress(total: int, shown: Console | Plain | None = None) -> Iterator[Callable[[str], None]]:
    """A progress bar for a batch, when stderr is a terminal; else nothing. When the report
    itself goes to that terminal (`shown`), the bar is drawn by the report's console, so
    each file's findings print above it instead of through it."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda path: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    on = shown if isinstance(shown, Console) and shown.is_terminal else Console(stderr=True)
    with Progress(
        TextColumn("检查中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=on,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        yield lambda path: bar.update(task, advance=1, description=path)


def annotate(result: FileResult, folder: str) -> bool:
    """A copy of a PDF report with its findings drawn on it, in `folder` (--annotate-pdf);
    False, said in one line, when it cannot be written (the run then ends with code 2)."""
    from auditor.reporters.annotate import annotate as draw

    stem = os.path.splitext(os.path.basename(result.path))[0]
    target = os.path.join(folder, f"{stem}.annotated.pdf")
    try:
        os.makedirs(folder, exist_ok=True)
        count = draw(result, result.path, target)
    except OSError as exc:
        click.echo(f"auditor: 无法写入 {target}：{exc.strerror or exc}", err=True)
        return False
    except Exception as exc:  # noqa: BLE001 - one copy's failure must not stop the batch
        click.echo(f"auditor: {result.path}: 无法写出批注副本（{type(exc).__name__}）", err=True)
        return False
    click.echo(f"auditor: {target}：{count} 处批注", err=True)
    return True


def baseline_said(accepted: Accepted, path: str, machine: bool) -> None:
    """On stderr: how many findings the baseline accepted (the terminal says it itself), and
    that none of its reports was checked, when so."""
    if machine:
        click.echo(f"auditor: 基线中已接受的 {accepted.matched} 处问题未列出", err=True)
    if accepted.strangers:
        click.echo(
            f"auditor: {path}: 基线中的报告一份也不在所检查的文件之中"
            "（基线按相对于基线文件所在目录的路径记录报告）",
            err=True,
        )
