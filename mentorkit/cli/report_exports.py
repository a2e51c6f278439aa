"""``mentorkit report --survey FILE`` and ``--outcomes FILE``: figures from private exports.

The exports are read from outside the repository (``mentorkit.loading.exports``), reduced
to disclosed aggregates and printed; nothing of them is written anywhere.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from mentorkit.cli.context import resolve_format
from mentorkit.lifecycle.outcomes import outcome_figures, read_outcomes, site_figures
from mentorkit.lifecycle.survey import SurveyResponses, read_responses, survey_figures
from mentorkit.loading.exports import ExportError, read_export
from mentorkit.model.program import Program
from mentorkit.problems import Problem, has_errors
from mentorkit.reporters import insight_exports

export_option = click.Path(dir_okay=False, path_type=Path)


def _table_or_exit(ctx: click.Context, path: Path, root: Path) -> Any:
    try:
        return read_export(path, root)
    except ExportError as exc:
        click.echo(f"mentorkit: {exc}", err=True)
        ctx.exit(1)


def load_survey(
    ctx: click.Context, path: Path, root: Path, program: Program, cohort: str | None
) -> SurveyResponses:
    """The usable answers of the survey export at ``path`` (exit 1 when there are none
    because of its headings); row problems are printed by ``report_exports``."""
    table = _table_or_exit(ctx, path, root)
    survey = read_responses(table, program.charter.surveys, program, cohort)
    if not survey.responses and has_errors(list(survey.problems)):
        _print_problems(survey.problems)
        click.echo("No survey figures: fix the problems above first.", err=True)
        ctx.exit(1)
    return survey


def refuse_survey_problems(survey: SurveyResponses) -> bool:
    """Print the survey's row problems; True when one is an error."""
    _print_problems(survey.problems)
    return has_errors(list(survey.problems))


def _print_problems(problems: tuple[Problem, ...]) -> None:
    for p in problems:
        where = f"{p.path}:{p.line}" if p.line else p.path
        click.echo(f"{where}: {p.level}: {p.message}", err=True)


def report_exports(
    ctx: click.Context,
    root: Path,
    program: Program,
    cohort: str | None,
    survey_path: Path | None,
    outcomes_path: Path | None,
    fmt: str | None,
    day: dt.date,
) -> tuple[str, bool]:
    """The survey and/or outcome report, and whether any row had an error."""
    chosen = resolve_format(fmt, insight_exports.FORMATS)
    threshold = program.charter.min_group
    parts: list[str] = []
    payload: dict[str, Any] = {"min_group": threshold}
    problems: list[Problem] = []
    if survey_path is not None:
        survey = load_survey(ctx, survey_path, root, program, cohort)
        problems += survey.problems
        figures = survey_figures(survey, threshold)
        payload["survey"] = insight_exports.survey_dict(survey, figures)
        parts.append(insight_exports.survey_text(survey, figures, threshold, chosen == "markdown"))
    if outcomes_path is not None:
        table = _table_or_exit(ctx, outcomes_path, root)
        records = read_outcomes(table, program.charter.outcomes, program)
        problems += records.problems
        if not records.outcomes and has_errors(list(records.problems)):
            _print_problems(records.problems)
            click.echo("No outcome figures: fix the problems above first.", err=True)
            ctx.exit(1)
        # Read beside the site: its figures count the same people, so they are known.
        result = outcome_figures(records, threshold, site_figures(program, day))
        payload["outcomes"] = insight_exports.outcomes_dict(records, result)
        parts.append(
            insight_exports.outcomes_text(records, result, threshold, chosen == "markdown")
        )
    _print_problems(tuple(problems))
    if chosen == "json":
        return insight_exports.as_json(payload), has_errors(problems)
    return "\n".join(parts), has_errors(problems)
