"""A display name does not pass for another person's.

Code: ``look-alike-name`` (a warning).

Names are compared as a reader sees them (``model.lookalike.skeleton``): without case,
accents, invisible characters or cross-script look-alikes. Two people may share a name
by chance, so this is a warning for a coordinator to look at, not an error; the pull
request review shows it on the changed file. Taking a coordinator's name is called out.

Passing: ``name: Ada Lovelace`` and ``name: Ada Byron``.

Failing: ``name: "Kenji  WATANABE"`` beside the coordinator ``Kenji Watanabe``, or
``name: "Кenji Watanabe"`` with a Cyrillic К (look-alike-name: the name looks the same as
kenji-watanabe's, a coordinator of the program).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.lookalike import skeleton
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "look-alike-name"


def check(program: Program) -> Iterator[Problem]:
    by_look: defaultdict[str, list[str]] = defaultdict(list)
    for pid, person in program.participants.items():
        look = skeleton(person.name)
        if look:
            by_look[look].append(pid)
    coordinators = set(program.charter.coordinators)
    for ids in by_look.values():
        if len(ids) < 2:
            continue
        for pid in ids:
            others = [other for other in ids if other != pid]
            # A person off the site is not named to someone who may not know them.
            named = [
                o if program.participants[o].public else "someone off the site" for o in others
            ]
            role = ", a coordinator of the program" if coordinators & set(others) else ""
            yield problem_at(
                program,
                program.participants[pid].source,
                ("name",),
                CODE,
                f"the name looks the same as {', '.join(sorted(named))}'s{role}; a reader "
                "could mistake one for the other (ask the person to tell them apart)",
                level="warning",
            )
