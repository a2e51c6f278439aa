"""Format program metrics and recognition (health and rematches: ``insight_actions``).

Formatters only: every figure is computed in ``mentorkit.lifecycle``. Markdown is treated
as published, so it always carries the suppressed figures (``metrics_to_dict(published=True)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentorkit.lifecycle.disclosure import PERCENT, WITHHELD
from mentorkit.lifecycle.metric_values import GOAL_STATUSES, HEALTH_STATES, ProgramMetrics
from mentorkit.lifecycle.published import (
    COHORT_FIGURES,
    Figures,
    cohort_figure_key,
    metrics_to_dict,
    skills_in_shown_order,
)
from mentorkit.lifecycle.recognition import MentorContribution
from mentorkit.reporters import json_text
from mentorkit.reporters.markdown import table

LEGEND = (
    f'"{WITHHELD}" marks a figure that could single someone out: it is about too few people, '
    "or it would give such a figure away; each table says why"
)

DEPARTMENT_HEADER = (
    "department",
    "people",
    "enrolled",
    "participation",
    "seeking",
    "matched",
    "match rate",
)
GOAL_HEADER = (
    "agreements",
    "goals",
    "achieved",
    "in progress",
    "not started",
    "dropped",
    "attainment",
)
Section = tuple[str, list[str], list[list[str]], list[str]]  # title, header, rows, keys


def _contribution(row: MentorContribution, published: bool) -> dict[str, Any]:
    found: dict[str, Any] = {"mentor": row.mentor, "name": row.name, "department": row.department}
    if not published:  # see _recognition_rows
        found["people_mentored"] = row.people_mentored
    return {
        **found,
        "cohorts_served": list(row.cohorts_served),
        "lessons_written": row.lessons_written,
    }


def metrics_json(
    metrics: ProgramMetrics,
    figures: Figures,
    recognition: Sequence[MentorContribution],
    published: bool,
) -> str:
    payload = metrics_to_dict(metrics, figures, published=published)
    payload["recognition"] = [_contribution(r, published) for r in _ordered(recognition, published)]
    return json_text(payload)


class _Cells:
    """Cell text for figure keys, remembering which keys a table used."""

    def __init__(self, figures: Figures) -> None:
        self.figures = figures
        self.used: list[str] = []

    def n(self, key: str) -> str:
        self.used.append(key)
        return self.figures[key].text()

    def pct(self, key: str) -> str:
        self.used.append(key)
        return self.figures[key].text(PERCENT)

    def take(self) -> list[str]:
        used, self.used = self.used, []
        return used


def _covers(cohorts: tuple[str, ...], today: str) -> str:
    if not cohorts:
        return f"no cohort is running on {today}"
    return f"cohorts running on {today}: {', '.join(cohorts)}"


def _participation(m: ProgramMetrics, c: _Cells) -> list[Section]:
    cohort_rows = [
        [
            row.cohort,
            row.status,
            *(c.n(cohort_figure_key(row.cohort, name)) for name in COHORT_FIGURES[:-1]),
            c.pct(cohort_figure_key(row.cohort, "match_rate")),
        ]
        for row in m.cohorts
    ]
    cohorts = c.take()
    dept_rows = []
    for d in m.departments:
        k = f"department:{d.department}:"
        dept_rows.append(
            [
                d.department,
                c.n(k + "people"),
                c.n(k + "enrolled"),
                c.pct(k + "participation_rate"),
                c.n(k + "seeking"),
                c.n(k + "matched"),
                c.pct(k + "match_rate"),
            ]
        )
    return [
        (
            "Participation by cohort",
            ["cohort", "status", "enrolled", "mentors", "seeking", "matched", "match rate"],
            cohort_rows,
            cohorts,
        ),
        (
            "Participation by department",
            [*DEPARTMENT_HEADER],
            dept_rows,
            c.take(),
        ),
    ]


def _load(m: ProgramMetrics, c: _Cells, published: bool) -> list[Section]:
    u = m.utilisation
    names = "" if published or not u.under_used else f" ({', '.join(u.under_used)})"
    util_row = [
        c.n("utilisation:mentors"),
        c.n("utilisation:capacity"),
        c.n("utilisation:accepted"),
        c.pct("utilisation:rate"),
        c.n("utilisation:under_used") + names,
    ]
    util = c.take()
    goal_row = [
        c.n("goals:agreements"),
        c.n("goals:total"),
        *(c.n(f"goals:{s}") for s in GOAL_STATUSES),
        c.pct("goals:attainment"),
    ]
    goals = c.take()
    health_row = [c.n("health:total"), *(c.n(f"health:{s}") for s in HEALTH_STATES)]
    health = c.take()
    cross_row = [c.n("cross:pairs"), c.n("cross:crossing"), c.pct("cross:share")]
    return [
        (
            f"Mentor utilisation ({_covers(u.cohorts, m.today)})",
            ["mentors", "capacity", "accepted pairs", "utilisation", "under-used"],
            [util_row],
            util,
        ),
        (
            "Goal attainment (agreements not rematched)",
            [*GOAL_HEADER],
            [goal_row],
            goals,
        ),
        (
            "Health (latest check-in of active agreements)",
            ["active", "on track", "needs attention", "off track", "no check-in"],
            [health_row],
            health,
        ),
        (
            f"Cross-functional pairs ({_covers(m.cross_functional.cohorts, m.today)})",
            ["accepted pairs", "cross-functional", "share"],
            [cross_row],
            c.take(),
        ),
    ]


def _sections(m: ProgramMetrics, figures: Figures, published: bool) -> list[Section]:
    """(title, header, rows, figure keys) for every table of the metrics report."""
    c = _Cells(figures)
    skill_rows = [
        [
            s.name,
            c.n(f"skill:{s.skill}:offering"),
            c.n(f"skill:{s.skill}:seeking"),
        ]
        for s in (skills_in_shown_order(m, figures) if published else m.skills)
    ]
    skills = c.take()
    continuation = []
    for n in m.continuation:
        k = f"continuation:{n.from_cohort}:{n.to_cohort}:"
        continuation.append(
            [n.from_cohort, n.to_cohort, c.n(k + "from"), c.n(k + "continuing"), c.pct(k + "rate")]
        )
    return [
        *_participation(m, c),
        *_load(m, c, published),
        (
            "Skill supply and demand",
            ["skill", "mentors offering", "mentees seeking"],
            skill_rows,
            skills,
        ),
        (
            "People continuing to the next cohort",
            ["from", "to", "enrolled", "continuing", "rate"],
            continuation,
            c.take(),
        ),
        (
            "Lessons per month",
            ["month", "lessons"],
            [[month, str(count)] for month, count in m.lessons_per_month],
            [],
        ),
    ]


def _why(figures: Figures, keys: list[str]) -> list[str]:
    """The reasons behind a table's withheld cells, each once, in the order met."""
    reasons = dict.fromkeys(r for k in keys if (r := figures[k].withheld))
    return [f"{WITHHELD}: {reason}" for reason in reasons]


