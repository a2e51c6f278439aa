"""Golden files for the review comment's Markdown, one per kind of pull request.

The comment is what contributors and coordinators read on every pull request: a change
to its wording or layout shows here as a diff to review. Regenerate after an intended
change with ``MENTORKIT_UPDATE_GOLDEN=1 pytest tests/reporters`` and read the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.workflow.conftest import COHORT, TODAY, commit_all, git, run
from tests.workflow.test_end_to_end import ADA as NEWCOMER

GOLDEN = Path(__file__).parent / "golden" / "review"
UPDATE = os.environ.get("MENTORKIT_UPDATE_GOLDEN") == "1"


def _newcomer(repo: Path) -> str:
    (repo / "participants" / "ada-lovelace.yaml").write_text(NEWCOMER, encoding="utf-8")
    return "AdaL"


def _cohort_edit(repo: Path) -> str:
    cohort = repo / "program" / "cohorts" / f"{COHORT}.yaml"
    text = cohort.read_text(encoding="utf-8")
    cohort.write_text(text + "matching:\n  max_timezone_gap_hours: 0\n", encoding="utf-8")
    return "octo-coord"


def _problems(repo: Path) -> str:
    mira = repo / "participants" / "mira-chen.yaml"
    text = mira.read_text(encoding="utf-8").replace("level: 2", "level: 3")
    mira.write_text(text + "manager: nobody-known\nemail: mira.secret@example.com\n", "utf-8")
    (repo / "participants" / "eve-x.yaml").write_text(
        "id: eve-x\nname: '<b>Eve</b> @everyone [x](javascript:y) | `z`'\ndepartment: S\n"
        f"level: 2\ntimezone: UTC\ncohorts: [{COHORT}]\nmentee:\n  goals:\n"
        "    - skill: no-such-skill\n",
        encoding="utf-8",
    )
    (repo / "README-notes.txt").write_text("not program data\n", encoding="utf-8")
    return "sam-okoro"


def _match_file(repo: Path) -> str:
    (repo / "program" / "matches" / f"{COHORT}.yaml").write_text(
        f"cohort: {COHORT}\npairs:\n  - mentor: sam-okoro\n    mentee: mira-chen\n"
        "    status: accepted\n",
        encoding="utf-8",
    )
    return "octo-coord"


SCENARIOS: dict[str, Callable[[Path], str]] = {
    "newcomer": _newcomer,
    "cohort-edit": _cohort_edit,
    "problems-and-hostile-text": _problems,
    "match-file": _match_file,
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_review_comment_matches_its_golden_file(program_repo: Path, name: str) -> None:
    git(program_repo, "checkout", "--quiet", "-b", name)
    author = SCENARIOS[name](program_repo)
    commit_all(program_repo, name)
    _, review, _ = run(
        program_repo, "review", "--base", "main", "--author", author, "--today", TODAY.isoformat()
    )
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        golden.write_text(review, encoding="utf-8")
    assert review == golden.read_text(encoding="utf-8"), f"review differs from {golden}"
