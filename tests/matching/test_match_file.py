"""Writing match files: new files, round-trips that keep comments and hand edits, fast emitter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.match_file import render_match_file, write_match_file
from mentorkit.matching.yaml_text import _by_ruamel, scalar
from mentorkit.validation import validate_program

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matching" / "repo"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "repo"))


@pytest.mark.parametrize("cohort", ["spring", "peers", "circles"])
def test_a_new_file_has_the_schema_line_and_validates(repo: Path, cohort: str) -> None:
    target = repo / "program" / "matches" / f"{cohort}.yaml"
    target.unlink(missing_ok=True)
    result = match_cohort(validate_program(repo).program, cohort)
    text = write_match_file(target, result, None)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/match.schema.json"
    assert target.read_text(encoding="utf-8") == text
    validation = validate_program(repo)
    assert validation.ok, validation.problems


@pytest.mark.parametrize("cohort", ["spring", "peers", "circles"])
def test_the_fast_emitter_writes_what_ruamel_writes(repo: Path, cohort: str) -> None:
    (repo / "program" / "matches" / "spring.yaml").unlink()
    result = match_cohort(validate_program(repo).program, cohort)
    assert render_match_file(result, None) == render_match_file(result, None, fast=False)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abz AZ09:,()._/+-#'\"é→\t", max_size=30)
    | st.floats(0, 1)
    | st.integers(-5, 5)
    | st.booleans()
)
def test_scalars_are_formatted_exactly_like_ruamel(value: object) -> None:
    assert scalar(value) == _by_ruamel(value)


def test_rewriting_keeps_comments_hand_edits_and_locked_pairs(repo: Path) -> None:
    target = repo / "program" / "matches" / "spring.yaml"
    before = target.read_text(encoding="utf-8")
    result = match_cohort(validate_program(repo).program, "spring")
    after = write_match_file(target, result, before)
    assert "# Reviewed by the coordinators; keep this comment." in after
    assert "note: agreed at kickoff  # a hand edit" in after
    assert "note: coordinator likes this pair" in after  # the kept proposal keeps its note
    locked_block = before[before.index("  - mentor: linus") : before.index("  - mentor: grace")]
    assert locked_block in after  # byte for byte
    assert "end_reason: schedule clash" in after  # history stays
    assert validate_program(repo).ok
    again = match_cohort(validate_program(repo).program, "spring")
    assert render_match_file(again, after) == after  # a second run changes nothing


def test_a_comment_between_pairs_survives(repo: Path) -> None:
    target = repo / "program" / "matches" / "spring.yaml"
    first = write_match_file(
        target,
        match_cohort(validate_program(repo).program, "spring"),
        target.read_text(encoding="utf-8"),
    )
    edited = first.replace(
        "  - mentor: grace\n", "  # check with Grace in March\n  - mentor: grace\n", 1
    )
    target.write_text(edited, encoding="utf-8")
    rewritten = write_match_file(
        target, match_cohort(validate_program(repo).program, "spring"), edited
    )
    assert "  # check with Grace in March\n  - mentor: grace\n" in rewritten


def test_pairs_keep_their_place_so_comments_stay_with_them(repo: Path) -> None:
    target = repo / "program" / "matches" / "spring.yaml"
    original = target.read_text(encoding="utf-8").replace(
        "  - mentor: grace\n", "  # check with Grace in March\n  - mentor: grace\n", 1
    )
    target.write_text(original, encoding="utf-8")
    rewritten = write_match_file(
        target, match_cohort(validate_program(repo).program, "spring"), original
    )
    assert "  # check with Grace in March\n  - mentor: grace\n" in rewritten
    order = [line for line in rewritten.splitlines() if line.startswith("  - mentor: ")]
    assert order[:3] == ["  - mentor: linus", "  - mentor: grace", "  - mentor: ada"]
