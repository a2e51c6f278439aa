"""Sealed values the identity cannot use: read such a file the way a pull request's checks did.

A pull request's checks never have the identity, so a sealed value that cannot be opened
(sealed to someone else only, damaged armor, not a mapping, an alias bomb), that holds a
field that may not be sealed, or whose fields are invalid reaches the main branch unseen.
The jobs that have the identity (the pages build, matching, reports) must not stop for
everyone because of one such file. So the file is *set aside*: read with its plain fields
only, exactly as the pull request's checks read it, reported as one ``sealed-open``
problem at its ``sealed:`` line (naming no private value), and left out of whatever needs
its private fields (matching). ``validate`` with the identity still fails on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence

from mentorkit.loading.repository import LoadedRepository
from mentorkit.model.program import Program
from mentorkit.problems import Problem
from mentorkit.sealing.fields import SEALED_KEY
from mentorkit.sealing.opening import CODE, SEALED_RULE, OpenedDocument, OpenedRepository


def content_errors(
    problems: Iterable[Problem], opened: LoadedRepository, about_the_armor: Collection[str] = ()
) -> dict[str, list[str]]:
    """Per file, the codes of the errors found inside its opened sealed fields.

    ``about_the_armor``: codes of checks that judge the ``sealed:`` value as written (a
    copy of another file's value), found without the identity and at the same line.
    """
    found: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    skip = {CODE, *about_the_armor}
    for problem in problems:
        doc = opened.documents.get(problem.path)
        if not problem.is_error or problem.code in skip or not isinstance(doc, OpenedDocument):
            continue
        if not doc.sealed_keys:
            continue
        if problem.path not in lines:  # located only for files with an error: a parse each
            lines[problem.path] = doc.locate((SEALED_KEY,))[0]
        if problem.line == lines[problem.path]:
            found.setdefault(problem.path, [])
            if problem.code not in found[problem.path]:
                found[problem.path].append(problem.code)
    return found


def set_aside(
    opened: OpenedRepository, plain: LoadedRepository, found: Mapping[str, Sequence[str]]
) -> OpenedRepository:
    """``opened`` with the files of ``found`` read from their plain fields only."""
    documents = dict(opened.loaded.documents)
    problems = list(opened.problems)
    for path, codes in found.items():
        documents[path] = plain.documents[path]
        line, col = plain.documents[path].locate((SEALED_KEY,), key=True)
        message = (
            f"the sealed value's fields have {', '.join(codes)} problems; the details stay "
            f"sealed: `mentorkit edit {path}` shows and fixes them"
        )
        problems.append(Problem(path, line, col, "error", CODE, message))
    return dataclasses.replace(
        opened,
        loaded=dataclasses.replace(opened.loaded, documents=documents),
        unopened=opened.unopened | set(found),
        unusable=opened.unusable | set(found),
        problems=tuple(problems),
    )


def set_aside_problem(problem: Problem, unusable: frozenset[str]) -> bool:
    """Whether ``problem`` only says that a set-aside file's sealed value cannot be used."""
    return problem.code == CODE and problem.path in unusable


def rule_conflict(problem: Problem) -> bool:
    """Whether ``problem`` is a recorded pair (or a preference) that a sealed rule forbids.

    A participant may seal an ``avoid`` naming their current partner; the pull request's
    checks cannot see it. It is for a coordinator to act on (`mentorkit rematch`), not a
    reason to stop the site or everyone else's matching.
    """
    return SEALED_RULE in problem.message


def blocking(problems: Iterable[Problem], unusable: frozenset[str]) -> list[Problem]:
    """The errors that stop a build, a report or matching for everyone.

    Not those about a set-aside sealed value, nor sealed-rule conflicts: both are
    invisible to a pull request's checks and concern one file or pair.
    """
    return [
        p
        for p in problems
        if p.is_error and not set_aside_problem(p, unusable) and not rule_conflict(p)
    ]


def set_aside_people(program: Program, cohort: str) -> list[str]:
    """Ids of ``cohort``'s participants whose file is set aside (their rules are unknown)."""
    return [person.id for person in program.enrolled(cohort) if person.source in program.unusable]


def leave_out(program: Program, cohort: str, ids: Iterable[str]) -> Program:
    """``program`` with ``ids`` no longer enrolled in ``cohort``: nobody proposes them.

    Their recorded pairs stay in the match file; only new proposals leave them out, since
    an avoid or manager rule in their unusable sealed value cannot be respected.
    """
    people = dict(program.participants)
    for person_id in ids:
        person = people[person_id]
        people[person_id] = dataclasses.replace(
            person, cohorts=tuple(c for c in person.cohorts if c != cohort)
        )
    return dataclasses.replace(program, participants=people)
