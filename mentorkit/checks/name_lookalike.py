"""A display name does not pass for another person's.

Code: ``look-alike-name`` (a warning).

Names are compared as a reader sees them (``model.lookalike.skeleton``): without case,
accents, invisible characters or cross-script look-alikes. Two people may share a name
by chance, so this is a warning for a coordinator to look at, not an error; the pull
request review shows it on the changed file. Taking a coordinator's name is called out,
and so is a name that *begins* with a coordinator's full name ("Grace Hopper — coordinator"),
which a reader takes for the coordinator; sharing only a first name is not flagged.

Passing: ``name: Ada Lovelace`` and ``name: Ada Byron``.

Failing: ``name: "Kenji  WATANABE"`` beside the coordinator ``Kenji Watanabe``, or
``name: "Кenji Watanabe"`` with a Cyrillic К (look-alike-name: the name looks the same as
kenji-watanabe's, a coordinator of the program), or ``name: "Kenji Watanabe (coordinator)"``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.lookalike import skeleton
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "look-alike-name"

# What follows a coordinator's name for the whole to read as that coordinator. After a
# full name: a space or a mark ("Grace Hopper — coordinator", "Grace Hopper (lead)"), not
# a letter or a joining hyphen ("Grace Hoppersmith", "Grace Hopper-Smith" are someone
# else). After a one-word name, which many people share as a first name: only a mark
# ("Octo — coordinator", "Octo (lead)"), not another name ("Grace Kelly", "Grace-Ann").
_AFTER_FULL_NAME = re.compile(r"\s|[^\w'’-]")
_AFTER_ONE_WORD = re.compile(r"\s*[^\w\s'’-]|\s+['’-]")


def _claims(look: str, coordinator: str) -> bool:
    rest = look.removeprefix(coordinator)
    if rest == look or not rest:
        return False
    after = _AFTER_FULL_NAME if len(coordinator.split()) > 1 else _AFTER_ONE_WORD
    return after.match(rest) is not None


def check(program: Program) -> Iterator[Problem]:
    yield from _same_look(program)
    yield from _coordinator_prefix(program)


def _same_look(program: Program) -> Iterator[Problem]:
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


def _coordinator_prefix(program: Program) -> Iterator[Problem]:
    """Names that begin with a coordinator's name and go on (a title, a dash)."""
    coordinators = {
        cid: skeleton(program.participants[cid].name)
        for cid in program.charter.coordinators
        if cid in program.participants
    }
    for pid, person in program.participants.items():
        look = skeleton(person.name)
        taken = sorted(
            cid for cid, name in coordinators.items() if cid != pid and name and _claims(look, name)
        )
        if not taken:
            continue
        named = [c if program.participants[c].public else "someone off the site" for c in taken]
        yield problem_at(
            program,
            person.source,
            ("name",),
            CODE,
            f"the name begins with {', '.join(named)}'s, a coordinator of the program; a "
            "reader could take it for theirs (ask the person to choose a name of their own)",
            level="warning",
        )
