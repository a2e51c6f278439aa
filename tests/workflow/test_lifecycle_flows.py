"""Acceptance: the program lifecycle played through pull requests on real git history.

Each flow starts from a program committed on ``main``, makes its change on a branch the
way a participant or coordinator would (by hand, or with ``accept`` / ``leave``), commits
it, and then runs what the pull-request workflow and the pre-commit hook run:
``check-author --base main``, ``review --base main``, ``validate`` and the hook's own entry
from ``.pre-commit-hooks.yaml`` over the changed files.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, REPO_ROOT, copy_program
from tests.workflow.conftest import commit_all, git, run

COORDINATOR = "ghopper"  # grace's login; grace is the fixture's coordinator
AGREEMENT = "program/agreements/2026-autumn/grace--ada.yaml"
MATCH = "program/matches/2026-autumn.yaml"


@dataclass
class Gate:
    """The outcome of every check a pull request goes through."""

    author: tuple[int, str]
    review: tuple[int, str]
    validate: tuple[int, str]
    hook: tuple[int, str]


def _hook_entry() -> tuple[list[str], re.Pattern[str]]:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "mentorkit-validate")
    entry = hook["entry"].split()
    assert entry[0] == "mentorkit"
    return entry[1:], re.compile(hook["files"])


def run_hook(repo: Path) -> tuple[int, str]:
    """The pre-commit hook as pre-commit runs it before a commit: its entry with the staged,
    existing files that match its pattern (the last commit is the baseline)."""
    args, files = _hook_entry()
    git(repo, "add", "-A")
    changed = git(repo, "diff", "--cached", "--name-only", "--diff-filter=d").split()
    paths = [str(repo / p) for p in changed if files.search(p)]
    if not paths:
        return 0, "(no files for the hook)"
    code, out, err = run(repo, *args, *paths)
    return code, out + err


HOOKS: dict[Path, tuple[int, str]] = {}


def commit(repo: Path, message: str) -> None:
    """Commit as a person would: the pre-commit hook runs first (its verdict is kept for
    ``gate``); the commit is made either way, as ``--no-verify`` would, so CI sees it too."""
    HOOKS[repo] = run_hook(repo)
    commit_all(repo, message)


def gate(repo: Path, author: str) -> Gate:
    code, out, err = run(repo, "check-author", "--base", "main", "--author", author)
    checked = (code, out + err)
    code, out, err = run(repo, "review", "--base", "main", "--author", author)
    reviewed = (code, out + err)
    code, out, err = run(repo, "validate")
    return Gate(checked, reviewed, (code, out + err), HOOKS[repo])


def _edit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The validator's fixture program on main, with grace -- ada's agreement still a draft
    that grace signed, and a branch ``change`` checked out for the pull request."""
    root = copy_program(FIXTURES / "validate" / "base", tmp_path_factory.mktemp("flow") / "repo")
    _edit(root, AGREEMENT, "status: active", "status: draft")
    _edit(
        root,
        AGREEMENT,
        "signed: {mentor: 2026-09-06, mentee: 2026-09-06}",
        "signed:\n  mentor: 2026-09-06",
    )
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "program")
    code, out, err = run(root, "validate")
    assert code == 0, out + err
    git(root, "checkout", "--quiet", "-b", "change")
    return root


@pytest.fixture
def repo(tmp_path: Path, committed: Path) -> Path:
    """A copy of ``committed`` (history included) for one test to change."""
    return Path(shutil.copytree(committed, tmp_path / "repo", symlinks=True))


# --- signing ------------------------------------------------------------------------


def test_a_participant_signs_their_own_agreement(repo: Path) -> None:
    _edit(repo, AGREEMENT, "  mentor: 2026-09-06", "  mentor: 2026-09-06\n  mentee: 2026-09-07")
    _edit(repo, AGREEMENT, "status: draft", "status: active")
    commit(repo, "ada signs")
    result = gate(repo, "ada")
    assert result.author[0] == 0, result.author[1]
    assert (
        "signs their own agreement as mentee"
        in run(repo, "check-author", "--base", "main", "--author", "ada", "--format", "json")[1]
    )
    assert result.review[0] == 0, result.review[1]
    assert "✅ @ada may make these changes" in result.review[1]
    assert result.validate[0] == 0 and result.hook[0] == 0


def test_signing_for_the_other_person_or_changing_more_is_refused(repo: Path) -> None:
    _edit(repo, AGREEMENT, "  mentor: 2026-09-06", "  mentor: 2026-09-06\n  mentee: 2026-09-07")
    _edit(repo, AGREEMENT, "status: in-progress", "status: achieved")
    commit(repo, "ada signs and marks her goal achieved")
    code, out, err = run(repo, "check-author", "--base", "main", "--author", "ada")
    assert code == 1
    assert "only a coordinator may edit it" in out + err
    git(repo, "reset", "--quiet", "--hard", "main")
    _edit(repo, AGREEMENT, "  mentor: 2026-09-06", "  mentor: 2026-09-07")
    commit(repo, "kofi changes grace's signature")
    assert run(repo, "check-author", "--base", "main", "--author", "kofi")[0] == 1
    assert run(repo, "check-author", "--base", "main", "--author", "ada")[0] == 1


