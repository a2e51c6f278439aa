"""``suggest``: the best partners for one person, from the matching score and hard rules.

For a mentee: mentors with a free place; for a mentor: mentees not yet in an accepted
pair; in peer-like cohorts (peer, rotation, swap, circles): other peers. Each comes with
the score as a percentage and its reasons, exactly as matching would compute them, so a
participant can pick their ``preferences`` before opening their pull request.

Nothing private about anyone else is shown: someone a hard rule rules out (a reporting
line, an avoid request, an earlier pairing) is simply not listed, people with
``public: false`` are never listed, and the reasons are the ones in a match file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from mentorkit.matching.preferences import (
    mentee_choices,
    mentor_choices,
    ordinal,
    peer_choices,
    rank_of,
)
from mentorkit.matching.result import MatchingError
from mentorkit.matching.score import Scoring, score_with, scoring_for
from mentorkit.model.entities import BIPARTITE_FORMATS, Cohort, Participant
from mentorkit.model.program import Program

# What the suggestions for a person are: mentors (for a mentee), mentees or peers.
SuggestionRole = Literal["mentors", "mentees", "peers"]

OPEN_STATUSES = ("planning", "enrolling", "matching", "active")


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Suggestions:
    person: str
    cohort: str
    role: SuggestionRole  # what the suggestions are
    items: tuple[Suggestion, ...]
    considered: int  # people of that role in the cohort, before the hard rules


def _cohort(program: Program, person: Participant, cohort_id: str | None) -> Cohort:
    if cohort_id is not None:
        cohort = program.cohorts.get(cohort_id)
        if cohort is None:
            raise MatchingError(f"unknown cohort {cohort_id!r}")
        if cohort_id not in person.cohorts:
            raise MatchingError(f"{person.id} is not enrolled in {cohort_id}")
        return cohort
    open_ones = [
        program.cohorts[c]
        for c in person.cohorts
        if c in program.cohorts and program.cohorts[c].status in OPEN_STATUSES
    ]
    if len(open_ones) != 1:
        listed = ", ".join(c.id for c in open_ones) or "none"
        raise MatchingError(
            f"{person.id} is in {len(open_ones)} open cohorts ({listed}): choose one with --cohort"
        )
    return open_ones[0]


def _role(cohort: Cohort, person: Participant, as_role: str | None) -> SuggestionRole:
    if cohort.format not in BIPARTITE_FORMATS:
        return "peers"
    wanted = as_role or ("mentee" if person.mentee else "mentor")
    if wanted == "mentee" and person.mentee is None:
        raise MatchingError(
            f"{person.id} has no mentee section: add goals to get mentor suggestions"
        )
    if wanted == "mentor" and person.mentor is None:
        raise MatchingError(f"{person.id} has no mentor section: nothing to suggest as a mentor")
    return "mentors" if wanted == "mentee" else "mentees"


def _taken(program: Program, cohort: Cohort) -> tuple[Counter[str], set[str], set[frozenset[str]]]:
    """Accepted load per mentor, mentees in accepted pairs, and pairs that ended."""
    match = program.matches.get(cohort.id)
    pairs = match.pairs if match else ()
    fixed = [p for p in pairs if p.status == "accepted" or (p.locked and p.status != "ended")]
    ended = {frozenset((p.mentor, p.mentee)) for p in pairs if p.status == "ended"}
    return Counter(p.mentor for p in fixed), {p.mentee for p in fixed}, ended


def _choice_words(role: str, person: Participant, other: Participant) -> list[str]:
    """Whose choice the pair is, told to ``person``: "your 2nd choice", "ranks you 1st"."""
    if role == "peers":
        mine, theirs = peer_choices(person), peer_choices(other)
    elif role == "mentors":
        mine, theirs = mentee_choices(person), mentor_choices(other)
    else:
        mine, theirs = mentor_choices(person), mentee_choices(other)
    words = []
    if (rank := rank_of(mine, other.id)) is not None:
        words.append(f"your {ordinal(rank)} choice")
    if (rank := rank_of(theirs, person.id)) is not None:
        words.append(f"ranks you {ordinal(rank)}")
    return words


def _scored(
    scoring: Scoring, role: str, person: Participant, other: Participant
) -> Suggestion | None:
    mentor, mentee = (other, person) if role == "mentors" else (person, other)
    scored = score_with(scoring, mentor, mentee)
    if scored is None:
        return None
    reasons = [r for r in scored.reasons if not r.endswith(" choice")]
    return Suggestion(
        other.id, other.name, scored.total, (*_choice_words(role, person, other), *reasons)
    )


def suggest(
    program: Program,
    person_id: str,
    cohort_id: str | None = None,
    limit: int = 10,
    as_role: str | None = None,
) -> Suggestions:
    person = program.participants.get(person_id)
    if person is None:
        raise MatchingError(f"unknown participant {person_id!r}")
    cohort = _cohort(program, person, cohort_id)
    role = _role(cohort, person, as_role)
    scoring = scoring_for(cohort)
    load, placed, ended = _taken(program, cohort)
    others = [p for p in program.enrolled(cohort.id) if p.id != person.id]
    if role == "mentors":
        others = [p for p in others if p.mentor and load[p.id] < p.mentor.capacity]
    elif role == "mentees":
        others = [p for p in others if p.mentee and p.id not in placed]
    considered = len(others)
    candidates = [
        s
        for other in others
        if other.public
        and frozenset((person.id, other.id)) not in ended
        and (s := _scored(scoring, role, person, other)) is not None
    ]
    candidates.sort(key=lambda s: (-s.score, s.id))
    return Suggestions(person.id, cohort.id, role, tuple(candidates[: max(0, limit)]), considered)
