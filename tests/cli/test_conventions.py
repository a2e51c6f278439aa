"""Errors are coloured only on a terminal and never under NO_COLOR; completion offers ids."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentorkit.cli import context
from tests.conftest import REPO_ROOT


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert context.paint("Error: ", "red") != "Error: "
    assert "\x1b[" in context.paint("Error: ", "red")
    monkeypatch.setenv("NO_COLOR", "1")
    assert context.paint("Error: ", "red") == "Error: "
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert context.paint("Error: ", "red") == "Error: "


def _complete(words: str, cwd: Path) -> list[str]:
    env = {
        **os.environ,
        "_MENTORKIT_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit"], env=env, cwd=cwd, capture_output=True, text=True
    )
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]


@pytest.mark.slow
def test_completion_offers_cohort_and_participant_ids() -> None:
    assert "2026-autumn" in _complete("mentorkit match 2026", REPO_ROOT)
    assert _complete("mentorkit leave kenji", REPO_ROOT) == ["kenji-watanabe"]
    assert "accept" in _complete("mentorkit acc", REPO_ROOT)
    # --repo after the command name is honoured while completing too
    assert "2026-autumn" in _complete(f"mentorkit match --repo {REPO_ROOT} 2026", Path("/"))


def test_the_completion_script_is_printed() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit", "completion", "bash"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "_MENTORKIT_COMPLETE=bash_complete" in done.stdout
