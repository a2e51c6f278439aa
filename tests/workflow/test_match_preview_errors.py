"""The review's match preview: expected failures are a note, a bug in matching is raised."""

from __future__ import annotations

import pytest

from mentorkit.matching.result import MatchingError, MatchResult
from mentorkit.model.program import Program
from mentorkit.workflow import match_preview
from tests.matching.builders import person, program

PROGRAM = program(
    [person("ann", mentor={"python": 4}), person("eve", goals=("python",))], cohort="c1"
)


def _failing(error: Exception) -> object:
    def match_cohort(_program: Program, _cohort: str) -> MatchResult:
        raise error

    return match_cohort


def test_a_cohort_the_engine_refuses_is_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match_preview, "match_cohort", _failing(MatchingError("unknown cohort")))
    (preview,) = match_preview.preview_matches(["c1"], PROGRAM, PROGRAM)
    assert preview.error == "no preview: unknown cohort" and preview.pairs == ()


def test_a_crash_on_valid_data_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match_preview, "match_cohort", _failing(KeyError("ann")))
    with pytest.raises(KeyError):
        match_preview.preview_matches(["c1"], PROGRAM, PROGRAM)


def test_a_crash_on_data_with_errors_is_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match_preview, "match_cohort", _failing(KeyError("ann")))
    (preview,) = match_preview.preview_matches(["c1"], PROGRAM, PROGRAM, bad_data=True)
    assert preview.error is not None and "data with errors" in preview.error


def test_a_cohort_that_matches_is_previewed() -> None:
    (preview,) = match_preview.preview_matches(["c1"], PROGRAM, PROGRAM)
    assert preview.error is None
