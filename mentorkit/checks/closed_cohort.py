"""Warns when someone enrolls in a cohort that has closed and has no pair there.

Code: ``closed-cohort`` (warning).

Passing: ``cohorts: [2026-autumn]`` while 2026-autumn is active; or a closed cohort in which
the person was paired (their history).

Failing: ``cohorts: [2025-spring]`` for a newcomer while 2025-spring is closed
(closed-cohort: 2025-spring is closed; enroll in an open cohort instead).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "closed-cohort"


def check(program: Program) -> Iterator[Problem]:
    closed = {c.id for c in program.cohorts.values() if c.status == "closed"}
    if not closed:
        return
    took_part: dict[str, set[str]] = {cohort: set() for cohort in closed}
    for cohort in closed:
        match = program.matches.get(cohort)
        if match:
            for pair in match.pairs:
                took_part[cohort].update((pair.mentor, pair.mentee))
            for circle in match.circles:
                took_part[cohort].update(circle.members)
    for person in program.participants.values():
        for i, cohort in enumerate(person.cohorts):
            if cohort in closed and person.id not in took_part[cohort]:
                yield problem_at(
                    program,
                    person.source,
                    ("cohorts", i),
                    CODE,
                    f"{cohort} is closed; enroll in an open cohort instead",
                    level="warning",
                )
