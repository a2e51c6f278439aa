"""Pair health: which accepted pairs of a cohort need a coordinator's attention, and why.

Rules (code: when it fires). ``start`` is when the pair began (the pair's ``since``, else
the agreement's ``starts``, else the kick-off milestone, else the cohort's start); the
cadence is the agreement's, else the cohort's, else monthly.

- ``stale-checkin``: the last check-in (or the start, if none) is more than the cadence
  plus ``GRACE_DAYS`` ago.
- ``latest-health``: the latest check-in says ``needs-attention`` or ``off-track``, or
  so does the latest one by either side: a check-in by one side never hides what the
  other side last reported.
- ``unsigned``: ``SIGNING_DAYS`` after the later of the kick-off and the start, there is no
  agreement, it is still a draft, or one side has not signed.
- ``over-capacity``: the mentor has more accepted pairs across all current cohorts than
  their capacity.
- ``missed-milestone``: a ``review`` or ``reflection`` milestone on or after the start has
  passed and the pair has no check-in for it: none on or after the milestone, nor in the
  cadence period before it (the regular check-in nearest the milestone holds its review).
- ``three-month-check``: the seeds' "is this working?" conversation. The pair started at
  least ``THREE_MONTHS_DAYS`` ago and has no check-in from day ``THREE_MONTH_FROM_DAY`` on.

Paused agreements are only checked for signatures and capacity: they are not meeting.
Completed or rematched agreements and ended pairs are history, never flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from mentorkit.lifecycle.relationships import (
    checkins_until,
    current_cohort_ids,
    mentor_load,
    relationship_start,
)
from mentorkit.model.entities import (
    CADENCE_DAYS,
    Agreement,
    Checkin,
    Cohort,
    Health,
    Pair,
    as_date,
)
from mentorkit.model.program import Program

GRACE_DAYS = 7
SIGNING_DAYS = 14
THREE_MONTHS_DAYS = 90
THREE_MONTH_FROM_DAY = 80
DEFAULT_CADENCE = "monthly"
CLOSED_AGREEMENTS = ("completed", "rematched")


# Why a pair shows up in the health report (the handbook's check-ins page explains each).
HealthCode = Literal[
    "unsigned",
    "stale-checkin",
    "latest-health",
    "over-capacity",
    "missed-milestone",
    "three-month-check",
]


@dataclass(frozen=True)
class HealthFlag:
    code: HealthCode
    message: str


@dataclass(frozen=True)
class PairHealth:
    cohort: str
    mentor: str
    mentee: str
    agreement: str | None
    started: str | None
    latest_checkin: str | None
    latest_health: Health | None
    flags: tuple[HealthFlag, ...]

    @property
    def needs_attention(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class HealthReport:
    cohort: str
    today: str
    pairs: tuple[PairHealth, ...]

    @property
    def flagged(self) -> tuple[PairHealth, ...]:
        return tuple(p for p in self.pairs if p.needs_attention)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _kickoff(cohort: Cohort) -> dt.date | None:
    days = sorted(d for m in cohort.milestones if m.kind == "kickoff" if (d := as_date(m.date)))
    return days[0] if days else as_date(cohort.starts)


def _cadence(agreement: Agreement | None, cohort: Cohort) -> str:
    cadence = (agreement.cadence if agreement else None) or cohort.cadence
    return cadence if cadence in CADENCE_DAYS else DEFAULT_CADENCE


def _stale(
    agreement: Agreement | None, cohort: Cohort, start: dt.date, today: dt.date
) -> list[HealthFlag]:
    cadence = _cadence(agreement, cohort)
    allowed = CADENCE_DAYS[cadence] + GRACE_DAYS
    checkins = checkins_until(agreement, today) if agreement else []
    last = as_date(checkins[-1].date) if checkins else start
    if last is None or (today - last).days <= allowed:
        return []
    since = f"since {last}" if checkins else f"since the pair started on {last}"
    return [
        HealthFlag(
            "stale-checkin",
            f"no check-in {since} ({_days((today - last).days)}; "
            f"a {cadence} cadence allows {allowed})",
        )
    ]


def _latest_health(agreement: Agreement | None, today: dt.date, notes: bool) -> list[HealthFlag]:
    checkins = checkins_until(agreement, today) if agreement else []
    if not checkins:
        return []
    newest = checkins[-1]
    said = [
        f"latest check-in{'' if checkin is newest else _whose(checkin)} "
        f"({checkin.date}) is {checkin.health}{_note(checkin, notes)}"
        for checkin in _each_sides_latest(checkins)
        # None: sealed and not opened (commands that report health ask for the identity first).
        if checkin.health not in ("on-track", None)
    ]
    return [HealthFlag("latest-health", "; ".join(said))] if said else []


def _each_sides_latest(checkins: list[Checkin]) -> list[Checkin]:
    """The latest check-in by each author, oldest first (``checkins`` is oldest first).

    Each side writes their own check-ins, so a mentee's on-track check-in after the
    mentor's off-track one is the mentee's view, not the end of the mentor's: the pair
    stays flagged until the mentor writes again. Check-ins that name no author (an
    agreement's old ``checkins:`` list) count as one side.
    """
    latest: dict[str | None, Checkin] = {}
    for checkin in checkins:
        latest[checkin.by] = checkin
    return [c for c in checkins if latest[c.by] is c]


def _whose(checkin: Checkin) -> str:
    # An agreement's old ``checkins:`` list names no author: it is one side of its own.
    return f" by {checkin.by}" if checkin.by else " in the agreement's list"


def _note(checkin: Checkin, notes: bool) -> str:
    if not checkin.note.strip():
        return ""
    return (
        f": {checkin.note.strip()}" if notes else " (its note is sealed; `--show-sealed` shows it)"
    )


def _unsigned(
    agreement: Agreement | None, cohort: Cohort, start: dt.date, today: dt.date
) -> list[HealthFlag]:
    kickoff = _kickoff(cohort)
    # A pair that began after the kick-off (a rematch) gets its own signing time.
    began = max(kickoff, start) if kickoff else start
    if (today - began).days <= SIGNING_DAYS:
        return []
    event = "kick-off" if began == kickoff else "the pair began"
    since = f"{_days((today - began).days)} after {event} on {began}"
    if agreement is None:
        return [HealthFlag("unsigned", f"no agreement yet, {since}")]
    sides = (("mentor", agreement.signed_mentor), ("mentee", agreement.signed_mentee))
    missing = [side for side, signed in sides if not signed]
    if agreement.status != "draft" and not missing:
        return []
    state = "still a draft" if agreement.status == "draft" else agreement.status
    unsigned_by = f", not signed by the {' or the '.join(missing)}" if missing else ""
    return [HealthFlag("unsigned", f"agreement {state}{unsigned_by}, {since}")]


def _over_capacity(program: Program, pair: Pair, load: dict[str, int]) -> list[HealthFlag]:
    mentor = program.participants.get(pair.mentor)
    if mentor is None or mentor.mentor is None:
        return []
    taken, capacity = load.get(pair.mentor, 0), mentor.mentor.capacity
    if taken <= capacity:
        return []
    return [
        HealthFlag(
            "over-capacity",
            f"mentor {pair.mentor} has {taken} accepted pairs across current cohorts; capacity {capacity}",
        )
    ]


def _missed_milestones(
    agreement: Agreement | None, cohort: Cohort, start: dt.date, today: dt.date
) -> list[HealthFlag]:
    dates = [
        d for c in (checkins_until(agreement, today) if agreement else []) if (d := as_date(c.date))
    ]
    flags = []
    for milestone in sorted(cohort.milestones, key=lambda m: m.date):
        day = as_date(milestone.date)
        if (
            milestone.kind not in ("review", "reflection")
            or day is None
            or not start <= day < today
        ):
            continue
        window = day - dt.timedelta(days=CADENCE_DAYS[_cadence(agreement, cohort)])
        if not any(d >= window for d in dates):
            flags.append(
                HealthFlag(
                    "missed-milestone",
                    f"{milestone.kind} milestone {milestone.name!r} passed on {day} with no check-in for it",
                )
            )
    return flags


def _three_month(agreement: Agreement | None, start: dt.date, today: dt.date) -> list[HealthFlag]:
    if (today - start).days < THREE_MONTHS_DAYS:
        return []
    due_from = start + dt.timedelta(days=THREE_MONTH_FROM_DAY)
    dates = [
        d for c in (checkins_until(agreement, today) if agreement else []) if (d := as_date(c.date))
    ]
    if any(d >= due_from for d in dates):
        return []
    return [
        HealthFlag(
            "three-month-check",
            f'no "is this working?" check-in since day {THREE_MONTH_FROM_DAY} ({due_from}); the pair started {start}',
        )
    ]


def pair_health(
    program: Program,
    cohort: Cohort,
    pair: Pair,
    today: dt.date,
    load: dict[str, int],
    notes: bool = True,
) -> PairHealth:
    """Every rule applied to one accepted pair; check-in notes quoted only with ``notes``."""
    agreement = program.agreement_for(cohort.id, pair.mentor, pair.mentee)
    start = relationship_start(program, cohort.id, pair, agreement)
    checkins = checkins_until(agreement, today) if agreement else []
    flags: list[HealthFlag] = []
    closed = agreement is not None and agreement.status in CLOSED_AGREEMENTS
    if start is not None and start <= today and not closed:
        meeting = agreement is None or agreement.status != "paused"
        if meeting:
            flags += _stale(agreement, cohort, start, today)
            flags += _latest_health(agreement, today, notes)
        flags += _unsigned(agreement, cohort, start, today)
        flags += _over_capacity(program, pair, load)
        if meeting:
            flags += _missed_milestones(agreement, cohort, start, today)
            flags += _three_month(agreement, start, today)
    return PairHealth(
        cohort=cohort.id,
        mentor=pair.mentor,
        mentee=pair.mentee,
        agreement=agreement.source if agreement else None,
        started=start.isoformat() if start else None,
        latest_checkin=checkins[-1].date if checkins else None,
        latest_health=checkins[-1].health if checkins else None,
        flags=tuple(flags),
    )


def cohort_health(
    program: Program, cohort_id: str, today: dt.date, *, notes: bool = True
) -> HealthReport:
    """Health of every accepted pair of the cohort (KeyError for an unknown cohort).

    ``notes=False`` leaves check-in notes out: a sealed note is said to exist, not quoted.
    """
    cohort = program.cohorts[cohort_id]
    load = mentor_load(program, set(current_cohort_ids(program, today)) | {cohort_id})
    match = program.matches.get(cohort_id)
    pairs = [p for p in (match.pairs if match else ()) if p.status == "accepted"]
    return HealthReport(
        cohort=cohort_id,
        today=today.isoformat(),
        pairs=tuple(pair_health(program, cohort, pair, today, load, notes) for pair in pairs),
    )
