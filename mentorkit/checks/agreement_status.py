"""An agreement's status agrees with its signatures, its reason and its pair.

Code: ``agreement-status``. Complements ``agreement-pair`` (which checks that a rematched
agreement names its reason and a completed one gives its goals a final status).

Passing: ``status: active`` with ``signed: {mentor: 2026-09-08, mentee: 2026-09-08}``; a
``rematched`` agreement whose pair is ``ended`` in the match file.

Failing: ``status: active`` signed by the mentor only (agreement-status: an active agreement
is signed by both; missing: mentee); ``status: paused`` without ``status_reason``; a
``rematched`` agreement whose pair is still accepted (agreement-status: the agreement is
rematched but its pair ada -> lin is still accepted in program/matches/2026-autumn.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "agreement-status"


def check(program: Program) -> Iterator[Problem]:
    for agreement in program.agreements:
        where = agreement.source
        if agreement.status == "active":
            sides = (("mentor", agreement.signed_mentor), ("mentee", agreement.signed_mentee))
            missing = [side for side, signed in sides if not signed]
            if missing:
                yield problem_at(
                    program,
                    where,
                    ("status",),
                    CODE,
                    f"an active agreement is signed by both; missing: {', '.join(missing)}",
                    level="warning",
                )
        if agreement.status == "paused" and not agreement.status_reason:
            yield problem_at(
                program,
                where,
                ("status",),
                CODE,
                "a paused agreement says why and until when in status_reason",
                level="warning",
            )
        match = program.matches.get(agreement.cohort)
        if agreement.status == "rematched" and match is not None:
            pairs = [
                p
                for p in match.pairs
                if (p.mentor, p.mentee) == (agreement.mentor, agreement.mentee)
            ]
            if pairs and all(p.status != "ended" for p in pairs):
                yield problem_at(
                    program,
                    where,
                    ("status",),
                    CODE,
                    f"the agreement is rematched but its pair {agreement.mentor} -> "
                    f"{agreement.mentee} is still {pairs[-1].status} in {match.source} "
                    "(set status: ended, ended and end_reason there)",
                )
