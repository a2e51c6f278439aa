"""Pairs and circles in match files respect enrolment and the hard rules.

Code: ``match-pair``.

Passing: in ``program/matches/2026-autumn.yaml``, ``{mentor: ada, mentee: lin}`` where ada
offers mentoring, lin seeks it, both are enrolled in 2026-autumn, neither manages the other,
neither avoids the other, they share a language and their time zones are within the limit.

Failing: ``{mentor: grace, mentee: ada}`` where grace is ada's manager (match-pair: grace and
ada are manager and direct report); an accepted pair whose mentor is not enrolled in the
cohort (a proposed one only warns: the next ``match --write`` drops it).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.entities import BIPARTITE_FORMATS, Circle, Cohort, MatchFile, Pair
from mentorkit.model.program import Program
from mentorkit.model.rules import pairing_obstacle
from mentorkit.problems import Problem

CODE = "match-pair"


def _pair_problems(
    program: Program, cohort: Cohort, match: MatchFile, i: int, pair: Pair
) -> Iterator[Problem]:
    people = program.participants
    mentor, mentee = people.get(pair.mentor), people.get(pair.mentee)
    if mentor is None or mentee is None:
        return  # reported as unknown-participant
    where = ("pairs", i)
    for person, role in ((mentor, "mentor"), (mentee, "mentee")):
        if cohort.id not in person.cohorts and pair.status == "accepted":
            message = f"{person.id} is not enrolled in {cohort.id}"
            yield problem_at(program, match.source, (*where, role), CODE, message)
        elif cohort.id not in person.cohorts and pair.status == "proposed":
            # Leaving a cohort is the participant's own edit; the stale proposal is the
            # coordinators' to drop, and the next `match --write` does, so it only warns.
            message = (
                f"{person.id} is no longer enrolled in {cohort.id}; the next "
                "`mentorkit match --write` drops this proposal"
            )
            yield problem_at(program, match.source, (*where, role), CODE, message, level="warning")
    if pair.status == "ended":
        return  # history: people may since have changed what they offer or seek
    if cohort.format in BIPARTITE_FORMATS:
        if mentor.mentor is None:
            message = f"{mentor.id} does not offer mentoring (no mentor: block)"
            yield problem_at(program, match.source, (*where, "mentor"), CODE, message)
        if mentee.mentee is None:
            message = f"{mentee.id} does not seek mentoring (no mentee: block)"
            yield problem_at(program, match.source, (*where, "mentee"), CODE, message)
    obstacle = pairing_obstacle(mentor, mentee)
    if obstacle:
        yield problem_at(program, match.source, where, CODE, obstacle)


def _circle_problems(
    program: Program, cohort: Cohort, match: MatchFile, i: int, circle: Circle
) -> Iterator[Problem]:
    if circle.facilitator and circle.facilitator not in circle.members:
        yield problem_at(
            program,
            match.source,
            ("circles", i, "facilitator"),
            CODE,
            f"the facilitator {circle.facilitator} is not a member of circle {circle.id}",
        )
    for j, member in enumerate(circle.members):
        person = program.participants.get(member)
        if person is not None and cohort.id not in person.cohorts:
            yield problem_at(
                program,
                match.source,
                ("circles", i, "members", j),
                CODE,
                f"{member} is not enrolled in {cohort.id}",
            )


def check(program: Program) -> Iterator[Problem]:
    for match in program.matches.values():
        cohort = program.cohorts.get(match.cohort)
        if cohort is None:
            continue
        for i, pair in enumerate(match.pairs):
            yield from _pair_problems(program, cohort, match, i, pair)
        for i, circle in enumerate(match.circles):
            yield from _circle_problems(program, cohort, match, i, circle)
