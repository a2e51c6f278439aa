"""Format the survey and outcome figures of ``report --survey`` / ``--outcomes``.

Formatters only: the figures are computed and disclosed in ``mentorkit.lifecycle.survey``
and ``mentorkit.lifecycle.outcomes``. Every format shows the same disclosed figures: the
exports are private, so there is no unsuppressed form of them.
"""

from __future__ import annotations

from typing import Any

from mentorkit.lifecycle.disclosure import PERCENT, WITHHELD, Figure
from mentorkit.lifecycle.outcomes import (
    GROUP_NAMES,
    GROUPS,
    MEASURES,
    OutcomeFigures,
    OutcomeRecords,
)
from mentorkit.lifecycle.survey import SurveyGroup, SurveyResponses, survey_groups
from mentorkit.reporters import json_text
from mentorkit.reporters.insight import text_table
from mentorkit.reporters.markdown import table

# What ``report --survey/--outcomes --format`` offers: the tables as text or Markdown, or as_json.
FORMATS = ("text", "json", "markdown")
SURVEY_HEADER = ["cohort", "role", "responses", "NPS", "promoters", "detractors", "satisfied"]
OUTCOME_HEADER = [
    "group",
    "people",
    "still employed",
    "retention (95% CI)",
    "promoted",
    "promotion (95% CI)",
]
ASSOCIATION = (
    "These figures show association, not cause: people who take part in mentoring may "
    "differ from those who do not in ways that matter more (role, tenure, motivation)."
)
Table = tuple[list[str], list[list[str]], list[str]]  # header, rows, withheld reasons


def _pct(figure: Figure) -> str:
    return figure.text(PERCENT)


def _why(figures: list[Figure]) -> list[str]:
    return [f"{WITHHELD}: {r}" for r in dict.fromkeys(f.withheld for f in figures if f.withheld)]


def _label(survey: SurveyResponses, group: SurveyGroup) -> tuple[str, str]:
    cohort = survey.cohort_names.get(group.cohort, group.cohort) if group.cohort else "all cohorts"
    return cohort, group.role or "all roles"


def survey_table(survey: SurveyResponses, figures: dict[str, Figure]) -> Table:
    rows, used = [], []
    for group in survey_groups(survey):
        cells = [
            figures[group.key + ":" + name]
            for name in ("responses", "nps", "promoters", "detractors", "satisfied")
        ]
        used += cells
        responses, nps, promoters, detractors, satisfied = cells
        rows.append(
            [
                *_label(survey, group),
                responses.text(),
                nps.text("{:+.0f}"),
                _pct(promoters),
                _pct(detractors),
                _pct(satisfied),
            ]
        )
    return SURVEY_HEADER, rows, _why(used)


def _survey_intro(survey: SurveyResponses, min_group: int) -> str:
    s = survey.settings
    satisfied = (
        f"answering {s.satisfied_at} or more of {s.satisfaction_scale}"
        if s.satisfaction
        else "no satisfaction question mapped"
    )
    return (
        f"NPS: % promoters (9-10) minus % detractors (0-6) of the 0-10 'would recommend' answers; "
        f"satisfied: {satisfied}. A figure about fewer than {min_group} answers, or one that "
        "would give such a figure away, is withheld."
    )


def survey_text(
    survey: SurveyResponses, figures: dict[str, Figure], min_group: int, markdown: bool
) -> str:
    header, rows, why = survey_table(survey, figures)
    if markdown:
        lines = ["## Survey", "", _survey_intro(survey, min_group), "", *table(header, rows)]
        lines += ["", *(f"- {w}" for w in why)] if why else []
    else:
        lines = ["Survey", f"({_survey_intro(survey, min_group)})", *text_table(header, rows)]
        lines += [f"  {w}" for w in why]
    return "\n".join(lines) + "\n"


def _number(figure: Figure) -> float | None:
    return None if figure.value is None else round(figure.value, 4)


def survey_dict(survey: SurveyResponses, figures: dict[str, Figure]) -> dict[str, Any]:
    groups = []
    for group in survey_groups(survey):
        k = group.key + ":"
        groups.append(
            {
                "cohort": group.cohort or None,
                "role": group.role or None,
                **{
                    name: _number(figures[k + name])
                    for name in ("responses", "nps", "promoters", "detractors", "satisfied")
                },
            }
        )
    withheld = {k: f.withheld for k, f in figures.items() if f.withheld}
    return {"groups": groups, "withheld": withheld}


