"""A pull request moves an agreement's status only along its lifecycle: the review says
where when it does not (file and line of ``status``), and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workflow.conftest import COHORT, TODAY, commit_all, git, run

AGREEMENT = f"program/agreements/{COHORT}/sam-okoro--mira-chen.yaml"


def _agreement(status: str) -> str:
    return (
        f"cohort: {COHORT}\nmentor: sam-okoro\nmentee: mira-chen\n"
        "goals:\n  - goal: SQL for reports\n    status: achieved\n"
        "signed:\n  mentor: 2026-08-01\n  mentee: 2026-08-01\n"
        f"status: {status}\n"
    )


def _with_agreement(repo: Path, base: str, head: str) -> tuple[int, str]:
    (repo / "program" / "matches" / f"{COHORT}.yaml").write_text(
        f"cohort: {COHORT}\npairs:\n  - mentor: sam-okoro\n    mentee: mira-chen\n"
        "    status: accepted\n",
        encoding="utf-8",
    )
    path = repo / AGREEMENT
    path.parent.mkdir(parents=True)
    path.write_text(_agreement(base), encoding="utf-8")
    commit_all(repo, f"agreement {base}")
    git(repo, "checkout", "--quiet", "-b", f"to-{head}")
    path.write_text(_agreement(head), encoding="utf-8")
    commit_all(repo, f"agreement {head}")
    code, review, _ = run(
        repo, "review", "--base", "main", "--author", "octo-coord", "--today", TODAY.isoformat()
    )
    return code, review


def test_reviving_a_completed_agreement_is_an_error_at_its_status_line(program_repo: Path) -> None:
    code, review = _with_agreement(program_repo, "completed", "active")
    assert code == 1
    row = next(line for line in review.splitlines() if "agreement-transition" in line)
    assert f"`{AGREEMENT}:10`" in row  # status is the tenth line of the file
    assert "cannot go from completed to active" in row and "it is final" in row


@pytest.mark.parametrize(("base", "head"), [("draft", "active"), ("active", "completed")])
def test_a_step_of_the_lifecycle_passes(program_repo: Path, base: str, head: str) -> None:
    _, review = _with_agreement(program_repo, base, head)
    assert "agreement-transition" not in review
