"""Time validation of 1 MiB hostile participant files on both schema-validator paths.

    .venv/bin/python bench/hostile_validate.py [--quick]

Target (issue 9): under 2 s per file whichever validator runs. Profiles and lessons are
refused above 64 KiB before parsing; other kinds may reach 1 MiB. The compiled validator
(jsonschema-rs) answers "valid?" first; an invalid file is always re-checked by the
pure-Python jsonschema to word the messages, so that path must be linear too (the old
email pattern backtracked quadratically there). Each shape is run with jsonschema-rs
and with it switched off; ``--quick`` runs the pure-Python path only (the slower one).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

PROJECT = Path(__file__).resolve().parent.parent
BASE = PROJECT / "tests" / "fixtures" / "validate" / "base"
MIB = 1 << 20
TARGET_SECONDS = 2.0


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _long_fields(size: int = MIB) -> str:
    """Every free-text field far past its limit, with text that trips backtracking regexes."""
    chunk = (size - 4096) // 7  # seven fields: just under ``size``
    return (
        "id: mallory\n"
        f"name: {_quoted('M' * chunk)}\n"
        "github: mallory\n"
        f"email: {_quoted('a@' + 'a.' * (chunk // 2) + '@')}\n"
        f"pronouns: {_quoted('x' * chunk)}\n"
        f"title: {_quoted('![' * (chunk // 2))}\n"
        f"department: {_quoted('[' * chunk)}\n"
        "level: 3\n"
        f"timezone: {_quoted('Europe/' + 'a/' * (chunk // 2) + '!')}\n"
        f"bio: {_quoted('*_' * (chunk // 2))}\n"
        "cohorts: [2026-autumn]\n"
    )


def _many_items() -> str:
    """A profile that is big because of its lists, not its strings."""
    goals = "".join(f"    - skill: python\n      note: note {i}\n" for i in range(MIB // 44))
    return (
        "id: mallory\nname: Mallory\ngithub: mallory\ndepartment: Data\nlevel: 3\n"
        "timezone: Europe/London\ncohorts: [2026-autumn]\nmentee:\n  goals:\n" + goals
    )


def _many_checkins() -> str:
    """An agreement (a kind that may reach 1 MiB) with a year of long check-ins, and more."""
    note = "[" * 1900
    checkins = "".join(
        f"  - date: 2026-09-{1 + i % 28:02d}\n    by: ada\n    note: {_quoted(note)}\n"
        for i in range(MIB // 1960)
    )
    return (
        "cohort: 2026-autumn\nmentor: grace\nmentee: ada\nstatus: active\n"
        "goals:\n  - goal: Ship it\ncheckins:\n" + checkins
    )


SHAPES: dict[str, tuple[str, Callable[[], str]]] = {
    "profile, long fields": ("participants/mallory.yaml", _long_fields),
    "profile, 60 KiB fields": ("participants/mallory.yaml", lambda: _long_fields(60 * 1024)),
    "profile, many items": ("participants/mallory.yaml", _many_items),
    "agreement, check-ins": ("program/agreements/2026-autumn/grace--ada.yaml", _many_checkins),
}


def _time(root: Path, fast: bool) -> tuple[float, int]:
    from mentorkit.checks import schema
    from mentorkit.validation import validate_program

    # Without the fast path every file goes through jsonschema's own validator.
    with contextlib.ExitStack() as stack:
        if not fast:
            stack.enter_context(mock.patch.object(schema, "_is_valid_fast", return_value=False))
        started = time.perf_counter()
        result = validate_program(root)
        return time.perf_counter() - started, len(result.problems)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="the pure-Python path only")
    paths = (False,) if parser.parse_args().quick else (True, False)
    sys.path.insert(0, str(PROJECT))
    print(f"load: {os.getloadavg()[0]:.2f} (1 min average)")
    worst = 0.0
    for name, (relpath, make) in SHAPES.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "repo"
            shutil.copytree(BASE, root)
            text = make()
            (root / relpath).write_text(text, encoding="utf-8")
            for fast in paths:
                seconds, problems = _time(root, fast)
                worst = max(worst, seconds)
                path = "jsonschema-rs first" if fast else "pure-Python jsonschema"
                print(
                    f"{name:<22} {len(text.encode()) / MIB:.2f} MiB, {path:<22}: "
                    f"{seconds:.2f} s, {problems} problem(s)"
                )
    verdict = "met" if worst < TARGET_SECONDS else "NOT met"
    print(f"worst {worst:.2f} s; target < {TARGET_SECONDS:.0f} s per file: {verdict}")


if __name__ == "__main__":
    main()
