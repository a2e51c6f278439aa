"""Circle cohorts: every hard rule inside each circle, and stable circles across re-runs."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.cli.main import cli
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.model.entities import Circle, MatchFile, MatchingSettings, Participant, Unmatched
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

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matching" / "repo"


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
        assert 3 <= len(members) <= max(3, chosen.circle_size) + 1, circle
        assert circle.facilitator in circle.members
        assert by_id[circle.facilitator or ""].mentor is not None
        assert set.intersection(*(set(m.languages) for m in members)), circle
        for a, b in combinations(members, 2):
            assert not reporting_conflict(a, b) and not avoided(a, b), (a.id, b.id)
            gap = timezone_gap_hours(a, b)
            assert gap is None or gap <= chosen.max_timezone_gap_hours, (a.id, b.id, gap)
    assert len(seen) == len(set(seen))  # nobody in two circles
    assert set(seen) | {u.id for u in result.unmatched} == set(by_id)


@pytest.mark.slow
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
def test_adding_one_participant_changes_only_the_circle_they_join(count: int) -> None:
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
        assert_only_the_joined_circle_changed(before, after, newcomer.id)


def assert_only_the_joined_circle_changed(
    before: MatchResult, after: MatchResult, newcomer: str
) -> None:
    old = {c.id: (c.members, c.facilitator) for c in before.circles}
    for circle in after.circles:
        if newcomer not in circle.members:
            assert old.get(circle.id) == (circle.members, circle.facilitator), circle
        elif circle.id in old:  # joined an existing circle: nobody else moved
            assert set(circle.members) - set(old[circle.id][0]) == {newcomer}
    assert len(set(old) - {c.id for c in after.circles}) == 0


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


def _rerun_file(result: MatchResult) -> MatchFile:
    return MatchFile(
        "c1",
        "x",
        circles=tuple(Circle(c.id, c.members, c.facilitator, c.reasons) for c in result.circles),
        unmatched=tuple(Unmatched(u.id, u.reason) for u in result.unmatched),
    )


@st.composite
def circle_cohorts(draw: st.DrawFn) -> tuple[list[Participant], MatchingSettings]:
    """Random circles cohorts of up to 40 people, often with tight time-zone limits."""
    count = draw(st.integers(1, 40))
    rng = random.Random(draw(st.integers(0, 10_000)))
    share = draw(st.sampled_from([0.1, 0.25, 0.5]))
    people = [
        person(
            f"p{i:02d}",
            mentor={rng.choice(SKILLS): 3} if rng.random() < share else None,
            goals=tuple(rng.sample(SKILLS, 2)),
            department=rng.choice(DEPARTMENTS),
            level=rng.randint(1, 10),
            timezone=rng.choice(ZONES),
            languages=("en",) if rng.random() < 0.8 else (rng.choice(("de", "fr")),),
            formats=("circle",) if rng.random() < 0.3 else (),
            manager=f"p{rng.randrange(count):02d}" if rng.random() < 0.1 else None,
            avoid=(f"p{rng.randrange(count):02d}",) if rng.random() < 0.1 else (),
        )
        for i in range(count)
    ]
    people = [replace(p, manager=None) if p.manager == p.id else p for p in people]
    chosen = MatchingSettings(
        max_timezone_gap_hours=draw(st.sampled_from([0.0, 1.0, 3.0, 5.0, 12.0])),
        circle_size=draw(st.integers(3, 6)),
    )
    return people, chosen


def _fits(members: list[Participant], newcomer: Participant, limit: float) -> bool:
    """The handbook's rules for one more member, written out independently of the engine."""
    if not set.intersection(set(newcomer.languages), *(set(m.languages) for m in members)):
        return False
    for m in members:
        gap = timezone_gap_hours(m, newcomer)
        if reporting_conflict(m, newcomer) or avoided(m, newcomer):
            return False
        if gap is not None and gap > limit:
            return False
    return True


def assert_reasons_true(
    result: MatchResult, people: list[Participant], chosen: MatchingSettings
) -> None:
    """Nobody left out fits a circle with room, and no valid circle of three with a
    facilitator exists among the people left out (checked by brute force)."""
    by_id = {p.id: p for p in people}
    left = [by_id[u.id] for u in result.unmatched]
    limit = chosen.max_timezone_gap_hours
    for circle in result.circles:
        members = [by_id[m] for m in circle.members]
        if len(members) <= chosen.circle_size:
            assert not any(_fits(members, p, limit) for p in left), circle
    for a, b, c in combinations(left, 3):
        if any(p.mentor for p in (a, b, c)):
            assert not (_fits([a], b, limit) and _fits([a, b], c, limit)), (a.id, b.id, c.id)
    for u in result.unmatched:
        assert "ruled out" in u.reason or "full" in u.reason or "circle" in u.reason


@pytest.mark.slow
@settings(max_examples=120, deadline=None)
@given(circle_cohorts())
def test_circles_keep_size_bounds_true_reasons_and_rerun_identically(
    cohort: tuple[list[Participant], MatchingSettings],
) -> None:
    people, chosen = cohort
    first = match_cohort(program(people, fmt="circles", settings=chosen), "c1")
    assert_rules_hold(first, people, chosen)
    assert_reasons_true(first, people, chosen)
    again = match_cohort(
        program(people, fmt="circles", settings=chosen, match=_rerun_file(first)), "c1"
    )
    assert again.circles == tuple(replace(c, origin="kept") for c in first.circles)
    assert again.unmatched == first.unmatched and again.summary == first.summary


@pytest.mark.slow
@settings(max_examples=80, deadline=None)
@given(circle_cohorts(), st.integers(0, 10_000))
def test_one_joiner_changes_at_most_the_circle_they_join(
    cohort: tuple[list[Participant], MatchingSettings], seed: int
) -> None:
    people, chosen = cohort
    before = match_cohort(program(people, fmt="circles", settings=chosen), "c1")
    rng = random.Random(seed)
    joiner = person(
        "zz-joiner",
        mentor={"sql": 3} if rng.random() < 0.3 else None,
        goals=("python",),
        department=rng.choice(DEPARTMENTS),
        timezone=rng.choice(ZONES),
        avoid=(rng.choice(people).id,) if rng.random() < 0.3 else (),
    )
    after = match_cohort(
        program([*people, joiner], fmt="circles", settings=chosen, match=_rerun_file(before)), "c1"
    )
    assert_rules_hold(after, [*people, joiner], chosen)
    assert_only_the_joined_circle_changed(before, after, joiner.id)


def test_a_rerun_with_no_change_rewrites_the_file_byte_for_byte(tmp_path: Path) -> None:
    repo = Path(shutil.copytree(FIXTURE, tmp_path / "repo"))
    written = repo / "program" / "matches" / "circles.yaml"
    args = ["--repo", str(repo), "match", "circles", "--write"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    first = written.read_bytes()
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert written.read_bytes() == first
