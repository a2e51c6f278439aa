"""The values ``compute_metrics`` returns: frozen, raw counts, rates as properties.

See ``mentorkit.lifecycle.metrics`` for how each figure is defined.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentorkit.lifecycle.suppression import ratio

UNDER_USED_BELOW = 0.5


@dataclass(frozen=True)
class CohortParticipation:
    cohort: str
    name: str
    status: str
    enrolled: int
    mentors: int
    seeking: int
    matched: int

    @property
    def match_rate(self) -> float | None:
        return ratio(self.matched, self.seeking)


@dataclass(frozen=True)
class DepartmentParticipation:
    department: str
    people: int
    enrolled: int
    seeking: int
    matched: int

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
    mentors: tuple[MentorLoad, ...]

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


@dataclass(frozen=True)
class GoalAttainment:
    agreements: int
    total: int
    achieved: int
    in_progress: int
    not_started: int
    dropped: int

    @property
    def rate(self) -> float | None:
        return ratio(self.achieved, self.total)


@dataclass(frozen=True)
class HealthDistribution:
    on_track: int
    needs_attention: int
    off_track: int
    no_checkin: int

    @property
    def total(self) -> int:
        return self.on_track + self.needs_attention + self.off_track + self.no_checkin


@dataclass(frozen=True)
class SkillBalance:
    skill: str
    name: str
    mentors_offering: int
    mentees_seeking: int

    @property
    def is_gap(self) -> bool:
        return self.mentees_seeking > 0 and self.mentors_offering == 0


@dataclass(frozen=True)
class CrossFunctional:
    accepted_pairs: int
    cross_functional: int

    @property
    def share(self) -> float | None:
        return ratio(self.cross_functional, self.accepted_pairs)


@dataclass(frozen=True)
class Continuation:
    from_cohort: str
    to_cohort: str
    from_enrolled: int
    continuing: int

    @property
    def rate(self) -> float | None:
        return ratio(self.continuing, self.from_enrolled)


@dataclass(frozen=True)
class ProgramMetrics:
    today: str
    scope: str | None
    people: int
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
    def skill_gaps(self) -> tuple[str, ...]:
        """Skills mentees seek that no mentor offers."""
        return tuple(s.skill for s in self.skills if s.is_gap)
