"""Every published metric figure with the units behind it: what the disclosure judges.

Each figure names the people (or pairs, slots...) it counts and the figures it could be
set against (``whole``, ``behind``), so ``mentorkit.lifecycle.disclosure`` can withhold
a small group, and anything that would give one back, across every figure shown together.
"""

from __future__ import annotations

from mentorkit.lifecycle.disclosure import Count, Rate, Spec
from mentorkit.lifecycle.metric_values import GOAL_STATUSES, HEALTH_STATES, ProgramMetrics
from mentorkit.lifecycle.typed_figures import cohort_figure_key


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
