"""Many reports on a Dask cluster (`auditor check --dask`, `audit_many(dask=…)`): each file
read and checked on a worker, one task per file, and the results given back in the order
the files were given — the output is the local run's, byte for byte.

The rules travel once: they are the result of one task that every file's task depends on,
so each worker holds one copy, fetched when it first needs it (a worker that joins later, or
replaces one that died, fetches it too; were every copy lost, the task is run again). A
worker that dies has its files checked again elsewhere (Dask's `allowed-failures`, 3 by
default; a file whose checking kills a worker that often is reported as unreadable). Dask is
imported only here, and only when a cluster is asked for.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.errors import ClusterError
from auditor.numbers import Rounding
from auditor.pipeline import FileResult, audit_path, in_order
from auditor.rules import Rule
from auditor.vocabulary import Vocabulary

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster, WorkerPlugin

LOCAL = re.compile(r"^local:([1-9]\d*)$")
ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?\[?[\w.:-]+\]?(?::\d+)?/?$")
INSTALL = "须安装 Dask：pip install 'auditor[dask]'"
CONNECT_TIMEOUT = "10s"
SPAWN_TIMEOUT = 10  # seconds for local:N's worker processes to be started
START_TIMEOUT = 120  # seconds for them to be ready (each imports auditor)
RETRIES = 2  # a task that raises (a worker that cannot load the rules) is tried again
POLL = 0.05  # seconds between looks for a finished file, and for Ctrl-C

Setup = tuple[list[Rule], Vocabulary, Rounding, bool]


def scheduler(value: str) -> str:
    """`--dask`'s value, checked: `local:N` or a scheduler's address (tcp://host:8786).
    ValueError says what is wrong with it; ClusterError, that Dask is not installed."""
    local = value.startswith("local:")
    if not (LOCAL.match(value) if local else ":" in value and ADDRESS.match(value)):
        raise ValueError(
            f"“{value}”应写作 local:N（本机 N 个工作进程）或调度器地址，如 tcp://主机:8786"
        )
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError("--dask", INSTALL)
    return value


@contextmanager
def _sigint_deferred() -> Iterator[Callable[[], bool]]:
    """Ctrl-C within the block is noted, and raised as KeyboardInterrupt when the block ends,
    not inside Dask's own calls (interrupted, those leave work on their event loop, which
    then logs errors); the block may ask whether one came, to end early."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: False
        return
    hit: list[int] = []
    old = signal.signal(signal.SIGINT, lambda signum, frame: hit.append(signum))
    try:
        yield lambda: bool(hit)
    finally:
        signal.signal(signal.SIGINT, old)
    if hit:
        raise KeyboardInterrupt


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Worker processes started meanwhile inherit SIGINT ignored: Ctrl-C at the terminal
    reaches the whole process group, and is this process's to handle (it ends the cluster),
    not theirs to print a traceback for. (Held only until the processes exist: one pressed in
    those milliseconds is lost.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _spawned() -> set[int]:
    """This process's worker processes (multiprocessing's spawned children)."""
    import psutil  # comes with distributed

    found = set()
    for child in psutil.Process().children():
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.add(child.pid)
        except psutil.Error:  # gone meanwhile
            continue
    return found


def _sigint_plugin() -> WorkerPlugin:
    """The same for a worker process started later, in place of one that died."""
    from distributed import WorkerPlugin

    class IgnoreSigint(WorkerPlugin):
        def setup(self, worker) -> None:
            signal.signal(signal.SIGINT, signal.SIG_IGN)

    return IgnoreSigint()


def _start(dask: str) -> tuple[Client, LocalCluster | None]:
    from distributed import Client, LocalCluster

    local = LOCAL.match(dask)
    client, cluster = None, None
    try:
        if not local:
            return Client(scheduler(dask), timeout=CONNECT_TIMEOUT), None
        count = int(local[1])
        cluster = LocalCluster(
            n_workers=0,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            config={"distributed.worker.profile.enabled": False},  # for a dashboard: none
        )
        with _sigint_ignored():
            before = _spawned()
            cluster.scale(count)
            deadline = time.monotonic() + SPAWN_TIMEOUT
            while len(_spawned() - before) < count and time.monotonic() < deadline:
                time.sleep(0.005)
        client = Client(cluster)
        client.register_plugin(_sigint_plugin(), name="auditor-sigint")
        client.wait_for_workers(count, timeout=START_TIMEOUT)
        return client, cluster
    except (OSError, TimeoutError) as exc:
        for opened in (client, cluster):
            if opened is not None:
                opened.close()
        what = "无法启动本机的 Dask 工作进程" if local else "无法连接 Dask 调度器"
        raise ClusterError(dask, f"{what}（{exc}）") from None


@contextmanager
def connect(dask: str | Client) -> Iterator[Client]:
    """A client of the cluster asked for: a Client given is used as it is; `local:N` starts
    N single-threaded worker processes for the run and ends them after it; an address is
    connected to, and left as it was."""
    if not isinstance(dask, str):
        yield dask
        return
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError("--dask", INSTALL)
    client, cluster = None, None
    try:
        with _sigint_deferred():  # Ctrl-C while starting: raised once started, then closed
            client, cluster = _start(dask)
        yield client
    finally:
        with _sigint_deferred():
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()


def _code() -> str:
    """A digest of auditor's own source: a worker whose code differs (another version, or
    none) would check the files otherwise, and the output would not be the local run's."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _same_auditor(client: Client) -> None:
    """Every worker runs this auditor, the same code as here."""
    where = str(client.scheduler.address)
    try:
        found = client.run(_code)
    except Exception as exc:  # noqa: BLE001 - whatever a worker without auditor raises
        raise ClusterError(
            where,
            f"工作进程上无法运行 auditor（{type(exc).__name__}: {exc}），须在每台工作机上安装",
        ) from None
    mine = _code()
    if any(code != mine for code in found.values()):
        raise ClusterError(where, "工作进程上的 auditor 与本机的不是同一版本，须安装同一版本")


def _setup(setup: Setup) -> Setup:
    """The rules, as a task's result: held by each worker once, for all its files."""
    return setup


def _audit(path: str, setup: Setup) -> FileResult:
    return audit_path(path, *setup)


def _outcome(future: Future, path: str) -> FileResult:
    """A file's result; a task that failed, the file reported as unreadable."""
    try:
        return future.result()
    except CancelledError:  # the scheduler went away, or cancelled the run
        raise ClusterError(path, "Dask 任务被取消（与调度器的连接中断？）") from None
    except Exception as exc:  # noqa: BLE001 - KilledWorker, or what the task raised
        if type(exc).__name__ == "KilledWorker":
            return FileResult(path, error="检查此文件的工作进程一再中止（内存不足？），未检查")
        return FileResult(path, error=f"内部错误（{type(exc).__name__}: {exc}），请报告此问题")


def audit_on(
    dask: str | Client,
    items: Sequence[str | FileResult],
    rules: list[Rule],
    vocab: Vocabulary,
    rounding: Rounding,
    across: bool = False,
) -> Iterator[FileResult]:
    """Each item's result in order (an item already a FileResult is a path that was refused;
    standard input is read here), the files checked on the cluster's workers. Results are
    taken from the workers as they finish, so a worker's memory holds no finished ones."""
    from distributed import as_completed

    paths = [item for item in items if isinstance(item, str) and item != "-"]
    with connect(dask) as client:
        with _sigint_deferred():
            _same_auditor(client)
            setup = client.submit(_setup, (rules, vocab, rounding, across), pure=False)
            futures = client.map(_audit, paths, setup=setup, pure=False, retries=RETRIES)
            finished = as_completed(futures)
        where = {future.key: n for n, future in enumerate(futures)}

        def done() -> Iterator[FileResult]:
            """The files' results in their order, taken from the workers as they finish."""
            ready: dict[int, FileResult] = {}
            for wanted in range(len(paths)):
                with _sigint_deferred() as interrupted:
                    while wanted not in ready and not interrupted():
                        if not finished.has_ready():
                            time.sleep(POLL)
                            continue
                        future = next(finished)
                        n = where[future.key]
                        ready[n] = _outcome(future, paths[n])
                        future.release()
                yield ready.pop(wanted)

        try:
            yield from in_order(items, done(), rules, vocab, rounding, across)
        except BaseException:  # KeyboardInterrupt, or the caller closing the generator
            with _sigint_deferred():
                client.cancel([*futures, setup])
            raise
