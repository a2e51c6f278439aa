"""Metrics as plain data: everything for the coordinator, suppressed figures for publishing.

``metrics_to_dict(m, published=True)`` is what the site dashboard and a Markdown report
shared beyond the coordinators use: counts of one to four people become ``None``, and so
does a figure that would give one back (a part whose rest is one to four people, a total
whose withheld parts are), rates over small groups become ``None`` and no mentor is named (recognition names mentors, with
their consent, through ``public``).
"""

from __future__ import annotations

from typing import Any

from mentorkit.lifecycle.metric_values import GoalAttainment, HealthDistribution, ProgramMetrics
from mentorkit.lifecycle.suppression import (
    MINIMUM_GROUP,
    ratio,
    suppress_part,
    suppress_partition,
    suppress_rate,
    suppress_small,
)


def _counter(published: bool) -> Any:
    def count(value: int) -> int | None:
        return suppress_small(value) if published else value

    return count


def _parter(published: bool) -> Any:
    def part(value: int, whole: int) -> int | None:
        return suppress_part(value, whole) if published else value

    return part


def _rater(published: bool) -> Any:
    def rate(part: int, whole: int) -> float | None:
        value = suppress_rate(part, whole) if published else ratio(part, whole)
        return None if value is None else round(value, 4)

    return rate


def ratio_of(part: int, whole: int) -> float | None:
    value = ratio(part, whole)
    return None if value is None else round(value, 4)


def metrics_to_dict(metrics: ProgramMetrics, *, published: bool = False) -> dict[str, Any]:
    """JSON-ready metrics; ``published`` withholds figures about fewer than five people."""
    n, part, rate = _counter(published), _parter(published), _rater(published)
    util, goals, health, cross = (
        metrics.utilisation,
        metrics.goals,
        metrics.health,
        metrics.cross_functional,
    )
    # Capacity and goal figures describe the mentors and mentees behind them.
    few_mentors = published and len(util.mentors) < MINIMUM_GROUP
    utilisation: dict[str, Any] = {
        "mentors": n(len(util.mentors)),
        "capacity": None if few_mentors else util.capacity,
        "accepted_pairs": None if few_mentors else n(util.accepted),
        "rate": None if few_mentors else rate(util.accepted, util.capacity),
        "under_used": n(len(util.under_used)),
    }
    if not published:
        utilisation["per_mentor"] = [
            {
                "mentor": m.mentor,
                "capacity": m.capacity,
                "accepted": m.accepted,
                "utilisation": rate(m.accepted, m.capacity),
                "under_used": m.under_used,
            }
            for m in util.mentors
        ]
        utilisation["under_used_mentors"] = list(util.under_used)
    return {
        "today": metrics.today,
        "scope": metrics.scope,
        "published": published,
        "people": n(metrics.people),
        "cohorts": [
            {
                "cohort": c.cohort,
                "name": c.name,
                "status": c.status,
                "enrolled": n(c.enrolled),
                "mentors": n(c.mentors),
                "seeking": n(c.seeking),
                "matched": part(c.matched, c.seeking),
                "match_rate": rate(c.matched, c.seeking),
            }
            for c in metrics.cohorts
        ],
        "departments": [
            {
                "department": d.department,
                "people": n(d.people),
                "enrolled": part(d.enrolled, d.people),
                "participation_rate": rate(d.enrolled, d.people),
                "seeking": n(d.seeking),
                "matched": part(d.matched, d.seeking),
                "match_rate": rate(d.matched, d.seeking),
            }
            for d in metrics.departments
        ],
        "utilisation": utilisation,
        "goals": _goals(goals, published),
        "health": _health(health, published),
        "skills": [
            {
                "skill": s.skill,
                "name": s.name,
                "mentors_offering": n(s.mentors_offering),
                "mentees_seeking": n(s.mentees_seeking),
                "gap": s.is_gap,
            }
            for s in metrics.skills
        ],
        # A published gap names a skill: only one that enough people seek to hide among.
        "skill_gaps": [
            s.skill
            for s in metrics.skills
            if s.is_gap and (not published or suppress_small(s.mentees_seeking) is not None)
        ],
        "cross_functional": {
            "accepted_pairs": n(cross.accepted_pairs),
            "cross_functional": part(cross.cross_functional, cross.accepted_pairs),
            "share": rate(cross.cross_functional, cross.accepted_pairs),
        },
        "continuation": [
            {
                "from": c.from_cohort,
                "to": c.to_cohort,
                "from_enrolled": n(c.from_enrolled),
                "continuing": part(c.continuing, c.from_enrolled),
                "rate": rate(c.continuing, c.from_enrolled),
            }
            for c in metrics.continuation
        ],
        "lessons_per_month": [
            {"month": m, "lessons": count} for m, count in metrics.lessons_per_month
        ],
    }


def _goals(goals: GoalAttainment, published: bool) -> dict[str, Any]:
    """Goal counts; published, a count of one to four goals is withheld (it may be one
    person's), and all of them when fewer than five agreements lie behind them."""
    counts = {
        "total": goals.total,
        "achieved": goals.achieved,
        "in_progress": goals.in_progress,
        "not_started": goals.not_started,
        "dropped": goals.dropped,
    }
    if not published:
        return {
            "agreements": goals.agreements,
            **counts,
            "attainment": ratio_of(goals.achieved, goals.total),
        }
    few = goals.agreements < MINIMUM_GROUP
    return {
        "agreements": suppress_small(goals.agreements),
        **{key: None if few else suppress_small(value) for key, value in counts.items()},
        "attainment": None if few else _rounded(suppress_rate(goals.achieved, goals.total)),
    }


def _health(health: HealthDistribution, published: bool) -> dict[str, Any]:
    """Latest health per active agreement; published, small counts are withheld, and the
    total as well when it would give them back."""
    parts = {
        "on_track": health.on_track,
        "needs_attention": health.needs_attention,
        "off_track": health.off_track,
        "no_checkin": health.no_checkin,
    }
    if not published:
        return {"active_agreements": health.total, **parts}
    shown, total = suppress_partition(parts)
    return {"active_agreements": suppress_small(total) if total is not None else None, **shown}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
