"""A person belongs to one circle of a cohort, and appears once in it.

Code: ``one-circle``.

Passing: ``circles: [{id: c1, members: [ada, lin]}, {id: c2, members: [grace, tom]}]``.

Failing: ada in both c1 and c2 (one-circle: ada is in circles c1 and c2 of circles-2027; a
person belongs to one circle of a cohort); two circles with the same id.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "one-circle"


def check(program: Program) -> Iterator[Problem]:
    for match in program.matches.values():
        seen: dict[str, str] = {}
        ids: set[str] = set()
        for i, circle in enumerate(match.circles):
            if circle.id in ids:
                yield problem_at(
                    program,
                    match.source,
                    ("circles", i, "id"),
                    CODE,
                    f"two circles of {match.cohort} have the id {circle.id}",
                )
            ids.add(circle.id)
            for j, member in enumerate(circle.members):
                first = seen.get(member)
                if first is not None and first != circle.id:
                    yield problem_at(
                        program,
                        match.source,
                        ("circles", i, "members", j),
                        CODE,
                        f"{member} is in circles {first} and {circle.id} of {match.cohort}; "
                        "a person belongs to one circle of a cohort",
                    )
                seen.setdefault(member, circle.id)
