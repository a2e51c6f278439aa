"""The coordinator's private view tells apart what the shared reason must not.

The shared reason reads the same for a mentee ruled out by an avoid request and one whose
only mentor is at capacity (``test_reason_privacy``); the private breakdown says which,
and names the partner. Its counts are checked against an independent count from
``score_with`` on the same people with every private rule taken away.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.explain import NO_MENTOR_CAN_TAKE, NO_PEER_CAN_TAKE
from mentorkit.matching.private_reasons import CAUSES, PrivateBreakdown, private_breakdown
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_with, scoring_for
from mentorkit.model.entities import MatchFile, MatchingSettings, Pair, Participant
from mentorkit.model.program import Program
from mentorkit.reporters.matching import render
from mentorkit.reporters.matching_private import private_text
from tests.matching.builders import (
    bipartite_programs,
    circle_left_over_cases,
    idle_mentor_cohort,
    peer_trio,
    people_strategy,
    person,
    program,
    settings_strategy,
)
from tests.matching.test_circles import circle_cohorts

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _cohort(rule: dict[str, Any], *, capacity: int, ended: bool = False) -> Program:
    """m1 is the only mentor x can have; b already holds one of m1's places."""
    people = [
        person("m1", mentor={"python": 5}, level=7, capacity=capacity),
        person("b", goals=("python",)),
        person("x", goals=("python",), **rule),
    ]
    pairs = [Pair("m1", "b", None, "accepted")]
    if ended:
        pairs.append(Pair("m1", "x", None, "ended"))
    return program(people, match=MatchFile("c1", "program/matches/c1.yaml", tuple(pairs)))


def _view(prog: Program, who: str = "x") -> tuple[str, PrivateBreakdown]:
    result = match_cohort(prog, "c1")
    shared = next(u for u in result.unmatched if u.id == who)
    return shared.reason, private_breakdown(prog, "c1", result)[who, shared.role]


def _only(breakdown: PrivateBreakdown) -> dict[str, tuple[str, ...]]:
    return {cause: ids for cause, ids in breakdown.causes.items() if ids}


@pytest.mark.parametrize(
    ("rule", "ended", "cause"),
    [
        ({"avoid": ("m1",)}, False, "avoid"),
        ({"manager": "m1"}, False, "reporting"),
        ({}, True, "earlier"),
    ],
    ids=["avoid", "manager", "earlier-pairing"],
)
def test_a_rule_and_capacity_read_alike_shared_and_differ_privately(
    rule: dict[str, Any], ended: bool, cause: str
) -> None:
    # the rule case: m1 still has a free place, but x may not be paired with m1
    shared_rule, private_rule = _view(_cohort(rule, capacity=2, ended=ended))
    # the capacity case: no rule at all, m1's only place is taken
    shared_full, private_full = _view(_cohort({}, capacity=1))
    assert shared_rule == shared_full == NO_MENTOR_CAN_TAKE
    assert _only(private_rule) == {cause: ("m1",)}
    assert _only(private_full) == {"taken": ("m1",)}
    assert private_rule.compatible == private_full.compatible == 1
    assert private_text(private_rule) != private_text(private_full)
    assert "m1" in private_text(private_rule) and "m1" in private_text(private_full)


def test_the_words_say_which_rule_and_whom() -> None:
    _, ruled_out = _view(_cohort({"avoid": ("m1",)}, capacity=2))
    assert private_text(ruled_out) == (
        "private view: 1 compatible mentor passed the public filters: "
        "1 ruled out by an avoid request (m1)"
    )
    _, full = _view(_cohort({}, capacity=1))
    assert private_text(full).endswith("1 at capacity (m1)")


def test_a_public_reason_has_nothing_private_behind_it() -> None:
    prog = program([person("m1", mentor={"sql": 5}), person("x", goals=("python",))])
    shared, breakdown = _view(prog)
    assert "no enrolled mentor offers any goal skill" in shared
    assert breakdown.compatible == 0 and not _only(breakdown)
    assert "no private rule is involved" in private_text(breakdown)