# --- accepting ----------------------------------------------------------------------


def test_a_coordinator_accepts_a_proposal_and_its_agreement_is_prefilled(repo: Path) -> None:
    code, out, err = run(repo, "accept", "2026-autumn", "grace--kofi", "--today", "2026-10-01")
    assert code == 0, out + err
    assert "accepted grace -> kofi" in out
    text = (repo / MATCH).read_text(encoding="utf-8")
    assert (
        "  # kept from the pilot\n  - mentor: grace\n    mentee: kofi\n    status: accepted\n    since: 2026-10-01\n"
        in text
    )
    agreement = yaml.safe_load(
        (repo / "program/agreements/2026-autumn/grace--kofi.yaml").read_text()
    )
    assert agreement["status"] == "draft"
    assert [g["skill"] for g in agreement["goals"]] == ["public-speaking"]
    assert str(agreement["starts"]) == "2026-10-01"
    commit(repo, "accept grace -> kofi")
    result = gate(repo, COORDINATOR)
    assert result.author[0] == 0, result.author[1]
    assert result.validate[0] == 0, result.validate[1]
    assert result.hook[0] == 0, result.hook[1]
    # The agreement is a draft nobody signed yet: a warning-free draft, no error.
    assert result.review[0] == 0, result.review[1]
    # Accepting is coordinator work.
    assert gate(repo, "kofi").author[0] == 1


def test_accept_refuses_what_would_break_a_rule(repo: Path) -> None:
    _edit(repo, "participants/grace.yaml", "capacity: 2", "capacity: 1")
    # capacity 1 with one accepted and one proposed pair is already over: validate says so
    code, out, _ = run(repo, "validate")
    assert code == 1 and "capacity-exceeded" in out
    code, out, err = run(repo, "accept", "2026-autumn", "--all")
    assert code == 1
    assert "fix them first" in err


# --- leaving ------------------------------------------------------------------------


def test_a_participant_leaves_and_history_stays_valid(repo: Path) -> None:
    # kofi is in an ended pair of a closed cohort, wrote a lesson and has a proposal now.
    code, out, err = run(
        repo, "leave", "kofi", "--reason", "moved to another company", "--date", "2026-10-02"
    )
    assert code == 0, out + err
    assert "becomes a departed record" in out
    record = yaml.safe_load((repo / "participants/kofi.yaml").read_text(encoding="utf-8"))
    assert {k: str(v) for k, v in record.items()} == {
        "id": "kofi",
        "name": "Kofi Mensah",
        "github": "kofi",
        "departed": "2026-10-02",
    }
    match = (repo / MATCH).read_text(encoding="utf-8")
    assert (
        "    mentee: kofi\n    status: ended\n    ended: 2026-10-02\n    end_reason: moved to another company\n"
        in match
    )
    spring = (repo / "program/matches/2025-spring.yaml").read_text(encoding="utf-8")
    assert "status: ended\n    ended: 2025-08-29" in spring  # history untouched
    commit(repo, "kofi leaves")
    result = gate(repo, "kofi")
    assert result.author[0] == 0, result.author[1]
    assert result.validate[0] == 0, result.validate[1]
    assert result.hook[0] == 0, result.hook[1]
    assert result.review[0] == 0, result.review[1]
    # The lesson still names its author, by name, as history.
    from mentorkit.loading.repository import load_repository
    from mentorkit.model.build import build_program

    program = build_program(load_repository(repo))
    assert program.lessons[0].author == "kofi"
    assert program.name_of("kofi") == "Kofi Mensah"
    assert "kofi" not in program.participants  # never matched again


def test_leaving_with_an_active_agreement_completes_it(repo: Path) -> None:
    code, out, err = run(repo, "leave", "ada", "--date", "2026-10-03")
    assert code == 0, out + err
    agreement = yaml.safe_load((repo / AGREEMENT).read_text(encoding="utf-8"))
    assert agreement["status"] == "completed"
    assert str(agreement["ended"]) == "2026-10-03"
    assert agreement["status_reason"] == "left the program"
    commit(repo, "ada leaves")
    result = gate(repo, "ada")
    assert result.author[0] == 0, result.author[1]
    assert result.validate[0] == 0 and result.hook[0] == 0, result.validate[1]


