"""GitHub Actions workflow commands: one annotation a finding,
`::error file=PATH,line=N,title=RULE 标题::MESSAGE` (warning: ::warning, info: ::notice).

A PDF's line is the line on its page, and the page is in the title (第7页); other formats'
places (段12, Sheet!C12) are named there too. An unreadable file is `::error file=PATH::why`."""

from __future__ import annotations

from typing import TextIO

from auditor.findings import Finding
from auditor.pipeline import FileResult
from auditor.reporters.machine import anchor, beyond_line, file_of, line_of, relative, text
from auditor.rules import Rule

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def data(value: str) -> str:
    """A command's message, escaped as the runner reads it back."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def prop(value: str) -> str:
    """A command's property value (file, title): also no `:` or `,`."""
    return data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={prop(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{data(message)}"


def annotation(report: str, f: Finding) -> str:
    shown = anchor(f)
    where = beyond_line(shown)
    title = f"{f.rule} {f.title}".strip() + (f"（{where}）" if where else "")
    properties = {"file": relative(file_of(report, shown)), "line": line_of(shown), "title": title}
    return command(COMMAND[f.severity], properties, text(f))


def write(results: list[FileResult], rules: list[Rule], out: TextIO) -> None:
    for r in results:
        if r.error:
            out.write(command("error", {"file": relative(r.path)}, r.error) + "\n")
        for f in r.findings:
            out.write(annotation(r.path, f) + "\n")
