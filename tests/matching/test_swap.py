"""Swap cohorts: each person of a pair teaches the other a skill the other seeks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from mentorkit.matching.engine import match_cohort
from mentorkit.model.entities import Participant
from tests.matching.builders import people_strategy, person, program


def _teaches(teacher: Participant, learner: Participant) -> bool:
    offered = teacher.mentor.skills if teacher.mentor else {}
    return any(goal.skill in offered for goal in (learner.mentee.goals if learner.mentee else ()))


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(people_strategy(max_mentors=6, max_mentees=6, peer=True))
def test_every_swap_is_mutual(people: list[Participant]) -> None:
    result = match_cohort(program(people, fmt="swap"), "c1")
    by_id = {p.id: p for p in people}
    for pair in result.pairs:
        a, b = by_id[pair.mentor], by_id[pair.mentee]
        assert _teaches(a, b) and _teaches(b, a), pair


def test_one_way_help_is_not_a_swap_and_the_reason_says_so() -> None:
    teacher = person("ana", mentor={"python": 5}, goals=("design",))
    learner = person("bo", mentor={"sql": 3}, goals=("python",))
    peer = program([teacher, learner], fmt="peer")
    swap = program([teacher, learner], fmt="swap")
    assert match_cohort(peer, "c1").pairs  # a peer pair: one helps the other
    result = match_cohort(swap, "c1")
    assert not result.pairs
    assert all("as a swap needs" in u.reason for u in result.unmatched)


def test_a_swap_is_scored_in_both_directions() -> None:
    ana = person("ana", mentor={"python": 5}, goals=("sql",))
    bo = person("bo", mentor={"sql": 2}, goals=("python",))
    (pair,) = match_cohort(program([ana, bo], fmt="swap"), "c1").pairs
    assert any("ana can help with 1 of 1 goals of bo" in r for r in pair.reasons)
    assert any("bo can help with 1 of 1 goals of ana" in r for r in pair.reasons)
