"""Read a report into its original lines, detecting the encoding and refusing non-text."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError


@dataclass(frozen=True)
class Source:
    """A report as published: its path and its original lines (line n is lines[n-1])."""

    path: str
    lines: tuple[str, ...]
    encoding: str


def _control_ratio(text: str) -> float:
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad / max(len(text), 1)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; refuse binary."""
    if data.startswith(b"%PDF"):
        raise InputError(path, "是 PDF 文件，本版本只读取文本报告（请先提取文本）")
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:65536]:
            raise InputError(path, "不是文本文件（含二进制内容）")
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text[:65536]) > 0.01:
            raise InputError(path, "不是文本文件（含大量控制字符）")
        if not text.strip():
            raise InputError(path, "文件为空")
        return text, encoding
    raise InputError(path, "无法识别的编码（既不是 UTF-8 也不是 GB18030）")


def read_source(path: str) -> Source:
    """Read a path (or `-` for standard input) into a Source."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except IsADirectoryError:
        raise InputError(path, "是目录而不是文件") from None
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except OSError as exc:
        raise InputError(path, f"无法读取（{exc.strerror}）") from None
    if not data:
        raise InputError(path, "文件为空")
    text, encoding = decode(data, path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # Split on LF only, so line numbers match what grep -n and editors show.
    return Source(
        path=path, lines=tuple(line.removesuffix("\r") for line in lines), encoding=encoding
    )
