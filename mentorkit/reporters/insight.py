"""Format program metrics and recognition (health and rematches: ``insight_actions``).

Formatters only: every figure is computed in ``mentorkit.lifecycle``. Markdown is treated
as published, so it always carries the suppressed figures (``metrics_to_dict(published=True)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentorkit.lifecycle.disclosure import PERCENT, WITHHELD, Figure
from mentorkit.lifecycle.metric_values import ProgramMetrics
from mentorkit.lifecycle.metrics_dict import metrics_to_dict, skills_in_shown_order
from mentorkit.lifecycle.recognition import MentorContribution
from mentorkit.lifecycle.typed_figures import CohortFigures, Figures
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
Section = tuple[str, list[str], list[list[str]], list[Figure]]  # title, header, rows, figures


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
    """Cell text for figures, remembering which figures a table used (for its reasons)."""

    def __init__(self, figures: Figures) -> None:
        self.figures = figures
        self.used: list[Figure] = []

    def n(self, figure: Figure) -> str:
        self.used.append(figure)
        return figure.text()

    def pct(self, figure: Figure) -> str:
        self.used.append(figure)
        return figure.text(PERCENT)

    def take(self) -> list[Figure]:
        used, self.used = self.used, []
        return used

    def cohort(self, cohort_id: str) -> CohortFigures:
        found = self.figures.cohort(cohort_id)
        assert found is not None  # metrics.cohorts are the cohorts the figures cover
        return found


def _covers(cohorts: tuple[str, ...], today: str) -> str:
    if not cohorts:
        return f"no cohort is running on {today}"
    return f"cohorts running on {today}: {', '.join(cohorts)}"


def _participation(m: ProgramMetrics, c: _Cells) -> list[Section]:
    cohort_rows = []
    for row in m.cohorts:
        cf = c.cohort(row.cohort)
        counts = (cf.enrolled, cf.mentors, cf.seeking, cf.matched)
        cohort_rows.append([row.cohort, row.status, *map(c.n, counts), c.pct(cf.match_rate)])
    cohorts = c.take()
    dept_rows = []
    for d in m.departments:
        f = c.figures.department(d.department)
        dept_rows.append(
            [
                d.department,
                c.n(f.people),
                c.n(f.enrolled),
                c.pct(f.participation_rate),
                c.n(f.seeking),
                c.n(f.matched),
                c.pct(f.match_rate),
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
    f = c.figures.utilisation
    util_row = [
        c.n(f.mentors),
        c.n(f.capacity),
        c.n(f.accepted),
        c.pct(f.rate),
        c.n(f.under_used) + names,
    ]
    util = c.take()
    g = c.figures.goals
    goal_row = [
        c.n(g.agreements),
        c.n(g.total),
        *map(c.n, g.by_status.values()),
        c.pct(g.attainment),
    ]
    goals = c.take()
    h = c.figures.health
    health_row = [c.n(h.total), *map(c.n, h.by_state.values())]
    health = c.take()
    x = c.figures.cross
    cross_row = [c.n(x.pairs), c.n(x.crossing), c.pct(x.share)]
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
        [s.name, c.n(figures.skill(s.skill).offering), c.n(figures.skill(s.skill).seeking)]
        for s in (skills_in_shown_order(m, figures) if published else m.skills)
    ]
    skills = c.take()
    continuation = []
    for n in m.continuation:
        f = figures.continuation(n.from_cohort, n.to_cohort)
        continuation.append(
            [n.from_cohort, n.to_cohort, c.n(f.enrolled), c.n(f.continuing), c.pct(f.rate)]
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


def _why(used: list[Figure]) -> list[str]:
    """The reasons behind a table's withheld cells, each once, in the order met."""
    reasons = dict.fromkeys(r for f in used if (r := f.withheld))
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
    for title, header, rows, used in _sections(metrics, figures, published):
        lines += ["", title, *(text_table(header, rows) if rows else ["(none)"])]
        lines += [f"  {why}" for why in _why(used)]
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
    for title, header, rows, used in _sections(metrics, figures, True):
        lines += ["", f"### {title}", "", *(table(header, rows) if rows else ["None."])]
        why = _why(used)
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
