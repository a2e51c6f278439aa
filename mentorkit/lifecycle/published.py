"""The published form of the program metrics: what the site and a shared report show.

Two rules, applied here once for the dashboard, the cohort pages and ``report --published``
(Markdown always), so their figures always agree:

- People who chose ``public: false`` count in nothing published: ``public_program``
  leaves them, their pairs, circles places, agreements and lessons out before anything is
  computed.
- Every figure then passes through ``mentorkit.lifecycle.disclosure`` together with every
  other figure shown beside it (``metric_specs``): small groups and anything that would
  give one back are withheld, with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mentorkit.lifecycle.disclosure import (
    DEFAULT_MIN_GROUP,
    NOBODY,
    Count,
    Figure,
    Rate,
    Spec,
    disclose,
)
from mentorkit.lifecycle.metric_values import (
    GOAL_STATUSES,
    HEALTH_STATES,
    ProgramMetrics,
    SkillBalance,
)
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.network import network_specs
from mentorkit.model.entities import CohortStatus, GoalStatus, MatchFile
from mentorkit.model.program import Program

NOT_MATCHED_YET = "not matched yet"


def min_group(program: Program) -> int:
    """The program's threshold (``privacy.min_group``), the one place its default applies."""
    return program.charter.min_group


def public_program(program: Program) -> Program:
    """``program`` without the people who are not public and whatever involves them."""
    public = {pid: p for pid, p in program.participants.items() if p.public}

    def both(mentor: str, mentee: str) -> bool:
        return mentor in public and mentee in public

    matches = {
        cid: MatchFile(
            cohort=m.cohort,
            source=m.source,
            pairs=tuple(p for p in m.pairs if both(p.mentor, p.mentee)),
            circles=tuple(
                dataclasses.replace(c, members=tuple(x for x in c.members if x in public))
                for c in m.circles
            ),
            unmatched=tuple(u for u in m.unmatched if u.id in public),
        )
        for cid, m in program.matches.items()
    }
    return dataclasses.replace(
        program,
        participants=public,
        matches=matches,
        agreements=tuple(a for a in program.agreements if both(a.mentor, a.mentee)),
        lessons=tuple(lesson for lesson in program.lessons if lesson.author in public),
    )


def metric_specs(metrics: ProgramMetrics) -> list[Spec]:
    """Every published figure of ``metrics`` with the units behind it, keyed for lookup.

    Program-wide, who is in the program, their departments and what mentors offer are on
    the site anyway (a page per person, the directory): those counts are public.
    """
    wide = metrics.scope is None
    specs: list[Spec] = [Count("people", metrics.people_ids, public=wide, keep=9)]
    for c in metrics.cohorts:
        k = cohort_figure_key(c.cohort, "")
        specs += [
            Count(k + "enrolled", c.enrolled_ids, metrics.people_ids, keep=3),
            Count(k + "mentors", c.mentor_ids, c.enrolled_ids),
            Count(k + "seeking", c.seeking_ids, c.enrolled_ids),
        ]
        if c.matched_yet:
            specs += [
                Count(k + "matched", c.matched_ids, c.seeking_ids),
                Rate(k + "match_rate", c.matched_ids, c.seeking_ids, keep=5),
            ]
    for d in metrics.departments:
        k = f"department:{d.department}:"
        specs += [
            Count(k + "people", d.people_ids, metrics.people_ids, public=wide),
            Count(k + "enrolled", d.enrolled_ids, d.people_ids),
            Rate(k + "participation_rate", d.enrolled_ids, d.people_ids),
            Count(k + "seeking", d.seeking_ids, d.enrolled_ids),
            Count(k + "matched", d.matched_ids, d.seeking_ids),
            Rate(k + "match_rate", d.matched_ids, d.seeking_ids),
        ]
    specs += _load_specs(metrics)
    for s in metrics.skills:
        specs += [
            Count(f"skill:{s.skill}:offering", s.offering_ids, public=wide),
            Count(f"skill:{s.skill}:seeking", s.seeking_ids, metrics.mentee_ids),
        ]
    for n in metrics.continuation:
        k = f"continuation:{n.from_cohort}:{n.to_cohort}:"
        specs += [
            Count(k + "from", n.from_ids, metrics.people_ids),
            Count(k + "continuing", n.continuing_ids, n.from_ids),
            Rate(k + "rate", n.continuing_ids, n.from_ids),
        ]
    return specs


