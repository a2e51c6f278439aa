"""People who left stay only as history: nothing current names them, their record holds no more.

Code: ``departed``.

Passing: ``participants/ada.yaml`` holds ``{id: ada, name: Ada, departed: 2026-11-02}`` and
``program/matches/2026-autumn.yaml`` keeps ``{mentor: ada, mentee: lin, status: ended}``;
a lesson by ada from 2026-10-01 still names her as its author.

Failing: an accepted or proposed pair, a draft, active or paused agreement, or a circle member
of a cohort that is not closed naming ada after she left (departed: ada left the program on
2026-11-02; end this pair: status ended, as `mentorkit leave` does); a departed record that
still lists ``cohorts`` or a ``mentor:`` block (departed: a departed record keeps only …).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.entities import DEPARTED_FIELDS
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "departed"

KEPT_FIELDS = DEPARTED_FIELDS
OPEN_AGREEMENTS = ("draft", "active", "paused")


def _left(program: Program, pid: str) -> str:
    return f"{pid} left the program on {program.departed[pid].departed}"


def _records(program: Program) -> Iterator[Problem]:
    for person in program.departed.values():
        extra = person.extra_fields
        if extra:
            yield problem_at(
                program,
                person.source,
                (extra[0],),
                CODE,
                f"a departed record keeps only {', '.join(KEPT_FIELDS)}; remove "
                + ", ".join(extra),
                key=True,
            )


def _pairs_and_circles(program: Program) -> Iterator[Problem]:
    for match in program.matches.values():
        cohort = program.cohorts.get(match.cohort)
        if cohort is not None and cohort.status == "closed":
            continue  # a closed cohort is history as it stands
        for i, pair in enumerate(match.pairs):
            if pair.status == "ended":
                continue
            for role in ("mentor", "mentee"):
                pid = getattr(pair, role)
                if pid in program.departed:
                    yield problem_at(
                        program,
                        match.source,
                        ("pairs", i, role),
                        CODE,
                        f"{_left(program, pid)}; end this pair (status: ended), "
                        "as `mentorkit leave` does",
                    )
        for i, circle in enumerate(match.circles):
            for j, member in enumerate(circle.members):
                if member in program.departed:
                    yield problem_at(
                        program,
                        match.source,
                        ("circles", i, "members", j),
                        CODE,
                        f"{_left(program, member)}; move them to former_members of circle "
                        f"{circle.id}, as `mentorkit leave` does",
                    )


def _agreements(program: Program) -> Iterator[Problem]:
    for agreement in program.agreements:
        if agreement.status not in OPEN_AGREEMENTS:
            continue
        for role in ("mentor", "mentee"):
            pid = getattr(agreement, role)
            if pid in program.departed:
                yield problem_at(
                    program,
                    agreement.source,
                    ("status",),
                    CODE,
                    f"{_left(program, pid)}; this {agreement.status} agreement must end "
                    "(status: completed), as `mentorkit leave` does",
                )


def _coordinators(program: Program) -> Iterator[Problem]:
    for i, coordinator in enumerate(program.charter.coordinators):
        if coordinator in program.departed:
            yield problem_at(
                program,
                program.charter.source,
                ("coordinators", i),
                CODE,
                f"{_left(program, coordinator)} but is still a coordinator; someone who "
                "left has no coordinator rights: remove them here",
                level="warning",
            )


def check(program: Program) -> Iterator[Problem]:
    yield from _records(program)
    yield from _coordinators(program)
    yield from _pairs_and_circles(program)
    yield from _agreements(program)
