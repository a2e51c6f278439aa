"""A ranked preference names someone the person may actually be paired with.

Code: ``impossible-preference`` (a warning: matching simply never proposes the pair).

Passing: ``mentee: {preferences: [grace]}`` where grace mentors in one of your cohorts,
offers one of your goal skills, shares a language and is within the time-zone limit.

Failing: preferring yourself; someone in none of your cohorts; a "mentor" who does not
offer mentoring; someone who offers none of your goal skills, shares no language or is
too far away (each said plainly, as everyone can see those facts). When only a private
rule forbids the pair (a reporting line or an avoid request), the message says the two
"cannot be paired under the program's rules" and never which rule or whose.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.entities import BIPARTITE_FORMATS, Cohort, Participant
from mentorkit.model.program import Program
from mentorkit.model.rules import (
    PRIVATE_RULE_WORDS,
    avoided,
    reporting_conflict,
    shared_languages,
    timezone_gap_hours,
)
from mentorkit.problems import Problem, shown

CODE = "impossible-preference"


def _skills(mentor: Participant, mentee: Participant) -> bool:
    offered = mentor.mentor.skills if mentor.mentor else {}
    return any(goal.skill in offered for goal in (mentee.mentee.goals if mentee.mentee else ()))


def _public_obstacle(cohort: Cohort, mentor: Participant, mentee: Participant) -> str | None:
    """Why the cohort's open rules forbid the pair; None when only private rules could."""
    one_pool = cohort.format not in BIPARTITE_FORMATS
    if not one_pool and mentor.mentor is None:
        return f"{mentor.id} does not offer mentoring"
    if not one_pool and mentee.mentee is None:
        return f"{mentee.id} does not seek mentoring"
    if not shared_languages(mentor, mentee):
        return "you share no language"
    gap = timezone_gap_hours(mentor, mentee)
    limit = cohort.matching.max_timezone_gap_hours
    if gap is not None and gap > limit:
        return f"your time zones are {gap:g} h apart and {cohort.id} allows {limit:g} h"
    if cohort.matching.cross_functional == "require" and mentor.department == mentee.department:
        return f"{cohort.id} requires pairs across departments"
    if not _skills(mentor, mentee) and not (one_pool and _skills(mentee, mentor)):
        return f"{mentor.id} offers none of {mentee.id}'s goal skills"
    return None


def _why_not(
    program: Program, person: Participant, other: Participant, as_mentee: bool
) -> str | None:
    """None when some shared cohort allows the pair; otherwise what to tell ``person``."""
    if other.id == person.id:
        return "you cannot choose yourself"
    shared = [
        program.cohorts[c] for c in person.cohorts if c in other.cohorts and c in program.cohorts
    ]
    if not shared:
        return f"{other.id} is not enrolled in any of your cohorts"
    mentor, mentee = (other, person) if as_mentee else (person, other)
    reasons = [_public_obstacle(cohort, mentor, mentee) for cohort in shared]
    if any(reason is None for reason in reasons):
        if reporting_conflict(person, other) or avoided(person, other):
            return f"{other.id} {PRIVATE_RULE_WORDS}"
        return None
    return reasons[0]


def check(program: Program) -> Iterator[Problem]:
    for person in program.participants.values():
        lists = (
            ("mentee", person.mentee.preferences if person.mentee else (), True),
            ("mentor", person.mentor.preferences if person.mentor else (), False),
        )
        for section, chosen, as_mentee in lists:
            for i, other_id in enumerate(chosen):
                other = program.participants.get(other_id)
                if other is None:
                    continue  # unknown-participant reports it
                why = _why_not(program, person, other, as_mentee)
                if why:
                    yield problem_at(
                        program,
                        person.source,
                        (section, "preferences", i),
                        CODE,
                        f"preference {shown(other_id)} can never be matched: {why}",
                        level="warning",
                    )
