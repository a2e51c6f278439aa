"""What the lifecycle modules share: which cohorts are current, which pairs count, when a
relationship started and how it was last heard of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from mentorkit.model.entities import Agreement, Checkin, Cohort, Pair, as_date
from mentorkit.model.program import Program


def has_mentored(program: Program, cohort_id: str, pair: Pair) -> bool:
    """Whether the pair actually ran: accepted, or ended after it began (it still mentored
    someone, though only accepted pairs take a mentor's capacity now). A proposal that a
    rematch ended before anyone accepted it is history too, but nobody was mentored: it
    has no ``since`` and no agreement."""
    if pair.status == "accepted":
        return True
    if pair.status != "ended":
        return False
    return (
        bool(pair.since) or program.agreement_for(cohort_id, pair.mentor, pair.mentee) is not None
    )


def is_current(cohort: Cohort, today: dt.date) -> bool:
    """Running now: matching or active, or not closed and today falls within its dates."""
    if cohort.status in ("matching", "active"):
        return True
    if cohort.status == "closed":
        return False
    starts, ends = as_date(cohort.starts), as_date(cohort.ends)
    return bool(starts and ends and starts <= today <= ends)


def current_cohort_ids(program: Program, today: dt.date) -> tuple[str, ...]:
    return tuple(cid for cid, cohort in program.cohorts.items() if is_current(cohort, today))


def pairs_in(program: Program, cohort_ids: Iterable[str]) -> Iterator[tuple[str, Pair]]:
    """(cohort id, pair) for every pair of the given cohorts' match files."""
    for cohort_id in cohort_ids:
        match = program.matches.get(cohort_id)
        if match is not None:
            for pair in match.pairs:
                yield cohort_id, pair


def accepted_pairs(program: Program, cohort_ids: Iterable[str]) -> list[tuple[str, Pair]]:
    return [(cid, pair) for cid, pair in pairs_in(program, cohort_ids) if pair.status == "accepted"]


def mentor_load(program: Program, cohort_ids: Iterable[str]) -> dict[str, int]:
    """Accepted pairs per mentor across the given cohorts."""
    load: dict[str, int] = {}
    for _, pair in accepted_pairs(program, cohort_ids):
        load[pair.mentor] = load.get(pair.mentor, 0) + 1
    return load


def checkins_until(agreement: Agreement, today: dt.date) -> list[Checkin]:
    """The agreement's check-ins dated on or before ``today``, oldest first."""
    dated = [(as_date(c.date), c) for c in agreement.checkins]
    return [c for d, c in sorted(dated, key=lambda dc: dc[1].date) if d is not None and d <= today]


def latest_checkin(agreement: Agreement, today: dt.date) -> Checkin | None:
    known = checkins_until(agreement, today)
    return known[-1] if known else None


def find_pair(program: Program, cohort_id: str, mentor: str, mentee: str) -> Pair | None:
    """The pair's latest entry in the match file (a rematch may leave an ended one before it)."""
    match = program.matches.get(cohort_id)
    if match is None:
        return None
    found = [p for p in match.pairs if (p.mentor, p.mentee) == (mentor, mentee)]
    live = [p for p in found if p.status != "ended"]
    chosen = live or found
    return chosen[-1] if chosen else None


def relationship_start(
    program: Program, cohort_id: str, pair: Pair | None, agreement: Agreement | None
) -> dt.date | None:
    """When the pair began: the pair's ``since``, else the agreement's start, else the
    cohort's kick-off milestone, else the cohort's start."""
    for value in (pair.since if pair else None, agreement.starts if agreement else None):
        started = as_date(value)
        if started:
            return started
    cohort = program.cohorts.get(cohort_id)
    if cohort is None:
        return None
    kickoffs = sorted(d for m in cohort.milestones if m.kind == "kickoff" if (d := as_date(m.date)))
    return kickoffs[0] if kickoffs else as_date(cohort.starts)


def cohort_order(program: Program) -> list[Cohort]:
    """Cohorts by start date, then id: the order people continue from one to the next."""
    return sorted(program.cohorts.values(), key=lambda c: (c.starts, c.id))