def _scope(metrics: ProgramMetrics, published: bool) -> str:
    who = " (people on the site only)" if published else ""
    if metrics.scope:
        return f"cohort {metrics.scope}{who}"
    return f"the whole program{who}: every cohort unless a table says otherwise"


def _ordered(
    recognition: Sequence[MentorContribution], published: bool
) -> list[MentorContribution]:
    # Published, by name: an order by people mentored would rank what is not shown.
    return sorted(recognition, key=lambda r: r.name.casefold()) if published else [*recognition]


def _recognition_rows(
    recognition: Sequence[MentorContribution], published: bool
) -> tuple[list[str], list[list[str]]]:
    """Published, without the number of people each mentor mentored: summed over a
    cohort's mentors it is the cohort's number of pairs that ran, which would give back a
    withheld number matched (and so how few are left unmatched). The thank-you page on
    the site leaves it out for the same reason."""
    if published:
        header = ["mentor", "cohorts served", "lessons written"]
        rows = [[r.name, str(r.cohort_count), str(r.lessons_written)] for r in recognition]
        return header, rows
    header = ["mentor", "people mentored", "cohorts served", "lessons written"]
    rows = [
        [r.name, str(r.people_mentored), str(r.cohort_count), str(r.lessons_written)]
        for r in recognition
    ]
    return header, rows


def text_table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*header).rstrip(), *(fmt.format(*row).rstrip() for row in rows)]


def metrics_text(
    metrics: ProgramMetrics,
    figures: Figures,
    recognition: Sequence[MentorContribution],
    published: bool,
) -> str:
    lines = [f"Metrics for {_scope(metrics, published)} on {metrics.today}"]
    if published:
        lines.append(f"({LEGEND})")
    for title, header, rows, keys in _sections(metrics, figures, published):
        lines += ["", title, *(text_table(header, rows) if rows else ["(none)"])]
        lines += [f"  {why}" for why in _why(figures, keys)]
    gaps = metrics_to_dict(metrics, figures, published=published)["skill_gaps"]
    if gaps:
        lines += ["", "Sought, and offered by no mentor: " + ", ".join(gaps)]
    if recognition:
        header, rows = _recognition_rows(_ordered(recognition, published), published)
        lines += ["", "Mentors we thank", *text_table(header, rows)]
    return "\n".join(lines) + "\n"


def metrics_markdown(
    metrics: ProgramMetrics, figures: Figures, recognition: Sequence[MentorContribution]
) -> str:
    """Published: ``figures`` disclosed, only public mentors (the caller passes those)."""
    scope = f"cohort `{metrics.scope}`" if metrics.scope else "the program"
    lines = [
        f"## Metrics for {scope}",
        "",
        f"On {metrics.today}, counting the people on the site. {LEGEND}.",
    ]
    for title, header, rows, keys in _sections(metrics, figures, True):
        lines += ["", f"### {title}", "", *(table(header, rows) if rows else ["None."])]
        why = _why(figures, keys)
        if why:
            lines += ["", *(f"- {w}" for w in why)]
    gaps = metrics_to_dict(metrics, figures, published=True)["skill_gaps"]
    if gaps:
        lines += ["", "Sought, and offered by no mentor: " + ", ".join(f"`{s}`" for s in gaps)]
    if recognition:
        header, rows = _recognition_rows(_ordered(recognition, True), True)
        lines += ["", "### Mentors we thank", "", *table(header, rows)]
    return "\n".join(lines) + "\n"


# What ``report --format`` offers for metrics: metrics_text, metrics_json, metrics_markdown.
METRICS_FORMATS = ("text", "json", "markdown")