def test_an_avoid_request_counts_in_either_direction() -> None:
    people = [
        person("m1", mentor={"python": 5}, level=7, capacity=2, avoid=("x",)),
        person("x", goals=("python",)),
    ]
    _, breakdown = _view(program(people))
    assert _only(breakdown) == {"avoid": ("m1",)}


@pytest.mark.parametrize("rule", [{"avoid": ("m1",)}, {"manager": "m1"}], ids=["avoid", "manager"])
def test_peers_ruled_out_or_taken_differ_privately(rule: dict[str, Any]) -> None:
    shared_rule, private_rule = _view(peer_trio(rule))
    shared_taken, private_taken = _view(peer_trio({}))
    assert shared_rule == shared_taken == NO_PEER_CAN_TAKE
    expected = "avoid" if "avoid" in rule else "reporting"
    assert _only(private_rule) == {expected: ("m1",)}
    assert _only(private_taken) == {"taken": ("m1",)}
    assert "paired with others (m1)" in private_text(private_taken)


def test_an_idle_mentor_learns_which_mentee_avoids_them() -> None:
    shared_avoid, private_avoid = _view(idle_mentor_cohort(True), "m1")
    shared_other, private_other = _view(idle_mentor_cohort(False), "m1")
    assert shared_avoid == shared_other
    assert _only(private_avoid) == {"avoid": ("x",)}
    assert _only(private_other) == {"taken": ("x",)}
    assert private_text(private_other).endswith("1 matched with other mentors (x)")


def test_a_circle_closed_by_a_rule_or_full_differ_privately() -> None:
    # one circle of 3 (4 at most): x is left over because x avoids a, or the circle is full
    ruled_out, full = circle_left_over_cases()
    views = []
    for prog in (ruled_out, full):
        result = match_cohort(prog, "c1")
        (left,) = result.unmatched
        views.append((left.reason, private_breakdown(prog, "c1", result)[left.id, left.role]))
    (shared_rule, private_rule), (shared_full, private_full) = views
    assert shared_rule == shared_full
    # the one left over is a or x, and the circle holds the other, whom the view names
    other = {"a": "x", "x": "a"}[private_rule.id]
    assert _only(private_rule) == {"avoid": (f"circle-01 with {other}",)}
    assert _only(private_full) == {"taken": ("circle-01",)}
    assert private_text(private_rule).endswith(
        f"1 ruled out by an avoid request (circle-01 with {other})"
    )
    assert private_text(private_full).endswith("1 full (circle-01)")


def test_rotation_has_no_private_view() -> None:
    people = [person(p, mentor={"python": 5}, goals=("python",)) for p in ("a", "b", "x")]
    prog = program(people, fmt="rotation")
    result = match_cohort(prog, "c1")
    assert result.unmatched and private_breakdown(prog, "c1", result) == {}


def test_shared_output_is_unchanged_and_markdown_refuses_the_view() -> None:
    prog = _cohort({"avoid": ("m1",)}, capacity=2)
    result = match_cohort(prog, "c1")
    view = private_breakdown(prog, "c1", result)
    for fmt in ("text", "json", "markdown"):
        shared = render(result, fmt)
        assert "private" not in shared and "avoid" not in shared
    assert "ruled out by an avoid request (m1)" in render(result, "text", private=view)
    assert '"avoid": [\n' in render(result, "json", private=view)
    with pytest.raises(ValueError, match="no markdown format"):
        render(result, "markdown", private=view)


def test_names_beyond_five_are_counted() -> None:
    mentors = [person(f"m{i}", mentor={"python": 5}, level=7) for i in range(7)]
    people = [*mentors, *(person(f"e{i}", goals=("python",)) for i in range(8))]
    result = match_cohort(program(people), "c1")
    ((_, breakdown),) = private_breakdown(program(people), "c1", result).items()
    assert breakdown.count("taken") == 7
    assert "7 at capacity (m0, m1, m2, m3, m4 and 2 more)" in private_text(breakdown)


