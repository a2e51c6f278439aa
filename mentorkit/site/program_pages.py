"""Pages about the program as a whole: the charter, cohorts, the dashboard and the network.

Figures come from ``mentorkit.lifecycle`` (the same ``compute_metrics`` as ``mentorkit
report``) in their published form, where counts about fewer than five people are None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.publish import metrics_to_dict
from mentorkit.model.pages import skill_page
from mentorkit.model.program import Program
from mentorkit.site import charts
from mentorkit.site.network import department_network
from mentorkit.site.render import month_name
from mentorkit.site.text import render_markdown, title_yaml
from mentorkit.site.view import PublicCohort, PublicView

SKILL_ROWS = 15
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def _inline(text: str) -> Markup:
    """Short Markdown (a list item) without its paragraph wrapper."""
    html = str(render_markdown(text)).strip()
    match = _PARAGRAPH.match(html)
    return Markup(match.group(1) if match and "<p>" not in match.group(1) else html)


def charter_page(env: Environment, program: Program, view: PublicView) -> str:
    charter = program.charter
    coordinators = [view.people[c] for c in charter.coordinators if c in view.people]
    return env.get_template("charter.md.j2").render(
        page="handbook/charter.md",
        charter=charter,
        purpose_html=render_markdown(charter.purpose),
        goals_html=[_inline(goal) for goal in charter.goals],
        coordinators=coordinators,
        hidden_coordinators=len(charter.coordinators) - len(coordinators),
        oversight_html=render_markdown(charter.oversight) if charter.oversight else "",
        escalation_html=[_inline(step) for step in charter.escalation_path],
        policies=[
            (name.replace("_", " ").capitalize(), render_markdown(text))
            for name, text in charter.policies.items()
        ],
    )


def _published_metrics(program: Program, view: PublicView) -> dict[str, Any]:
    # People who chose ``public: false`` count in nothing the site publishes: a figure or
    # list derived from everyone (a skill only they seek) would point at them.
    public_only = replace(
        program, participants={pid: p for pid, p in program.participants.items() if p.public}
    )
    return metrics_to_dict(compute_metrics(public_only, view.today), published=True)


def cohort_pages(
    env: Environment,
    view: PublicView,
    metrics: dict[str, Any],
    calendars: set[str],
) -> dict[str, str]:
    figures = {row["cohort"]: row for row in metrics["cohorts"]}
    empty = {"enrolled": 0, "mentors": 0, "seeking": 0, "matched": 0, "match_rate": None}
    pages: dict[str, str] = {}
    rows = []
    for cohort in view.cohorts:
        row = figures.get(cohort.id, empty)
        rows.append({"cohort": cohort, "figures": row})
        pages[cohort.page] = _cohort_page(env, view, cohort, row, calendars)
    pages["cohorts/index.md"] = env.get_template("cohorts.md.j2").render(
        page="cohorts/index.md", rows=rows
    )
    return pages


def _cohort_page(
    env: Environment,
    view: PublicView,
    cohort: PublicCohort,
    figures: dict[str, Any],
    calendars: set[str],
) -> str:
    calendar = f"cohorts/{cohort.id}.ics"
    return env.get_template("cohort.md.j2").render(
        page=cohort.page,
        cohort=cohort,
        figures=figures,
        calendar=calendar if calendar in calendars else None,
        today_iso=view.today.isoformat(),
        title_yaml=title_yaml(cohort.name),
    )


def _share(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


def _months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last``, so a quiet month shows as a gap."""
    if not first:
        return []
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while (current := f"{year:04d}-{month:02d}") <= last:
        months.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def dashboard_charts(view: PublicView, metrics: dict[str, Any]) -> dict[str, Markup]:
    cohorts = metrics["cohorts"]
    goals = metrics["goals"]
    util = metrics["utilisation"]
    cross = metrics["cross_functional"]
    rates = [
        charts.Bar(
            c["name"],
            None if c["match_rate"] is None else c["match_rate"] * 100,
            _share(c["match_rate"]),
        )
        for c in cohorts
    ]
    goal_rows = [
        charts.Bar("Achieved", goals["achieved"]),
        charts.Bar("In progress", goals["in_progress"]),
        charts.Bar("Not started", goals["not_started"]),
        charts.Bar("Dropped", goals["dropped"]),
    ]
    # A row whose two figures are both withheld says nothing: leave it out.
    shown_skills = [
        s
        for s in metrics["skills"]
        if (s["mentors_offering"], s["mentees_seeking"]) != (None, None)
    ]
    skills = [
        charts.PairedBar(s["name"], s["mentors_offering"], s["mentees_seeking"])
        for s in shown_skills[:SKILL_ROWS]
    ]
    # Counted from the published lessons, not the program's: a month's bar must agree with
    # the archive, or it would tell readers that someone off the site wrote a lesson then.
    per_month = Counter(lesson.year_month for lesson in view.lessons)
    lessons = [
        charts.Bar(f"{month_name(month)[:3]} {month[:4]}", per_month[month])
        for month in _months_between(min(per_month, default=""), max(per_month, default=""))
    ]
    return {
        "enrolled": charts.bar_chart(
            "People enrolled per cohort", [charts.Bar(c["name"], c["enrolled"]) for c in cohorts]
        ),
        "match_rate": charts.bar_chart("Match rate per cohort", rates, maximum=100),
        "utilisation": charts.donut("Mentor utilisation", util["rate"], "Mentor utilisation"),
        "cross_functional": charts.donut(
            "Cross-functional share of accepted pairs", cross["share"], "Cross-functional pairs"
        ),
        "goals": charts.donut("Goal attainment", goals["attainment"], "Goals achieved"),
        "goal_status": charts.bar_chart("Agreement goals by status", goal_rows),
        "skills": charts.paired_bar_chart(
            "Mentors offering against mentees seeking, per skill",
            skills,
            ("Mentors offering", "Mentees seeking"),
        ),
        "lessons": charts.column_chart("Lessons per month", lessons) if lessons else Markup(""),
    }


def dashboard_page(env: Environment, view: PublicView, metrics: dict[str, Any]) -> str:
    gaps = ", ".join(view.skill_name(s) for s in metrics["skill_gaps"])
    return env.get_template("dashboard.md.j2").render(
        page="dashboard/index.md",
        view=view,
        m=metrics,
        charts=dashboard_charts(view, metrics),
        gaps=gaps,
        lessons_total=len(view.lessons),
        skill_page=skill_page,
    )


def network_page(env: Environment, program: Program) -> str:
    net = department_network(program)
    pairs = net.pairs if net.pairs >= 5 else (None if net.pairs else 0)
    return env.get_template("network.md.j2").render(
        page="dashboard/network.md", net=net, pairs=pairs
    )


def program_pages(
    env: Environment, program: Program, view: PublicView, calendars: set[str]
) -> dict[str, str]:
    metrics = _published_metrics(program, view)
    pages = {
        "handbook/charter.md": charter_page(env, program, view),
        "dashboard/index.md": dashboard_page(env, view, metrics),
        "dashboard/network.md": network_page(env, program),
    }
    pages.update(cohort_pages(env, view, metrics, calendars))
    return pages
