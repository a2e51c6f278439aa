"""Every agreement belongs to a pair recorded in its cohort's match file.

Code: ``agreement-pair``.

Passing: ``program/agreements/2026-autumn/ada--lin.yaml`` and ``{mentor: ada, mentee: lin}`` in
``program/matches/2026-autumn.yaml``.

Failing: the agreement exists but the match file has no such pair (agreement-pair: no pair
ada -> lin in program/matches/2026-autumn.yaml); a ``rematched`` agreement with no
``status_reason``; an active agreement whose pair has ended.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "agreement-pair"


def check(program: Program) -> Iterator[Problem]:
    for agreement in program.agreements:
        match = program.matches.get(agreement.cohort)
        if agreement.status == "rematched" and not agreement.status_reason:
            yield problem_at(
                program,
                agreement.source,
                ("status",),
                CODE,
                "a rematched agreement names its reason in status_reason",
            )
        # An agreement ended early (someone left: ``ended`` is set) stops with its goals as
        # they stood; only one that ran its course owes each goal a final status.
        if agreement.status == "completed" and not agreement.ended:
            open_goals = [
                g.goal for g in agreement.goals if g.status in ("not-started", "in-progress")
            ]
            if open_goals:
                yield problem_at(
                    program,
                    agreement.source,
                    ("goals",),
                    CODE,
                    f"a completed agreement gives each goal its final status (achieved or dropped); still open: {', '.join(open_goals)}",
                )
        if match is None:
            if agreement.cohort in program.cohorts:
                yield problem_at(
                    program,
                    agreement.source,
                    ("cohort",),
                    CODE,
                    f"there is no match file program/matches/{agreement.cohort}.yaml for this agreement",
                )
            continue
        pairs = [
            p for p in match.pairs if (p.mentor, p.mentee) == (agreement.mentor, agreement.mentee)
        ]
        if not pairs:
            yield problem_at(
                program,
                agreement.source,
                ("mentee",),
                CODE,
                f"no pair {agreement.mentor} -> {agreement.mentee} in {match.source}",
            )
        elif agreement.status in ("active", "paused") and all(p.status == "ended" for p in pairs):
            yield problem_at(
                program,
                agreement.source,
                ("status",),
                CODE,
                f"the agreement is {agreement.status} but its pair has ended in {match.source}",
            )
