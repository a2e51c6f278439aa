"""Why a person is unmatched, in specific words, and never a word about private rules.

The candidate filters run in a fixed order: skill, language, time zone, department and
minimum score use public fields only, so the first of them that leaves nobody is named,
with counts anyone can recompute. Personal rules (reporting lines, avoid requests,
earlier pairings, exclusions) are private and come last, and what happens after the
public filters is one reason whatever the cause: "no compatible mentor can take them
(capacity, earlier pairings or personal pairing rules)". It carries no count, so a
mentor ruled out by someone's avoid list reads exactly like a mentor at capacity, and no
reader learns from the text who avoids or reports to whom, or how many such rules apply.

That reason still speaks about other people, so it is checked against the final
assignment and the full allowed graph before it is written: ``FalseReason`` is raised
instead of printing it when an allowed partner still had room. The engine adds anyone
who could still be paired before explaining (``completion.complete``), so this never
fires in practice; the property tests assert it on random cohorts of every format.
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


# After the public filters nothing may tell a private rule from capacity or an earlier
# pairing: one text each, without a count (see the module docstring).
NO_MENTOR_CAN_TAKE = (
    "no compatible mentor can take them (capacity, earlier pairings or personal pairing rules)"
)
NO_PEER_CAN_TAKE = (
    "no compatible peer can take them (paired with others, earlier pairings or personal "
    "pairing rules)"
)
NO_MENTEE_LEFT = "mentor without a mentee: {seekers} seeking an offered skill {rest} by the rules"


def unmatched_reason(
    scoring: Scoring,
    person: Participant,
    stage_counts: Sequence[int],
    best_fit: int,
    partners: int,
    *,
    role: str = "mentor",
    free_partners: int = 0,
) -> str:
    """The reason for a mentee (``role`` names their would-be partners: mentor or peer).

    ``best_fit`` is the best fit past the public filters (private rules not applied).
    ``free_partners`` counts allowed partners who, in the final assignment, still have a
    free place (mentors) or are unpaired (peers): any makes "can take them" false."""
    skill, language, timezone, department, reaching = (int(c) for c in stage_counts[:5])
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
    if reaching == 0:
        best = max(best_fit, 0) / SCALE
        return f"no compatible {role} reaches the cohort's minimum score {scoring.min_score:g} (best: {best:.2f})"
    return _taken_reason(person, role, free_partners)


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


def _taken_reason(person: Participant, role: str, free_partners: int) -> str:
    """No allowed partner is free: true only when none of them still has room."""
    if free_partners:
        raise FalseReason(f"{person.id}: {free_partners} allowed {role}s could still take them")
    return NO_PEER_CAN_TAKE if role == "peer" else NO_MENTOR_CAN_TAKE


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
                int(stats.best_fit[i]),
                partners,
                role=role,
                free_partners=int(free[k]),
            ),
            "peer" if role == "peer" else "mentee",
        )
        for k, i in enumerate(waiting.tolist())
    ]


def idle_mentor_reason(person: Participant, seekers: int, waiting: int) -> str:
    """Why a mentor has no mentee; ``waiting`` counts unmatched mentees they may be paired with.

    ``seekers`` (mentees who seek an offered skill) is public; how many of them private
    rules leave is not, so the reason never counts them."""
    offers = ", ".join(sorted(offered_skills(person))) or "nothing"
    if seekers == 0:
        return (
            f"mentor without a mentee: no enrolled mentee seeks an offered skill (offers: {offers})"
        )
    if waiting:
        raise FalseReason(f"{person.id}: {waiting} mentees they may be paired with are unmatched")
    if seekers == 1:
        return NO_MENTEE_LEFT.format(
            seekers="the one mentee", rest="has another mentor or is ruled out"
        )
    return NO_MENTEE_LEFT.format(
        seekers=f"all {seekers} mentees", rest="have other mentors or are ruled out"
    )


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
            idle_mentor_reason(m, int(stats.col_skill[j]), int(waiting[j])),
            "mentor",
        )
        for j, m in enumerate(mentors)
        if load[j] == 0 and m.id not in engaged
    ]
    return sorted(people, key=lambda u: (u.role != "mentee", u.id))
