"""The values ``compute_metrics`` returns: frozen, typed, the same for ``report``, the
dashboard and the review.

Each figure keeps the exact set of units it counts (people, pairs, goals, agreements,
capacity slots), so ``mentorkit.lifecycle.published`` can hand them to the disclosure
rules; counts and rates are read off those sets (``size``, ``share``, ``in_state``), so
a count can never disagree with the set behind it. See ``mentorkit.lifecycle.metrics``
for how each figure is defined.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Literal

from mentorkit.model.entities import HEALTHS, CohortStatus, GoalStatus

UNDER_USED_BELOW = 0.5

Ids = frozenset[Hashable]

# Goal statuses in the order the report and the dashboard show them.
GOAL_STATUSES: tuple[GoalStatus, ...] = ("achieved", "in-progress", "not-started", "dropped")
# The health of an agreement's latest check-in, or "none" when it has none yet.
HealthState = Literal["on-track", "needs-attention", "off-track", "none"]
HEALTH_STATES: tuple[HealthState, ...] = (*HEALTHS, "none")


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def person(pid: str) -> tuple[str, str]:
    return ("person", pid)


class Size:
    """A count read off a set field: how many units ``field`` holds."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __get__(self, obj: Any, owner: Any = None) -> int:
        return len(getattr(obj, self.field))


class Share:
    """A rate of two counts of the same object; None when the whole is empty."""

    def __init__(self, part: str, whole: str) -> None:
        self.part, self.whole = part, whole

    def __get__(self, obj: Any, owner: Any = None) -> float | None:
        return ratio(getattr(obj, self.part), getattr(obj, self.whole))


class InState:
    """How many units are in one state of a by-state distribution (``ids(state)``)."""

    def __init__(self, state: str) -> None:
        self.state = state

    def __get__(self, obj: Any, owner: Any = None) -> int:
        return len(obj.ids(self.state))


@dataclass(frozen=True, kw_only=True)
class Participation:
    """Who is enrolled, who seeks a mentor (or a circle) and who has one."""

    enrolled_ids: Ids
    seeking_ids: Ids
    matched_ids: Ids

    enrolled = Size("enrolled_ids")
    seeking = Size("seeking_ids")
    matched = Size("matched_ids")
    match_rate = Share("matched", "seeking")


@dataclass(frozen=True, kw_only=True)
class CohortParticipation(Participation):
    cohort: str
    name: str
    status: CohortStatus
    matched_yet: bool  # a match file exists: before that, "matched" means nothing yet
    mentor_ids: Ids

    mentors = Size("mentor_ids")


@dataclass(frozen=True, kw_only=True)
class DepartmentParticipation(Participation):
    department: str
    people_ids: Ids  # everyone in the department, enrolled or not

    people = Size("people_ids")
    participation_rate = Share("enrolled", "people")


@dataclass(frozen=True)
class MentorLoad:
    mentor: str
    capacity: int
    accepted: int

    utilisation = Share("accepted", "capacity")

    @property
    def under_used(self) -> bool:
        return self.accepted < self.capacity * UNDER_USED_BELOW or self.accepted == 0


@dataclass(frozen=True)
class Utilisation:
    cohorts: tuple[str, ...]  # the cohorts running on the day: what these figures cover
    mentors: tuple[MentorLoad, ...]
    pair_ids: Ids  # the accepted pairs taking capacity

    @property
    def capacity(self) -> int:
        return sum(m.capacity for m in self.mentors)

    @property
    def accepted(self) -> int:
        return sum(m.accepted for m in self.mentors)

    rate = Share("accepted", "capacity")

    @property
    def under_used(self) -> tuple[str, ...]:
        return tuple(m.mentor for m in self.mentors if m.under_used)

    @property
    def mentor_ids(self) -> Ids:
        return frozenset(person(m.mentor) for m in self.mentors)

    @property
    def slot_ids(self) -> Ids:
        """One unit per place a mentor offered: capacity as a set, for the disclosure rules."""
        return frozenset(("slot", m.mentor, i) for m in self.mentors for i in range(m.capacity))


@dataclass(frozen=True)
class _ByState:
    """Units (goals, agreements) sorted into states, in the vocabulary's order."""

    by_state: tuple[tuple[str, Ids], ...]

    def ids(self, state: str) -> Ids:
        return dict(self.by_state).get(state, frozenset())

    @property
    def all_ids(self) -> Ids:
        return frozenset().union(*(ids for _, ids in self.by_state))

    total = Size("all_ids")


@dataclass(frozen=True)
class GoalAttainment(_ByState):
    """Goals by status (GOAL_STATUSES order) of the agreements in ``agreement_ids``."""

    agreement_ids: Ids = frozenset()  # the agreements (pairs) whose goals these are

    agreements = Size("agreement_ids")
    achieved = InState("achieved")
    in_progress = InState("in-progress")
    not_started = InState("not-started")
    dropped = InState("dropped")
    rate = Share("achieved", "total")


@dataclass(frozen=True)
class HealthDistribution(_ByState):
    """Active agreements by the health of their latest check-in (HEALTH_STATES order)."""

    on_track = InState("on-track")
    needs_attention = InState("needs-attention")
    off_track = InState("off-track")
    no_checkin = InState("none")


@dataclass(frozen=True)
class SkillBalance:
    skill: str
    name: str
    offering_ids: Ids
    seeking_ids: Ids

    mentors_offering = Size("offering_ids")
    mentees_seeking = Size("seeking_ids")

    @property
    def is_gap(self) -> bool:
        return self.mentees_seeking > 0 and self.mentors_offering == 0


@dataclass(frozen=True)
class CrossFunctional:
    cohorts: tuple[str, ...]  # the cohorts running on the day
    pair_ids: Ids
    crossing_ids: Ids

    accepted_pairs = Size("pair_ids")
    cross_functional = Size("crossing_ids")
    share = Share("cross_functional", "accepted_pairs")


@dataclass(frozen=True)
class Continuation:
    from_cohort: str
    to_cohort: str
    from_ids: Ids
    continuing_ids: Ids

    from_enrolled = Size("from_ids")
    continuing = Size("continuing_ids")
    rate = Share("continuing", "from_enrolled")


@dataclass(frozen=True)
class ProgramMetrics:
    today: str
    scope: str | None
    people_ids: Ids
    mentee_ids: Ids  # everyone with a mentee block: the group skill demand is part of
    cohorts: tuple[CohortParticipation, ...]
    departments: tuple[DepartmentParticipation, ...]
    utilisation: Utilisation
    goals: GoalAttainment
    health: HealthDistribution
    skills: tuple[SkillBalance, ...]
    cross_functional: CrossFunctional
    continuation: tuple[Continuation, ...]
    lessons_per_month: tuple[tuple[str, int], ...]

    people = Size("people_ids")

    @property
    def skill_gaps(self) -> tuple[str, ...]:
        """Skills mentees seek that no mentor offers."""
        return tuple(s.skill for s in self.skills if s.is_gap)
