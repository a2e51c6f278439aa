"""Acceptance: distinct sentinel values in every private field never reach Git, the site or a review.

A program with a coordinator key and `require_sealed` gets a sentinel in each private field
(participant email, avoid and manager; agreement goals, boundaries and notes; check-in
health and note), is sealed before its first commit, then gets a participant's pull request
that adds a check-in with `new checkin`. Neither `git grep` nor `git log -p` finds a sentinel,
nor does the built site or the review comment; the coordinator's identity still reads them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mentorkit.sealing.keys import generate
from tests.conftest import FIXTURES, REPO_ROOT, copy_program
from tests.sealing.conftest import mentorkit, new_checkin
from tests.workflow.conftest import commit_all, git

SENTINELS = {
    "email": "sentinel-email-0x1@example.com",
    "goal": "SENTINEL-GOAL-0x2",
    "measure": "SENTINEL-MEASURE-0x3",
    "boundary": "SENTINEL-BOUNDARY-0x4",
    "notes": "SENTINEL-NOTES-0x5",
    "checkin": "SENTINEL-CHECKIN-0x6",
    "pr-checkin": "SENTINEL-PR-CHECKIN-0x7",
}
# avoid and manager hold participant ids, which appear elsewhere by nature: what must not
# show is the rule itself, so no file may say who avoids or reports to whom.
RULE_KEYS = ("avoid:", "manager:")


def _write_program(repo: Path, public_key: str) -> None:
    program = repo / "program" / "program.yaml"
    program.write_text(
        program.read_text() + f"privacy:\n  recipients:\n    - id: grace\n      key: {public_key}\n"
        "  require_sealed: true\n  seal_manager: true\n"
    )
    kofi = repo / "participants" / "kofi.yaml"
    kofi.write_text(
        kofi.read_text() + f"email: {SENTINELS['email']}\navoid: [ada]\nmanager: linus\n"
    )
    agreement = repo / "program/agreements/2026-autumn/grace--ada.yaml"
    text = agreement.read_text()
    text = text.replace("Ship a tested analysis package", SENTINELS["goal"])
    text = text.replace(
        "    skill: python\n", f"    skill: python\n    measure: {SENTINELS['measure']}\n"
    )
    text = text.replace(
        "    health: on-track\n",
        f"    health: off-track\n    by: ada\n    note: {SENTINELS['checkin']}\n",
    )
    agreement.write_text(
        text + f"boundaries: [{SENTINELS['boundary']}]\nnotes: {SENTINELS['notes']}\n"
    )


def _found(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    ).stdout


@pytest.mark.slow
def test_no_sentinel_in_git_the_site_or_the_review(tmp_path: Path) -> None:
    repo = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    key = generate()
    identity = tmp_path / "grace.key"
    identity.write_text(key.secret + "\n")
    _write_program(repo, key.public)
    shutil.copy(REPO_ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "site", repo / "site")
    # sealed before the first commit: the only way Git history never holds the plain text
    assert mentorkit(repo, "migrate-checkins")[0] == 0
    assert mentorkit(repo, "seal")[0] == 0
    code, out, _ = mentorkit(repo, "validate", identity=identity)
    assert code == 0, out
    git(repo, "init", "--quiet", "--initial-branch=main")
    commit_all(repo, "sealed program")
    # ada's pull request: her own check-in, sealed as `new checkin` writes it
    git(repo, "checkout", "--quiet", "-b", "ada-checkin")
    code, _, err = new_checkin(
        repo, "ada", "needs-attention", date="2026-10-04", note=SENTINELS["pr-checkin"]
    )
    assert code == 0, err
    # and she edits her profile, which brings the cohort's match preview into the review
    ada = repo / "participants" / "ada.yaml"
    ada.write_text(ada.read_text().replace("Write cleaner", "Write much cleaner"))
    commit_all(repo, "my check-in")
    code, out, _ = mentorkit(repo, "check-author", "--author", "ada", "--base", "main")
    assert code == 0, out
    code, review, _ = mentorkit(repo, "review", "--base", "main", "--author", "ada")
    build = tmp_path / "build"
    code_site, _, err = mentorkit(repo, "build", "--out", str(build), identity=identity)
    assert code_site == 0, err

    history = _found(repo, "log", "-p", "--all") + _found(
        repo, "grep", "-n", "-e", "SENTINEL", "-e", "sentinel"
    )
    site_text = "\n".join(p.read_text(errors="replace") for p in build.rglob("*") if p.is_file())
    for name, value in SENTINELS.items():
        assert value not in history, f"{name} in git"
        assert value not in site_text, f"{name} on the site"
        assert value not in review, f"{name} in the review"
    participant_history = _found(repo, "log", "-p", "--all", "--", "participants")
    for key_text in RULE_KEYS:
        assert f"+{key_text}" not in participant_history
    assert "no preview" in review and "sealed private fields" in review
    # the coordinator still reads every value, in memory
    code, out, _ = mentorkit(
        repo, "unseal", str(repo / "participants" / "kofi.yaml"), identity=identity
    )
    assert SENTINELS["email"] in out and "avoid:" in out and "manager: linus" in out
