"""A cohort ends after it starts, and its milestones fall inside it.

Code: ``cohort-dates``.

Passing: ``starts: 2026-09-01``, ``ends: 2027-02-26``, a kickoff on 2026-09-03.

Failing: ``ends: 2026-08-01`` (cohort-dates: the cohort ends (2026-08-01) before it starts
(2026-09-01)); a milestone dated 2027-03-01 (cohort-dates: milestone 'Retro' on 2027-03-01 is
outside the cohort (2026-09-01 to 2027-02-26)).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.entities import as_date
from mentorkit.model.program import Program
from mentorkit.problems import Problem, shown

CODE = "cohort-dates"


def check(program: Program) -> Iterator[Problem]:
    for cohort in program.cohorts.values():
        starts, ends = as_date(cohort.starts), as_date(cohort.ends)
        if starts is None or ends is None:
            continue  # not real dates: the schema check says so
        if ends <= starts:
            yield problem_at(
                program,
                cohort.source,
                ("ends",),
                CODE,
                f"the cohort ends ({cohort.ends}) before it starts ({cohort.starts})"
                if ends < starts
                else f"the cohort ends on the day it starts ({cohort.starts}); it must end later",
            )
            continue
        for i, milestone in enumerate(cohort.milestones):
            day = as_date(milestone.date)
            if day is not None and not starts <= day <= ends:
                yield problem_at(
                    program,
                    cohort.source,
                    ("milestones", i, "date"),
                    CODE,
                    f"milestone {shown(milestone.name)} on {milestone.date} is outside the cohort ({cohort.starts} to {cohort.ends})",
                )
