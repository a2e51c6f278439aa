"""The entry point: system errors are a clear message with exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentorkit", *args], capture_output=True, text=True, check=False
    )


def test_unwritable_output_is_misuse_not_a_traceback() -> None:
    for args in (
        ("init", "/dev/null/new-program", "--coordinator", "lead"),
        ("--repo", str(REPO_ROOT), "export", "ics", "2026-autumn", "--out", "/dev/null/x.ics"),
    ):
        done = run(*args)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("mentorkit: error: ")
        assert done.stdout == ""
