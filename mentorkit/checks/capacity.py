"""A mentor's accepted pairs in a cohort never exceed the capacity they offered.

Code: ``capacity-exceeded``.

Passing: ada offers ``capacity: 2`` and has two accepted pairs in 2026-autumn.

Failing: ada offers ``capacity: 1`` and has two accepted pairs (capacity-exceeded: ada has 2
accepted pairs in 2026-autumn but offers capacity 1).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "capacity-exceeded"


def check(program: Program) -> Iterator[Problem]:
    for match in program.matches.values():
        load = Counter(p.mentor for p in match.pairs if p.status == "accepted")
        for mentor_id, count in sorted(load.items()):
            person = program.participants.get(mentor_id)
            if person is None or person.mentor is None or count <= person.mentor.capacity:
                continue
            first = next(
                i
                for i, p in enumerate(match.pairs)
                if p.mentor == mentor_id and p.status == "accepted"
            )
            yield problem_at(
                program,
                match.source,
                ("pairs", first, "mentor"),
                CODE,
                f"{mentor_id} has {count} accepted pairs in {match.cohort} but offers capacity {person.mentor.capacity}",
            )
