"""Why a person is unmatched, in specific words.

The candidate filters run in a fixed order (skill, language, time zone, department,
personal rules, minimum score); the first filter that leaves nobody is the reason.
Personal rules (reporting lines, do-not-pair requests) are private, so the reason
never says which one applied or to whom.

A reason about other people ("all 4 compatible mentors are at capacity", "all 7
compatible mentees are matched with other mentors") is checked against the final
assignment and the full allowed graph before it is written: ``FalseReason`` is raised
instead of printing one that is not true. The engine adds anyone who could still be
paired before explaining (``completion.complete``), so this never fires in practice;
the property tests assert it on random cohorts of every format.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mentorkit.matching.allowed import Allowed, AllowedGraph
from mentorkit.matching.candidates import Candidates
from mentorkit.matching.certify import ranges
from mentorkit.matching.result import UnmatchedPerson
from mentorkit.matching.score import SCALE, Scoring, goal_skills, offered_skills
from mentorkit.model.entities import Participant


class FalseReason(AssertionError):
    """The final assignment contradicts the reason that was about to be given."""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("s" if count != 1 else "")


def unmatched_reason(
    scoring: Scoring,
    person: Participant,
    stage_counts: Sequence[int],
    best_allowed: int,
    partners: int,
    *,
    role: str = "mentor",
    free_partners: int = 0,
) -> str:
    """The reason for a mentee (``role`` names their would-be partners: mentor or peer).

    ``free_partners`` counts compatible partners who, in the final assignment, still have a
    free place (mentors) or are unpaired (peers): any makes "taken by others" false."""
    skill, language, timezone, department, personal, feasible = (int(c) for c in stage_counts)
    nobody = _nobody_reason(scoring, person, partners, role)
    if nobody:
        return nobody
    if skill == 0:
        if scoring.mutual:
            return f"no peer both offers a goal skill and seeks an offered one, as a swap needs (seeks: {', '.join(goal_skills(person)) or 'nothing'})"
        if scoring.peer:
            return f"no peer offers a goal skill or seeks an offered one (seeks: {', '.join(goal_skills(person)) or 'nothing'})"
        return f"no enrolled {role} offers any goal skill (seeks: {', '.join(goal_skills(person))})"
    if language == 0:
        return f"no {role} who fits the goals shares a language (speaks: {', '.join(person.languages)})"
    if timezone == 0:
        return f"every {role} who fits the goals and language is more than {scoring.max_gap:g} h away (time zone: {person.timezone})"
    if department == 0:
        return f"every compatible {role} is in {person.department}, and the cohort requires cross-functional pairs"
    if personal == 0:
        who = (
            f"the one compatible {role} is"
            if department == 1
            else f"all {department} compatible {role}s are"
        )
        return f"{who} ruled out by personal pairing rules or an earlier pairing"
    if feasible == 0:
        best = max(best_allowed, 0) / SCALE
        return f"no compatible {role} reaches the cohort's minimum score {scoring.min_score:g} (best: {best:.2f})"
    return _taken_reason(person, role, feasible, free_partners)


def _nobody_reason(scoring: Scoring, person: Participant, partners: int, role: str) -> str:
    """No partner is enrolled, or the person gave nothing to match on ("" otherwise)."""
    if partners == 0:
        return (
            f"no {role} with free capacity is enrolled in the cohort"
            if role == "mentor"
            else "no other peer is enrolled in the cohort"
        )
    if scoring.peer and not goal_skills(person) and not offered_skills(person):
        return "lists neither goals nor offered skills, so no peer can be suggested"
    if not scoring.peer and not goal_skills(person):
        return "lists no goals, so no mentor can be suggested"
    return ""


def _taken_reason(person: Participant, role: str, feasible: int, free_partners: int) -> str:
    """Every compatible partner is taken: true only when none of them is free."""
    if free_partners:
        raise FalseReason(
            f"{person.id}: {free_partners} of {feasible} compatible {role}s could still take them"
        )
    if role == "peer":
        if feasible == 1:
            return "the one compatible peer is paired with someone else"
        return f"all {feasible} compatible peers are paired with others"
    if feasible == 1:
        return "the one compatible mentor is at capacity"
    return f"all {feasible} compatible mentors are at capacity"


def free_partners(graph: AllowedGraph, rows: np.ndarray, available: np.ndarray) -> np.ndarray:
    """Per row in ``rows``, how many of its allowed columns are ``available``."""
    at = ranges(graph.indptr[rows], graph.indptr[rows + 1])
    owner = np.repeat(np.arange(len(rows)), np.diff(graph.indptr)[rows])
    return np.bincount(owner, weights=available[graph.cols[at]], minlength=len(rows)).astype(int)


def unmatched_people(
    scoring: Scoring,
    pool: Sequence[Participant],
    allowed: Allowed,
    matched_rows: set[int],
    partners: int,
    available: np.ndarray,
    *,
    role: str = "mentor",
) -> list[UnmatchedPerson]:
    """Everyone in ``pool`` left without a partner, each with the specific reason;
    ``available`` marks the partners (columns) who could still take someone."""
    stats: Candidates = allowed.candidates
    waiting = np.array([i for i in range(len(pool)) if i not in matched_rows], dtype=np.int64)
    free = free_partners(allowed.graph, waiting, available)
    return [
        UnmatchedPerson(
            pool[i].id,
            unmatched_reason(
                scoring,
                pool[i],
                stats.stage_counts[i],
                int(stats.best_allowed[i]),
                partners,
                role=role,
                free_partners=int(free[k]),
            ),
            "peer" if role == "peer" else "mentee",
        )
        for k, i in enumerate(waiting.tolist())
    ]


def idle_mentor_reason(person: Participant, seekers: int, compatible: int, waiting: int) -> str:
    """Why a mentor has no mentee; ``waiting`` counts compatible mentees still unmatched."""
    offers = ", ".join(sorted(offered_skills(person))) or "nothing"
    if seekers == 0:
        return (
            f"mentor without a mentee: no enrolled mentee seeks an offered skill (offers: {offers})"
        )
    if compatible == 0:
        verb = "is" if seekers == 1 else "are"
        return (
            f"mentor without a mentee: the {_plural(seekers, 'mentee')} seeking an offered "
            f"skill {verb} ruled out by the cohort's rules"
        )
    if waiting:
        raise FalseReason(f"{person.id}: {waiting} compatible mentees are unmatched")
    if compatible == 1:
        return "mentor without a mentee: the one compatible mentee is matched with another mentor"
    return f"mentor without a mentee: all {compatible} compatible mentees are matched with other mentors"


def bipartite_unmatched(
    scoring: Scoring,
    pool: Sequence[Participant],
    mentors: Sequence[Participant],
    allowed: Allowed,
    capacity: np.ndarray,
    chosen: list[tuple[int, int]],
    engaged: set[str],
) -> list[UnmatchedPerson]:
    """Unmatched mentees, then mentors without any mentee (``engaged`` mentors already
    have one from the match file), each reason checked against ``chosen``."""
    load = np.bincount(np.array([c for _, c in chosen], dtype=np.int64), minlength=len(mentors))
    matched = {r for r, _ in chosen}
    people = unmatched_people(
        scoring, pool, allowed, matched, len(mentors), (load < capacity).astype(np.float64)
    )
    graph, stats = allowed.graph, allowed.candidates
    left = np.array([i for i in range(len(pool)) if i not in matched], dtype=np.int64)
    at = ranges(graph.indptr[left], graph.indptr[left + 1])
    waiting = np.bincount(graph.cols[at].astype(np.int64), minlength=len(mentors))
    people += [
        UnmatchedPerson(
            m.id,
            idle_mentor_reason(
                m, int(stats.col_skill[j]), int(stats.col_feasible[j]), int(waiting[j])
            ),
            "mentor",
        )
        for j, m in enumerate(mentors)
        if load[j] == 0 and m.id not in engaged
    ]
    return sorted(people, key=lambda u: (u.role != "mentee", u.id))
