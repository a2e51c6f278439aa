"""Rematch: end a mentee's current pair and propose the best available alternative.

Pure: ``plan_rematch`` takes the program and returns what would change and what the
matching engine proposes. ``mentorkit.lifecycle.rematch_files`` turns a plan into the
new text of the match file and the agreement; nothing is ever deleted, the ended pair
stays in the match file as history and the agreement keeps its check-ins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchingError, MatchResult
from mentorkit.matching.score import score_pair
from mentorkit.model.entities import PEER_PAIR_FORMATS, Pair
from mentorkit.model.program import Program

OTHER_OPTIONS = 3


class RematchError(ValueError):
    """The rematch cannot be done (unknown cohort or mentee, no current pair, no reason)."""


@dataclass(frozen=True)
class Alternative:
    mentor: str
    score: float | None
    reasons: tuple[str, ...]
    cross_functional: bool = False


@dataclass(frozen=True)
class RematchPlan:
    cohort: str
    mentee: str
    ended_mentor: str
    reason: str
    today: str
    agreement: str | None
    excluded: tuple[str, ...]
    proposal: Alternative | None
    unmatched_reason: str | None
    others: tuple[Alternative, ...]
    result: MatchResult

    @property
    def status_reason(self) -> str:
        return f"Rematched on {self.today}: {self.reason}"


def _current_pair(program: Program, cohort_id: str, mentee: str) -> Pair:
    match = program.matches.get(cohort_id)
    pairs = [p for p in (match.pairs if match else ()) if p.mentee == mentee]
    for status in ("accepted", "proposed"):
        chosen = [p for p in pairs if p.status == status]
        if chosen:
            return chosen[-1]
    raise RematchError(f"{mentee} has no accepted or proposed pair in {cohort_id} to end")


def _with_pair_ended(
    program: Program, cohort_id: str, ended: Pair, today: str, reason: str
) -> Program:
    match = program.matches[cohort_id]
    closed = dataclasses.replace(ended, status="ended", ended=today, end_reason=reason)
    pairs = tuple(closed if p is ended else p for p in match.pairs)
    matches = {**program.matches, cohort_id: dataclasses.replace(match, pairs=pairs)}
    return dataclasses.replace(program, matches=matches)


def _only_mentee_open(
    program: Program, cohort_id: str, mentee: str
) -> tuple[Program, frozenset[tuple[str, str]]]:
    """The program as the engine must see it so that only ``mentee`` can move.

    A rematch records one proposal, so the engine may not reshuffle anything else: other
    open proposals are locked (else it could hand their mentor's slot to ``mentee`` and
    overbook them), and everyone else still waiting is held out of every pair (else a
    mentor's last slot could go to a person whose proposal is never written).
    """
    match = program.matches[cohort_id]
    pairs = tuple(
        p if p.status == "ended" or p.mentee == mentee else dataclasses.replace(p, locked=True)
        for p in match.pairs
    )
    open_pairs = [p for p in pairs if p.status != "ended"]
    placed = {p.mentee for p in open_pairs}
    seekers = program.mentees_in(cohort_id)
    if (
        program.cohorts[cohort_id].format in PEER_PAIR_FORMATS
    ):  # one pool: either side takes a place
        placed |= {p.mentor for p in open_pairs}
        seekers = program.enrolled(cohort_id)
    waiting = {p.id for p in seekers} - placed - {mentee}
    people = [p.id for p in program.enrolled(cohort_id)]
    held = frozenset(
        {(other, person) for person in waiting for other in people}
        | {(person, other) for person in waiting for other in people if other != mentee}
    )
    matches = {**program.matches, cohort_id: dataclasses.replace(match, pairs=pairs)}
    return dataclasses.replace(program, matches=matches), held


def _others(
    program: Program,
    cohort_id: str,
    mentee: str,
    excluded: set[str],
    result: MatchResult,
    chosen: str | None,
) -> tuple[Alternative, ...]:
    """Runners-up: mentors with room left in the engine's result, best score first."""
    cohort = program.cohorts[cohort_id]
    person = program.participants[mentee]
    taken: dict[str, int] = {}
    for pair in result.pairs:
        if pair.status != "ended" and pair.mentee != mentee:
            taken[pair.mentor] = taken.get(pair.mentor, 0) + 1
    options = []
    for mentor in program.mentors_in(cohort_id):
        if mentor.id in excluded or mentor.id in (chosen, mentee) or mentor.mentor is None:
            continue
        if taken.get(mentor.id, 0) >= mentor.mentor.capacity:
            continue
        scored = score_pair(program, cohort, mentor, person)
        if scored is not None:
            cross = mentor.department != person.department
            options.append(Alternative(mentor.id, scored.total, scored.reasons, cross))
    options.sort(key=lambda a: (-(a.score or 0.0), a.mentor))
    return tuple(options[:OTHER_OPTIONS])


def plan_rematch(
    program: Program, cohort_id: str, mentee: str, reason: str, today: dt.date
) -> RematchPlan:
    """End ``mentee``'s current pair in ``cohort_id`` and ask the engine for another mentor.

    Every mentor the mentee was paired with before in the cohort (ended pairs) is
    excluded as well as the current one: the engine never proposes them again.
    """
    if cohort_id not in program.cohorts:
        raise RematchError(f"unknown cohort {cohort_id!r}")
    if mentee not in program.participants:
        raise RematchError(f"unknown participant {mentee!r}")
    if not reason.strip():
        raise RematchError("a rematch names its reason (--reason)")
    if program.cohorts[cohort_id].format == "circles":
        raise RematchError(f"{cohort_id} is a circles cohort: move people between circles by hand")
    current = _current_pair(program, cohort_id, mentee)
    day = today.isoformat()
    ended = _with_pair_ended(program, cohort_id, current, day, reason.strip())
    history = {
        p.mentor
        for p in ended.matches[cohort_id].pairs
        if p.mentee == mentee and p.status == "ended"
    }
    settled, held = _only_mentee_open(ended, cohort_id, mentee)
    exclude = frozenset((mentor, mentee) for mentor in history) | held
    try:
        result = match_cohort(settled, cohort_id, exclude=exclude)
    except MatchingError as exc:
        raise RematchError(str(exc)) from None
    proposed = next((p for p in result.pairs if p.mentee == mentee and p.status != "ended"), None)
    if proposed is not None and proposed.mentor in history:  # the engine's promise, checked
        raise AssertionError(f"the engine re-proposed an excluded mentor {proposed.mentor}")
    proposal = (
        Alternative(proposed.mentor, proposed.score, proposed.reasons, proposed.cross_functional)
        if proposed
        else None
    )
    unmatched = next(
        (u.reason for u in result.unmatched if u.id == mentee and u.role == "mentee"), None
    )
    agreement = program.agreement_for(cohort_id, current.mentor, mentee)
    return RematchPlan(
        cohort=cohort_id,
        mentee=mentee,
        ended_mentor=current.mentor,
        reason=reason.strip(),
        today=day,
        agreement=agreement.source if agreement else None,
        excluded=tuple(sorted(history)),
        proposal=proposal,
        unmatched_reason=None
        if proposal
        else (unmatched or "no mentor with room fits the cohort's rules"),
        others=_others(
            ended, cohort_id, mentee, history, result, proposed.mentor if proposed else None
        ),
        result=result,
    )
