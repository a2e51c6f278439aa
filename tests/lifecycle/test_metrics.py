"""Metrics on the fixture program, every figure computed by hand (see the fixture files)."""

from __future__ import annotations

from typing import get_args

import pytest

from mentorkit.lifecycle.metric_values import GOAL_STATUSES, HEALTH_STATES
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.model.entities import GoalStatus, Health
from mentorkit.model.program import Program

from .conftest import TODAY


def test_participation_and_match_rate_per_cohort(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    by_id = {c.cohort: c for c in metrics.cohorts}
    assert [c.cohort for c in metrics.cohorts] == ["2026-spring", "2026-autumn"]
    spring, autumn = by_id["2026-spring"], by_id["2026-autumn"]
    assert (spring.enrolled, spring.mentors, spring.seeking, spring.matched) == (5, 2, 3, 2)
    # e4 counts as matched through the proposed pair with m3; e6 is unmatched.
    assert (autumn.enrolled, autumn.mentors, autumn.seeking, autumn.matched) == (10, 4, 6, 5)
    assert autumn.match_rate == pytest.approx(5 / 6)


def test_participation_per_department(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    rows = {d.department: (d.people, d.enrolled, d.seeking, d.matched) for d in metrics.departments}
    assert rows == {
        "Design": (3, 3, 2, 1),
        "Engineering": (6, 6, 4, 4),
        "Finance": (1, 0, 0, 0),
        "Sales": (2, 2, 1, 1),
    }
    finance = next(d for d in metrics.departments if d.department == "Finance")
    assert finance.participation_rate == 0 and finance.match_rate is None


def test_utilisation_counts_accepted_pairs_in_current_cohorts(fixture_program: Program) -> None:
    util = compute_metrics(fixture_program, TODAY).utilisation
    loads = {m.mentor: (m.capacity, m.accepted) for m in util.mentors}
    # The closed spring cohort's pairs and the proposed m3 -> e4 take no capacity.
    assert loads == {"m1": (2, 2), "m2": (1, 1), "m3": (3, 0), "m4": (1, 1)}
    assert (util.capacity, util.accepted) == (7, 4)
    assert util.rate == pytest.approx(4 / 7)
    assert util.under_used == ("m3",)


def test_goal_attainment_leaves_out_rematched_agreements(fixture_program: Program) -> None:
    goals = compute_metrics(fixture_program, TODAY).goals
    assert goals.agreements == 6
    assert (goals.total, goals.achieved, goals.in_progress, goals.not_started, goals.dropped) == (
        8,
        4,
        2,
        1,
        1,
    )
    assert goals.rate == 0.5


def test_health_uses_the_latest_checkin_up_to_today(fixture_program: Program) -> None:
    health = compute_metrics(fixture_program, TODAY).health
    # m4 -> e5 has an on-track check-in dated after today: its latest is off-track.
    assert (health.on_track, health.needs_attention, health.off_track, health.no_checkin) == (
        1,
        1,
        1,
        1,
    )


def test_skill_supply_against_demand(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    rows = {s.skill: (s.mentors_offering, s.mentees_seeking) for s in metrics.skills}
    assert rows == {
        "python": (2, 4),
        "leadership": (1, 1),
        "ux": (1, 1),
        "negotiation": (1, 1),
        "go-to-market": (0, 1),
    }
    assert metrics.skill_gaps == ("go-to-market",)
    assert metrics.skills[0].skill == "python"  # the biggest shortfall comes first


def test_cross_functional_share_continuation_and_lessons(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    assert (metrics.cross_functional.accepted_pairs, metrics.cross_functional.cross_functional) == (
        4,
        3,
    )
    assert metrics.cross_functional.share == 0.75
    (step,) = metrics.continuation
    assert (step.from_cohort, step.to_cohort, step.from_enrolled, step.continuing) == (
        "2026-spring",
        "2026-autumn",
        5,
        4,
    )
    # The lesson dated after today is not counted; quiet months show as zero.
    assert metrics.lessons_per_month == (
        ("2026-04", 1),
        ("2026-05", 0),
        ("2026-06", 1),
        ("2026-07", 0),
        ("2026-08", 0),
        ("2026-09", 1),
        ("2026-10", 0),
        ("2026-11", 1),
    )


def test_one_cohort_scope(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY, cohort="2026-spring")
    assert metrics.scope == "2026-spring" and metrics.people == 5
    assert [c.cohort for c in metrics.cohorts] == ["2026-spring"]
    assert {m.mentor: m.accepted for m in metrics.utilisation.mentors} == {"m1": 1, "m2": 1}
    assert (metrics.goals.total, metrics.goals.achieved) == (3, 2)
    assert metrics.health.total == 0
    assert metrics.lessons_per_month == (("2026-04", 1), ("2026-05", 0), ("2026-06", 1))
    assert metrics.cross_functional.cross_functional == 1  # m2 (Design) -> e2 (Engineering)


def test_unknown_cohort_raises_key_error(fixture_program: Program) -> None:
    with pytest.raises(KeyError):
        compute_metrics(fixture_program, TODAY, cohort="nope")


def test_the_report_orders_cover_the_model_vocabularies() -> None:
    assert sorted(GOAL_STATUSES) == sorted(get_args(GoalStatus))
    assert sorted(HEALTH_STATES) == sorted([*get_args(Health), "none"])
