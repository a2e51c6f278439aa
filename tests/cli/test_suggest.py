"""``mentorkit suggest`` through the CLI: same score and rules as matching, nothing private."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.matching.engine import match_cohort
from mentorkit.validation import validate_program

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matching" / "repo"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "repo"))


def run(repo: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--repo", str(repo), "suggest", *args])
    return result.exit_code, result.stdout, result.stderr


def test_mentors_for_a_mentee_carry_the_matching_score_and_reasons(repo: Path) -> None:
    code, out, err = run(repo, "lin", "--cohort", "spring", "--format", "json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["role"] == "mentors"
    first = payload["suggestions"][0]
    assert first["id"] == "ada" and first["percent"] == round(100 * first["score"])
    # the same number matching would write for the pair
    program = validate_program(repo).program
    result = match_cohort(program, "spring")
    pair = next(p for p in result.pairs if p.mentee == "lin")
    listed = {s["id"]: s["score"] for s in payload["suggestions"]}
    assert listed[pair.mentor] == pair.score


def test_a_private_rule_hides_the_person_and_says_nothing(repo: Path) -> None:
    code, out, _ = run(repo, "noor", "--cohort", "spring")  # noor avoids ada
    assert code == 0
    assert "ada" not in out and "avoid" not in out and "personal" not in out
    code, out, _ = run(repo, "grace", "--cohort", "spring")  # kim reports to grace
    assert code == 0 and "mentees for grace" in out.lower()
    assert "kim" not in out and "manager" not in out


def test_people_who_are_not_public_are_never_suggested(repo: Path) -> None:
    path = repo / "participants" / "ada.yaml"
    path.write_text(path.read_text() + "public: false\n")
    code, out, _ = run(repo, "lin", "--cohort", "spring")
    assert code == 0 and "ada" not in out and "grace" in out


def test_your_own_choices_are_named(repo: Path) -> None:
    path = repo / "participants" / "lin.yaml"
    path.write_text(path.read_text() + "  preferences: [grace, ada]\n")
    code, out, _ = run(repo, "lin", "--cohort", "spring")
    assert code == 0
    assert "your 2nd choice" in out and "your 1st choice" in out


def test_misuse_exits_2(repo: Path) -> None:
    assert run(repo, "nobody")[0] == 2
    assert run(repo, "lin")[0] == 2  # three open cohorts: --cohort needed
    assert run(repo, "lin", "--cohort", "nope")[0] == 2
