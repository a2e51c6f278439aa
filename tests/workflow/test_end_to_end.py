"""Pull requests played against a repository made by ``mentorkit init``: the issue's done-when test."""

from __future__ import annotations

import json
from pathlib import Path

from tests.workflow.conftest import COHORT, commit_all, git, run

ADA = f"""\
id: ada-lovelace
name: Ada Lovelace
github: AdaL
email: ada.private@example.com
department: Research
level: 6
timezone: Europe/London
languages: [en]
cohorts: [{COHORT}]
mentor:
  capacity: 1
  skills:
    python: 5
    sql: 4
avoid: [sam-okoro]
"""


def branch(repo: Path, name: str) -> None:
    git(repo, "checkout", "--quiet", "-b", name, "main")


def test_newcomer_adds_their_profile(program_repo: Path) -> None:
    branch(program_repo, "join-ada")
    (program_repo / "participants" / "ada-lovelace.yaml").write_text(ADA, encoding="utf-8")
    commit_all(program_repo, "Add Ada")

    code, out, _ = run(
        program_repo, "check-author", "--base", "main", "--author", "adal", "--format", "json"
    )
    assert code == 0, out
    verdicts = json.loads(out)
    assert verdicts["ok"] and verdicts["files"][0]["path"] == "participants/ada-lovelace.yaml"

    code, review, _ = run(program_repo, "review", "--base", "main", "--author", "AdaL")
    assert code == 0
    assert review.splitlines()[0] == "<!-- mentorkit-review -->"
    assert f"Welcome to cohort `{COHORT}`, Ada Lovelace!" in review
    assert f"**Ada Lovelace** joins cohort `{COHORT}` as a mentor for Python and SQL." in review
    assert "No problems in the changed files" in review
    assert "✅ @AdaL may make these changes" in review
    # Private fields never reach the comment.
    assert "ada.private@example.com" not in review and "avoid" not in review


def test_someone_editing_another_persons_file_is_refused(program_repo: Path) -> None:
    branch(program_repo, "sam-edits-mira")
    mira = program_repo / "participants" / "mira-chen.yaml"
    mira.write_text(
        mira.read_text(encoding="utf-8").replace("level: 2", "level: 3"), encoding="utf-8"
    )
    commit_all(program_repo, "Promote Mira")

    code, out, _ = run(program_repo, "check-author", "--base", "main", "--author", "sam-okoro")
    assert code == 1
    assert (
        "participants/mira-chen.yaml: refused: participants/mira-chen.yaml belongs to @mira-chen"
        in out
    )

    code, review, _ = run(program_repo, "review", "--base", "main", "--author", "sam-okoro")
    assert code == 0
    assert "❌ **@sam-okoro may not make some of these changes:**" in review
    assert "**Mira Chen** updates their level." in review
    assert "Welcome" not in review


def test_coordinator_edits_a_cohort_and_sees_the_match_change(program_repo: Path) -> None:
    branch(program_repo, "tighten-time-zones")
    cohort = program_repo / "program" / "cohorts" / f"{COHORT}.yaml"
    cohort.write_text(
        cohort.read_text(encoding="utf-8") + "matching:\n  max_timezone_gap_hours: 0\n",
        encoding="utf-8",
    )
    commit_all(program_repo, "Same time zone only")

    code, out, _ = run(program_repo, "check-author", "--base", "main", "--author", "Octo-Coord")
    assert code == 0, out
    assert "a coordinator" in out

    code, review, _ = run(program_repo, "review", "--base", "main", "--author", "octo-coord")
    assert code == 0
    assert "matching settings changed (max_timezone_gap_hours)" in review
    assert "**Match preview**" in review
    assert f"Cohort `{COHORT}`:" in review
    # Sam (London) and Mira (Amsterdam) are an hour apart: that pair goes, Alex (Berlin) takes it.
    assert "| removed | Sam Okoro | Mira Chen |" in review
    assert "| added | Alex Rivera | Mira Chen |" in review
    added = next(line for line in review.splitlines() if line.startswith("| added |"))
    assert "goal skills" in added  # the engine's reasons travel with the pair


def test_a_clean_edit_of_ones_own_profile_gives_a_short_review(program_repo: Path) -> None:
    branch(program_repo, "sam-bio")
    sam = program_repo / "participants" / "sam-okoro.yaml"
    sam.write_text(
        sam.read_text(encoding="utf-8").replace("clear charts", "clear, honest charts"),
        encoding="utf-8",
    )
    commit_all(program_repo, "Bio")
    code, review, _ = run(program_repo, "review", "--base", "main")
    assert code == 0
    assert "**Sam Okoro** updates their bio." in review
    assert "do not change" in review
    assert len(review.splitlines()) < 15


def test_an_equally_good_newcomer_does_not_displace_a_proposal(program_repo: Path) -> None:
    """Without a match file the base run's proposals stand; a tie is no reason to churn."""
    branch(program_repo, "join-twin")
    sam = (program_repo / "participants" / "sam-okoro.yaml").read_text(encoding="utf-8")
    twin = (
        sam.replace("id: sam-okoro", "id: ada-new")
        .replace("name: Sam Okoro", "name: Ada New")
        .replace("github: sam-okoro", "github: ada-new")
    )
    (program_repo / "participants" / "ada-new.yaml").write_text(twin, encoding="utf-8")
    commit_all(program_repo, "Add Ada New")

    code, review, _ = run(program_repo, "review", "--base", "main", "--author", "ada-new")
    assert code == 0
    assert "| removed | Sam Okoro |" not in review
    assert "| added | Ada New |" not in review
