"""Every person a file names has a file in participants/.

Code: ``unknown-participant``.

Passing: ``manager: grace`` with ``participants/grace.yaml`` present.

Failing: ``avoid: [gracee]`` (unknown-participant: no participant 'gracee' (did you mean
'grace'?)); a lesson whose ``author`` has no file; a pair naming a removed person.

An unknown id inside a sealed ``avoid`` or ``manager`` is a warning, and shared output
names no file for it: another person's rename can cause it (``sealing.rule_problems``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.entities import MatchFile
from mentorkit.model.program import Program
from mentorkit.model.source import KeyPath
from mentorkit.problems import Problem, shown

CODE = "unknown-participant"


def _match_references(match: MatchFile) -> Iterator[tuple[str, KeyPath, str, str]]:
    for i, pair in enumerate(match.pairs):
        yield match.source, ("pairs", i, "mentor"), pair.mentor, "mentor"
        yield match.source, ("pairs", i, "mentee"), pair.mentee, "mentee"
    for i, circle in enumerate(match.circles):
        for j, member in enumerate(circle.members):
            yield match.source, ("circles", i, "members", j), member, "member"
        for j, (former, _) in enumerate(circle.former_members):
            yield match.source, ("circles", i, "former_members", j, "id"), former, "member"
        if circle.facilitator:
            yield match.source, ("circles", i, "facilitator"), circle.facilitator, "facilitator"
    for i, entry in enumerate(match.unmatched):
        yield match.source, ("unmatched", i, "id"), entry.id, "unmatched"


def _references(program: Program) -> Iterator[tuple[str, KeyPath, str, str]]:
    """(file, key path, participant id, role) for every reference to a person."""
    for i, coordinator in enumerate(program.charter.coordinators):
        yield program.charter.source, ("coordinators", i), coordinator, "coordinator"
    for person in program.participants.values():
        if person.manager:
            yield person.source, ("manager",), person.manager, "manager"
        for i, other in enumerate(person.avoid):
            yield person.source, ("avoid", i), other, "avoid"
        for section, offer in (("mentee", person.mentee), ("mentor", person.mentor)):
            for i, other in enumerate(offer.preferences if offer else ()):
                yield person.source, (section, "preferences", i), other, "preference"
    for lesson in program.lessons:
        yield lesson.source, ("author",), lesson.author, "author"
    for match in program.matches.values():
        yield from _match_references(match)
    for agreement in program.agreements:
        yield agreement.source, ("mentor",), agreement.mentor, "mentor"
        yield agreement.source, ("mentee",), agreement.mentee, "mentee"


def check(program: Program) -> Iterator[Problem]:
    ids: list[str] | None = None
    for path, keypath, person, role in _references(program):
        if program.knows_participant(person):
            continue
        if ids is None:
            ids = sorted(program.participants)
        close = difflib.get_close_matches(person, ids, n=1, cutoff=0.75)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        yield problem_at(
            program, path, keypath, CODE, f"{role}: no participant {shown(person)}{hint}"
        )
