"""Recognition: people mentored, cohorts served and lessons written per mentor."""

from __future__ import annotations

import dataclasses

from mentorkit.lifecycle.recognition import mentor_contributions
from mentorkit.model.program import Program


def test_contributions_count_accepted_and_ended_pairs(fixture_program: Program) -> None:
    rows = mentor_contributions(fixture_program)
    summary = [(r.mentor, r.people_mentored, r.cohorts_served, r.lessons_written) for r in rows]
    # m3 has only a proposed pair: not credited yet. m1 and m2 tie on people and cohorts;
    # m1 wrote more lessons.
    assert summary == [
        ("m1", 3, ("2026-autumn", "2026-spring"), 2),
        ("m2", 3, ("2026-autumn", "2026-spring"), 1),
        ("m4", 1, ("2026-autumn",), 0),
    ]


def test_public_only_leaves_out_private_people(fixture_program: Program) -> None:
    mentors = [r.mentor for r in mentor_contributions(fixture_program, public_only=True)]
    assert mentors == ["m1", "m4"]


def test_one_cohort(fixture_program: Program) -> None:
    rows = mentor_contributions(fixture_program, cohort="2026-spring")
    assert [(r.mentor, r.people_mentored, r.lessons_written) for r in rows] == [
        ("m2", 1, 1),
        ("m1", 1, 0),
    ]


def test_a_proposal_ended_by_a_rematch_credits_nobody(fixture_program: Program) -> None:
    # e4's proposal with m3 is ended before anyone accepted it: history, not mentoring.
    match = fixture_program.matches["2026-autumn"]
    pairs = tuple(
        dataclasses.replace(p, status="ended", ended="2026-11-24", end_reason="declined")
        if (p.mentor, p.mentee) == ("m3", "e4")
        else p
        for p in match.pairs
    )
    program = dataclasses.replace(
        fixture_program,
        matches={**fixture_program.matches, "2026-autumn": dataclasses.replace(match, pairs=pairs)},
    )
    assert "m3" not in [r.mentor for r in mentor_contributions(program)]
