"""The program metrics as JSON-ready data, read from disclosed (or raw) figures.

``report --format json`` and the site's dashboard data both come from here, so a
withheld figure is ``null`` everywhere it appears, and the order of the skills (biggest
shortfall first) is judged on shown figures only.
"""

from __future__ import annotations

from typing import Any

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.metric_values import ProgramMetrics, SkillBalance
from mentorkit.lifecycle.typed_figures import Figures
from mentorkit.model.entities import CohortStatus


def _number(figure: Figure) -> float | None:
    value = figure.value
    if value is None:
        return None
    return round(value, 4) if isinstance(value, float) else value


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
