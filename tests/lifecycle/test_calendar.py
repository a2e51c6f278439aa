"""iCalendar export: parses back with icalendar, right dates and recurrence, deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from icalendar import Calendar

from mentorkit.lifecycle.calendar import CalendarError, cohort_calendar, pair_calendar
from mentorkit.model.program import Program


def _events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_cohort_milestones_are_all_day_events(fixture_program: Program) -> None:
    data = cohort_calendar(fixture_program, "2026-autumn")
    events = _events(data)
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Autumn 2026: Kickoff", dt.date(2026, 9, 7)),
        ("Autumn 2026: Mid-point review", dt.date(2026, 11, 20)),
        ("Autumn 2026: Reflection", dt.date(2027, 2, 19)),
    ]
    kickoff = events[0]
    assert kickoff.decoded("DTEND") == dt.date(2026, 9, 8)
    assert str(kickoff["UID"]) == "2026-autumn-2026-09-07-kickoff@mentorkit"
    assert kickoff.decoded("DTSTAMP") == dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    assert str(kickoff["DESCRIPTION"]) == "Welcome session."


def test_output_is_deterministic(fixture_program: Program) -> None:
    assert cohort_calendar(fixture_program, "2026-autumn") == cohort_calendar(
        fixture_program, "2026-autumn"
    )
    first = pair_calendar(fixture_program, "2026-autumn", "m1", "e1")
    assert first == pair_calendar(fixture_program, "2026-autumn", "m1", "e1")


@pytest.mark.parametrize(
    ("mentor", "mentee", "freq", "interval", "start", "until"),
    [
        # fortnightly, from the agreement's starts to its ends
        ("m1", "e1", "WEEKLY", 2, dt.date(2026, 9, 7), dt.date(2027, 2, 26)),
        # monthly, no agreement ends: the cohort's end
        ("m2", "e3", "MONTHLY", None, dt.date(2026, 10, 2), dt.date(2027, 2, 26)),
        # weekly, start from the pair's since
        ("m4", "e5", "WEEKLY", None, dt.date(2026, 9, 7), dt.date(2027, 2, 26)),
        # an ended pair stops at its end date; no cadence in the agreement: the cohort's
        ("m2", "e4", "WEEKLY", 2, dt.date(2026, 9, 7), dt.date(2026, 10, 1)),
    ],
)
def test_pair_meetings_recur_at_the_cadence(
    fixture_program: Program,
    mentor: str,
    mentee: str,
    freq: str,
    interval: int | None,
    start: dt.date,
    until: dt.date,
) -> None:
    events = _events(pair_calendar(fixture_program, "2026-autumn", mentor, mentee))
    meetings = [e for e in events if "RRULE" in e]
    assert len(meetings) == 1 and len(events) == 4  # three milestones and the meetings
    meeting = meetings[0]
    rule = meeting["RRULE"]
    assert rule["FREQ"] == [freq]
    assert rule.get("INTERVAL") == ([interval] if interval else None)
    assert rule["UNTIL"] == [until]
    assert meeting.decoded("DTSTART") == start
    assert str(meeting["UID"]) == f"2026-autumn-{mentor}--{mentee}-meetings@mentorkit"


def test_pair_summary_names_both_people(fixture_program: Program) -> None:
    events = _events(pair_calendar(fixture_program, "2026-autumn", "m1", "e1"))
    assert str(events[-1]["SUMMARY"]) == "Mentoring: Mina One and Eve One"


def test_unknown_cohort_or_pair_is_a_clear_error(fixture_program: Program) -> None:
    with pytest.raises(CalendarError, match="unknown cohort"):
        cohort_calendar(fixture_program, "2031-none")
    with pytest.raises(CalendarError, match="no pair m3--e1"):
        pair_calendar(fixture_program, "2026-autumn", "m3", "e1")


def test_no_cadence_anywhere_is_an_error(fixture_program: Program) -> None:
    cohort = dataclasses.replace(fixture_program.cohorts["2026-autumn"], cadence=None)
    program = dataclasses.replace(
        fixture_program, cohorts={**fixture_program.cohorts, "2026-autumn": cohort}
    )
    with pytest.raises(CalendarError, match="no meeting cadence"):
        pair_calendar(program, "2026-autumn", "m2", "e4")


def test_meetings_begin_when_the_agreement_starts_not_when_the_pair_was_made(
    fixture_program: Program,
) -> None:
    # The pair dates from 2026-09-07; the agreement they signed starts a week later.
    agreements = tuple(
        dataclasses.replace(a, starts="2026-09-14") if (a.mentor, a.mentee) == ("m1", "e1") else a
        for a in fixture_program.agreements
    )
    program = dataclasses.replace(fixture_program, agreements=agreements)
    events = _events(pair_calendar(program, "2026-autumn", "m1", "e1"))
    meeting = next(e for e in events if "RRULE" in e)
    assert meeting.decoded("DTSTART") == dt.date(2026, 9, 14)


def test_monthly_meetings_on_the_31st_fall_on_each_months_last_day() -> None:
    import datetime as dt

    from dateutil.rrule import rrulestr
    from icalendar import Event, vRecur

    from mentorkit.lifecycle.calendar import recurrence

    event = Event()
    event.add("rrule", vRecur(recurrence("monthly", dt.date(2027, 1, 31), dt.date(2027, 5, 31))))
    ical = event["RRULE"].to_ical()
    assert isinstance(ical, bytes)
    rule = ical.decode()
    days = [d.date() for d in rrulestr(rule, dtstart=dt.datetime(2027, 1, 31))]
    assert days == [
        dt.date(2027, 1, 31),
        dt.date(2027, 2, 28),
        dt.date(2027, 3, 31),
        dt.date(2027, 4, 30),
        dt.date(2027, 5, 31),
    ]
    assert recurrence("monthly", dt.date(2027, 1, 15), dt.date(2027, 5, 31)) == {
        "FREQ": "MONTHLY",
        "UNTIL": dt.date(2027, 5, 31),
    }
