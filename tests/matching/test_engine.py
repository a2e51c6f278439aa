"""match_cohort: objectives, existing files, exclusions, reasons, determinism, stability."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings

from mentorkit.matching.allowed import collect
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.explain import NO_MENTOR_CAN_TAKE
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import MatchingError, MatchResult
from mentorkit.matching.score import score_pair, scoring_for
from mentorkit.model.entities import MatchFile, MatchingSettings, Pair, Participant
from tests.matching.builders import (
    DEPARTMENTS,
    LANGUAGES,
    SKILLS,
    ZONES,
    people_strategy,
    person,
    program,
)


def _pairs(result: MatchResult) -> set[tuple[str, str]]:
    return {(p.mentor, p.mentee) for p in result.pairs if p.status != "ended"}


def scarce_people() -> list[Participant]:
    # a fits both mentors (great with m1, poor with m2); b fits only m1
    return [
        person("m1", mentor={"python": 5}, level=7),
        person(
            "m2", mentor={"python": 1, "sql": 1}, level=1, department="data", timezone="Asia/Tokyo"
        ),
        person("a", goals=("python", "sql"), level=5),
        person("b", goals=("python",), level=5, languages=("en",)),
    ]


def test_coverage_matches_more_people_and_quality_prefers_the_best_total() -> None:
    people = scarce_people()
    coverage = match_cohort(
        program(people, settings=MatchingSettings(max_timezone_gap_hours=12)), "c1"
    )
    assert _pairs(coverage) == {("m1", "b"), ("m2", "a")}
    quality = match_cohort(
        program(people, settings=MatchingSettings(max_timezone_gap_hours=12, objective="quality")),
        "c1",
    )
    prog = program(people, settings=MatchingSettings(max_timezone_gap_hours=12))
    cohort = prog.cohorts["c1"]
    singles = [
        score_pair(prog, cohort, prog.participants["m1"], prog.participants[x]) for x in "ab"
    ]
    best_single = max(s.total for s in singles if s is not None)
    both = sum(p.score or 0 for p in coverage.pairs)
    assert sum(p.score or 0 for p in quality.pairs) == pytest.approx(max(best_single, both))


def test_locked_and_accepted_pairs_are_kept_exactly_and_use_capacity() -> None:
    people = [
        person("m1", mentor={"python": 5}, capacity=1, level=7),
        person("m2", mentor={"python": 3}, capacity=1, level=7),
        person("a", goals=("python",)),
        person("b", goals=("python",)),
        person("c", goals=("python",)),
    ]
    existing = MatchFile(
        "c1",
        "program/matches/c1.yaml",
        (
            Pair("m1", "a", 0.5, "accepted", False, ("as agreed",)),
            Pair("m2", "b", None, "proposed", True),
        ),
    )
    result = match_cohort(program(people, match=existing), "c1")
    by_mentee = {p.mentee: p for p in result.pairs}
    assert (
        by_mentee["a"].score == 0.5
        and by_mentee["a"].reasons == ("as agreed",)
        and by_mentee["a"].origin == "accepted"
    )
    assert by_mentee["b"].locked and by_mentee["b"].origin == "locked"
    assert "c" not in by_mentee
    assert [u.reason for u in result.unmatched if u.id == "c"] == [NO_MENTOR_CAN_TAKE]


def test_ended_pairs_and_exclusions_are_never_proposed() -> None:
    people = [
        person("m1", mentor={"python": 5}, level=7),
        person("m2", mentor={"python": 2}, level=7),
        person("a", goals=("python",)),
    ]
    ended = MatchFile("c1", "x", (Pair("m1", "a", 0.9, "ended"),))
    result = match_cohort(program(people, match=ended), "c1")
    assert _pairs(result) == {("m2", "a")}
    assert any(p.status == "ended" and p.origin == "history" for p in result.pairs)
    result = match_cohort(program(people), "c1", exclude=frozenset({("m1", "a"), ("m2", "a")}))
    assert _pairs(result) == set()
    assert result.unmatched[0].reason == NO_MENTOR_CAN_TAKE


def test_existing_proposal_survives_a_slightly_better_alternative() -> None:
    # m2 is better by one hour of working-hours overlap (0.019), less than the 0.02 a kept pair is worth
    people = [
        person("m1", mentor={"python": 5}, level=7, timezone="Europe/Berlin"),
        person("m2", mentor={"python": 5}, level=7),
        person("a", goals=("python",)),
    ]
    fresh = match_cohort(program(people), "c1")
    assert _pairs(fresh) == {("m2", "a")}
    kept = match_cohort(program(people, match=MatchFile("c1", "x", (Pair("m1", "a"),))), "c1")
    assert _pairs(kept) == {("m1", "a")}
    assert kept.pairs[0].origin == "kept"
    offer = people[0].mentor
    assert offer is not None
    clearly_better = [replace(people[0], mentor=replace(offer, skills={"python": 2})), *people[1:]]
    moved = match_cohort(
        program(clearly_better, match=MatchFile("c1", "x", (Pair("m1", "a"),))), "c1"
    )
    assert _pairs(moved) == {("m2", "a")}


@pytest.mark.parametrize(
    ("mentee", "reason"),
    [
        (
            person("x", goals=("design",), languages=("en",)),
            "no enrolled mentor offers any goal skill (seeks: design)",
        ),
        (
            person("x", goals=("python",), languages=("ja",)),
            "no mentor who fits the goals shares a language (speaks: ja)",
        ),
        (
            person("x", goals=("python",), timezone="Pacific/Auckland"),
            "more than 8 h away (time zone: Pacific/Auckland)",
        ),
        (
            person("x", goals=("python",), manager="m1"),
            NO_MENTOR_CAN_TAKE,
        ),
    ],
)
def test_unmatched_reasons_are_specific(mentee: Participant, reason: str) -> None:
    result = match_cohort(program([person("m1", mentor={"python": 5}, level=7), mentee]), "c1")
    assert reason in next(u for u in result.unmatched if u.role == "mentee").reason


def test_cross_functional_require_forbids_same_department() -> None:
    people = [person("m1", mentor={"python": 5}), person("a", goals=("python",))]
    result = match_cohort(
        program(people, settings=MatchingSettings(cross_functional="require")), "c1"
    )
    assert not result.pairs
    assert "requires cross-functional pairs" in result.unmatched[0].reason


def test_unknown_cohort_raises_a_matching_error() -> None:
    with pytest.raises(MatchingError, match="unknown cohort 'nope'"):
        match_cohort(program([]), "nope")


def random_people(
    rng: random.Random, mentors: int, mentees: int, prefix: str = ""
) -> list[Participant]:
    people = []
    for i in range(mentors + mentees):
        is_mentor = i < mentors
        people.append(
            person(
                f"{prefix}{'m' if is_mentor else 'e'}{i:03d}",
                mentor={s: rng.randint(1, 5) for s in rng.sample(SKILLS, 2)} if is_mentor else None,
                capacity=2,
                goals=tuple(rng.sample(SKILLS, rng.randint(1, 2))) if not is_mentor else (),
                department=rng.choice(DEPARTMENTS),
                level=rng.randint(1, 10),
                timezone=rng.choice(ZONES),
                languages=("en", rng.choice(LANGUAGES)) if rng.random() < 0.3 else ("en",),
            )
        )
    return people


def test_same_result_whatever_the_order_of_people() -> None:
    people = random_people(random.Random(1), 20, 40)
    first = match_cohort(program(people), "c1")
    shuffled = people[:]
    random.Random(2).shuffle(shuffled)
    prog = program(people)
    prog = replace(prog, participants={p.id: p for p in shuffled})
    assert match_cohort(prog, "c1") == first


def test_adding_one_participant_changes_only_a_few_pairs() -> None:
    people = random_people(random.Random(3), 30, 50)
    before = match_cohort(program(people), "c1")
    existing = MatchFile("c1", "x", tuple(Pair(p.mentor, p.mentee, p.score) for p in before.pairs))
    newcomer = person("zz-new", goals=("python",), level=3, department="design")
    after = match_cohort(program([*people, newcomer], match=existing), "c1")
    changed = _pairs(before) ^ _pairs(after)
    assert len(changed) <= 6  # at most three pairs replaced
    assert all(p.origin == "kept" for p in after.pairs if (p.mentor, p.mentee) in _pairs(before))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(people_strategy())
def test_vectorised_points_equal_score_pair(people: list[Participant]) -> None:
    prog = program(people, settings=MatchingSettings(max_timezone_gap_hours=12))
    cohort = prog.cohorts["c1"]
    mentors, mentees = prog.mentors_in("c1"), prog.mentees_in("c1")
    rows, cols = encode([mentees, mentors])
    found = collect(scoring_for(cohort), rows, cols, forbidden_columns(mentees, mentors))
    vector = {
        (mentors[c].id, mentees[r].id): p
        for r, c, p in zip(found.edges.rows, found.edges.cols, found.edges.points, strict=True)
    }
    scalar = {}
    for m in mentors:
        for e in mentees:
            scored = score_pair(prog, cohort, m, e)
            if scored is not None:
                scalar[(m.id, e.id)] = scored.points
    assert vector == scalar


def test_large_peer_pool_uses_the_sparse_graph_and_pairs_everyone_once() -> None:
    rng = random.Random(5)
    people = random_people(rng, 250, 250)
    fallback = people[-1].mentee
    assert fallback is not None
    people = [replace(p, mentee=p.mentee or fallback) for p in people]
    result = match_cohort(program(people, fmt="peer"), "c1")
    assert result.summary.solver == "sparse graph"
    ids = [x for p in result.pairs for x in (p.mentor, p.mentee)]
    assert len(ids) == len(set(ids))
    assert result.summary.matched + result.summary.unmatched == 500
