"""The values ``compute_metrics`` returns: frozen, typed, the same for ``report``, the
dashboard and the review.

Each figure keeps the exact set of units it counts (people, pairs, goals, agreements,
capacity slots), so ``mentorkit.lifecycle.published`` can hand them to the disclosure
rules; counts and rates are properties of those sets. See ``mentorkit.lifecycle.metrics``
for how each figure is defined.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

UNDER_USED_BELOW = 0.5

Ids = frozenset[Hashable]


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def person(pid: str) -> tuple[str, str]:
    return ("person", pid)


@dataclass(frozen=True)
class CohortParticipation:
    cohort: str
    name: str
    status: str
    matched_yet: bool  # a match file exists: before that, "matched" means nothing yet
    enrolled_ids: Ids
    mentor_ids: Ids
    seeking_ids: Ids
    matched_ids: Ids

    @property
    def enrolled(self) -> int:
        return len(self.enrolled_ids)

    @property
    def mentors(self) -> int:
        return len(self.mentor_ids)

    @property
    def seeking(self) -> int:
        return len(self.seeking_ids)

    @property
    def matched(self) -> int:
        return len(self.matched_ids)

    @property
    def match_rate(self) -> float | None:
        return ratio(self.matched, self.seeking)


@dataclass(frozen=True)
class DepartmentParticipation:
    department: str
    people_ids: Ids
    enrolled_ids: Ids
    seeking_ids: Ids
    matched_ids: Ids

    @property
    def people(self) -> int:
        return len(self.people_ids)

    @property
    def enrolled(self) -> int:
        return len(self.enrolled_ids)

    @property
    def seeking(self) -> int:
        return len(self.seeking_ids)

    @property
    def matched(self) -> int:
        return len(self.matched_ids)

    @property
    def participation_rate(self) -> float | None:
        return ratio(self.enrolled, self.people)

    @property
    def match_rate(self) -> float | None:
        return ratio(self.matched, self.seeking)


@dataclass(frozen=True)
class MentorLoad:
    mentor: str
    capacity: int
    accepted: int

    @property
    def utilisation(self) -> float | None:
        return ratio(self.accepted, self.capacity)

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

    @property
    def rate(self) -> float | None:
        return ratio(self.accepted, self.capacity)

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

    @property
    def filled_ids(self) -> Ids:
        return frozenset(("slot", m.mentor, i) for m in self.mentors for i in range(m.accepted))


GOAL_STATUSES = ("achieved", "in-progress", "not-started", "dropped")


@dataclass(frozen=True)
class GoalAttainment:
    agreement_ids: Ids  # the agreements (pairs) whose goals these are
    by_status: tuple[tuple[str, Ids], ...]  # (status, goal ids) in GOAL_STATUSES order

    def ids(self, status: str) -> Ids:
        return dict(self.by_status).get(status, frozenset())

    @property
    def agreements(self) -> int:
        return len(self.agreement_ids)

    @property
    def all_ids(self) -> Ids:
        return frozenset().union(*(ids for _, ids in self.by_status))

    @property
    def total(self) -> int:
        return len(self.all_ids)

    @property
    def achieved(self) -> int:
        return len(self.ids("achieved"))

    @property
    def in_progress(self) -> int:
        return len(self.ids("in-progress"))

    @property
    def not_started(self) -> int:
        return len(self.ids("not-started"))

    @property
    def dropped(self) -> int:
        return len(self.ids("dropped"))

    @property
    def rate(self) -> float | None:
        return ratio(self.achieved, self.total)


HEALTH_STATES = ("on-track", "needs-attention", "off-track", "none")


@dataclass(frozen=True)
class HealthDistribution:
    by_state: tuple[tuple[str, Ids], ...]  # (state, agreement ids) in HEALTH_STATES order

    def ids(self, state: str) -> Ids:
        return dict(self.by_state).get(state, frozenset())

    @property
    def on_track(self) -> int:
        return len(self.ids("on-track"))

    @property
    def needs_attention(self) -> int:
        return len(self.ids("needs-attention"))

    @property
    def off_track(self) -> int:
        return len(self.ids("off-track"))

    @property
    def no_checkin(self) -> int:
        return len(self.ids("none"))

    @property
    def all_ids(self) -> Ids:
        return frozenset().union(*(ids for _, ids in self.by_state))

    @property
    def total(self) -> int:
        return len(self.all_ids)


@dataclass(frozen=True)
class SkillBalance:
    skill: str
    name: str
    offering_ids: Ids
    seeking_ids: Ids

    @property
    def mentors_offering(self) -> int:
        return len(self.offering_ids)

    @property
    def mentees_seeking(self) -> int:
        return len(self.seeking_ids)

    @property
    def is_gap(self) -> bool:
        return self.mentees_seeking > 0 and self.mentors_offering == 0


@dataclass(frozen=True)
class CrossFunctional:
    cohorts: tuple[str, ...]  # the cohorts running on the day
    pair_ids: Ids
    crossing_ids: Ids

    @property
    def accepted_pairs(self) -> int:
        return len(self.pair_ids)

    @property
    def cross_functional(self) -> int:
        return len(self.crossing_ids)

    @property
    def share(self) -> float | None:
        return ratio(self.cross_functional, self.accepted_pairs)


@dataclass(frozen=True)
class Continuation:
    from_cohort: str
    to_cohort: str
    from_ids: Ids
    continuing_ids: Ids

    @property
    def from_enrolled(self) -> int:
        return len(self.from_ids)

    @property
    def continuing(self) -> int:
        return len(self.continuing_ids)

    @property
    def rate(self) -> float | None:
        return ratio(self.continuing, self.from_enrolled)


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

    @property
    def people(self) -> int:
        return len(self.people_ids)

    @property
    def skill_gaps(self) -> tuple[str, ...]:
        """Skills mentees seek that no mentor offers."""
        return tuple(s.skill for s in self.skills if s.is_gap)
