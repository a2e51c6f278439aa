"""The retrospective's health table: private health, counted without singling out a pair.

Every check-in is a dated file, so a month's number of check-ins is public; each count by
health is a part of it. The audit here is independent of ``disclosure``'s algebra: a
shown count and the rest of its month must each be 0 or at least the threshold, and a
single withheld count in a month would be the total minus the shown ones.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.lifecycle.reflection import HEALTH_COLUMNS, cohort_reflection
from mentorkit.model.entities import Agreement, Charter, Checkin, Cohort, Health
from mentorkit.model.program import Program

TODAY = dt.date(2026, 6, 1)
THRESHOLD = 5  # the charter's default min_group


def program_with(states: list[Health]) -> Program:
    """One cohort, one pair per check-in, all check-ins in February."""
    agreements = tuple(
        Agreement(
            cohort="c1",
            mentor=f"m{i}",
            mentee=f"e{i}",
            status="active",
            source=f"program/agreements/c1/m{i}--e{i}.yaml",
            checkins=(Checkin("2026-02-01", state, by=f"e{i}"),),
        )
        for i, state in enumerate(states)
    )
    cohort = Cohort("c1", "Cohort", "one-on-one", "active", "2026-01-01", "2026-12-31", "c1.yaml")
    return Program(
        charter=Charter(name="P", purpose="", coordinators=()),
        skills={},
        participants={},
        cohorts={"c1": cohort},
        matches={},
        agreements=agreements,
    )


def table(states: list[Health]) -> tuple[int, list[str]]:
    (month,) = cohort_reflection(program_with(states), "c1", TODAY).health
    return month.checkins, [figure.text("{:g}") for figure in month.counts]


ON: list[Health] = ["on-track"]
ATTENTION: list[Health] = ["needs-attention"]
OFF: list[Health] = ["off-track"]


def test_everyone_on_track_is_shown() -> None:
    assert table(ON * 10) == (10, ["10", "0", "0"])


def test_two_pairs_needing_attention_are_not_shown_nor_their_complement() -> None:
    assert table(ON * 8 + ATTENTION * 2) == (
        10,
        ["withheld", "withheld", "0"],
    )


def test_large_enough_groups_are_shown() -> None:
    assert table(ON * 6 + OFF * 5) == (11, ["6", "0", "5"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HEALTH_COLUMNS), min_size=1, max_size=40))
def test_no_count_singles_out_a_pair(states: list[Health]) -> None:
    total, cells = table(states)
    assert total == len(states)
    withheld = [cell for cell in cells if cell == "withheld"]
    assert len(withheld) != 1  # it would be the total minus the others
    for state, cell in zip(HEALTH_COLUMNS, cells, strict=True):
        if cell != "withheld":
            count = int(cell)
            assert count == states.count(state)
            assert count in (0, total) or THRESHOLD <= count <= total - THRESHOLD
