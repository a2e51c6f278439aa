"""A mentor's current pairs in a cohort never exceed the capacity they offered.

Code: ``capacity-exceeded``.

Current pairs are accepted and proposed ones: a proposal is a seat the mentor is asked to
give, so a hand edit that adds one over capacity is caught before it is accepted. Ended
pairs are history and do not count.

Passing: ada offers ``capacity: 2`` and has one accepted and one proposed pair in 2026-autumn.

Failing: ada offers ``capacity: 1`` and has an accepted and a proposed pair
(capacity-exceeded: ada has 2 current pairs in 2026-autumn (1 accepted, 1 proposed) but
offers capacity 1).
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
        current = [(i, p) for i, p in enumerate(match.pairs) if p.status != "ended"]
        # a rotation meets one partner per round: capacity counts within each round
        load = Counter((p.round or 0, p.mentor) for _, p in current)
        for (round_, mentor_id), count in sorted(load.items()):
            person = program.participants.get(mentor_id)
            if person is None or person.mentor is None or count <= person.mentor.capacity:
                continue
            rows = [i for i, p in current if p.mentor == mentor_id and (p.round or 0) == round_]
            accepted = sum(1 for i in rows if match.pairs[i].status == "accepted")
            # Pointed at the first pair beyond capacity: the one a hand edit most likely added.
            yield problem_at(
                program,
                match.source,
                ("pairs", rows[person.mentor.capacity], "mentor"),
                CODE,
                f"{mentor_id} has {count} current pairs in {match.cohort} ({accepted} accepted, "
                f"{count - accepted} proposed) but offers capacity {person.mentor.capacity}",
            )