# -- the counts against an independent count ------------------------------------------


def _public(p: Participant) -> Participant:
    """The person without any private rule."""
    return replace(p, avoid=(), manager=None)


def _publicly_compatible(prog: Program, a: Participant, b: Participant) -> bool:
    scoring = scoring_for(prog.cohorts["c1"])
    return a.id != b.id and score_with(scoring, _public(a), _public(b)) is not None


def _check(prog: Program, result: MatchResult, exclude: frozenset[tuple[str, str]]) -> None:
    view = private_breakdown(prog, "c1", result, exclude)
    assert set(view) == {(u.id, u.role) for u in result.unmatched}
    mentors, mentees = prog.mentors_in("c1"), prog.mentees_in("c1")
    for (person_id, _), breakdown in view.items():
        me = prog.participants[person_id]
        # every publicly compatible partner is counted once, under one cause
        assert sum(breakdown.count(c) for c in CAUSES) == breakdown.compatible
        assert breakdown.count("free") == 0, (person_id, breakdown)
        if breakdown.role == "mentee":
            expected = sum(_publicly_compatible(prog, m, me) for m in mentors)
        elif breakdown.role == "mentor":
            expected = sum(_publicly_compatible(prog, me, e) for e in mentees)
        else:
            expected = sum(_publicly_compatible(prog, p, me) for p in prog.enrolled("c1"))
        assert breakdown.compatible == expected, (person_id, breakdown)


@pytest.mark.slow
@FAST
@given(bipartite_programs())
def test_bipartite_counts_add_up_to_the_publicly_compatible(
    case: tuple[Program, frozenset[tuple[str, str]]],
) -> None:
    prog, exclude = case
    _check(prog, match_cohort(prog, "c1", exclude=exclude), exclude)


@pytest.mark.slow
@FAST
@given(people_strategy(max_mentors=4, max_mentees=7, peer=True), settings_strategy(), st.booleans())
def test_peer_counts_add_up_to_the_publicly_compatible(
    people: list[Participant], chosen: Any, swap: bool
) -> None:
    prog = program(people, fmt="swap" if swap else "peer", settings=chosen)
    _check(prog, match_cohort(prog, "c1"), frozenset())


# "all 3 circles are full (4 members) or closed ..." / "the one circle is ..." /
# "none of the 3 circles can take them: full (4 members) or closed ... (2); ..."
_CLOSED = re.compile(
    r"(?:all (\d+) circles are|the (one) circle is) full|"
    r"full \(\d+ members\) or closed to them by personal pairing rules \((\d+)\)"
)


@pytest.mark.slow
@FAST
@given(circle_cohorts())
def test_circle_counts_match_the_circles_the_shared_reason_calls_closed(
    cohort: tuple[list[Participant], MatchingSettings],
) -> None:
    """The engine's own obstacle count (in the shared text) against the private view's
    count of circles past the public rules, worked out independently. The engine calls a
    full circle full even when language or time zone rule it out too, and the view counts
    such a circle out of reach, so the view's count is at most the engine's; every
    circle the view counts is one the engine calls full or closed."""
    people, chosen = cohort
    prog = program(people, fmt="circles", settings=chosen)
    result = match_cohort(prog, "c1")
    view = private_breakdown(prog, "c1", result)
    assert set(view) == {(u.id, u.role) for u in result.unmatched}
    for person_ in result.unmatched:
        breakdown = view[person_.id, person_.role]
        found = _CLOSED.search(person_.reason)
        closed = 0 if found is None else int(found[1] or found[3] or 1)
        assert breakdown.compatible <= closed, (person_.reason, breakdown)
        assert sum(breakdown.count(c) for c in CAUSES) == breakdown.compatible
