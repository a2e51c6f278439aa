"""Problems that another person's change causes in a sealed rule: said to nobody in particular.

A sealed ``avoid`` or ``manager`` entry names someone else. When that person renames or
removes their profile, the entry names no participant; when they seal a ``manager`` that
closes a loop, the reporting lines loop. Either way the problem lands on the file that
holds the sealed rule, and everything said about that file in a shared place (the CI
log, the matching pull request's list of people left out) would tell the one who made
the change that this person avoids them or reports to them. A removal that nobody
meant as a probe would still have that person dropped from matching.

So these problems are warnings, never a reason to set a file aside (``set_aside``), and
what the shared output says is one warning that names no file. A coordinator sees each
one with ``mentorkit validate --show-sealed``; the person fixes theirs with
``mentorkit edit``. Matching loses nothing: an entry naming nobody rules out nobody,
and a loop does not stop anyone from being kept apart from their manager.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from mentorkit.loading.repository import LoadedRepository
from mentorkit.problems import Problem
from mentorkit.sealing.fields import SEALED_KEY
from mentorkit.sealing.opening import OpenedDocument

UNKNOWN = "unknown-participant"
LOOP = "manager-cycle"
# Where the one shared warning points: the folder of the files that hold such rules.
WHERE = "participants"
SHARED = (
    "some sealed avoid or manager entries name no participant, or reporting lines that "
    "include sealed managers loop; which ones stays sealed, since it could tell who avoids "
    "or reports to whom: a coordinator sees them with `mentorkit validate --show-sealed`"
)


def _in_sealed_field(problem: Problem, opened: LoadedRepository) -> bool:
    doc = opened.documents.get(problem.path)
    if not isinstance(doc, OpenedDocument) or not doc.sealed_keys & {"avoid", "manager"}:
        return False
    return problem.line == doc.locate((SEALED_KEY,))[0]


def _sealed_managers(opened: LoadedRepository) -> bool:
    return any(
        isinstance(doc, OpenedDocument) and "manager" in doc.sealed_keys
        for doc in opened.documents.values()
    )


def about_others(problems: Sequence[Problem], opened: LoadedRepository) -> set[int]:
    """Indexes of the problems in ``problems`` that sealed rules and others' changes cause.

    An unknown id inside a sealed field; any reporting loop once a manager is sealed
    (the loop's message names everyone on it, and its place names the smallest id).
    """
    found: set[int] = set()
    loops: bool | None = None
    for index, problem in enumerate(problems):
        if problem.code == UNKNOWN and _in_sealed_field(problem, opened):
            found.add(index)
        elif problem.code == LOOP:
            loops = _sealed_managers(opened) if loops is None else loops
            if loops:
                found.add(index)
    return found


def as_warnings(problems: Sequence[Problem], opened: LoadedRepository) -> list[Problem]:
    """``problems`` with those ``about_others`` finds made warnings (nothing is set aside)."""
    others = about_others(problems, opened)
    return [
        dataclasses.replace(p, level="warning") if i in others else p
        for i, p in enumerate(problems)
    ]


def shared(problems: Sequence[Problem], opened: LoadedRepository) -> list[Problem]:
    """``problems`` for a shared place: those ``about_others`` finds become one warning
    that names no file, no line and no count."""
    others = about_others(problems, opened)
    if not others:
        return list(problems)
    codes = sorted({problems[i].code for i in others})
    kept = [p for i, p in enumerate(problems) if i not in others]
    return [*kept, Problem(WHERE, 0, 0, "warning", codes[0], SHARED)]