def test_a_leave_pr_that_ends_someone_elses_pair_is_refused(repo: Path) -> None:
    assert run(repo, "leave", "kofi", "--date", "2026-10-02")[0] == 0
    _edit(
        repo,
        MATCH,
        "    status: accepted\n    since: 2026-09-05",
        "    status: ended\n    since: 2026-09-05\n    ended: 2026-10-02",
    )
    commit(repo, "kofi leaves and ends grace -> ada too")
    code, out, err = run(repo, "check-author", "--base", "main", "--author", "kofi")
    assert code == 1
    assert MATCH in out + err


def test_removing_a_person_still_named_by_history_shows_what_breaks(repo: Path) -> None:
    (repo / "participants/kofi.yaml").unlink()
    commit(repo, "kofi deletes his profile instead of leaving")
    result = gate(repo, "kofi")
    assert result.author[0] == 0  # his own file
    assert result.review[0] == 1
    assert "New problems in files this pull request did not touch" in result.review[1]
    assert "program/lessons/2026-09-07-first-talk.yaml" in result.review[1]
    assert result.validate[0] == 1


# --- hand edits ---------------------------------------------------------------------


def test_a_hand_edit_giving_a_mentee_two_mentors_is_caught_with_file_and_line(repo: Path) -> None:
    with (repo / MATCH).open("a", encoding="utf-8") as handle:
        handle.write("  - mentor: linus\n    mentee: kofi\n    status: proposed\n")
    commit(repo, "a second mentor for kofi")
    result = gate(repo, COORDINATOR)
    assert result.author[0] == 0
    assert result.validate[0] == 1
    assert f"{MATCH}:13:13: error one-mentor kofi has 2 current mentors" in result.validate[1]
    assert result.hook[0] == 1 and "one-mentor" in result.hook[1]
    assert result.review[0] == 1 and "one-mentor" in result.review[1]


def test_a_hand_swapped_mentor_is_explained_with_the_real_mentor(repo: Path) -> None:
    # linus takes over ada's accepted pair; the reasons in the file were written for grace.
    _edit(repo, MATCH, "  - mentor: grace\n    mentee: ada", "  - mentor: linus\n    mentee: ada")
    _edit(repo, "participants/ada.yaml", "manager: linus\n", "")
    (repo / AGREEMENT).rename(repo / "program/agreements/2026-autumn/linus--ada.yaml")
    _edit(repo, "program/agreements/2026-autumn/linus--ada.yaml", "mentor: grace", "mentor: linus")
    _edit(repo, "participants/linus.yaml", "    testing: 4", "    testing: 4\n    python: 4")
    _edit(
        repo,
        MATCH,
        "    since: 2026-09-05",
        "    since: 2026-09-05\n    reasons:\n      - 'shares 1 of 1 goal skills: python'\n      - 'cross-functional: Engineering → Data, as the mentee asked'",
    )
    code, out, err = run(repo, "match", "2026-autumn", "--format", "json")
    assert code == 0, out + err
    import json

    pair = next(p for p in json.loads(out)["pairs"] if p["mentee"] == "ada")
    assert pair["mentor"] == "linus"
    assert not any("Engineering" in r for r in pair["reasons"])  # grace's department
    assert any("same department (Data)" in r or "Data" in r for r in pair["reasons"])


# --- a change that breaks another file -----------------------------------------------


def test_removing_a_skill_others_use_is_shown_under_its_own_heading(repo: Path) -> None:
    skills = (repo / "program/skills.yaml").read_text(encoding="utf-8")
    kept = re.sub(r"  - id: public-speaking\n(    .*\n)*", "", skills)
    assert kept != skills
    (repo / "program/skills.yaml").write_text(kept, encoding="utf-8")
    commit(repo, "drop public-speaking")
    result = gate(repo, COORDINATOR)
    assert result.author[0] == 0
    assert result.review[0] == 1
    review = result.review[1]
    assert "✅ No problems in the changed files." in review
    assert "New problems in files this pull request did not touch" in review
    assert "participants/kofi.yaml" in review
    assert result.hook[0] == 1
    assert "New problems in files this change did not touch:" in result.hook[1]
    assert "participants/kofi.yaml" in result.hook[1]


def test_leaving_a_cohort_only_warns_about_the_stale_proposal(repo: Path) -> None:
    # kofi has a proposal in 2026-autumn; dropping the cohort is his own edit.
    _edit(
        repo,
        "participants/kofi.yaml",
        "cohorts: [2026-autumn, 2025-spring]",
        "cohorts: [2025-spring]",
    )
    commit(repo, "kofi sits out the autumn cohort")
    result = gate(repo, "kofi")
    assert result.author[0] == 0
    assert result.validate[0] == 0 and result.hook[0] == 0, result.validate[1]
    assert result.review[0] == 0, result.review[1]
    assert "New problems in files this pull request did not touch" in result.review[1]
    assert "no longer enrolled in 2026-autumn" in result.review[1]
