"""Every cohort a file names exists in program/cohorts/.

Code: ``unknown-cohort``.

Passing: ``cohorts: [2026-autumn]`` with ``program/cohorts/2026-autumn.yaml`` present.

Failing: ``cohorts: [2026-autum]`` (unknown-cohort: no cohort '2026-autum' (did you mean
'2026-autumn'?)).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.paths import stem
from mentorkit.model.program import Program
from mentorkit.model.source import KeyPath
from mentorkit.problems import Problem, shown

CODE = "unknown-cohort"


def _known(program: Program) -> set[str]:
    known = set(program.cohorts)
    known.update(stem(path) for path, kind in program.kinds.items() if kind == "cohort")
    return known


def _problem(
    program: Program, path: str, keypath: KeyPath, cohort: str, known: set[str]
) -> Problem:
    close = difflib.get_close_matches(cohort, sorted(known), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return problem_at(program, path, keypath, CODE, f"no cohort {shown(cohort)}{hint}")


def check(program: Program) -> Iterator[Problem]:
    known = _known(program)
    for person in program.participants.values():
        for i, cohort in enumerate(person.cohorts):
            if cohort not in known:
                yield _problem(program, person.source, ("cohorts", i), cohort, known)
    for lesson in program.lessons:
        if lesson.cohort and lesson.cohort not in known:
            yield _problem(program, lesson.source, ("cohort",), lesson.cohort, known)
    for agreement in program.agreements:
        if agreement.cohort not in known:
            yield _problem(program, agreement.source, ("cohort",), agreement.cohort, known)
    for match in program.matches.values():
        if match.cohort not in known:
            yield _problem(program, match.source, ("cohort",), match.cohort, known)