def _load_specs(metrics: ProgramMetrics) -> list[Spec]:
    """Mentor load, goals, health and cross-functional pairs."""
    u, g, h, x = metrics.utilisation, metrics.goals, metrics.health, metrics.cross_functional
    mentors = u.mentor_ids
    capacity = u.slot_ids | u.pair_ids
    under = frozenset(("person", m.mentor) for m in u.mentors if m.under_used)
    goals, agreements = g.all_ids, (g.agreement_ids,)
    specs: list[Spec] = [
        Count("utilisation:mentors", mentors, keep=4),
        Count("utilisation:capacity", capacity, behind=(mentors,)),
        Count("utilisation:accepted", u.pair_ids, capacity, behind=(mentors,), keep=4),
        Rate("utilisation:rate", u.pair_ids, capacity, behind=(mentors,), keep=5),
        Count("utilisation:under_used", under, mentors),
        Count("goals:agreements", g.agreement_ids),
        Count("goals:total", goals, behind=agreements),
        Rate("goals:attainment", g.ids("achieved"), goals, behind=agreements, keep=5),
        Count("health:total", h.all_ids),
        Count("cross:pairs", x.pair_ids, keep=4),
        Count("cross:crossing", x.crossing_ids, x.pair_ids),
        Rate("cross:share", x.crossing_ids, x.pair_ids, keep=5),
    ]
    specs += [Count(f"goals:{s}", g.ids(s), goals, behind=agreements) for s in GOAL_STATUSES]
    specs += [Count(f"health:{s}", h.ids(s), h.all_ids) for s in HEALTH_STATES]
    return specs


def _number(figure: Figure) -> float | None:
    value = figure.value
    if value is None:
        return None
    return round(value, 4) if isinstance(value, float) else value


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


def published_figures(
    metrics: ProgramMetrics, threshold: int = DEFAULT_MIN_GROUP, extra: list[Spec] | None = None
) -> Figures:
    """The figures of ``metrics`` (and ``extra`` ones shown beside them) as published."""
    figures = disclose([*metric_specs(metrics), *(extra or [])], threshold)
    return Figures({**figures, **_not_matched_yet(metrics)})


@dataclass(frozen=True)
class PublishedMetrics:
    """The metrics as published: the same for the site, ``report --published`` and the
    pull-request review, so their figures always agree."""

    public: Program  # the program without the people who are not public
    metrics: ProgramMetrics
    figures: Figures
    min_group: int


def publish(program: Program, today: dt.date, *, cohort: str | None = None) -> PublishedMetrics:
    """Metrics of the people on the site, disclosed together with the department network
    (program-wide, the site shows both side by side)."""
    return published_with_specs(program, today, cohort=cohort)[0]


def published_with_specs(
    program: Program, today: dt.date, *, cohort: str | None = None
) -> tuple[PublishedMetrics, list[Spec]]:
    """``publish`` and the figures it disclosed, for a disclosure beside it."""
    shared = public_program(program)
    threshold = min_group(program)
    metrics = compute_metrics(shared, today, cohort=cohort)
    extra = network_specs(shared, threshold) if cohort is None else []
    figures = published_figures(metrics, threshold, extra=extra)
    return PublishedMetrics(shared, metrics, figures, threshold), [*metric_specs(metrics), *extra]


def _not_matched_yet(metrics: ProgramMetrics) -> dict[str, Figure]:
    """Before a cohort's first match there is no match rate: "not matched yet", not 0%."""
    pending = Figure(None, note=NOT_MATCHED_YET)
    notes = {}
    for c in metrics.cohorts:
        if not c.matched_yet:
            notes[cohort_figure_key(c.cohort, "matched")] = pending
            notes[cohort_figure_key(c.cohort, "match_rate")] = pending
    return notes


def raw_figures(metrics: ProgramMetrics) -> Figures:
    """Every figure as it is, for the coordinators' own report."""
    figures = {}
    for spec in metric_specs(metrics):
        if isinstance(spec, Count):
            figures[spec.key] = Figure(len(spec.units))
        else:
            value = len(spec.part) / len(spec.whole) if spec.whole else None
            figures[spec.key] = Figure(value, note="" if spec.whole else NOBODY)
    return Figures({**figures, **_not_matched_yet(metrics)})


