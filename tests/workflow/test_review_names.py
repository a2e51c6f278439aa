"""The review shows names as a reader would see them and flags look-alikes (issue 9, finding 7)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.workflow.conftest import COHORT, commit_all, git, run


def _add(repo: Path, pid: str, name: str) -> None:
    (repo / "participants" / f"{pid}.yaml").write_text(
        f"id: {pid}\nname: {json.dumps(name)}\ngithub: {pid}\ndepartment: Sales\nlevel: 2\n"
        f"timezone: UTC\ncohorts: [{COHORT}]\n",
        encoding="utf-8",
    )


def test_taking_a_coordinators_name_is_flagged(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "impostor")
    _add(program_repo, "mallory", "\u041eCTO-c\u043eord")  # Cyrillic O and o, other case
    commit_all(program_repo, "impostor")
    _, review, _ = run(program_repo, "review", "--base", "main", "--author", "mallory")
    line = next(x for x in review.splitlines() if "look-alike-name" in x)
    assert "participants/mallory.yaml:2" in line and "a coordinator of the program" in line


def test_invisible_padding_cannot_hide_the_rest_of_a_name(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "padded")
    _add(program_repo, "mallory", "Mallory" + "\u3164\u200b" * 300 + " PAYLOAD-VISIBLE")
    commit_all(program_repo, "padded")
    _, review, _ = run(program_repo, "review", "--base", "main", "--author", "mallory")
    assert "**Mallory PAYLOAD-VISIBLE**" in review
    assert "\u3164" not in review and "\u200b" not in review.replace("@\u200b", "")


def test_a_name_beginning_with_a_coordinators_is_flagged(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "titled")
    _add(program_repo, "mallory", "octo-coord — Coordinator")
    commit_all(program_repo, "titled")
    _, review, _ = run(program_repo, "review", "--base", "main", "--author", "mallory")
    line = next(x for x in review.splitlines() if "look-alike-name" in x)
    assert "participants/mallory.yaml:2" in line and "begins with" in line
