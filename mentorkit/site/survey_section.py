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

TITLE = "Participant survey: NPS and satisfaction per cohort and role"
TITLE_ID = "mk-survey-title"
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
    # Seven columns do not fit a phone: the table scrolls sideways in its own box (which
    # takes keyboard focus so it can be scrolled without a mouse), under a title that
    # wraps with the page; a caption would be as wide as the table.
    return Markup(
        f'<p class="mk-table-title" id="{TITLE_ID}">{html_text(TITLE)}</p>'
        f'<div class="mk-scroll" tabindex="0" role="group" aria-labelledby="{TITLE_ID}">'
        f'<table class="mk-chart-table mk-survey" aria-labelledby="{TITLE_ID}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
