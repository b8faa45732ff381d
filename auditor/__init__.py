"""auditor: checks the arithmetic of Chinese budget and final-accounts disclosures.

`from auditor import audit, audit_many` is the library; its modules load on the first call,
so importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator

    from distributed import Client

    from auditor.api import Result
    from auditor.numbers import Rounding
    from auditor.pipeline import FileResult

__version__ = "0.1.0"
__all__ = ["audit", "audit_many", "Result", "FileResult"]


def audit(
    report: str | bytes | os.PathLike[str],
    *,
    rules: str | os.PathLike[str] | None = None,
    rounding: str | Rounding = "either",
) -> Result:
    """Check one report: a path, its bytes (PDF or text), or its text. See auditor.api.audit."""
    from auditor.api import audit as run

    return run(report, rules=rules, rounding=rounding)


def audit_many(
    reports: Iterable[str | os.PathLike[str]],
    *,
    rules: str | os.PathLike[str] | None = None,
    rounding: str | Rounding = "either",
    jobs: int | None = None,
    dask: str | Client | None = None,
) -> Iterator[FileResult]:
    """Check a batch of reports (files, directories, fsspec URLs), here or on a Dask
    cluster; each file's FileResult in order. See auditor.api.audit_many."""
    from auditor.api import audit_many as run

    return run(reports, rules=rules, rounding=rounding, jobs=jobs, dask=dask)


def __getattr__(name: str) -> object:
    if name == "Result":
        from auditor.api import Result

        return Result
    if name == "FileResult":
        from auditor.pipeline import FileResult

        return FileResult
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
