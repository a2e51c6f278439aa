"""Leaving the program with history kept: what ``mentorkit leave`` changes, as a plan.

A person who leaves has their current pairs ended, their open agreements completed and
their circle memberships moved to ``former_members``, all dated. Closed cohorts are
history and stay as they are. Their profile becomes a *departed record* (id, name, GitHub
login, ``public`` and the ``departed`` date) when anything still names them (a pair of any
status, a circle, an agreement, a lesson, someone's manager or avoid list, the coordinators);
with no trace left, the file is removed. Nothing new about the person is published: the
record drops every field but those, and ``public: false`` stays false.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from mentorkit.model.program import Program

DEFAULT_REASON = "left the program"
OPEN_AGREEMENTS = ("draft", "active", "paused")


class LeaveError(ValueError):
    """The person cannot leave (they already left)."""


@dataclass(frozen=True)
class LeavePlan:
    person: str
    name: str
    profile_path: str
    today: dt.date
    reason: str
    # (cohort, mentor, mentee) of each current pair that ends.
    pairs: tuple[tuple[str, str, str], ...]
    # (cohort, circle id) of each circle the person leaves.
    circles: tuple[tuple[str, str], ...]
    # Paths of the agreements that end (status completed, ended, status_reason).
    agreements: tuple[str, ...]
    profile: Literal["departed", "removed"]
    # Why the record is kept: what in the history still names the person.
    history: tuple[str, ...]

    @property
    def match_cohorts(self) -> tuple[str, ...]:
        return tuple(sorted({c for c, _, _ in self.pairs} | {c for c, _ in self.circles}))


def _is_open_cohort(program: Program, cohort_id: str) -> bool:
    cohort = program.cohorts.get(cohort_id)
    return cohort is None or cohort.status != "closed"


def _current(
    program: Program, pid: str
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    pairs, circles = [], []
    for cohort_id, match in program.matches.items():
        if not _is_open_cohort(program, cohort_id):
            continue
        pairs += [
            (cohort_id, p.mentor, p.mentee)
            for p in match.pairs
            if p.status != "ended" and pid in (p.mentor, p.mentee)
        ]
        circles += [(cohort_id, c.id) for c in match.circles if pid in c.members]
    return pairs, circles


def history_naming(program: Program, pid: str) -> tuple[str, ...]:
    """Everything that names ``pid`` once the leave is done, in words."""
    found: list[str] = []
    for match in program.matches.values():
        if any(pid in (p.mentor, p.mentee) for p in match.pairs):
            found.append(f"pairs in {match.source}")
        if any(pid in c.members or pid in dict(c.former_members) for c in match.circles):
            found.append(f"circles in {match.source}")
    found += [a.source for a in program.agreements if pid in (a.mentor, a.mentee)]
    found += [lesson.source for lesson in program.lessons if lesson.author == pid]
    found += [
        f"{p.source} (manager or avoid)"
        for p in program.participants.values()
        if p.id != pid and (p.manager == pid or pid in p.avoid)
    ]
    if pid in program.charter.coordinators:
        found.append(f"{program.charter.source} (coordinators)")
    source = program.participants[pid].source
    if source in program.unopened:  # `leave` reads without the identity: every sealed value
        # Git keeps the sealed value, and it names this path: a new file here could reuse
        # it (someone else's email and rules as theirs). The record keeps the path taken.
        found.append(f"{source} (a sealed value, kept in Git history)")
    return tuple(found)


def plan_leave(program: Program, pid: str, today: dt.date, reason: str | None = None) -> LeavePlan:
    """What leaving changes for ``pid`` (a participant id of ``program``)."""
    if pid in program.departed:
        raise LeaveError(f"{pid} already left the program on {program.departed[pid].departed}")
    person = program.participants[pid]
    pairs, circles = _current(program, pid)
    agreements = tuple(
        a.source
        for a in program.agreements
        if a.status in OPEN_AGREEMENTS and pid in (a.mentor, a.mentee)
    )
    history = history_naming(program, pid)
    return LeavePlan(
        person=pid,
        name=person.name,
        profile_path=person.source,
        today=today,
        reason=(reason or "").strip() or DEFAULT_REASON,
        pairs=tuple(pairs),
        circles=tuple(circles),
        agreements=agreements,
        profile="departed" if history else "removed",
        history=history,
    )
