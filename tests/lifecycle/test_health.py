"""Every health rule on the fixture program, and healthy pairs left alone (today 2026-11-24)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, get_args

from mentorkit.lifecycle.health import HealthCode, cohort_health
from mentorkit.model.entities import Checkin
from mentorkit.model.program import Program
from tests.conftest import REPO_ROOT

from .conftest import TODAY

AUTUMN = "2026-autumn"


def with_agreement(program: Program, mentor: str, mentee: str, **changes: Any) -> Program:
    agreements = tuple(
        dataclasses.replace(a, **changes) if (a.mentor, a.mentee) == (mentor, mentee) else a
        for a in program.agreements
    )
    return dataclasses.replace(program, agreements=agreements)


def without_agreement(program: Program, mentor: str, mentee: str) -> Program:
    kept = tuple(a for a in program.agreements if (a.mentor, a.mentee) != (mentor, mentee))
    return dataclasses.replace(program, agreements=kept)


def with_pair(program: Program, cohort: str, mentor: str, mentee: str, **changes: Any) -> Program:
    match = program.matches[cohort]
    pairs = tuple(
        dataclasses.replace(p, **changes) if (p.mentor, p.mentee) == (mentor, mentee) else p
        for p in match.pairs
    )
    matches = {**program.matches, cohort: dataclasses.replace(match, pairs=pairs)}
    return dataclasses.replace(program, matches=matches)


def with_cohort(program: Program, cohort: str, **changes: Any) -> Program:
    updated = dataclasses.replace(program.cohorts[cohort], **changes)
    return dataclasses.replace(program, cohorts={**program.cohorts, cohort: updated})


def flags(program: Program, mentor: str, mentee: str, today: dt.date = TODAY) -> dict[str, str]:
    report = cohort_health(program, AUTUMN, today)
    (pair,) = [p for p in report.pairs if (p.mentor, p.mentee) == (mentor, mentee)]
    return {flag.code: flag.message for flag in pair.flags}


def checkins(*dates: str, health: str = "on-track") -> tuple[Checkin, ...]:
    return tuple(Checkin(d, health) for d in dates)  # type: ignore[arg-type]


def test_fixture_report_names_the_pairs_needing_attention(fixture_program: Program) -> None:
    report = cohort_health(fixture_program, AUTUMN, TODAY)
    # Only accepted pairs: the ended m2 -> e4 and the proposed m3 -> e4 are not checked.
    assert [(p.mentor, p.mentee) for p in report.pairs] == [
        ("m1", "e1"),
        ("m1", "e2"),
        ("m2", "e3"),
        ("m4", "e5"),
    ]
    assert [(p.mentor, p.mentee) for p in report.flagged] == [
        ("m1", "e2"),
        ("m2", "e3"),
        ("m4", "e5"),
    ]


def test_a_healthy_pair_is_not_flagged(fixture_program: Program) -> None:
    # Signed, on-track 14 days ago at a fortnightly cadence, review covered, day 78.
    assert flags(fixture_program, "m1", "e1") == {}


def test_stale_checkin_after_cadence_plus_grace(fixture_program: Program) -> None:
    on_time = with_agreement(fixture_program, "m1", "e1", checkins=checkins("2026-11-03"))
    late = with_agreement(fixture_program, "m1", "e1", checkins=checkins("2026-11-02"))
    assert "stale-checkin" not in flags(on_time, "m1", "e1")  # 21 days: fortnightly + 7
    assert flags(late, "m1", "e1")["stale-checkin"] == (
        "no check-in since 2026-11-02 (22 days; a fortnightly cadence allows 21)"
    )
    # No check-in at all counts from the start of the pair (monthly: 31 + 7 days).
    assert (
        "since the pair started on 2026-10-02"
        in flags(fixture_program, "m2", "e3")["stale-checkin"]
    )


def test_latest_checkin_needs_attention_or_off_track(fixture_program: Program) -> None:
    assert "needs-attention" in flags(fixture_program, "m1", "e2")["latest-health"]
    # m4 -> e5 has an on-track check-in dated after today: the latest up to today counts.
    assert flags(fixture_program, "m4", "e5") == {
        "latest-health": "latest check-in (2026-11-15) is off-track"
    }
    recovered = with_agreement(
        fixture_program, "m4", "e5", checkins=checkins("2026-11-15", "2026-11-20")
    )
    assert flags(recovered, "m4", "e5") == {}


def test_one_sides_check_in_does_not_hide_the_others_report(fixture_program: Program) -> None:
    # A mentee's on-track check-in after the mentor's off-track one is the mentee's view:
    # the mentor's report stands until the mentor writes again.
    mentor_worried = Checkin("2026-11-15", "off-track", by="m4", note="we have not met")
    mentee_happy = Checkin("2026-11-20", "on-track", by="e5")
    answered = with_agreement(fixture_program, "m4", "e5", checkins=(mentor_worried, mentee_happy))
    assert flags(answered, "m4", "e5") == {
        "latest-health": "latest check-in by m4 (2026-11-15) is off-track: we have not met"
    }
    mentor_again = Checkin("2026-11-21", "on-track", by="m4")
    settled = with_agreement(
        fixture_program, "m4", "e5", checkins=(mentor_worried, mentee_happy, mentor_again)
    )
    assert flags(settled, "m4", "e5") == {}
    both_worried = Checkin("2026-11-22", "needs-attention", by="e5")
    worried = with_agreement(
        fixture_program, "m4", "e5", checkins=(mentor_worried, mentee_happy, both_worried)
    )
    assert flags(worried, "m4", "e5") == {
        "latest-health": "latest check-in by m4 (2026-11-15) is off-track: we have not met; "
        "latest check-in (2026-11-22) is needs-attention"
    }


def test_an_unnamed_check_in_is_one_side_of_its_own(fixture_program: Program) -> None:
    # An agreement's old `checkins:` list names no author: it is one side, named as such.
    listed = Checkin("2026-11-15", "off-track")
    filed = Checkin("2026-11-20", "on-track", by="e5")
    mixed = with_agreement(fixture_program, "m4", "e5", checkins=(listed, filed))
    assert flags(mixed, "m4", "e5") == {
        "latest-health": "latest check-in in the agreement's list (2026-11-15) is off-track"
    }


def test_unsigned_after_kickoff(fixture_program: Program) -> None:
    half = with_agreement(fixture_program, "m1", "e1", signed_mentee=None)
    assert flags(half, "m1", "e1") == {
        "unsigned": "agreement active, not signed by the mentee, 78 days after kick-off on 2026-09-07"
    }
    draft = with_agreement(
        fixture_program, "m1", "e1", status="draft", signed_mentor=None, signed_mentee=None
    )
    assert (
        "still a draft, not signed by the mentor or the mentee"
        in flags(draft, "m1", "e1")["unsigned"]
    )
    missing = without_agreement(fixture_program, "m1", "e1")
    assert flags(missing, "m1", "e1")["unsigned"].startswith("no agreement yet")
    # Before kick-off plus the signing time nothing is due yet.
    assert "unsigned" not in flags(draft, "m1", "e1", today=dt.date(2026, 9, 20))


def test_a_late_pair_gets_its_own_signing_time(fixture_program: Program) -> None:
    program = without_agreement(fixture_program, "m1", "e1")
    program = with_pair(program, AUTUMN, "m1", "e1", since="2026-11-15")
    assert "unsigned" not in flags(program, "m1", "e1")
    later = flags(program, "m1", "e1", today=dt.date(2026, 12, 1))
    assert later["unsigned"] == "no agreement yet, 16 days after the pair began on 2026-11-15"


def test_mentor_over_capacity_across_current_cohorts(fixture_program: Program) -> None:
    assert "over-capacity" not in flags(fixture_program, "m1", "e1")
    # Spring running again: m1 has two autumn pairs and one spring pair, capacity 2.
    program = with_cohort(fixture_program, "2026-spring", status="active")
    assert flags(program, "m1", "e1")["over-capacity"] == (
        "mentor m1 has 3 accepted pairs across current cohorts; capacity 2"
    )


def test_milestone_passed_without_its_review(fixture_program: Program) -> None:
    # Last check-in 19 days ago (not stale) but before the fortnight leading to the review.
    program = with_agreement(fixture_program, "m1", "e1", checkins=checkins("2026-11-05"))
    assert flags(program, "m1", "e1") == {
        "missed-milestone": (
            "review milestone 'Mid-point review' passed on 2026-11-20 with no check-in for it"
        )
    }
    assert flags(program, "m1", "e1", today=dt.date(2026, 11, 20)) == {}  # not passed yet
    after = with_agreement(fixture_program, "m1", "e1", checkins=checkins("2026-11-21"))
    assert flags(after, "m1", "e1") == {}


def test_three_month_is_this_working_check(fixture_program: Program) -> None:
    no_review = with_cohort(
        fixture_program,
        AUTUMN,
        milestones=tuple(
            m for m in fixture_program.cohorts[AUTUMN].milestones if m.kind != "review"
        ),
    )
    old_pair = with_pair(no_review, AUTUMN, "m1", "e1", since="2026-08-20")
    # Day 96; last check-in 2026-11-05 is before day 80 (2026-11-08).
    early = with_agreement(old_pair, "m1", "e1", checkins=checkins("2026-11-05"))
    assert flags(early, "m1", "e1") == {
        "three-month-check": (
            'no "is this working?" check-in since day 80 (2026-11-08); the pair started 2026-08-20'
        )
    }
    talked = with_agreement(old_pair, "m1", "e1", checkins=checkins("2026-11-09"))
    assert flags(talked, "m1", "e1") == {}
    assert flags(early, "m1", "e1", today=dt.date(2026, 11, 17)) == {}  # day 89


def test_paused_and_closed_agreements(fixture_program: Program) -> None:
    paused = with_agreement(fixture_program, "m1", "e2", status="paused", status_reason="leave")
    assert flags(paused, "m1", "e2") == {}
    completed = with_agreement(fixture_program, "m4", "e5", status="completed")
    assert flags(completed, "m4", "e5") == {}


def test_the_handbook_explains_every_health_code() -> None:
    page = (REPO_ROOT / "mentorkit" / "handbook" / "check-ins.md").read_text(encoding="utf-8")
    assert [code for code in get_args(HealthCode) if f"`{code}`" not in page] == []