def metrics_to_dict(
    metrics: ProgramMetrics, figures: Figures, *, published: bool
) -> dict[str, Any]:
    """JSON-ready metrics read from ``figures`` (published or raw)."""
    util, cross = metrics.utilisation, metrics.cross_functional
    n = _number
    u, g, h, x = figures.utilisation, figures.goals, figures.health, figures.cross
    utilisation: dict[str, Any] = {
        "cohorts": list(util.cohorts),
        "mentors": n(u.mentors),
        "capacity": n(u.capacity),
        "accepted_pairs": n(u.accepted),
        "rate": n(u.rate),
        "under_used": n(u.under_used),
    }
    if not published:
        utilisation["per_mentor"] = [
            {
                "mentor": m.mentor,
                "capacity": m.capacity,
                "accepted": m.accepted,
                "utilisation": None if m.utilisation is None else round(m.utilisation, 4),
                "under_used": m.under_used,
            }
            for m in util.mentors
        ]
        utilisation["under_used_mentors"] = list(util.under_used)
    return {
        "today": metrics.today,
        "scope": metrics.scope,
        "published": published,
        "people": n(figures.people),
        "cohorts": [
            _cohort(figures, c.cohort, c.name, c.status, c.matched_yet) for c in metrics.cohorts
        ],
        "departments": [_department(figures, d.department) for d in metrics.departments],
        "utilisation": utilisation,
        "goals": {
            "agreements": n(g.agreements),
            "total": n(g.total),
            **{s.replace("-", "_"): n(figure) for s, figure in g.by_status.items()},
            "attainment": n(g.attainment),
        },
        "health": {
            "active_agreements": n(h.total),
            **{
                ("no_checkin" if s == "none" else s.replace("-", "_")): n(figure)
                for s, figure in h.by_state.items()
            },
        },
        "skills": [
            {
                "skill": s.skill,
                "name": s.name,
                "mentors_offering": n(figures.skill(s.skill).offering),
                "mentees_seeking": n(figures.skill(s.skill).seeking),
                "gap": _is_gap(figures, s.skill),
            }
            for s in metrics.skills
        ],
        "skill_gaps": [s.skill for s in metrics.skills if _is_gap(figures, s.skill)],
        "cross_functional": {
            "cohorts": list(cross.cohorts),
            "accepted_pairs": n(x.pairs),
            "cross_functional": n(x.crossing),
            "share": n(x.share),
        },
        "continuation": [
            _continuation(figures, c.from_cohort, c.to_cohort) for c in metrics.continuation
        ],
        "lessons_per_month": [
            {"month": m, "lessons": count} for m, count in metrics.lessons_per_month
        ],
        "withheld": figures.withheld(),
    }


def _continuation(f: Figures, from_cohort: str, to_cohort: str) -> dict[str, Any]:
    c = f.continuation(from_cohort, to_cohort)
    return {
        "from": from_cohort,
        "to": to_cohort,
        "from_enrolled": _number(c.enrolled),
        "continuing": _number(c.continuing),
        "rate": _number(c.rate),
    }


def skills_in_shown_order(metrics: ProgramMetrics, figures: Figures) -> list[SkillBalance]:
    """Skills biggest shortfall first, judged on shown figures only: where a withheld
    demand would sort a row, and whether it makes a shortened list, would give it away.
    Rows whose demand is withheld follow, by name."""

    def key(s: SkillBalance) -> tuple[int, float, str]:
        found = figures.skill(s.skill)
        offering, seeking = found.offering.value, found.seeking.value
        if offering is None or seeking is None:
            return (1, 0.0, s.name.casefold())
        return (0, offering - seeking, s.name.casefold())

    return sorted(metrics.skills, key=key)


def _is_gap(f: Figures, skill: str) -> bool:
    """Sought by a shown number of mentees and offered by no mentor: a gap worth telling.

    A gap sought by a withheld number of people is not listed: the list would tell that
    one to four people want to learn it.
    """
    found = f.skill(skill)
    return found.offering.value == 0 and bool(found.seeking.value)


def _cohort(
    f: Figures, cid: str, name: str, status: CohortStatus, matched_yet: bool
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "cohort": cid,
        "name": name,
        "status": status,
        "matched_yet": matched_yet,
    }
    figures = f.cohort(cid)
    assert figures is not None  # metrics.cohorts are the cohorts the figures cover
    return found | {name: _number(figure) for name, figure in figures.named().items()}


def _department(f: Figures, dept: str) -> dict[str, Any]:
    d = f.department(dept)
    return {
        "department": dept,
        "people": _number(d.people),
        "enrolled": _number(d.enrolled),
        "participation_rate": _number(d.participation_rate),
        "seeking": _number(d.seeking),
        "matched": _number(d.matched),
        "match_rate": _number(d.match_rate),
    }
