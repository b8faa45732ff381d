"""`python -m auditor` and the `auditor` command: the command line, with collections held
off while it starts (auditor.startup)."""

from __future__ import annotations

from auditor import startup


def run() -> None:
    startup.hold()
    from auditor.cli import main

    try:
        main()
    finally:
        startup.exiting()


if __name__ == "__main__":
    run()
