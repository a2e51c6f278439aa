"""``objective: stable``: no blocking pair among stated preferences, hard rules first,
and the cost against the default objective reported."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_with, scoring_for
from mentorkit.model.entities import MatchingSettings, Participant
from mentorkit.model.program import Program
from tests.matching.builders import people_strategy, person, program
from tests.matching.test_preferences import prefer


def _rank(listed: tuple[str, ...], other: str | None) -> float:
    return listed.index(other) if other in listed else float("inf")


def blocking_pairs(prog: Program, result: MatchResult) -> list[tuple[str, str]]:
    """Pairs (mentee, mentor) where the mentee ranked the mentor above their match and the
    mentor has room or holds someone they rank below the mentee: written out from the
    handbook's definition, not from the engine."""
    scoring = scoring_for(prog.cohorts["c1"])
    people = prog.participants
    mentor_of = {p.mentee: p.mentor for p in result.pairs if p.status != "ended"}
    held: dict[str, list[str]] = {}
    for mentee, mentor in mentor_of.items():
        held.setdefault(mentor, []).append(mentee)

    def mentor_rank(mentor: Participant, mentee_id: str) -> tuple[float, float, str]:
        listed = mentor.mentor.preferences if mentor.mentor else ()
        scored = score_with(scoring, mentor, people[mentee_id])
        return (_rank(listed, mentee_id), -(scored.total if scored else 0.0), mentee_id)

    found = []
    for e in people.values():
        if not e.mentee or "c1" not in e.cohorts:
            continue
        listed = e.mentee.preferences
        for m_id in listed:
            m = people.get(m_id)
            if m is None or m.mentor is None or m_id == e.id:
                continue
            if score_with(scoring, m, e) is None or _rank(listed, m_id) >= _rank(
                listed, mentor_of.get(e.id)
            ):
                continue
            holding = held.get(m_id, [])
            if len(holding) < m.mentor.capacity or any(
                mentor_rank(m, other) > mentor_rank(m, e.id) for other in holding
            ):
                found.append((e.id, m_id))
    return found


@pytest.mark.slow
@settings(max_examples=120, deadline=None)
@given(people_strategy(max_mentors=5, max_mentees=8), st.integers(0, 10_000), st.booleans())
def test_stable_objective_leaves_no_blocking_pair(
    people: list[Participant], seed: int, mentor_lists: bool
) -> None:
    rng = random.Random(seed)
    mentors = [p.id for p in people if p.mentor]
    mentees = [p.id for p in people if p.mentee]
    people = [
        replace(
            p,
            mentee=replace(
                p.mentee,
                preferences=tuple(rng.sample(mentors, min(len(mentors), rng.randint(0, 3)))),
            )
            if p.mentee
            else None,
            mentor=replace(p.mentor, preferences=tuple(rng.sample(mentees, min(len(mentees), 2))))
            if p.mentor and mentor_lists
            else p.mentor,
        )
        for p in people
    ]
    prog = program(people, settings=MatchingSettings(objective="stable"))
    result = match_cohort(prog, "c1")
    assert blocking_pairs(prog, result) == []
    load = Counter(p.mentor for p in result.pairs)
    by_id = {p.id: p for p in people}
    for mentor, count in load.items():
        offer = by_id[mentor].mentor
        assert offer is not None and count <= offer.capacity
    for pair in result.pairs:
        assert score_with(scoring_for(prog.cohorts["c1"]), by_id[pair.mentor], by_id[pair.mentee])
    assert result.summary.objective == "stable"
    assert any(note.startswith("stable: ") for note in result.summary.notes)


def test_stable_gives_the_mentor_their_favourite_where_coverage_would_not() -> None:
    # e1 and e2 both want m1 (capacity 1); m1 ranks e2 first. Coverage and stable agree
    # on matching both, but only stable must give m1 to e2.
    m1 = prefer(person("m1", mentor={"python": 5}), "e2", as_mentor=True)
    m2 = person("m2", mentor={"python": 1})
    e1 = prefer(person("e1", goals=("python",)), "m1")
    e2 = prefer(person("e2", goals=("python",), languages=("en", "de")), "m1")
    prog = program([m1, m2, e1, e2], settings=MatchingSettings(objective="stable"))
    result = match_cohort(prog, "c1")
    assert {(p.mentor, p.mentee) for p in result.pairs} == {("m1", "e2"), ("m2", "e1")}
    assert blocking_pairs(prog, result) == []
    pair = next(p for p in result.pairs if p.mentee == "e2")
    assert "the mentee's 1st choice" in pair.reasons and "the mentor's 1st choice" in pair.reasons
    (note,) = result.summary.notes
    assert "2 matched" in note and "the default objective: 2 matched" in note


def test_a_forbidden_first_choice_is_skipped() -> None:
    m1 = person("m1", mentor={"python": 5}, avoid=("e1",))
    m2 = person("m2", mentor={"python": 2})
    e1 = prefer(person("e1", goals=("python",)), "m1", "m2")
    result = match_cohort(
        program([m1, m2, e1], settings=MatchingSettings(objective="stable")), "c1"
    )
    assert [(p.mentor, p.mentee) for p in result.pairs] == [("m2", "e1")]
    assert "the mentee's 2nd choice" in result.pairs[0].reasons
