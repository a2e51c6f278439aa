"""Unmatched reasons are published in the matching pull request, which every member reads.

Private pairing rules (sealed ``avoid`` lists, ``manager`` reporting lines) must not show
through them: with the same public data, a mentee whose only compatible mentor is ruled
out by such a rule reads exactly like one whose only compatible mentor is at capacity,
and no reason counts partners after private rules were applied (comparing that count
with the one anyone can compute from public fields would reveal how many rules apply).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.score import score_with, scoring_for
from mentorkit.model.entities import MatchFile, MatchingSettings, Pair
from mentorkit.model.program import Program
from tests.matching.builders import (
    circle_left_over_cases,
    idle_mentor_cohort,
    peer_trio,
    person,
    program,
)

RULES: list[dict[str, Any]] = [{"avoid": ("m1",)}, {"manager": "m1"}]
ROTATION_RULES: list[dict[str, Any]] = [{"avoid": ("a",)}, {"manager": "a"}]


def _reason(prog: Program, who: str = "x") -> str:
    result = match_cohort(prog, "c1")
    return next(u.reason for u in result.unmatched if u.id == who)


def _cohort(
    rule: dict[str, Any], *, capacity: int, settings: MatchingSettings | None = None
) -> Program:
    """m1 is the only mentor x is publicly compatible with: with a minimum score, m2 also
    teaches the skill but is below it; b already holds one of m1's places."""
    people = [
        person("m1", mentor={"python": 5}, level=7, capacity=capacity),
        person("b", goals=("python",)),
        person("x", goals=("python",), **rule),
    ]
    if settings is not None:
        people.append(person("m2", mentor={"python": 1}, level=1, timezone="America/New_York"))
    held = MatchFile("c1", "program/matches/c1.yaml", (Pair("m1", "b", None, "accepted"),))
    return program(people, settings=settings, match=held)


def _between_fits() -> MatchingSettings:
    """A minimum score that m1 reaches and m2 does not, for x."""
    prog = _cohort({}, capacity=1, settings=MatchingSettings())
    scoring = scoring_for(prog.cohorts["c1"])
    mentee = prog.participants["x"]
    fits = [score_with(scoring, prog.participants[m], mentee) for m in ("m1", "m2")]
    assert fits[0] is not None and fits[1] is not None and fits[1].total < fits[0].total
    return MatchingSettings(min_score=round((fits[0].total + fits[1].total) / 2, 3))


@pytest.mark.parametrize("rule", RULES, ids=["avoid", "manager"])
@pytest.mark.parametrize("minimum", [False, True], ids=["no-minimum", "minimum-score"])
def test_a_private_rule_reads_exactly_like_capacity(rule: dict[str, Any], minimum: bool) -> None:
    settings = _between_fits() if minimum else None
    # the rule case: m1 still has a free place, but x may not be paired with m1
    ruled_out = _reason(_cohort(rule, capacity=2, settings=settings))
    # the capacity case: no rule at all, m1's only place is taken
    full = _reason(_cohort({}, capacity=1, settings=settings))
    assert ruled_out == full
    # nothing counts or scores what is left after private rules (no "the one", no "best")
    assert not re.search(r"\d|\bone\b|best", ruled_out), ruled_out


def test_the_rule_shows_in_the_pairs_not_in_the_text() -> None:
    # the residual the handbook names: the outcome (m1 with room, x unmatched) stays visible
    prog = _cohort({"avoid": ("m1",)}, capacity=2)
    result = match_cohort(prog, "c1")
    assert {(p.mentor, p.mentee) for p in result.pairs if p.status != "ended"} == {("m1", "b")}
    assert "m1" not in _reason(prog) and "avoid" not in _reason(prog)


def test_a_public_reason_stays_specific() -> None:
    # below the minimum score with nobody ruled out privately: that is public, so it is said
    prog = _cohort({}, capacity=1, settings=MatchingSettings(min_score=0.99))
    assert "minimum score 0.99 (best: " in _reason(prog)


def test_the_best_fit_ignores_private_rules() -> None:
    # "best" is over the publicly compatible mentors: m1 (avoided) still counts in it, so
    # the figure is the same whether or not x avoids m1
    settings = MatchingSettings(min_score=0.99)
    avoided = _reason(_cohort({"avoid": ("m1",)}, capacity=1, settings=settings))
    assert avoided == _reason(_cohort({}, capacity=1, settings=settings))


@pytest.mark.parametrize("rule", RULES, ids=["avoid", "manager"])
def test_peers_read_the_same_either_way(rule: dict[str, Any]) -> None:
    """Peer cohorts: x's only compatible peer m1 is ruled out privately, or pairs with b
    (a better fit for m1) instead; either way m1 ends up with b."""

    ruled_out = _reason(peer_trio(rule))
    taken = _reason(peer_trio({}))
    assert ruled_out == taken
    assert not re.search(r"\d|\bone\b", ruled_out), ruled_out


def test_an_idle_mentor_counts_no_mentee_after_private_rules() -> None:
    # m1 has no mentee: its only seeker x avoids m1, or simply fits m2 better
    for avoid in (True, False):
        pairs = {(p.mentor, p.mentee) for p in match_cohort(idle_mentor_cohort(avoid), "c1").pairs}
        assert pairs == {("m2", "x")}
    reasons = [_reason(idle_mentor_cohort(avoid), "m1") for avoid in (True, False)]
    assert reasons[0] == reasons[1]
    assert not re.search(r"\d|\bcompatible\b", reasons[0]), reasons[0]


def test_a_circle_closed_by_a_rule_reads_like_a_full_one() -> None:
    # circles of 3 (4 at most): one person is left over, either because an avoid request
    # keeps a and x apart, or because the one circle is full
    ruled_out, full = circle_left_over_cases()
    reasons = [match_cohort(prog, "c1").unmatched for prog in (ruled_out, full)]
    assert [len(r) for r in reasons] == [1, 1]
    assert reasons[0][0].reason == reasons[1][0].reason


@pytest.mark.parametrize("rule", ROTATION_RULES, ids=["avoid", "manager"])
def test_a_rotation_rest_reads_the_same_either_way(rule: dict[str, Any]) -> None:
    # one round: a and b teach each other; x's only compatible partner is a, ruled out
    # by a private rule, or simply paired with b (the better pair)
    def rotation(extra: dict[str, Any]) -> Program:
        people = [
            person("a", mentor={"python": 5}, goals=("sql",), level=7),
            person("b", mentor={"sql": 5}, goals=("python",), level=7),
            person("x", goals=("python",), **extra),
        ]
        prog = program(people, fmt="rotation")
        return replace(prog, cohorts={"c1": replace(prog.cohorts["c1"], rounds=1)})

    ruled_out, taken = _reason(rotation(rule)), _reason(rotation({}))
    assert ruled_out == taken
    assert not re.search(r"\bone\b|\ball \d|allowed", ruled_out), ruled_out
