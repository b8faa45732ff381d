"""One way through: source text → facts → claims → rule checks → findings, per file."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import field, replace
from glob import has_magic
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from auditor.checks import MODULES
from auditor.checks.shared.common import Context
from auditor.claims import gather
from auditor.config import PATTERNS
from auditor.diagnosis import diagnose
from auditor.document import Document, build_document
from auditor.errors import InputError
from auditor.facts import Fact
from auditor.findings import INFO, Finding, Place, Quantity
from auditor.fold import fold
from auditor.numbers import Rounding
from auditor.read import Source, read_source, read_sources
from auditor.read.url import is_url, listing
from auditor.records import dataclass
from auditor.rules import Rule
from auditor.tables.model import Table
from auditor.text.located import as_printed, normal_lines
from auditor.vocabulary import Vocabulary

if TYPE_CHECKING:
    from auditor.profile import Profile


@dataclass
class FileResult:
    """One report's outcome: what was read, the findings, or why it could not be read."""

    path: str
    genre: str | None = None  # 预算 or 决算
    year: int | None = None
    figures: int = 0  # amounts and percentages read, in prose and in tables
    tables: int = 0  # standard tables recognised
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be read; then nothing else is said
    pages: int = 0  # of a PDF
    scanned: tuple[int, ...] = ()  # PDF pages with no text layer: nothing on them was checked
    ocr_pages: tuple[int, ...] = ()  # PDF pages with no text layer, read by OCR (--ocr)
    profile: Profile | None = None  # what another report can be held to (--across)
    not_report: bool = False  # read, but no amount or percentage in it: not a report at all


