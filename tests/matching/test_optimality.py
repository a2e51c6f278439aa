"""The engine against brute force on small random cohorts, with every hard rule in play."""

from __future__ import annotations

from collections import Counter
from functools import cache
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_pair
from mentorkit.model.entities import MatchingSettings, Participant
from mentorkit.model.program import Program
from tests.matching.builders import people_strategy, program, settings_strategy

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _allowed(prog: Program, exclude: frozenset[tuple[str, str]]) -> dict[tuple[str, str], int]:
    cohort = prog.cohorts["c1"]
    points = {}
    for mentor in prog.mentors_in("c1"):
        for mentee in prog.mentees_in("c1"):
            scored = score_pair(prog, cohort, mentor, mentee)
            if scored is not None and (mentor.id, mentee.id) not in exclude:
                points[(mentor.id, mentee.id)] = scored.points
    return points


def brute_force_bipartite(
    prog: Program, exclude: frozenset[tuple[str, str]], objective: str
) -> tuple[int, int]:
    """(pairs, total points) of the best assignment, by dynamic programming over capacities."""
    mentors = list(prog.mentors_in("c1"))
    mentees = [m.id for m in prog.mentees_in("c1")]
    allowed = _allowed(prog, exclude)

    def better(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
        key = (lambda x: x) if objective == "coverage" else (lambda x: (x[1], x[0]))
        return a if key(a) >= key(b) else b

    @cache
    def best(i: int, left: tuple[int, ...]) -> tuple[int, int]:
        if i == len(mentees):
            return (0, 0)
        result = best(i + 1, left)
        for j, mentor in enumerate(mentors):
            pts = allowed.get((mentor.id, mentees[i]))
            if pts is not None and left[j] > 0:
                rest = best(i + 1, (*left[:j], left[j] - 1, *left[j + 1 :]))
                result = better((rest[0] + 1, rest[1] + pts), result)
        return result

    return best(0, tuple(m.mentor.capacity for m in mentors if m.mentor))


def _new_pairs(result: MatchResult) -> list[tuple[str, str, float]]:
    return [
        (p.mentor, p.mentee, p.score or 0.0) for p in result.pairs if p.origin in ("new", "kept")
    ]


def assert_hard_rules(
    prog: Program, result: MatchResult, exclude: frozenset[tuple[str, str]]
) -> None:
    cohort = prog.cohorts["c1"]
    load = Counter(p.mentor for p in result.pairs if p.status != "ended")
    for mentor_id, count in load.items():
        assert count <= prog.participants[mentor_id].mentor.capacity  # type: ignore[union-attr]
    mentees = [p.mentee for p in result.pairs if p.status != "ended"]
    assert len(mentees) == len(set(mentees))
    for mentor_id, mentee_id, score in _new_pairs(result):
        assert (mentor_id, mentee_id) not in exclude
        scored = score_pair(
            prog, cohort, prog.participants[mentor_id], prog.participants[mentee_id]
        )
        assert scored is not None, f"{mentor_id}-{mentee_id} breaks a hard rule"
        assert scored.total == score
        assert score >= cohort.matching.min_score


@st.composite
def bipartite_case(draw: st.DrawFn) -> tuple[Program, frozenset[tuple[str, str]], MatchingSettings]:
    people = draw(people_strategy())
    chosen = draw(settings_strategy())
    prog = program(people, fmt=draw(st.sampled_from(["one-on-one", "reverse"])), settings=chosen)
    pairs = [(m.id, e.id) for m in prog.mentors_in("c1") for e in prog.mentees_in("c1")]
    exclude = (
        frozenset(draw(st.lists(st.sampled_from(pairs), max_size=2))) if pairs else frozenset()
    )
    return prog, exclude, chosen


@pytest.mark.slow
@FAST
@given(bipartite_case(), st.sampled_from(["dense", "sparse"]))
def test_bipartite_equals_brute_force(
    case: tuple[Program, frozenset[tuple[str, str]], MatchingSettings], solver: str
) -> None:
    prog, exclude, chosen = case
    result = match_cohort(prog, "c1", exclude=exclude, solver=solver)
    assert_hard_rules(prog, result, exclude)
    pairs = _new_pairs(result)
    expected = brute_force_bipartite(prog, exclude, chosen.objective)
    got = (len(pairs), sum(round(score * 10_000) for _, _, score in pairs))
    if chosen.objective == "coverage":
        assert got == expected
    else:
        assert (got[1], got[0]) == (expected[1], expected[0])


def brute_force_peer(prog: Program) -> tuple[int, int]:
    cohort = prog.cohorts["c1"]
    pool = list(prog.enrolled("c1"))
    points = {}
    for a, b in combinations(pool, 2):
        scored = score_pair(prog, cohort, a, b)
        if scored is not None:
            points[frozenset((a.id, b.id))] = scored.points

    @cache
    def best(left: frozenset[str]) -> tuple[int, int]:
        if len(left) < 2:
            return (0, 0)
        first = min(left)
        rest = left - {first}
        result = best(rest)
        for other in rest:
            pts = points.get(frozenset((first, other)))
            if pts is not None:
                sub = best(rest - {other})
                result = max(result, (sub[0] + 1, sub[1] + pts))
        return result

    return best(frozenset(p.id for p in pool))


@pytest.mark.slow
@FAST
@given(people_strategy(max_mentors=4, max_mentees=5, peer=True), settings_strategy())
def test_peer_equals_brute_force(people: list[Participant], chosen: MatchingSettings) -> None:
    chosen = MatchingSettings(
        chosen.weights,
        chosen.max_timezone_gap_hours,
        chosen.cross_functional,
        5,
        "coverage",
        chosen.min_score,
    )
    prog = program(people, fmt="peer", settings=chosen)
    result = match_cohort(prog, "c1")
    cohort = prog.cohorts["c1"]
    seen: list[str] = []
    for pair in result.pairs:
        assert (
            score_pair(prog, cohort, prog.participants[pair.mentor], prog.participants[pair.mentee])
            is not None
        )
        seen += [pair.mentor, pair.mentee]
    assert len(seen) == len(set(seen))
    got = (len(result.pairs), sum(round((p.score or 0) * 10_000) for p in result.pairs))
    assert got == brute_force_peer(prog)
