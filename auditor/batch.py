"""Many reports at once: checked in worker processes, results in the order the files were given."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from auditor import startup
from auditor.numbers import Rounding
from auditor.pipeline import FileResult, audit_path, in_order
from auditor.read.ocr_switch import ENV, processes
from auditor.rules import Rule
from auditor.vocabulary import Vocabulary

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from distributed import Client

_setup: tuple[list[Rule], Vocabulary, Rounding, bool] | None = None  # a worker's rules, set once


def _start(rules: list[Rule], vocab: Vocabulary, rounding: Rounding, across: bool) -> None:
    global _setup
    import signal  # here and in _sigint_held: only a pool of workers needs it

    # Ctrl-C is the parent's to handle: it stops the workers itself, and a worker that took
    # the terminal's SIGINT would print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _setup = (rules, vocab, rounding, across)
    startup.settle()  # a worker started afresh (not forked from the program) settles too


@contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked while the workers start, so that none takes it before `_start` makes it
    ignore it (a forked worker inherits the mask); one that came meanwhile is raised after."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Interrupted: the workers are ended now, not after the files they are reading, and the
    files not yet begun are dropped with them (the pool marks their futures broken).

    The futures are not cancelled first: Python 3.11's pool, finding its workers gone, sets
    an exception on every pending future, and one cancelled meanwhile makes its thread print
    a traceback."""
    if hasattr(pool, "terminate_workers"):  # Python 3.14
        pool.terminate_workers()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False)


def _audit(path: str) -> FileResult:
    assert _setup is not None
    return audit_path(path, *_setup)


def _share_cores(jobs: int, files: int) -> None:
    """With --ocr, one file's pages are spread over `jobs` processes; several files are
    spread instead, each recognised in its worker alone."""
    if processes():
        os.environ[ENV] = str(jobs if files <= 1 else 1)


def audit_all(
    items: Sequence[str | FileResult],
    rules: list[Rule],
    vocab: Vocabulary,
    rounding: Rounding,
    jobs: int,
    across: bool = False,
    dask: str | Client | None = None,
) -> Iterator[FileResult]:
    """Each item's result in order (an item already a FileResult is a path that was refused),
    with its profile when the reports are to be held to one another (`across`); on a Dask
    cluster when one is given (a Client, `local:N` or a scheduler's address), else in `jobs`
    worker processes here.

    Files are read one per task, so memory holds a few reports at a time, not the batch."""
    if dask is not None:
        from auditor.cluster import audit_on

        yield from audit_on(dask, items, rules, vocab, rounding, across)
        return
    # Standard input stays with this process: a worker's stdin is closed.
    paths = [item for item in items if isinstance(item, str) and item != "-"]
    _share_cores(jobs, len(paths))
    if jobs <= 1 or len(paths) <= 1:
        for item in items:
            yield (
                item
                if isinstance(item, FileResult)
                else audit_path(item, rules, vocab, rounding, across)
            )
        return
    from concurrent.futures import ProcessPoolExecutor  # only for a batch

    with ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)),
        initializer=_start,
        initargs=(rules, vocab, rounding, across),
    ) as pool:
        try:
            with _sigint_held():
                futures = [pool.submit(_audit, path) for path in paths]
            done = (future.result() for future in futures)
            yield from in_order(items, done, rules, vocab, rounding, across)
        except BaseException:  # KeyboardInterrupt, or the caller closing the generator
            _stop(pool)
            raise
