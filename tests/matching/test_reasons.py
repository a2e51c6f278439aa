"""Every unmatched reason is true of the final result (issue 17), checked independently.

The reasons that speak about other people ("no compatible mentor can take them (...)",
"no compatible peer can take them (paired with others, ...)", "all 4 mentees seeking an
offered skill have other mentors or are ruled out by the rules") are re-derived here from
``score_pair`` on every pair and the pairs in the result, with tiny candidate sets
forcing the sparse path. They carry no count of partners left after private rules.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mentorkit.matching.bipartite as bipartite
import mentorkit.matching.peer as peer
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.explain import NO_MENTOR_CAN_TAKE, NO_PEER_CAN_TAKE
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_pair
from mentorkit.model.entities import MatchingSettings, Participant
from mentorkit.model.program import Program
from tests.matching.builders import bipartite_programs, people_strategy, program, settings_strategy

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _compatible(
    prog: Program, a: Participant, b: Participant, exclude: frozenset[tuple[str, str]]
) -> bool:
    cohort = prog.cohorts["c1"]
    return (a.id, b.id) not in exclude and score_pair(prog, cohort, a, b) is not None


def check_bipartite_reasons(
    prog: Program, result: MatchResult, exclude: frozenset[tuple[str, str]]
) -> None:
    load = Counter(p.mentor for p in result.pairs if p.status != "ended")
    matched = {p.mentee for p in result.pairs if p.status != "ended"}
    mentors, mentees = prog.mentors_in("c1"), prog.mentees_in("c1")
    for person in result.unmatched:
        me = prog.participants[person.id]
        if person.reason == NO_MENTOR_CAN_TAKE:
            others = [m for m in mentors if _compatible(prog, m, me, exclude)]
            for mentor in others:
                assert mentor.mentor is not None
                assert load[mentor.id] >= mentor.mentor.capacity, (person.id, mentor.id)
        if "other mentor" in person.reason:
            others = [e for e in mentees if _compatible(prog, me, e, exclude)]
            assert all(e.id in matched for e in others), person.id


def check_peer_reasons(prog: Program, result: MatchResult) -> None:
    paired = {x for p in result.pairs if p.status != "ended" for x in (p.mentor, p.mentee)}
    pool = prog.enrolled("c1")
    for person in result.unmatched:
        assert person.id not in paired
        me = prog.participants[person.id]
        if person.reason == NO_PEER_CAN_TAKE:
            others = [p for p in pool if p.id != me.id and _compatible(prog, p, me, frozenset())]
            assert all(p.id in paired for p in others), person.id


@pytest.mark.slow
@FAST
@given(bipartite_programs(), st.sampled_from(["dense", "sparse"]))
def test_every_one_on_one_and_reverse_reason_is_true(
    case: tuple[Program, frozenset[tuple[str, str]]], solver: str
) -> None:
    prog, exclude = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bipartite, "SPARSE_TOP_K", 1)
        result = match_cohort(prog, "c1", exclude=exclude, solver=solver)
    check_bipartite_reasons(prog, result, exclude)


@pytest.mark.slow
@FAST
@given(people_strategy(max_mentors=4, max_mentees=7, peer=True), settings_strategy())
def test_every_peer_reason_is_true(people: list[Participant], chosen: MatchingSettings) -> None:
    prog = program(people, fmt="peer", settings=chosen)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(peer, "PEER_TOP_K", 1)
        result = match_cohort(prog, "c1", solver="sparse")
    check_peer_reasons(prog, result)


def test_the_checks_catch_a_false_reason() -> None:
    # the independent checks above must fail on a reason the result contradicts
    from dataclasses import replace

    from mentorkit.matching.result import UnmatchedPerson
    from tests.matching.builders import person

    prog = program([person("m1", mentor={"python": 5}, level=7), person("a", goals=("python",))])
    result = match_cohort(prog, "c1")
    false = replace(
        result,
        pairs=(),
        unmatched=(UnmatchedPerson("a", NO_MENTOR_CAN_TAKE),),
    )
    with pytest.raises(AssertionError):
        check_bipartite_reasons(prog, false, frozenset())


def test_the_engine_refuses_to_explain_a_non_maximal_assignment() -> None:
    import numpy as np

    from mentorkit.matching.allowed import build
    from mentorkit.matching.candidates import forbidden_columns
    from mentorkit.matching.explain import FalseReason, bipartite_unmatched
    from mentorkit.matching.matrix import encode
    from mentorkit.matching.score import scoring_for
    from tests.matching.builders import person

    mentors = [person("m1", mentor={"python": 5}, level=7)]
    pool = [person("a", goals=("python",))]
    prog = program([*mentors, *pool])
    scoring = scoring_for(prog.cohorts["c1"])
    rows, cols = encode([pool, mentors])
    allowed = build(scoring, rows, cols, forbidden_columns(pool, mentors), 4)
    capacity = np.array([1])
    with pytest.raises(FalseReason):
        bipartite_unmatched(scoring, pool, mentors, allowed, capacity, [], set())
