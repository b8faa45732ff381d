"""Garbage collection while the program starts: importing the modules and loading the rules
make tens of thousands of objects that live as long as the process, and almost no garbage,
yet the collector walks them again and again as they pile up (~40 collections for one small
report), and once more at exit. So the program holds collections off until the rules are
loaded, then freezes what startup made (no later collection walks it) and lets them resume.
At exit it freezes the rest, so that the interpreter's last collection walks nothing: the
memory goes back with the process, and nothing waits on a collection to be closed (files and
process pools are closed by their `with`). Imported by tests or by another program, auditor
leaves collection alone: only `hold` starts any of this."""

from __future__ import annotations

import gc

YOUNG = 10_000  # allocations between collections of the youngest generation (Python's: 700)
_held = False


def hold() -> None:
    """The program is starting: no collections until `loaded` (unless already off)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def loaded() -> None:
    """The rules are loaded: startup's objects frozen, collections resumed when held."""
    global _held
    if _held:
        settle()
        gc.enable()
        _held = False


def settle() -> None:
    """What the process holds so far frozen, and the youngest generation collected less
    often: checking a report makes tens of thousands of objects that die with it and almost
    no cycles, so Python's default (a collection every 700 allocations) walked them for
    nothing: some 5 % of a batch's time. For the program and its workers, not a library's
    caller."""
    gc.freeze()
    gc.set_threshold(YOUNG, *gc.get_threshold()[1:])


def exiting() -> None:
    """The program ends: the last collection walks nothing."""
    gc.freeze()