def select_rules(rules: list[Rule], select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """Keep rules whose id starts with a selected prefix, minus the ignored ones."""
    select, ignore = tuple(select), tuple(ignore)
    return [
        r
        for r in rules
        if (not select or r.id.startswith(select)) and not (ignore and r.id.startswith(ignore))
    ]


def check_source(
    source: Source, rules: list[Rule], vocab: Vocabulary, rounding: Rounding = Rounding.EITHER
) -> tuple[Document, list[Finding]]:
    """The report's model and its findings in reading order, each with its rule's title and
    its lines as a reader finds them."""
    doc = build_document(source.path, source.lines, vocab, source.scanned)
    ctx = Context(doc, gather(doc, vocab), vocab, rounding, source.place)
    applied = [
        rule
        for rule in rules
        if rule.applies(doc.genre) and not getattr(MODULES[rule.kind], "PAIRED", False)
    ]
    findings = {finding for rule in applied for finding in MODULES[rule.kind].check(ctx, rule)}
    for rule in applied:  # reviews of what the checks found (table_unread), after them all
        review = getattr(MODULES[rule.kind], "review", None)
        if review is not None:
            findings = review(ctx, rule, findings)
    titles = {rule.id: rule.title for rule in applied}
    out, seen = [], Counter()
    for f in sorted(findings, key=Finding.sort_key):
        values = {abs(q.value) for q in (f.stated, f.expected) if q and q.value is not None}
        cited = tuple(source.cited(n, values) for n in f.lines)
        f = replace(f, title=titles[f.rule], cited=cited, **_printed(f, cited))
        key = f.identity()
        seen[key] += 1
        out.append(replace(f, id=key if seen[key] == 1 else f"{key}-{seen[key]}"))
    out = diagnose(out, doc, rounding, source.cited, dict(vocab.bases))
    if source.ocr:  # findings on figures read by OCR are to be checked by hand
        from auditor.ocr_review import review

        out = review(out, doc, source, rounding, ctx.held)
    if any(f.rounding_only for f in out) and any(  # the note matters only to those
        vocab.says("rounding_note", line) for line in normal_lines(source.lines)
    ):
        out = [replace(f, severity=INFO) if f.rounding_only else f for f in out]
    return doc, [replace(f, equation=None) for f in fold(out)]


def _printed(f: Finding, cited: tuple[Place, ...]) -> dict:
    """The message's quotes and the stated words as the report prints them."""
    lines = [p.text for p in cited]
    out: dict = {"message": as_printed(f.message, lines)}
    if f.stated is not None and f.stated.value is None:
        out["stated"] = Quantity.words(as_printed(f.stated.text, lines))
    return out


def figures(facts: Sequence[Fact], tables: Sequence[Table]) -> int:
    """Amounts and percentages read, in prose and in tables."""
    return len(facts) + sum(t.figures() for t in tables)


def audit_source(
    source: Source,
    rules: list[Rule],
    vocab: Vocabulary,
    rounding: Rounding = Rounding.EITHER,
    across: bool = False,
) -> FileResult:
    doc, findings = check_source(source, rules, vocab, rounding)
    profiled = None
    if across:
        from auditor.profile import profile  # here: only --across holds reports together

        profiled = profile(doc, gather(doc, vocab), rounding, source.cited, vocab)
    return FileResult(
        source.path,
        doc.genre,
        doc.year,
        figures(doc.facts, doc.tables),
        sum(1 for t in doc.tables if t.standard),
        findings,
        pages=source.pages,
        scanned=source.scanned,
        ocr_pages=source.ocr_pages,
        profile=profiled,
    )


def audit_path(
    path: str | Sequence[str],
    rules: list[Rule],
    vocab: Vocabulary,
    rounding: Rounding = Rounding.EITHER,
    across: bool = False,
) -> FileResult:
    """One report: a file, or several files read as one (`--as-one`: a narrative .docx and
    its tables' .xlsx)."""
    name = path if isinstance(path, str) else " + ".join(path)
    try:
        source = read_source(path) if isinstance(path, str) else read_sources(path)
        result = audit_source(source, rules, vocab, rounding, across)
    except InputError as exc:
        return FileResult(name, error=exc.reason if exc.path == name else str(exc))
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the batch
        return FileResult(name, error=f"内部错误（{type(exc).__name__}: {exc}），请报告此问题")
    if not result.figures:
        return FileResult(
            name,
            result.genre,
            result.year,
            error="未找到任何金额或百分比，不像是预算、决算报告",
            not_report=True,
        )
    return result


def in_order(
    items: Sequence[str | FileResult],
    done: Iterator[FileResult],
    rules: list[Rule],
    vocab: Vocabulary,
    rounding: Rounding,
    across: bool = False,
) -> Iterator[FileResult]:
    """Each item's result in the order given, whoever checked the files: an item already a
    FileResult (a path refused) as it is, standard input ("-", whose stream only this process
    holds) checked here, and every other path the next of `done`, the workers' results in
    the order of those paths."""
    for item in items:
        if isinstance(item, FileResult):
            yield item
        elif item == "-":
            yield audit_path(item, rules, vocab, rounding, across)
        else:
            yield next(done)


def expand(paths: Iterable[str], patterns: Sequence[str] = PATTERNS) -> list[str | FileResult]:
    """Files as given; a directory stands for every report file below it (names matching a
    pattern, or paths below it when the pattern has a /), in sorted order; so does a URL
    directory, and a URL glob for the files it matches (`s3://bucket/2024/**.pdf`)."""
    out: list[str | FileResult] = []
    wanted = "、".join(patterns)
    for path in paths:
        p = Path(path)
        if is_url(path):
            try:
                found = listing(path, lambda relative: _wanted(PurePath(relative), patterns))
            except InputError as exc:
                out.append(FileResult(path, error=exc.reason))
                continue
            if found is None:
                out.append(path)
            elif found:
                out.extend(found)
            else:
                what = (
                    "没有与之匹配的文件" if has_magic(path) else f"目录中没有报告文件（{wanted}）"
                )
                out.append(FileResult(path, error=what))
        elif path != "-" and p.is_dir():
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if _wanted(f.relative_to(p), patterns)
                and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            out.extend(found or [FileResult(path, error=f"目录中没有报告文件（{wanted}）")])
        else:
            out.append(path)
    seen: set[str] = set()  # a file named twice (or by a file and its directory) is checked once
    unique: list[str | FileResult] = []
    for item in out:
        if isinstance(item, str) and item != "-":
            real = item if is_url(item) else os.path.realpath(item)
            if real in seen:
                continue
            seen.add(real)
        unique.append(item)
    return unique


def _wanted(relative: PurePath, patterns: Sequence[str]) -> bool:
    """A report file by its name or path below the folder, not Word's or Excel's lock file
    of an open one (~$x.docx)."""
    return any(_matches(relative, p) for p in patterns) and not relative.name.startswith("~$")


def _matches(relative: PurePath, pattern: str) -> bool:
    """Case-insensitive, from the right: `*.pdf` and `2024/*.PDF` match `a/2024/x.pdf`."""
    return PurePath(relative.as_posix().lower()).match(pattern.lower())
