"""A chosen pair takes its score from the kernel and only its reasons are written again:
every proposed pair still reads exactly as ``score_with`` scores and explains it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.score import score_with, scoring_for
from mentorkit.model.entities import CohortFormat, MatchingSettings, Participant
from tests.matching.builders import people_strategy, program, settings_strategy


def _check(
    people: list[Participant], fmt: CohortFormat, chosen: MatchingSettings, solver: str
) -> None:
    prog = program(people, fmt=fmt, settings=chosen)
    scoring = scoring_for(prog.cohorts["c1"])
    result = match_cohort(prog, "c1", solver=solver)
    proposed = [p for p in result.pairs if p.origin in ("new", "kept")]
    for pair in proposed:
        scored = score_with(scoring, prog.participants[pair.mentor], prog.participants[pair.mentee])
        assert scored is not None
        assert (pair.score, pair.reasons) == (scored.total, scored.reasons)


@settings(max_examples=40, deadline=None)
@given(
    people_strategy(max_mentors=6, max_mentees=9),
    settings_strategy(),
    st.sampled_from(["one-on-one", "reverse"]),
    st.sampled_from(["dense", "sparse"]),
)
def test_one_on_one_and_reverse_pairs_read_as_score_with(
    people: list[Participant], chosen: MatchingSettings, fmt: CohortFormat, solver: str
) -> None:
    _check(people, fmt, chosen, solver)


@settings(max_examples=40, deadline=None)
@given(
    people_strategy(max_mentors=8, max_mentees=8, peer=True),
    settings_strategy(),
    st.sampled_from(["auto", "sparse"]),
)
def test_peer_pairs_read_as_score_with(
    people: list[Participant], chosen: MatchingSettings, solver: str
) -> None:
    _check(people, "peer", chosen, solver)
