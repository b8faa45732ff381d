"""auditor: checks the arithmetic of Chinese budget and final-accounts disclosures.

`from auditor import audit` is the library; its modules load on the first call, so importing
the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os

    from auditor.api import Result
    from auditor.numbers import Rounding

__version__ = "0.1.0"
__all__ = ["audit", "Result"]


def audit(
    report: str | bytes | os.PathLike[str],
    *,
    rules: str | os.PathLike[str] | None = None,
    rounding: str | Rounding = "either",
) -> Result:
    """Check one report: a path, its bytes (PDF or text), or its text. See auditor.api.audit."""
    from auditor.api import audit as run

    return run(report, rules=rules, rounding=rounding)


def __getattr__(name: str) -> object:
    if name == "Result":
        from auditor.api import Result

        return Result
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
