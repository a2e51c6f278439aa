"""Rematch: never re-proposes an excluded mentor, keeps history and comments."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.lifecycle.rematch import RematchError, plan_rematch
from mentorkit.model.program import Program
from mentorkit.validation import validate_program

from .conftest import TODAY, load


def test_plan_excludes_the_ended_mentor_and_proposes_another(fixture_program: Program) -> None:
    plan = plan_rematch(fixture_program, "2026-autumn", "e1", "schedules clash", TODAY)
    assert plan.ended_mentor == "m1" and plan.excluded == ("m1",)
    assert plan.proposal is not None and plan.proposal.mentor == "m3"
    assert any("python" in reason for reason in plan.proposal.reasons)
    assert all(option.mentor != "m1" for option in plan.others)


def test_every_earlier_mentor_stays_excluded(fixture_program: Program) -> None:
    # e4 already left m2 (ended pair); ending the proposal with m3 leaves nobody who fits.
    plan = plan_rematch(fixture_program, "2026-autumn", "e4", "not a fit", TODAY)
    assert set(plan.excluded) == {"m2", "m3"}
    assert plan.proposal is None or plan.proposal.mentor not in {"m2", "m3"}
    assert plan.proposal is None and plan.unmatched_reason


def test_refusals(fixture_program: Program) -> None:
    with pytest.raises(RematchError, match="no accepted or proposed pair"):
        plan_rematch(fixture_program, "2026-autumn", "e6", "x", TODAY)
    with pytest.raises(RematchError, match="names its reason"):
        plan_rematch(fixture_program, "2026-autumn", "e1", "  ", TODAY)


def _rematch(repo: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--repo", str(repo), "rematch", "2026-autumn", *args, "--today", "2026-11-24"]
    )
    return result.exit_code, result.output


def test_write_keeps_history_comments_and_validates(repo_copy: Path) -> None:
    match_path = repo_copy / "program/matches/2026-autumn.yaml"
    before = match_path.read_text()
    code, output = _rematch(repo_copy, "e1", "--reason", "schedules clash", "--write")
    assert code == 0, output
    assert "Proposed: m3 -> e1" in output and "program/matches/2026-autumn.yaml" in output
    after = match_path.read_text()
    assert "# Autumn pairs: this comment must survive a rematch." in after
    assert "# Moses covers negotiation for the only mentee asking for it." in after
    # Every other entry (written in flow style in the fixture) is untouched, line for line.
    others = [line for line in before.splitlines() if line.startswith(("  - {", "#", "  #"))]
    assert len(others) == 8
    assert all(line in after for line in others)
    program = load(repo_copy)
    pairs = [
        (p.mentor, p.status, p.ended, p.end_reason)
        for p in program.matches["2026-autumn"].pairs
        if p.mentee == "e1"
    ]
    assert pairs == [
        ("m1", "ended", "2026-11-24", "schedules clash"),
        ("m3", "proposed", None, None),
    ]
    agreement = program.agreement_for("2026-autumn", "m1", "e1")
    assert agreement is not None and agreement.status == "rematched"
    assert agreement.status_reason == "Rematched on 2026-11-24: schedules clash"
    assert len(agreement.checkins) == 1 and len(agreement.goals) == 2  # nothing deleted
    assert validate_program(repo_copy).ok


def test_a_second_rematch_never_returns_to_an_earlier_mentor(repo_copy: Path) -> None:
    assert _rematch(repo_copy, "e1", "--reason", "first", "--write")[0] == 0
    code, output = _rematch(repo_copy, "e1", "--reason", "second", "--write", "--format", "json")
    assert code == 0, output
    assert '"excluded_mentors": [\n    "m1",\n    "m3"\n  ]' in output
    program = load(repo_copy)
    live = [
        p for p in program.matches["2026-autumn"].pairs if p.mentee == "e1" and p.status != "ended"
    ]
    assert all(p.mentor not in ("m1", "m3") for p in live)


def test_dry_run_writes_nothing(repo_copy: Path) -> None:
    match_path = repo_copy / "program/matches/2026-autumn.yaml"
    before = match_path.read_text()
    code, output = _rematch(repo_copy, "e1", "--reason", "schedules clash")
    assert code == 0 and "Nothing written" in output
    assert match_path.read_text() == before


def test_cli_misuse_and_refusal(repo_copy: Path) -> None:
    assert _rematch(repo_copy, "nobody", "--reason", "x")[0] == 2
    assert _rematch(repo_copy, "e1")[0] == 2  # --reason is required
    code, output = _rematch(repo_copy, "e6", "--reason", "x")
    assert code == 1 and "no accepted or proposed pair" in output


def _with_capacity(program: Program, person_id: str, capacity: int) -> Program:
    person = program.participants[person_id]
    assert person.mentor is not None
    mentor = dataclasses.replace(person.mentor, capacity=capacity)
    changed = dataclasses.replace(person, mentor=mentor)
    return dataclasses.replace(program, participants={**program.participants, person_id: changed})


def test_never_overbooks_a_mentor_held_by_another_proposal(fixture_program: Program) -> None:
    # m3's only slot is proposed to e4; m1's freed slot must not go to e1 (excluded) or
    # silently to e6 (whose proposal a rematch never writes).
    program = _with_capacity(fixture_program, "m3", 1)
    plan = plan_rematch(program, "2026-autumn", "e1", "schedules clash", TODAY)
    assert plan.proposal is None and plan.unmatched_reason
    others = {(p.mentor, p.mentee, p.status) for p in plan.result.pairs}
    assert ("m3", "e4", "proposed") in others
    assert not any(p.mentee == "e6" for p in plan.result.pairs)
    assert all(option.mentor != "m3" for option in plan.others)
