"""Writing match files: new files, round-trips that keep comments and hand edits, fast emitter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.match_file import render_match_file
from mentorkit.matching.result import MatchResult, MatchSummary, ProposedPair
from mentorkit.matching.yaml_text import _by_ruamel, scalar
from mentorkit.validation import validate_program
from mentorkit.writing.files import write_text_atomic

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matching" / "repo"


def write_match_file(path: Path, result: MatchResult, existing_text: str | None) -> str:
    """What ``match --write`` does: render over the old text, write atomically."""
    text = render_match_file(result, existing_text)
    write_text_atomic(path, text)
    return text


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


def _pairs_result(*pairs: tuple[str, str]) -> MatchResult:
    proposed = tuple(ProposedPair(a, b, 0.5, reasons=("why",)) for a, b in pairs)
    summary = MatchSummary("one-on-one", "coverage", len(proposed), 0, 0.5, 0.0, 1.0, 6, "dense")
    return MatchResult("spring", "one-on-one", proposed, (), (), summary)


COMMENTED = """\
cohort: spring
pairs:
  # about ann and bob
  - mentor: ann
    mentee: bob
    status: proposed
    reasons:
      - why
  # about cy and di
  # (two lines)
  - mentor: cy
    mentee: di
    status: proposed  # end of line stays
  # about ed and flo
  - mentor: ed
    mentee: flo
    status: proposed
    note: hand edit
  # above the summary
summary:
  matched: 3
"""


@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        (("cy", "di"), [("ann", "bob"), ("ed", "flo")]),
        (("ann", "bob"), [("cy", "di"), ("ed", "flo")]),
    ],
)
def test_a_dropped_proposal_takes_its_own_comment_along(
    dropped: tuple[str, str], kept: list[tuple[str, str]]
) -> None:
    text = render_match_file(_pairs_result(*kept, ("gus", "hal")), COMMENTED)
    mentor, mentee = dropped
    assert f"# about {mentor} and {mentee}" not in text
    for mentor, mentee in kept:
        assert f"  # about {mentor} and {mentee}\n" in text
        block = text.split(f"  # about {mentor} and {mentee}\n", 1)[1]
        if mentor == "cy":
            block = block.split("  # (two lines)\n", 1)[1]
        assert block.startswith(f"  - mentor: {mentor}\n    mentee: {mentee}\n")
    assert "status: proposed  # end of line stays" in text or dropped == ("cy", "di")
    assert "  # above the summary\nunmatched:" not in text
    assert (
        text.index("  - mentor: gus") < text.index("  # above the summary") < text.index("summary:")
    )
    assert "    note: hand edit\n" in text
    assert render_match_file(_pairs_result(*kept, ("gus", "hal")), text) == text


def test_a_comment_above_an_entry_stays_there_when_the_entry_above_grows() -> None:
    grown = COMMENTED.replace(
        "    status: proposed  # end of line stays\n", "    status: proposed\n"
    )
    text = render_match_file(_pairs_result(("ann", "bob"), ("cy", "di"), ("ed", "flo")), grown)
    # cy-di gains score and reasons below its old last line; the comment must stay above ed
    assert "  # about ed and flo\n  - mentor: ed\n" in text
    assert text.index("      - why\n  # about ed and flo") > text.index("  - mentor: cy")