def _with_interval(key: str, result: OutcomeFigures) -> str:
    figure = result.figures[key]
    interval = result.intervals.get(key)
    if interval is None:
        return _pct(figure)
    return f"{_pct(figure)} ({interval.low:.0%}–{interval.high:.0%})"


def outcome_table(result: OutcomeFigures) -> Table:
    rows, used = [], []
    for group in GROUPS:
        k = f"outcomes:{group}:"
        used += [
            result.figures[k + n]
            for n in ("people", "employed", "retention", "promoted", "promotion")
        ]
        rows.append(
            [
                GROUP_NAMES[group],
                result.figures[k + "people"].text(),
                result.figures[k + "employed"].text(),
                _with_interval(k + "retention", result),
                result.figures[k + "promoted"].text(),
                _with_interval(k + "promotion", result),
            ]
        )
    return OUTCOME_HEADER, rows, _why(used)


def _differences(result: OutcomeFigures) -> list[str]:
    lines = []
    for measure in MEASURES:
        figure = result.differences[measure]
        interval = result.intervals.get(f"outcomes:difference:{measure}")
        if figure.value is None or interval is None:
            lines.append(f"{measure}: mentored minus not mentored: {figure.text()}")
            continue
        lines.append(
            f"{measure}: mentored minus not mentored: {100 * figure.value:+.0f} points "
            f"(95% CI {100 * interval.low:+.0f} to {100 * interval.high:+.0f})"
        )
    return lines


def _outcome_intro(records: OutcomeRecords, min_group: int) -> str:
    when = f" on {', '.join(records.as_of)}" if records.as_of else ""
    unknown = (
        f" {records.unknown} ids that are not participants are left out." if records.unknown else ""
    )
    return (
        f"Participants in the HR export{when}: mentored (a mentee in a pair that ran, or in a "
        f"circle) against everyone else in the program. Intervals are 95% Wilson intervals; "
        f"a figure about fewer than {min_group} people, or one that would give such a figure "
        f"away, is withheld.{unknown}"
    )


def outcomes_text(
    records: OutcomeRecords, result: OutcomeFigures, min_group: int, markdown: bool
) -> str:
    header, rows, why = outcome_table(result)
    differences = _differences(result)
    if markdown:
        lines = [
            "## Retention and promotion",
            "",
            _outcome_intro(records, min_group),
            "",
            *table(header, rows),
        ]
        lines += ["", *(f"- {w}" for w in why)] if why else []
        lines += ["", *(f"- {d}" for d in differences), "", f"**{ASSOCIATION}**"]
    else:
        lines = [
            "Retention and promotion",
            f"({_outcome_intro(records, min_group)})",
            *text_table(header, rows),
        ]
        lines += [f"  {w}" for w in why]
        lines += ["", *differences, "", ASSOCIATION]
    return "\n".join(lines) + "\n"


def outcomes_dict(records: OutcomeRecords, result: OutcomeFigures) -> dict[str, Any]:
    def interval(key: str) -> list[float] | None:
        found = result.intervals.get(key)
        return None if found is None else [round(found.low, 4), round(found.high, 4)]

    groups = {}
    for group in GROUPS:
        k = f"outcomes:{group}:"
        groups[group] = {
            **{
                n: _number(result.figures[k + n])
                for n in ("people", "employed", "retention", "promoted", "promotion")
            },
            "retention_ci95": interval(k + "retention"),
            "promotion_ci95": interval(k + "promotion"),
        }
    return {
        "as_of": list(records.as_of),
        "unknown_ids": records.unknown,
        "groups": groups,
        "difference": {
            m: {
                "value": _number(result.differences[m]),
                "ci95": interval(f"outcomes:difference:{m}"),
            }
            for m in MEASURES
        },
        "withheld": {k: f.withheld for k, f in result.figures.items() if f.withheld},
        "note": ASSOCIATION,
    }


def as_json(payload: dict[str, Any]) -> str:
    return json_text(payload)
