"""Hard pairing rules shared by the validator and the matching engine."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mentorkit.model.entities import Participant


def reporting_conflict(a: Participant, b: Participant) -> bool:
    """True when one of the two manages the other."""
    return a.manager == b.id or b.manager == a.id


def avoided(a: Participant, b: Participant) -> bool:
    """True when either person asked never to be paired with the other."""
    return b.id in a.avoid or a.id in b.avoid


def shared_languages(a: Participant, b: Participant) -> tuple[str, ...]:
    return tuple(sorted(set(a.languages) & set(b.languages)))


_ZONE_NAME = re.compile(r"[A-Za-z0-9_+\-]{1,30}(?:/[A-Za-z0-9_+\-]{1,30}){0,2}")


@cache
def utc_offset_hours(timezone: str, on: dt.date | None = None) -> float | None:
    """The zone's UTC offset in hours on a date (mid-January when none is given); None if unknown."""
    # ZoneInfo turns each "/" of a key into a package import: a participant's
    # "a/a/a/...", thousands deep, would recurse until Python gives up. IANA names have
    # at most three parts of at most 30 characters.
    if not _ZONE_NAME.fullmatch(timezone):
        return None
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    day = on or dt.date(2026, 1, 15)
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=zone)
    offset = moment.utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else None


def timezone_gap_hours(a: Participant, b: Participant) -> float | None:
    """Hours between two people's clocks (0-12, the short way round), None if a zone is unknown."""
    first, second = utc_offset_hours(a.timezone), utc_offset_hours(b.timezone)
    if first is None or second is None:
        return None
    gap = abs(first - second) % 24
    return min(gap, 24 - gap)


# The words of the two rules that may be sealed; sealing.opening.redact keeps messages
# holding them out of shared output once sealed fields were opened.
REPORTING_WORDS = "are manager and direct report"
AVOID_WORDS = "asked not to be paired"
# What ``impossible-preference`` says when only one of those two rules forbids a pair: it
# names neither, but read next to the open rules it tells that one applies, so it too is
# withheld once sealed fields were opened.
PRIVATE_RULE_WORDS = "cannot be paired with you under the program's rules"


def pairing_obstacle(
    mentor: Participant, mentee: Participant, max_gap_hours: float | None = None
) -> str | None:
    """Why two people may never be paired, in words; None when nothing forbids it."""
    if mentor.id == mentee.id:
        return "a person cannot mentor themselves"
    if reporting_conflict(mentor, mentee):
        return f"{mentor.id} and {mentee.id} {REPORTING_WORDS}"
    if avoided(mentor, mentee):
        return f"{mentor.id} and {mentee.id} {AVOID_WORDS}"
    if not shared_languages(mentor, mentee):
        return f"{mentor.id} and {mentee.id} share no language"
    if max_gap_hours is not None:
        gap = timezone_gap_hours(mentor, mentee)
        if gap is not None and gap > max_gap_hours:
            return f"their time zones are {gap:g} h apart (the cohort allows {max_gap_hours:g} h)"
    return None
