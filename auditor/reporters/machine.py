"""What the CI formats (SARIF, GitHub, GitLab, JUnit) say alike: a report's path as the
repository names it, the file and line a finding is shown at, and its text with the culprit."""

from __future__ import annotations

import os
from pathlib import PurePath

from auditor.findings import Finding, Place
from auditor.reporters.citations import places

SEPARATOR = " + "  # between the files of a report read as one (pipeline.audit_path)


def relative(path: str) -> str:
    """A path relative to the current directory, with forward slashes (`-` stays `-`)."""
    if path == "-":
        return path
    try:
        path = os.path.relpath(path)
    except ValueError:  # another drive (Windows): keep it absolute
        pass
    return PurePath(path).as_posix()


def field(p: Place, name: str) -> int | str | None:
    return dict(p.fields).get(name)


def page_of(p: Place) -> int | None:
    """The PDF page of a place, also of a PDF read as part of several files."""
    page = p.page or field(p, "page")
    return page if isinstance(page, int) else None


def file_of(report: str, p: Place | None) -> str:
    """The file a place is in: the report's path, or, for several files read as one, the
    one the place names."""
    parts = report.split(SEPARATOR)
    name = field(p, "file") if p else None
    if len(parts) == 1 and isinstance(name, str) and name != report:
        return name  # another report (check --across)
    if len(parts) > 1 and name:
        return next((f for f in parts if f == name or os.path.basename(f) == name), parts[0])
    return parts[0] if len(parts) > 1 else report


def anchor(f: Finding) -> Place | None:
    """The place a finding is shown at: the first line it cites."""
    return (f.cited or f.every_place or (None,))[0]


def line_of(p: Place | None) -> int:
    """A place's line in its file, or on its page for a PDF; 1 for a finding about the
    whole report (a CI annotation needs a line)."""
    return p.line if p and p.line > 0 else 1


def said(p: Place) -> str:
    """第7页第12行, 第12行, 段12: a place as a reader names it."""
    return places([p])


def beyond_line(p: Place | None) -> str:
    """What a bare line number leaves out: 第7页 on a PDF, 段12 or Sheet!C12 elsewhere."""
    if p is None:
        return ""
    if p.where:
        return p.where
    page = page_of(p)
    return f"第{page}页" if page else ""


def text(f: Finding) -> str:
    """The message, and what the culprit says of it when one is named."""
    return f"{f.message}\n{f.culprit.explanation}" if f.culprit else f.message


def placed_text(f: Finding) -> str:
    """The text, after the place it is shown at when a line number alone does not name it
    (第7页第12行：… on a PDF, 段12：… in a .docx)."""
    shown = anchor(f)
    return f"{said(shown)}：{text(f)}" if shown and beyond_line(shown) else text(f)
