"""A text file's lines: its encoding detected (UTF-8, UTF-16 with BOM, GB18030), binary refused."""

from __future__ import annotations

import codecs
import re

from auditor.errors import InputError

CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # below space, but for \t \n \v \f \r


def _control_ratio(text: str) -> float:
    bad = len(CONTROL.findall(text))
    return bad / max(len(text), 1)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; refuse binary."""
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


def text_lines(data: bytes, path: str) -> tuple[tuple[str, ...], str]:
    """The lines of a text file's bytes, and the encoding they were read in."""
    text, encoding = decode(data, path)
    return split_lines(text), encoding


def split_lines(text: str) -> tuple[str, ...]:
    """Split on LF only, so line numbers match what grep -n and editors show."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(line.removesuffix("\r") for line in lines)
