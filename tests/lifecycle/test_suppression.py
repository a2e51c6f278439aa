"""Small-group suppression: nothing published describes one to four people."""

from __future__ import annotations

import dataclasses
import json

import pytest

from mentorkit.lifecycle.metric_values import GoalAttainment, HealthDistribution
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.publish import metrics_to_dict
from mentorkit.lifecycle.suppression import (
    is_suppressed,
    suppress_part,
    suppress_partition,
    suppress_rate,
    suppress_small,
)
from mentorkit.model.program import Program

from .conftest import TODAY


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, None), (4, None), (5, 5), (12, 12)])
def test_suppress_small(count: int, shown: int | None) -> None:
    assert suppress_small(count) == shown
    assert is_suppressed(count) is (shown is None)


def test_suppress_small_with_another_minimum() -> None:
    assert suppress_small(9, minimum=10) is None
    assert suppress_small(10, minimum=10) == 10


def test_rates_over_small_groups_or_small_counts_are_withheld() -> None:
    assert suppress_rate(3, 4) is None  # the group is too small
    assert suppress_rate(2, 40) is None  # 2 of 40 would give the two people away
    assert suppress_rate(0, 6) == 0
    assert suppress_rate(5, 10) == 0.5
    assert suppress_rate(18, 20) is None  # the two left over would be given away


def test_a_part_is_withheld_when_it_or_its_rest_is_small() -> None:
    assert suppress_part(24, 25) is None  # 25 - 24: one person
    assert suppress_part(3, 25) is None
    assert suppress_part(20, 25) == 20 and suppress_part(25, 25) == 25 and suppress_part(0, 6) == 0
    assert suppress_part(0, 3) is None  # none of three: all three


def test_a_total_is_withheld_when_it_gives_small_parts_back() -> None:
    shown, total = suppress_partition({"on": 15, "needs": 1, "off": 1, "none": 0})
    assert shown == {"on": 15, "needs": None, "off": None, "none": 0} and total is None
    shown, total = suppress_partition({"on": 15, "needs": 3, "off": 4})
    assert shown == {"on": 15, "needs": None, "off": None} and total == 22  # 7 hidden
    assert suppress_partition({"on": 8, "off": 6}) == ({"on": 8, "off": 6}, 14)


def test_published_health_and_goals_give_nothing_small_away(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    metrics = dataclasses.replace(
        metrics,
        health=HealthDistribution(on_track=15, needs_attention=1, off_track=1, no_checkin=0),
        goals=GoalAttainment(
            agreements=19, total=46, achieved=6, in_progress=29, not_started=10, dropped=1
        ),
    )
    published = metrics_to_dict(metrics, published=True)
    # 17 active minus 15 on track would say two pairs are struggling.
    assert published["health"] == {
        "active_agreements": None,
        "on_track": 15,
        "needs_attention": None,
        "off_track": None,
        "no_checkin": 0,
    }
    assert published["goals"]["dropped"] is None and published["goals"]["achieved"] == 6
    assert published["goals"]["attainment"] == round(6 / 46, 4)
    assert metrics_to_dict(metrics)["health"]["active_agreements"] == 17


def test_published_metrics_withhold_small_figures_and_names(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    full = metrics_to_dict(metrics)
    published = metrics_to_dict(metrics, published=True)
    autumn = next(c for c in published["cohorts"] if c["cohort"] == "2026-autumn")
    assert autumn["enrolled"] == 10 and autumn["seeking"] == 6
    assert autumn["mentors"] is None  # four mentors
    # 5 of 6 matched would name the one person left waiting: seeking minus matched.
    assert autumn["matched"] is None and autumn["match_rate"] is None
    assert full["cohorts"][0]["matched"] == 5 or full["cohorts"][1]["matched"] == 5
    spring = next(c for c in published["cohorts"] if c["cohort"] == "2026-spring")
    assert spring["match_rate"] is None  # 2 of 3
    assert published["health"]["on_track"] is None
    # Four mentors: capacity and load describe fewer than five people.
    assert published["utilisation"]["rate"] is None
    assert "per_mentor" not in published["utilisation"]
    assert "m3" not in json.dumps(published)
    assert full["utilisation"]["under_used_mentors"] == ["m3"]
    # Six agreements, eight goals; four achieved could all be one person's.
    assert published["goals"]["total"] == 8 and published["goals"]["achieved"] is None
    assert published["goals"]["attainment"] is None
    assert published["skills"][0]["mentees_seeking"] is None
    # A gap names a skill: with fewer than five seekers it would point at them (issue 9).
    assert published["skill_gaps"] == []
    assert full["skill_gaps"] == ["go-to-market"]
    sales = next(d for d in published["departments"] if d["department"] == "Sales")
    assert sales["people"] is None and sales["participation_rate"] is None
    assert all(
        value is None or value == 0 or value >= 5
        for row in published["departments"]
        for key, value in row.items()
        if key in ("people", "enrolled", "seeking", "matched")
    )


def test_goals_of_fewer_than_five_agreements_are_withheld(fixture_program: Program) -> None:
    spring = compute_metrics(fixture_program, TODAY, cohort="2026-spring")
    goals = metrics_to_dict(spring, published=True)["goals"]
    assert goals["agreements"] is None and goals["attainment"] is None and goals["total"] is None
    assert metrics_to_dict(spring)["goals"]["attainment"] == round(2 / 3, 4)
