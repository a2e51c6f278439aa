"""Survey figures: NPS and satisfaction per cohort and role, through the disclosure rules.

A pulse or end-of-cohort survey export (``mentorkit.loading.exports``) is read with the
column mapping of program.yaml (``surveys:``). Each answered row is one unit of the
disclosure rules, so every figure here passes the program's threshold like any other:

- *NPS*: the 0-10 "would you recommend" answer; promoters answer 9-10, detractors 0-6,
  NPS = % promoters - % detractors. It is shown only when both shares are.
- *Satisfied*: the share answering at least ``satisfied_from`` (the top two of the scale
  unless program.yaml says otherwise).

Nothing of the file is kept beyond these figures: answers are reduced to numbers here,
the free text of other columns is never read.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

from mentorkit.lifecycle.disclosure import Count, Figure, Rate, Spec, disclose
from mentorkit.model.export_settings import ExportRow, ExportTable, SurveySettings
from mentorkit.model.program import Program
from mentorkit.problems import Problem, shown

PROMOTER_FROM = 9
DETRACTOR_UP_TO = 6
ROLES = ("mentor", "mentee", "both", "facilitator", "peer")
NOT_GIVEN = "not given"
OTHER = "other"
# "9", "9 - Very likely", "10 (extremely likely)": the leading number is the answer.
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})(?:\s*$|\s*[-–(:.]|\s+\D)")


@dataclass(frozen=True)
class Response:
    line: int
    cohort: str  # cohort id
    role: str  # one of ROLES, OTHER or NOT_GIVEN
    recommend: int | None  # 0-10, None when not answered
    satisfaction: int | None  # 1-scale, None when not answered

    @property
    def unit(self) -> Hashable:
        return ("response", self.line)


@dataclass(frozen=True)
class SurveyResponses:
    name: str  # the file as named to the user
    responses: tuple[Response, ...]
    problems: tuple[Problem, ...]
    settings: SurveySettings
    cohort_names: dict[str, str]


def _problem(table: ExportTable, line: int, code: str, message: str) -> Problem:
    return Problem(table.name, line, 0, "error", code, message)


def _number(answer: str, low: int, high: int) -> int | None:
    match = _LEADING_NUMBER.match(answer)
    if match is None or not low <= int(match.group(1)) <= high:
        raise ValueError(answer)
    return int(match.group(1))


def _role(answer: str) -> str:
    if not answer:
        return NOT_GIVEN
    word = answer.casefold()
    if "mentor" in word and "mentee" in word:
        return "both"
    return next((role for role in ROLES if word.startswith(role)), OTHER)


def _cohorts(program: Program) -> dict[str, str]:
    """Answer (id or name, as compared) -> cohort id."""
    found = {c.name.casefold(): c.id for c in program.cohorts.values()}
    found.update({c.id.casefold(): c.id for c in program.cohorts.values()})
    return found


def read_responses(
    table: ExportTable, settings: SurveySettings, program: Program, cohort: str | None = None
) -> SurveyResponses:
    """The usable answers of ``table``, and a problem (file and line) for each bad one."""
    names = {c.id: c.name for c in program.cohorts.values()}
    missing = [
        column
        for column in (settings.recommend, settings.satisfaction, settings.cohort, settings.role)
        if column and not table.has(column)
    ]
    problems = [
        _problem(table, 1, "survey-column", f"no column {shown(c)} (see surveys.columns)")
        for c in missing
    ]
    if not settings.cohort and cohort is None:
        problems.append(
            _problem(
                table,
                1,
                "survey-cohort",
                "the export has no cohort column (surveys.columns.cohort): name the cohort, "
                "as in: mentorkit report COHORT --survey FILE",
            )
        )
    if problems:
        return SurveyResponses(table.name, (), tuple(problems), settings, names)
    known = _cohorts(program)
    responses = []
    for row in table.rows:
        answer = _response(table, row, settings, known, cohort, problems)
        if answer is not None:
            responses.append(answer)
    return SurveyResponses(table.name, tuple(responses), tuple(problems), settings, names)


def _response(
    table: ExportTable,
    row: ExportRow,
    settings: SurveySettings,
    known: dict[str, str],
    cohort: str | None,
    problems: list[Problem],
) -> Response | None:
    given = table.get(row, settings.cohort)
    cohort_id = known.get(given.casefold()) if settings.cohort else cohort
    if settings.cohort and cohort is not None and cohort_id is not None and cohort_id != cohort:
        return None  # another cohort's answer: not part of this report
    if cohort_id is None:
        problems.append(
            _problem(table, row.line, "survey-cohort", f"unknown cohort {shown(given)}")
        )
        return None
    recommend = table.get(row, settings.recommend)
    satisfaction = table.get(row, settings.satisfaction)
    try:
        score = _number(recommend, 0, 10) if recommend else None
    except ValueError:
        message = f"the recommend answer {shown(recommend)} is not a whole number from 0 to 10"
        problems.append(_problem(table, row.line, "survey-answer", message))
        return None
    try:
        scale = settings.satisfaction_scale
        satisfied = _number(satisfaction, 1, scale) if satisfaction else None
    except ValueError:
        message = (
            f"the satisfaction answer {shown(satisfaction)} is not a whole number from 1 to {scale}"
        )
        problems.append(_problem(table, row.line, "survey-answer", message))
        return None
    return Response(row.line, cohort_id, _role(table.get(row, settings.role)), score, satisfied)


@dataclass(frozen=True)
class SurveyGroup:
    key: str  # "survey:<cohort or *>:<role or *>"
    cohort: str  # cohort id, or "" for every cohort
    role: str  # role, or "" for every role


def _block(
    key: str, group: list[Response], within: list[Response] | None, satisfied_at: int
) -> list[Spec]:
    """A group's figures. The shares are over the people who answered that question: a
    skipped question is not a detractor. Only what a report shows is declared, since
    the check for what a reader could combine counts every declared figure as seen."""

    def ids(rows: list[Response]) -> frozenset[Hashable]:
        return frozenset(r.unit for r in rows)

    rated = [r for r in group if r.recommend is not None]
    scored = [r for r in group if r.satisfaction is not None]
    promoters = [r for r in rated if (r.recommend or 0) >= PROMOTER_FROM]
    detractors = [r for r in rated if (r.recommend or 0) <= DETRACTOR_UP_TO]
    satisfied = [r for r in scored if (r.satisfaction or 0) >= satisfied_at]
    return [
        Count(key + ":responses", ids(group), None if within is None else ids(within), keep=4),
        Rate(key + ":promoters", ids(promoters), ids(rated), keep=5),
        Rate(key + ":detractors", ids(detractors), ids(rated), keep=5),
        Rate(key + ":satisfied", ids(satisfied), ids(scored), keep=5),
    ]


def survey_groups(survey: SurveyResponses) -> list[SurveyGroup]:
    """Everyone, then each cohort and each role within it.

    Roles across cohorts are left out on purpose: with them the figures form a table
    with margins both ways, where one small cell forces many others to be withheld.
    """
    order = (*ROLES, OTHER, NOT_GIVEN)
    groups = [SurveyGroup("survey:*:*", "", "")]
    for cohort in sorted({r.cohort for r in survey.responses}):
        groups.append(SurveyGroup(f"survey:{cohort}:*", cohort, ""))
        present = {r.role for r in survey.responses if r.cohort == cohort}
        groups += [
            SurveyGroup(f"survey:{cohort}:{role}", cohort, role)
            for role in order
            if role in present
        ]
    return groups


def survey_specs(survey: SurveyResponses) -> list[Spec]:
    specs: list[Spec] = []
    everyone = list(survey.responses)
    for group in survey_groups(survey):
        cohort = [r for r in everyone if not group.cohort or r.cohort == group.cohort]
        members = [r for r in cohort if not group.role or r.role == group.role]
        # A cohort is part of everyone; a role is part of its cohort.
        within = None if not group.cohort else cohort if group.role else everyone
        specs += _block(group.key, members, within, survey.settings.satisfied_at)
    return specs


def survey_figures(survey: SurveyResponses, min_group: int) -> dict[str, Figure]:
    """The disclosed figures, with each group's NPS (shown only when both shares are)."""
    figures = disclose(survey_specs(survey), min_group)
    for group in survey_groups(survey):
        promoters, detractors = (
            figures[group.key + ":promoters"],
            figures[group.key + ":detractors"],
        )
        if promoters.value is not None and detractors.value is not None:
            nps = Figure(round(100 * (promoters.value - detractors.value)))
        else:
            nps = Figure(
                None,
                withheld=promoters.withheld or detractors.withheld,
                note=promoters.note or detractors.note,
            )
        figures[group.key + ":nps"] = nps
    return figures
