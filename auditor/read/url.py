"""Reports named by an fsspec URL (`s3://bucket/2024/x.pdf`, `file:///…`, `memory://…`): a
report's bytes, and the files below a URL directory or matching a URL glob, so a batch may sit
in object storage and be read where it is checked (a Dask worker). fsspec comes with
auditor[dask] and is imported only when a URL is given; s3:// wants s3fs besides."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from glob import has_magic
from typing import TYPE_CHECKING

from auditor.errors import InputError
from auditor.text.lazy import lazy_re

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
STARS = lazy_re(r"\*\*(?=[^/])")  # reports/**.pdf: ** must be a whole component to fsspec


def is_url(path: str) -> bool:
    return bool(URL.match(path))


def filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    """The URL's filesystem and its path there; one line when it cannot be had."""
    try:
        import fsspec
    except ImportError:
        raise InputError(url, "读取 URL 需要 fsspec：pip install 'auditor[dask]'") from None
    try:
        return fsspec.core.url_to_fs(url)
    except ImportError as exc:  # s3://, gs:// … each want their driver installed
        raise InputError(url, f"无法读取：须另装该协议的驱动（{exc}）") from None
    except ValueError as exc:  # a protocol fsspec does not know
        raise InputError(url, f"无法读取（{exc}）") from None


def read_url(url: str, limit: int, binary: tuple[bytes, ...]) -> tuple[bytes, int | None]:
    """The bytes at the URL, and None; or, for a text longer than `limit`, only its first
    bytes and its size, as for a local file. A missing file raises FileNotFoundError."""
    fs, path = filesystem(url)
    try:
        with fs.open(path, "rb") as f:
            head = f.read(1024)
            if head.lstrip().startswith(binary):
                return head + f.read(), None
            data = head + f.read(limit + 1 - len(head))
        return (data, None) if len(data) <= limit else (data[:1024], fs.size(path))
    except OSError:
        raise
    except Exception as exc:  # noqa: BLE001 - a storage client's own error (credentials …)
        raise InputError(url, f"无法读取（{type(exc).__name__}: {exc}）") from None


def listing(url: str, wanted: Callable[[str], bool]) -> list[str] | None:
    """The report files a URL names, as URLs in sorted order: every file a glob matches,
    or the files below a directory whose path relative to it `wanted` accepts (hidden and
    lock files left out either way); None when the URL is one file."""
    fs, path = filesystem(url)
    try:
        if has_magic(path):
            path = STARS.sub("**/*", path)
            parts = path.split("/")
            base = "/".join(parts[: next(i for i, p in enumerate(parts) if has_magic(p))])
            found = fs.glob(path, detail=True)
            files = [p for p, info in found.items() if info.get("type") == "file"]
            return sorted(fs.unstrip_protocol(p) for p in files if _shown(p, base))
        if not fs.isdir(path):
            return None
        return sorted(
            fs.unstrip_protocol(p)
            for p in fs.find(path)
            if _shown(p, path) and wanted(posixpath.relpath(p, path))
        )
    except Exception as exc:  # noqa: BLE001 - a storage client's own error (credentials …)
        raise InputError(url, f"无法列出其中的文件（{type(exc).__name__}: {exc}）") from None


def _shown(path: str, base: str) -> bool:
    """Not hidden below `base` (a hidden file or folder), nor Word's or Excel's lock file of
    an open one (~$x.docx)."""
    relative = posixpath.relpath(path, base) if base else path
    parts = relative.split("/")
    return not any(part.startswith(".") for part in parts) and not parts[-1].startswith("~$")
