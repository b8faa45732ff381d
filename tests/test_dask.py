"""A batch on a Dask cluster (`--dask`, `audit_many(dask=…)`): the output a local run gives,
byte for byte; memory:// inputs; a worker killed mid-run; Ctrl-C; bad schedulers in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
fsspec = pytest.importorskip("fsspec")

import cloudpickle  # noqa: E402 - comes with distributed
from click.testing import CliRunner  # noqa: E402
from report_generator import report  # noqa: E402

from auditor import audit_many, cluster  # noqa: E402
from auditor.cli import main  # noqa: E402
from auditor.errors import ClusterError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PDFS = sorted((CORPUS / "pdf").glob("*.pdf"), key=lambda p: p.stat().st_size)[:2]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
LOCAL = {"n_workers": 2, "threads_per_worker": 1, "dashboard_address": None}


@pytest.fixture(autouse=True)
def workers_find_this_checkout(monkeypatch):
    """Worker processes started here import the auditor under test."""
    monkeypatch.setenv("PYTHONPATH", ENV["PYTHONPATH"])


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """Twenty generated reports, one in a subfolder, and three files that are no report."""
    folder = tmp_path_factory.mktemp("batch")
    (folder / "sub").mkdir()
    for index in range(20):
        r = report(17, index)
        (folder / ("sub" if index == 7 else "") / r.name).write_text(r.text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\xff" * 300)
    (folder / "notes.txt").write_text("说明文字，没有数字。", encoding="utf-8")
    return folder


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args], env=ENV, capture_output=True, timeout=300
    )


def said(stderr: bytes) -> list[str]:
    """The command's own lines on stderr: one per unreadable file."""
    return [x for x in stderr.decode().splitlines() if x.startswith("auditor:")]


def same_as_local(*paths: str) -> subprocess.CompletedProcess:
    local = cli("check", "--format", "json", "-j", "1", *paths)
    remote = cli("check", "--format", "json", "--dask", "local:2", *paths)
    assert remote.stdout == local.stdout
    assert remote.returncode == local.returncode
    assert said(remote.stderr) == said(local.stderr)
    assert "Traceback" not in remote.stderr.decode()
    return remote


@pytest.mark.skipif(not PDFS, reason="../shared/corpus not present")
def test_the_corpus_on_a_local_cluster_as_on_one_process():
    done = same_as_local(str(CORPUS / "seeds"), *map(str, PDFS))
    assert done.stdout.count(b'"path"') == len(list((CORPUS / "seeds").glob("*.txt"))) + 2


def test_a_generated_batch_on_a_local_cluster_as_on_one_process(batch):
    done = same_as_local(str(batch))
    assert done.returncode == 2  # the empty, the binary and the figureless file
    assert len(said(done.stderr)) == 3
    assert done.stdout.count(b'"path"') == 23


def test_memory_urls_on_an_in_process_cluster(batch):
    """memory:// is a filesystem in one process: its workers must be threads of this one
    (a cluster of processes, local:N or remote, sees a memory filesystem of its own)."""
    memory = fsspec.filesystem("memory")
    for path in batch.rglob("*.txt"):
        memory.pipe(f"/dask-test/{path.relative_to(batch).as_posix()}", path.read_bytes())
    memory.pipe("/dask-test/.hidden/x.txt", b"hidden")
    try:
        for url in ("memory://dask-test", "memory://dask-test/**.txt"):
            here = list(audit_many([url], jobs=1))
            with distributed.Client(processes=False, **LOCAL) as client:
                there = list(audit_many([url], dask=client))
            assert there == here
            assert len(here) == 23 and all(r.path.startswith("memory:///dask-test/") for r in here)
            assert [r.path for r in here] == sorted(r.path for r in here)
            assert sum(1 for r in here if r.error) == 3
    finally:
        memory.rm("/dask-test", recursive=True)


class KillOnce(distributed.WorkerPlugin):
    """The worker that begins its `nth` file first dies there, at once; only one, once."""

    def __init__(self, marker: str, nth: int) -> None:
        self.marker, self.nth = marker, nth

    def setup(self, worker) -> None:
        self.begun = 0

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish != "executing" or not str(key).startswith("_audit"):
            return
        self.begun += 1
        if self.begun == self.nth:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return
            os._exit(1)


def test_a_worker_that_dies_has_its_files_checked_again(batch, tmp_path):
    marker = tmp_path / "killed"
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # KillOnce travels by value
    try:
        with (
            distributed.LocalCluster(processes=True, **LOCAL) as local,
            distributed.Client(local) as client,
        ):
            client.register_plugin(KillOnce(str(marker), 3))
            there = list(audit_many([str(batch)], dask=client))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert marker.exists()  # a worker did die, mid-run
    assert there == list(audit_many([str(batch)], jobs=1))


def _workers(pid: int) -> list[int]:
    """The worker processes a process (any of its threads) started."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in map(int, task.read_text().split()):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
    return found


def _ignores_sigint(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status").read_text()
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn"))
    return bool(int(mask, 16) & 1 << (signal.SIGINT - 1))


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="needs Linux /proc to see the workers",
)
def test_ctrl_c_stops_a_cluster_run_at_once(tmp_path):
    """Ctrl-C reaches the whole process group: one line 已中断, exit 130, the workers ended."""
    for index in range(200):  # some twenty seconds of work
        r = report(18, index)
        (tmp_path / r.name).write_text(r.text, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "auditor", "check", "--dask", "local:2", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (  # the workers started, ignoring SIGINT, and this one handles it again
            len([c for c in _workers(process.pid) if _ignores_sigint(c)]) >= 2
            and not _ignores_sigint(process.pid)
        ):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        workers = _workers(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        started = time.monotonic()
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert time.monotonic() - started < 10
    assert process.returncode == 130, err.decode()
    assert err.decode().splitlines() == ["已中断"]
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_bad_scheduler_is_a_usage_error(batch):
    for value in ("local:0", "local:x", "no address"):
        result = run("check", "--dask", value, str(batch))
        assert result.exit_code == 2
        assert "应写作 local:N" in result.output and "Traceback" not in result.output


def test_without_dask_one_line_says_how_to_install_it(batch, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = run("check", "--dask", "local:2", str(batch))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "auditor: --dask: 须安装 Dask：pip install 'auditor[dask]'"
    ]


def test_a_scheduler_out_of_reach_is_one_line(batch, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "0.5s")
    result = run("check", "--dask", "tcp://127.0.0.1:9", str(batch))
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("auditor: tcp://127.0.0.1:9: 无法连接 Dask 调度器")


def test_workers_running_other_code_are_refused(batch, monkeypatch):
    with distributed.Client(processes=False, **LOCAL) as client:
        monkeypatch.setattr(client, "run", lambda function: {"tcp://w:1": "0" * 12})
        with pytest.raises(ClusterError, match="不是同一版本"):
            list(audit_many([str(batch)], dask=client))
