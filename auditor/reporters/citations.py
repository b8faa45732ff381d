"""Lines named as a Chinese reader names them, for the terminal: 第7页第12行, 第12、13行, a run
of lines as 第16页第4–31行, the lines of several pages one page after another (第12页第12、13、15行，
第13页第3、4、10行). Places of other formats keep their own names (段12, 表3 第5行, Sheet!C12).
Machine formats keep p7:L12; only what a person reads is said this way."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from auditor.findings import CITATION, Place
from auditor.text.lazy import lazy_re

PDF = lazy_re(r"p\d+:L\d+(?:,(?:p\d+:)?L\d+)*")
TEXT = re.compile(r"第([\d,]+)行")
RUN = 3  # this many consecutive lines or more are said as a range


def runs(lines: Iterable[int]) -> str:
    """12、13、15 or 4–31: line numbers, each run of RUN or more as a range."""
    out: list[str] = []
    numbers = sorted(set(lines))
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i + 1 >= RUN:
            out.append(f"{numbers[i]}–{numbers[j]}")
        else:
            out.extend(map(str, numbers[i : j + 1]))
        i = j + 1
    return "、".join(out)


def _groups(
    pairs: Iterable[tuple[int | None, int, str]],
) -> list[tuple[int | None, list[int], str]]:
    """(page, lines, where): the lines of one page together, in the order pages come; a place
    named in its format's scheme (where) on its own."""
    groups: list[tuple[int | None, list[int], str]] = []
    for page, line, where in pairs:
        if where:
            groups.append((None, [], where))
            continue
        same = next((g for g in groups if not g[2] and g[0] == page), None)
        if same:
            same[1].append(line)
        else:
            groups.append((page, [line], ""))
    return groups


def said(pairs: Iterable[tuple[int | None, int, str]], limit: int = 0) -> str:
    """(page, line, where) triples as a reader names them; with a limit, at most that many
    lines or runs, then how many there are in all (…等共 27 行)."""
    pairs = list(pairs)
    groups = [
        (page, [where] if where else runs(lines).split("、"), where)
        for page, lines, where in _groups(pairs)
    ]
    left = limit or sum(len(items) for _, items, _ in groups)
    parts: list[str] = []
    for page, items, where in groups:
        if left <= 0:
            break
        items, left = items[:left], left - len(items)
        parts.append(where or f"{f'第{page}页' if page else ''}第{'、'.join(items)}行")
    if left >= 0 and len(parts) == len(groups):
        return "，".join(parts)
    return "，".join(parts) + f"等共 {len(pairs)} {'处' if any(p[2] for p in pairs) else '行'}"


def places(cited: Iterable[Place], limit: int = 0) -> str:
    """A finding's places: 第7页第12行，第8页第1–5行; 第12、13行; 段12，表3 第5行; the places of
    two reports (check --across) each after its file's name."""
    cited = list(cited)
    files = list(dict.fromkeys(str(dict(p.fields).get("file", "")) for p in cited))
    if len(files) < 2 or any(p.where for p in cited):  # a where names its file itself
        return said(((p.page, p.line, p.where) for p in cited), limit)
    return "；".join(
        f"{os.path.basename(name)} "
        + said(
            ((p.page, p.line, p.where) for p in cited if dict(p.fields).get("file", "") == name),
            limit,
        )
        for name in files
    )


def _one(match: re.Match) -> str:
    text = match.group()
    if m := TEXT.fullmatch(text):
        return said((None, int(n), "") for n in m.group(1).split(",") if n)
    if PDF.fullmatch(text):
        pairs: list[tuple[int | None, int, str]] = []
        page = None
        for part in text.split(","):
            if part.startswith("p"):
                head, _, part = part.partition(":")
                page = int(head[1:])
            pairs.append((page, int(part[1:]), ""))
        return said(pairs)
    return text


def chinese(message: str) -> str:
    """A message with the text and PDF citations it embeds (mention(): 第12,13行, p24:L14)
    said in Chinese; other formats' citations are left as they are."""
    return CITATION.sub(_one, message)
