"""Pages about the program as a whole: the charter, cohorts, the dashboard and the network.

Figures come from ``mentorkit.lifecycle`` (the same ``compute_metrics`` and disclosure as
``mentorkit report --published``): the dashboard, the network and the cohort pages are
disclosed together, so nothing shown on one page can be combined with another to work
out a withheld figure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.metric_values import ProgramMetrics
from mentorkit.lifecycle.metrics_dict import metrics_to_dict, skills_in_shown_order
from mentorkit.lifecycle.network import DepartmentPairs, department_pairs
from mentorkit.lifecycle.published import publish
from mentorkit.lifecycle.survey import SurveyResponses
from mentorkit.lifecycle.typed_figures import CohortFigures, Figures
from mentorkit.model.pages import skill_page
from mentorkit.model.program import Program
from mentorkit.site import charts
from mentorkit.site.network import department_network
from mentorkit.site.render import month_name
from mentorkit.site.survey_section import survey_table
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


@dataclass(frozen=True)
class Published:
    """Everything the program pages show about people, disclosed together."""

    metrics: ProgramMetrics
    figures: Figures
    network: DepartmentPairs
    min_group: int


def published(program: Program, view: PublicView) -> Published:
    data = publish(program, view.today)
    return Published(
        data.metrics, data.figures, department_pairs(data.public, data.min_group), data.min_group
    )


def cohort_pages(
    env: Environment, view: PublicView, data: Published, calendars: set[str]
) -> dict[str, str]:
    known = {c.cohort for c in data.metrics.cohorts}
    pages: dict[str, str] = {}
    rows = []
    for cohort in view.cohorts:
        figures = _cohort_figures(data.figures, cohort.id) if cohort.id in known else None
        rows.append({"cohort": cohort, "figures": figures})
        pages[cohort.page] = _cohort_page(env, view, cohort, figures, calendars, data.min_group)
    pages["cohorts/index.md"] = env.get_template("cohorts.md.j2").render(
        page="cohorts/index.md", rows=rows
    )
    return pages


def _cohort_of(figures: Figures, cohort_id: str) -> CohortFigures:
    found = figures.cohort(cohort_id)
    assert found is not None  # the caller asks only for cohorts the metrics cover
    return found


def _cohort_figures(figures: Figures, cohort_id: str) -> dict[str, Figure]:
    return _cohort_of(figures, cohort_id).named()


def _cohort_page(
    env: Environment,
    view: PublicView,
    cohort: PublicCohort,
    figures: dict[str, Figure] | None,
    calendars: set[str],
    threshold: int,
) -> str:
    calendar = f"cohorts/{cohort.id}.ics"
    return env.get_template("cohort.md.j2").render(
        page=cohort.page,
        cohort=cohort,
        figures=figures,
        min_group=threshold,
        calendar=calendar if calendar in calendars else None,
        today_iso=view.today.isoformat(),
        title_yaml=title_yaml(cohort.name),
    )


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


def _skill_rows(view: PublicView, data: Published) -> list[charts.PairedBar]:
    """Skills of the vocabulary that someone offers or seeks, biggest shortfall first.

    Mentors offering come from the directory (public); a row whose demand is withheld
    still shows the supply, with the reason beside it.
    """
    f = data.figures
    return [
        charts.PairedBar(
            view.skill_name(s.skill), f.skill(s.skill).offering, f.skill(s.skill).seeking
        )
        for s in skills_in_shown_order(data.metrics, f)
        if s.skill in view.skills
    ]


def dashboard_charts(view: PublicView, data: Published) -> dict[str, Markup]:
    f, cohorts = data.figures, data.metrics.cohorts
    goals = f.goals.by_status
    goal_rows = [
        charts.Bar("Achieved", goals["achieved"]),
        charts.Bar("In progress", goals["in-progress"]),
        charts.Bar("Not started", goals["not-started"]),
        charts.Bar("Dropped", goals["dropped"]),
    ]
    # Counted from the published lessons: a month's bar agrees with the archive.
    per_month = Counter(lesson.year_month for lesson in view.lessons)
    lessons = [
        charts.Bar(month_name(month), Figure(per_month[month]))
        for month in _months_between(min(per_month, default=""), max(per_month, default=""))
    ]
    skills = _skill_rows(view, data)[:SKILL_ROWS]
    return {
        "enrolled": charts.bar_chart(
            "People enrolled per cohort",
            [charts.Bar(c.name, _cohort_of(f, c.cohort).enrolled) for c in cohorts],
            header=("Cohort", "People enrolled"),
        ),
        "match_rate": charts.bar_chart(
            "Match rate per cohort",
            [charts.Bar(c.name, _cohort_of(f, c.cohort).match_rate, True) for c in cohorts],
            header=("Cohort", "Match rate"),
            maximum=1,
        ),
        "utilisation": charts.donut("Mentor utilisation", f.utilisation.rate),
        "cross_functional": charts.donut("Cross-functional pairs", f.cross.share),
        "goals": charts.donut("Goals achieved", f.goals.attainment),
        "goal_status": charts.bar_chart(
            "Agreement goals by status", goal_rows, header=("Status", "Goals")
        ),
        "skills": charts.paired_bar_chart(
            "Mentors offering against mentees seeking, per skill",
            skills,
            ("Skill", "Mentors offering", "Mentees seeking"),
        )
        if skills
        else Markup(""),
        "lessons": charts.bar_chart("Lessons per month", lessons, header=("Month", "Lessons"))
        if lessons
        else Markup(""),
    }


def _cohort_names(view: PublicView, ids: tuple[str, ...]) -> str:
    names = {c.id: c.name for c in view.cohorts}
    return ", ".join(names.get(cid, cid) for cid in ids)


def dashboard_page(
    env: Environment, view: PublicView, data: Published, survey: SurveyResponses | None = None
) -> str:
    gaps = metrics_to_dict(data.metrics, data.figures, published=True)["skill_gaps"]
    return env.get_template("dashboard.md.j2").render(
        page="dashboard/index.md",
        view=view,
        f=data.figures,
        min_group=data.min_group,
        running=_cohort_names(view, data.metrics.utilisation.cohorts),
        charts=dashboard_charts(view, data),
        gaps=", ".join(view.skill_name(s) for s in gaps),
        lessons_total=len(view.lessons),
        skill_page=skill_page,
        skill_rows=min(len(_skill_rows(view, data)), SKILL_ROWS),
        skills_total=len(_skill_rows(view, data)),
        survey=survey_table(survey, data.min_group) if survey is not None else None,
        survey_settings=survey.settings if survey is not None else None,
    )


def network_page(env: Environment, data: Published) -> str:
    net = department_network(data.network, data.figures)
    return env.get_template("network.md.j2").render(
        page="dashboard/network.md", net=net, min_group=data.min_group
    )


def program_pages(
    env: Environment,
    program: Program,
    view: PublicView,
    calendars: set[str],
    survey: SurveyResponses | None = None,
) -> dict[str, str]:
    data = published(program, view)
    pages = {
        "handbook/charter.md": charter_page(env, program, view),
        "dashboard/index.md": dashboard_page(env, view, data, survey),
        "dashboard/network.md": network_page(env, data),
    }
    pages.update(cohort_pages(env, view, data, calendars))
    return pages
