"""In a one-on-one or reverse cohort a mentee has at most one current mentor.

Code: ``one-mentor``.

Passing: in ``program/matches/2026-autumn.yaml`` lin has ``{mentor: ada, status: ended}``
and ``{mentor: grace, status: accepted}``: one pair ended, one current.

Failing: lin has ``{mentor: ada, status: accepted}`` and ``{mentor: grace, status: proposed}``
(one-mentor: lin has 2 current mentors in 2026-autumn (ada, grace); a one-on-one cohort
gives each mentee one: end or remove all but one pair). Hand edits make this easy to do.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.entities import BIPARTITE_FORMATS
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "one-mentor"


def check(program: Program) -> Iterator[Problem]:
    for match in program.matches.values():
        cohort = program.cohorts.get(match.cohort)
        if cohort is None or cohort.format not in BIPARTITE_FORMATS:
            continue
        current: dict[str, list[int]] = {}
        for i, pair in enumerate(match.pairs):
            if pair.status != "ended":
                current.setdefault(pair.mentee, []).append(i)
        for mentee, rows in current.items():
            if len(rows) < 2:
                continue
            mentors = ", ".join(match.pairs[i].mentor for i in rows)
            # Reported at the second pair: the first one is the one that was there before.
            yield problem_at(
                program,
                match.source,
                ("pairs", rows[1], "mentee"),
                CODE,
                f"{mentee} has {len(rows)} current mentors in {match.cohort} ({mentors}); "
                f"a {cohort.format} cohort gives each mentee one: end or remove all but one pair",
            )
