"""The disclosed figures read typed: one cohort's, one department's, mentor load, goals...

``metric_specs`` gives every published figure its key; the readers here are the only
other place those keys are spelled, so the site, the reports and the review read a
figure by name (``figures.cohort(id).match_rate``) and a renamed key cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.metric_values import GOAL_STATUSES, HEALTH_STATES
from mentorkit.model.entities import GoalStatus

# A cohort's figures, in the order the dashboard, the report and the review show them.
COHORT_FIGURES = ("enrolled", "mentors", "seeking", "matched", "match_rate")


def cohort_figure_key(cohort: str, name: str) -> str:
    """The key of a cohort's figure (one of ``COHORT_FIGURES``)."""
    return f"cohort:{cohort}:{name}"


@dataclass(frozen=True)
class CohortFigures:
    """One cohort's published figures, typed: what the cohort pages, the dashboard, the
    report and the review read."""

    enrolled: Figure
    mentors: Figure
    seeking: Figure
    matched: Figure
    match_rate: Figure

    def named(self) -> dict[str, Figure]:
        """Each figure by its name, in ``COHORT_FIGURES`` order."""
        return {name: getattr(self, name) for name in COHORT_FIGURES}


@dataclass(frozen=True)
class DepartmentFigures:
    people: Figure
    enrolled: Figure
    participation_rate: Figure
    seeking: Figure
    matched: Figure
    match_rate: Figure


@dataclass(frozen=True)
class UtilisationFigures:
    """Mentor load in the cohorts running now."""

    mentors: Figure
    capacity: Figure
    accepted: Figure
    rate: Figure
    under_used: Figure


@dataclass(frozen=True)
class GoalFigures:
    """Agreement goals (agreements not rematched); ``by_status`` in ``GOAL_STATUSES`` order."""

    agreements: Figure
    total: Figure
    attainment: Figure
    by_status: Mapping[GoalStatus, Figure]


@dataclass(frozen=True)
class HealthFigures:
    """Latest check-in of active agreements; ``by_state`` in ``HEALTH_STATES`` order."""

    total: Figure
    by_state: Mapping[str, Figure]


@dataclass(frozen=True)
class CrossFigures:
    """Accepted pairs across departments, in the cohorts running now."""

    pairs: Figure
    crossing: Figure
    share: Figure


@dataclass(frozen=True)
class SkillFigures:
    offering: Figure
    seeking: Figure


@dataclass(frozen=True)
class ContinuationFigures:
    """People of one cohort who enrolled in the next."""

    enrolled: Figure
    continuing: Figure
    rate: Figure


class Figures:
    """Disclosed figures, read typed (``cohort``, ``department``, ``utilisation``, …).

    Each figure is disclosed under the key ``metric_specs`` gives it; the typed readers
    below are the only other place those keys are spelled. ``figures[key]`` stays for
    figures declared elsewhere (network, survey, outcomes) and ``withheld`` for legends.
    """

    def __init__(self, figures: dict[str, Figure]) -> None:
        self.figures = figures

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]

    @property
    def people(self) -> Figure:
        return self.figures["people"]

    def department(self, department: str) -> DepartmentFigures:
        k = f"department:{department}:"
        f = self.figures
        return DepartmentFigures(
            f[k + "people"],
            f[k + "enrolled"],
            f[k + "participation_rate"],
            f[k + "seeking"],
            f[k + "matched"],
            f[k + "match_rate"],
        )

    @property
    def utilisation(self) -> UtilisationFigures:
        f = self.figures
        return UtilisationFigures(
            f["utilisation:mentors"],
            f["utilisation:capacity"],
            f["utilisation:accepted"],
            f["utilisation:rate"],
            f["utilisation:under_used"],
        )

    @property
    def goals(self) -> GoalFigures:
        f = self.figures
        by_status = {s: f[f"goals:{s}"] for s in GOAL_STATUSES}
        return GoalFigures(
            f["goals:agreements"], f["goals:total"], f["goals:attainment"], by_status
        )

    @property
    def health(self) -> HealthFigures:
        f = self.figures
        return HealthFigures(f["health:total"], {s: f[f"health:{s}"] for s in HEALTH_STATES})

    @property
    def cross(self) -> CrossFigures:
        f = self.figures
        return CrossFigures(f["cross:pairs"], f["cross:crossing"], f["cross:share"])

    def skill(self, skill: str) -> SkillFigures:
        return SkillFigures(
            self.figures[f"skill:{skill}:offering"], self.figures[f"skill:{skill}:seeking"]
        )

    def continuation(self, from_cohort: str, to_cohort: str) -> ContinuationFigures:
        k = f"continuation:{from_cohort}:{to_cohort}:"
        f = self.figures
        return ContinuationFigures(f[k + "from"], f[k + "continuing"], f[k + "rate"])

    def cohort(self, cohort_id: str) -> CohortFigures | None:
        """The cohort's figures; None for a cohort these metrics do not cover."""
        keys = [cohort_figure_key(cohort_id, name) for name in COHORT_FIGURES]
        if any(key not in self.figures for key in keys):
            return None
        return CohortFigures(*(self.figures[key] for key in keys))

    def withheld(self) -> dict[str, str]:
        return {k: f.withheld for k, f in self.figures.items() if f.withheld}
