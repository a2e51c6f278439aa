"""Circle cohorts: every hard rule inside each circle, and stable circles across re-runs."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.model.entities import Circle, MatchFile, MatchingSettings, Participant
from mentorkit.model.rules import avoided, reporting_conflict, timezone_gap_hours
from tests.matching.builders import (
    DEPARTMENTS,
    SKILLS,
    ZONES,
    people_strategy,
    person,
    program,
    settings_strategy,
)


def _file(result: MatchResult) -> MatchFile:
    return MatchFile(
        "c1", "x", circles=tuple(Circle(c.id, c.members, c.facilitator) for c in result.circles)
    )


def _groups(result: MatchResult) -> set[frozenset[str]]:
    return {frozenset(c.members) for c in result.circles}


def _people(seed: int, count: int) -> list[Participant]:
    rng = random.Random(seed)
    return [
        person(
            f"p{i:03d}",
            mentor={rng.choice(SKILLS): 4} if i % 4 == 0 else None,
            goals=tuple(rng.sample(SKILLS, 2)),
            department=rng.choice(DEPARTMENTS),
            level=rng.randint(1, 10),
            timezone=rng.choice(ZONES[:2]),
        )
        for i in range(count)
    ]


def assert_rules_hold(
    result: MatchResult, people: list[Participant], chosen: MatchingSettings
) -> None:
    by_id = {p.id: p for p in people}
    seen: list[str] = []
    for circle in result.circles:
        members = [by_id[m] for m in circle.members]
        seen += circle.members
        assert len(members) <= max(3, chosen.circle_size)
        assert circle.facilitator in circle.members
        assert by_id[circle.facilitator or ""].mentor is not None
        assert set.intersection(*(set(m.languages) for m in members)), circle
        for a, b in combinations(members, 2):
            assert not reporting_conflict(a, b) and not avoided(a, b), (a.id, b.id)
            gap = timezone_gap_hours(a, b)
            assert gap is None or gap <= chosen.max_timezone_gap_hours, (a.id, b.id, gap)
    assert len(seen) == len(set(seen))  # nobody in two circles
    assert set(seen) | {u.id for u in result.unmatched} == set(by_id)


@settings(max_examples=80, deadline=None)
@given(people_strategy(max_mentors=4, max_mentees=9), settings_strategy(), st.integers(3, 5))
def test_no_hard_rule_is_broken_inside_a_circle(
    people: list[Participant], chosen: MatchingSettings, size: int
) -> None:
    chosen = replace(chosen, circle_size=size)
    first = match_cohort(program(people, fmt="circles", settings=chosen), "c1")
    assert_rules_hold(first, people, chosen)
    # a re-run that keeps circles must not keep one that a new avoid request breaks
    if first.circles and len(first.circles[0].members) > 1:
        a, b = first.circles[0].members[:2]
        changed = [replace(p, avoid=(*p.avoid, b)) if p.id == a else p for p in people]
        again = match_cohort(
            program(changed, fmt="circles", settings=chosen, match=_file(first)), "c1"
        )
        assert_rules_hold(again, changed, chosen)


def test_reasons_for_people_left_out_name_no_one() -> None:
    boss = person("boss", mentor={"python": 5}, level=9)
    people = [boss] + [person(f"r{i}", manager="boss", goals=("sql",)) for i in range(3)]
    people.append(person("alone", goals=("sql",), languages=("de",)))
    result = match_cohort(program(people, fmt="circles"), "c1")
    reasons = {u.id: u.reason for u in result.unmatched}
    assert reasons, result
    for reason in reasons.values():
        assert "boss" not in reason and "manager" not in reason
    assert "speaks: de" in reasons["alone"]


@pytest.mark.parametrize("count", [40, 43])
def test_adding_one_participant_changes_at_most_two_circles(count: int) -> None:
    people = _people(7, count)
    chosen = MatchingSettings(circle_size=5)
    before = match_cohort(program(people, fmt="circles", settings=chosen), "c1")
    assert not before.unmatched
    for newcomer in (
        person("zz-new", goals=("python",), level=3, department="design"),
        person("zz-mentor", mentor={"sql": 4}, level=8, department="data"),
    ):
        after = match_cohort(
            program([*people, newcomer], fmt="circles", settings=chosen, match=_file(before)),
            "c1",
        )
        assert not after.unmatched
        assert len(_groups(before) - _groups(after)) <= 2, newcomer.id
        kept = {c.id: c.members for c in before.circles} | {}
        assert sum(1 for c in after.circles if kept.get(c.id) == c.members) >= len(kept) - 2


def test_a_leaver_leaves_a_hole_and_the_other_circles_stay() -> None:
    people = _people(11, 40)
    chosen = MatchingSettings(circle_size=5)
    before = match_cohort(program(people, fmt="circles", settings=chosen), "c1")
    leaver = next(m for m in before.circles[3].members if m != before.circles[3].facilitator)
    rest = [p for p in people if p.id != leaver]
    after = match_cohort(program(rest, fmt="circles", settings=chosen, match=_file(before)), "c1")
    assert _groups(before) - _groups(after) == {frozenset(before.circles[3].members)}
    assert next(c for c in after.circles if c.id == before.circles[3].id).members == tuple(
        m for m in before.circles[3].members if m != leaver
    )


def test_a_cohort_without_mentors_returns_instead_of_hanging() -> None:
    people = [person(f"e{i}", goals=("sql",)) for i in range(4)]
    result = match_cohort(program(people, fmt="circles"), "c1")
    assert not result.circles
    assert {u.reason for u in result.unmatched} == {
        "no circle could be formed: no mentor is enrolled to facilitate one"
    }
