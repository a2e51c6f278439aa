"""`report` and `rematch` with a sealed program: exit 2 without the identity, and with it
sealed words (check-in notes, goals) are quoted only with --show-sealed, never written.

The example program is sealed to the demo identity; its texts below are sealed values.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli
from tests.conftest import DEMO_IDENTITY, REPO_ROOT

NOTE = "Three sessions cancelled in a row"  # the latest check-in note of an off-track pair
GOAL = "Write Python the team doesn't have to rewrite"  # an achieved agreement goal


def run(*args: str, identity: bool = True, repo: Path = REPO_ROOT) -> tuple[int, str, str]:
    env = {"MENTORKIT_IDENTITY": str(DEMO_IDENTITY) if identity else ""}
    result = CliRunner().invoke(cli, ["--repo", str(repo), *args, "--today", "2026-11-29"], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("report",),
        ("report", "2026-autumn", "--health"),
        ("report", "2026-autumn", "--reflection"),
        ("rematch", "2026-autumn", "nikhil-bose", "--reason", "test"),
    ],
)
def test_without_the_identity_they_say_what_they_cannot_do(args: tuple[str, ...]) -> None:
    code, out, err = run(*args, identity=False)
    assert code == 2 and out == ""
    assert "no identity opened them" in err and "--identity FILE" in err


def test_health_names_a_sealed_note_without_quoting_it() -> None:
    code, out, err = run("report", "2026-autumn", "--health")
    assert code == 0, err
    assert "off-track (its note is sealed" in out and NOTE not in out
    code, out, _ = run("report", "2026-autumn", "--health", "--format", "github")
    assert code == 0 and "::warning" in out and NOTE not in out  # annotations land in CI logs
    code, out, _ = run("report", "2026-autumn", "--health", "--show-sealed")
    assert code == 0 and NOTE in out


def test_reflection_lists_sealed_goals_by_skill_only(tmp_path: Path) -> None:
    code, out, err = run("report", "2026-autumn", "--reflection")
    assert code == 0, err
    assert GOAL not in out and "### Achieved" in out and "- Python: " in out
    code, out, _ = run("report", "2026-autumn", "--reflection", "--show-sealed")
    assert code == 0 and GOAL in out
    repo = tmp_path / "repo"
    for folder in ("program", "participants"):
        shutil.copytree(REPO_ROOT / folder, repo / folder)
    code, _, err = run(
        "report", "2026-autumn", "--reflection", "--write", "--show-sealed", repo=repo
    )
    assert code == 2 and "never with --write" in err
    code, _, err = run("report", "2026-autumn", "--reflection", "--write", repo=repo)
    assert code == 0, err
    written = (repo / "program/retrospectives/2026-autumn.md").read_text(encoding="utf-8")
    assert GOAL not in written


def test_show_sealed_goes_only_with_what_it_shows() -> None:
    assert run("report", "--show-sealed")[0] == 2
