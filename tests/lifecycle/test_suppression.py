"""Small-group suppression: nothing published describes one to four people."""

from __future__ import annotations

import json

import pytest

from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.publish import metrics_to_dict
from mentorkit.lifecycle.suppression import is_suppressed, suppress_rate, suppress_small
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


def test_published_metrics_withhold_small_figures_and_names(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    full = metrics_to_dict(metrics)
    published = metrics_to_dict(metrics, published=True)
    autumn = next(c for c in published["cohorts"] if c["cohort"] == "2026-autumn")
    assert autumn["enrolled"] == 10 and autumn["seeking"] == 6 and autumn["matched"] == 5
    assert autumn["mentors"] is None  # four mentors
    assert autumn["match_rate"] == round(5 / 6, 4)
    spring = next(c for c in published["cohorts"] if c["cohort"] == "2026-spring")
    assert spring["match_rate"] is None  # 2 of 3
    assert published["health"]["on_track"] is None
    # Four mentors: capacity and load describe fewer than five people.
    assert published["utilisation"]["rate"] is None
    assert "per_mentor" not in published["utilisation"]
    assert "m3" not in json.dumps(published)
    assert full["utilisation"]["under_used_mentors"] == ["m3"]
    assert published["goals"]["attainment"] == 0.5  # six agreements
    assert published["skills"][0]["mentees_seeking"] is None
    assert published["skill_gaps"] == ["go-to-market"]
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
