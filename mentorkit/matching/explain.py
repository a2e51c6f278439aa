"""Why a person is unmatched, in specific words.

The candidate filters run in a fixed order (skill, language, time zone, department,
personal rules, minimum score); the first filter that leaves nobody is the reason.
Personal rules (reporting lines, do-not-pair requests) are private, so the reason
never says which one applied or to whom.
"""

from __future__ import annotations

from collections.abc import Sequence

from mentorkit.matching.candidates import Candidates
from mentorkit.matching.result import UnmatchedPerson
from mentorkit.matching.score import SCALE, Scoring, goal_skills, offered_skills
from mentorkit.model.entities import Participant


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
) -> str:
    """The reason for a mentee (``role`` names their would-be partners: mentor or peer)."""
    skill, language, timezone, department, personal, feasible = (int(c) for c in stage_counts)
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
    return _taken(role, feasible)


def _taken(role: str, feasible: int) -> str:
    """Compatible partners exist, but the assignment gave them all to others."""
    if role == "peer":
        if feasible == 1:
            return "the one compatible peer is paired with someone else"
        return f"all {feasible} compatible peers are paired with others"
    if feasible == 1:
        return "the one compatible mentor is at capacity"
    return f"all {feasible} compatible mentors are at capacity"


def unmatched_people(
    scoring: Scoring,
    pool: Sequence[Participant],
    candidates: Candidates,
    matched_rows: set[int],
    partners: int,
    *,
    role: str = "mentor",
) -> list[UnmatchedPerson]:
    """Everyone in ``pool`` left without a partner, each with the specific reason."""
    return [
        UnmatchedPerson(
            person.id,
            unmatched_reason(
                scoring,
                person,
                candidates.stage_counts[i],
                int(candidates.best_allowed[i]),
                partners,
                role=role,
            ),
            "peer" if role == "peer" else "mentee",
        )
        for i, person in enumerate(pool)
        if i not in matched_rows
    ]


def idle_mentor_reason(person: Participant, seekers: int, compatible: int) -> str:
    offers = ", ".join(sorted(offered_skills(person))) or "nothing"
    if seekers == 0:
        return (
            f"mentor without a mentee: no enrolled mentee seeks an offered skill (offers: {offers})"
        )
    if compatible == 0:
        return f"mentor without a mentee: the {_plural(seekers, 'mentee')} seeking an offered skill are ruled out by the cohort's rules"
    if compatible == 1:
        return "mentor without a mentee: the one compatible mentee is matched with another mentor"
    return f"mentor without a mentee: all {compatible} compatible mentees are matched with other mentors"
