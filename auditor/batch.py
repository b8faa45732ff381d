"""Many reports at once: checked in worker processes, results in the order the files were given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from auditor.numbers import Rounding
from auditor.pipeline import FileResult, audit_path
from auditor.rules import Rule
from auditor.vocabulary import Vocabulary

_setup: tuple[list[Rule], Vocabulary, Rounding] | None = None  # a worker's rules, set once


def _start(rules: list[Rule], vocab: Vocabulary, rounding: Rounding) -> None:
    global _setup
    _setup = (rules, vocab, rounding)


def _audit(path: str) -> FileResult:
    assert _setup is not None
    return audit_path(path, *_setup)


def audit_all(
    items: Sequence[str | FileResult],
    rules: list[Rule],
    vocab: Vocabulary,
    rounding: Rounding,
    jobs: int,
) -> Iterator[FileResult]:
    """Each item's result in order (an item already a FileResult is a path that was refused).

    Files are read one per task, so memory holds a few reports at a time, not the batch."""
    # Standard input stays with this process: a worker's stdin is closed.
    paths = [item for item in items if isinstance(item, str) and item != "-"]
    if jobs <= 1 or len(paths) <= 1:
        for item in items:
            yield item if isinstance(item, FileResult) else audit_path(item, rules, vocab, rounding)
        return
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)), initializer=_start, initargs=(rules, vocab, rounding)
    ) as pool:
        done = pool.map(_audit, paths)
        for item in items:
            if isinstance(item, FileResult):
                yield item
            elif item == "-":
                yield audit_path(item, rules, vocab, rounding)
            else:
                yield next(done)
