"""Collections held off while the program starts (auditor.startup): resumed once the rules
are loaded, and never touched when auditor is imported rather than run."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import startup

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector():
    """The test process's collector as it was, whatever a test does to it."""
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    startup._held = False
    (gc.enable if enabled else gc.disable)()


def test_held_until_the_rules_are_loaded(collector):
    startup.hold()
    assert not gc.isenabled()
    startup.loaded()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_left_alone_unless_held(collector):
    startup.loaded()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_off_already_stays_off(collector):
    gc.disable()
    startup.hold()
    startup.loaded()
    assert not gc.isenabled()


def test_the_program_checks_and_exits_as_before(tmp_path):
    """`python -m auditor` (and the `auditor` command, the same run()): output and exit code
    as ever, with collections held and frozen around it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "check", str(ROOT / "fixtures" / "example-final.txt")],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 1 and "错误 4" in done.stdout  # the fixture's four slips
    assert done.stderr == ""
