"""The dashboard's survey table, when the build is given a survey export.

The figures come from ``mentorkit.lifecycle.survey`` through the disclosure rules; this
module only lays them out as one HTML table (a row per cohort and role) with the one
rendering of "withheld".
"""

from __future__ import annotations

from markupsafe import Markup

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.survey import SurveyResponses, survey_figures, survey_groups
from mentorkit.site.text import html_text
from mentorkit.site.withheld import figure_html

HEADER = ("Cohort", "Role", "Answers", "NPS", "Promoters", "Detractors", "Satisfied")


def _cell(figure: Figure, fmt: str) -> str:
    return f"<td>{figure_html(figure, fmt)}</td>"


def survey_table(survey: SurveyResponses, min_group: int) -> Markup:
    """The survey's figures per cohort and role, as published."""
    figures = survey_figures(survey, min_group)
    rows = []
    for group in survey_groups(survey):
        k = group.key + ":"
        cohort = (
            survey.cohort_names.get(group.cohort, group.cohort) if group.cohort else "All cohorts"
        )
        rows.append(
            f'<tr><th scope="row">{html_text(cohort)}</th><td>{html_text(group.role or "all")}</td>'
            + _cell(figures[k + "responses"], "{:,}")
            + _cell(figures[k + "nps"], "{:+.0f}")
            + "".join(
                _cell(figures[k + name], "{:.0%}")
                for name in ("promoters", "detractors", "satisfied")
            )
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in HEADER)
    return Markup(
        '<table class="mk-chart-table mk-survey"><caption>Participant survey: NPS and '
        f"satisfaction per cohort and role</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
