"""Reporting lines form a tree: nobody manages themselves, directly or round a loop.

Code: ``manager-cycle``.

Passing: ``ada`` has ``manager: grace``; ``grace`` has no manager.

Failing: ``ada`` has ``manager: ada`` (manager-cycle: ada is named as their own manager);
``ada -> grace -> ada`` (manager-cycle: reporting lines loop: ada -> grace -> ada).

Once any manager is sealed, a loop is a warning that shared output names no file for:
another person's sealed manager can close it (``sealing.rule_problems``).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "manager-cycle"


def check(program: Program) -> Iterator[Problem]:
    manager_of = {p.id: p.manager for p in program.participants.values() if p.manager}
    done: set[str] = set()
    for start in manager_of:
        if start in done:
            continue
        trail: list[str] = []
        on_trail: set[str] = set()
        current: str | None = start
        while current is not None and current not in done and current not in on_trail:
            trail.append(current)
            on_trail.add(current)
            current = manager_of.get(current)
        if current is not None and current in on_trail:
            loop = trail[trail.index(current) :]
            first = min(loop)
            person = program.participants[first]
            if len(loop) == 1:
                message = f"{first} is named as their own manager"
            else:
                rotated = loop[loop.index(first) :] + loop[: loop.index(first)]
                message = "reporting lines loop: " + " -> ".join([*rotated, first])
            yield problem_at(program, person.source, ("manager",), CODE, message)
        done.update(trail)
