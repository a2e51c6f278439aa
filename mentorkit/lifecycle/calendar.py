"""iCalendar files: a cohort's milestones, and a pair's recurring meetings.

Output is deterministic: the same data gives the same bytes. UIDs are derived from the
cohort, milestone and pair ids; DTSTAMP is the cohort's start date (midnight UTC), never
the time of the run, so a re-export does not look like a change to calendar clients.
Dates carry no time of day (all-day events): the program decides the day, the pair the hour.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, vRecur

from mentorkit.lifecycle.relationships import find_pair, relationship_start
from mentorkit.model.entities import Cohort, as_date
from mentorkit.model.pages import slug
from mentorkit.model.program import Program

PRODID = "-//mentorkit//mentorkit calendar//EN"
UID_DOMAIN = "mentorkit"
RECURRENCE: dict[str, dict[str, object]] = {
    "weekly": {"FREQ": "WEEKLY"},
    "fortnightly": {"FREQ": "WEEKLY", "INTERVAL": 2},
    "monthly": {"FREQ": "MONTHLY"},
}


def recurrence(cadence: str, first: dt.date, until: dt.date) -> dict[str, object]:
    """The RRULE of a pair's meetings.

    A monthly meeting on the 29th-31st would skip the months without that day (RFC 5545
    drops invalid dates), so it falls on the last day those months have instead.
    """
    rule: dict[str, object] = dict(RECURRENCE[cadence], UNTIL=until)
    if cadence == "monthly" and first.day > 28:
        rule.update(BYMONTHDAY=list(range(28, first.day + 1)), BYSETPOS=-1)
    return rule


class CalendarError(ValueError):
    """The calendar cannot be made from the data (unknown cohort or pair, missing dates)."""


def _cohort(program: Program, cohort_id: str) -> Cohort:
    cohort = program.cohorts.get(cohort_id)
    if cohort is None:
        raise CalendarError(f"unknown cohort {cohort_id!r}")
    return cohort


def _stamp(cohort: Cohort) -> dt.datetime:
    starts = as_date(cohort.starts)
    if starts is None:
        raise CalendarError(f"{cohort.source}: the cohort's starts is not a date")
    return dt.datetime(starts.year, starts.month, starts.day, tzinfo=dt.UTC)


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _all_day(
    uid: str, stamp: dt.datetime, day: dt.date, summary: str, description: str, days: int = 1
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=days))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _milestone_events(cohort: Cohort) -> list[Event]:
    stamp = _stamp(cohort)
    events = []
    for milestone in sorted(cohort.milestones, key=lambda m: (m.date, m.name)):
        day = as_date(milestone.date)
        if day is None:
            continue
        event = _all_day(
            f"{cohort.id}-{milestone.date}-{slug(milestone.name, fallback='event')}",
            stamp,
            day,
            f"{cohort.name}: {milestone.name}",
            milestone.description,
        )
        event.add("categories", [milestone.kind])
        events.append(event)
    return events


def cohort_calendar(program: Program, cohort_id: str) -> bytes:
    """The cohort's milestones as all-day events."""
    cohort = _cohort(program, cohort_id)
    calendar = _calendar(cohort.name)
    for event in _milestone_events(cohort):
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def pair_calendar(program: Program, cohort_id: str, mentor: str, mentee: str) -> bytes:
    """The cohort's milestones plus the pair's meetings, recurring at the agreed cadence
    from the agreement's start (else the pair's) until the agreement (or cohort, or ended
    pair) ends."""
    cohort = _cohort(program, cohort_id)
    pair = find_pair(program, cohort_id, mentor, mentee)
    if pair is None:
        raise CalendarError(f"no pair {mentor}--{mentee} in cohort {cohort_id}")
    agreement = program.agreement_for(cohort_id, mentor, mentee)
    cadence = (agreement.cadence if agreement else None) or cohort.cadence
    if cadence not in RECURRENCE:
        raise CalendarError(
            f"no meeting cadence for {mentor}--{mentee}: set cadence in the agreement or cohort"
        )
    # Meetings follow the agreement: they begin when it starts, whenever the pair was made.
    first = (agreement and as_date(agreement.starts)) or relationship_start(
        program, cohort_id, pair, agreement
    )
    until = as_date(agreement.ends if agreement and agreement.ends else cohort.ends)
    if pair.status == "ended" and (ended := as_date(pair.ended)):
        until = min(until, ended) if until else ended
    if first is None or until is None:
        raise CalendarError(f"{mentor}--{mentee}: the start or end date is missing")
    if until < first:
        raise CalendarError(f"{mentor}--{mentee}: ends {until} before it starts {first}")
    people = program.participants
    names = [people[p].name if p in people else p for p in (mentor, mentee)]
    calendar = _calendar(f"{cohort.name}: {names[0]} and {names[1]}")
    for event in _milestone_events(cohort):
        calendar.add_component(event)
    details = [f"Mentoring meeting ({cadence}) in {cohort.name}."]
    if agreement and agreement.channels:
        details.append("Channels: " + ", ".join(agreement.channels) + ".")
    meeting = _all_day(
        f"{cohort_id}-{mentor}--{mentee}-meetings",
        _stamp(cohort),
        first,
        f"Mentoring: {names[0]} and {names[1]}",
        " ".join(details),
    )
    meeting.add("rrule", vRecur(recurrence(cadence, first, until)))
    calendar.add_component(meeting)
    return bytes(calendar.to_ical())


def rounds_calendar(program: Program, cohort_id: str, person: str | None = None) -> bytes:
    """A rotation cohort's rounds from its match file: the milestones, then one event per
    round spanning its days, listing that round's pairs (or, with ``person``, only whom
    that person meets). Rounds come from ``rounds``/``round_length``; pairs from the file."""
    cohort = _cohort(program, cohort_id)
    if cohort.format != "rotation":
        raise CalendarError(f"{cohort_id} is a {cohort.format} cohort, not a rotation")
    start = as_date(cohort.starts)
    if start is None:
        raise CalendarError(f"{cohort.source}: the cohort's starts is not a date")
    if person is not None and person not in program.participants:
        raise CalendarError(f"unknown participant {person!r}")
    match = program.matches.get(cohort_id)
    pairs = [p for p in (match.pairs if match else ()) if p.status != "ended" and p.round]
    people = program.participants

    def name(pid: str) -> str:
        return people[pid].name if pid in people else pid

    title = cohort.name if person is None else f"{cohort.name}: {name(person)}"
    calendar = _calendar(title)
    for event in _milestone_events(cohort):
        calendar.add_component(event)
    for number in range(1, cohort.rounds + 1):
        first = start + dt.timedelta(days=(number - 1) * cohort.round_length)
        meets = [p for p in pairs if p.round == number]
        if person is not None:
            partners = [
                p.mentee if p.mentor == person else p.mentor
                for p in meets
                if person in (p.mentor, p.mentee)
            ]
            summary = f"{cohort.name}, round {number}: " + (
                " and ".join(name(x) for x in partners) if partners else "no partner this round"
            )
            description = ""
        else:
            summary = f"{cohort.name}: round {number} of {cohort.rounds}"
            description = "; ".join(f"{name(p.mentor)} and {name(p.mentee)}" for p in meets)
        event = _all_day(
            f"{cohort_id}-round-{number}" + (f"-{person}" if person else ""),
            _stamp(cohort),
            first,
            summary,
            description,
            cohort.round_length,
        )
        calendar.add_component(event)
    return bytes(calendar.to_ical())
