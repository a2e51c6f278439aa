"""Recognition: people mentored, cohorts served and lessons written per mentor."""

from __future__ import annotations

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
