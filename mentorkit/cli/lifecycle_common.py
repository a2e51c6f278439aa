"""What the lifecycle commands (report, rematch, export) share: --today and loading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from mentorkit.model.program import Program
from mentorkit.validation import validate_program

today_option = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Compute as of this date, YYYY-MM-DD (default: today).",
)


def as_today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


def load_checked(root: Path) -> tuple[Program, int]:
    """The program and how many errors validation found in it."""
    result = validate_program(root)
    return result.program, result.errors


def require_cohort(program: Program, cohort_id: str) -> None:
    if cohort_id not in program.cohorts:
        known = ", ".join(program.cohorts) or "none"
        raise click.UsageError(f"unknown cohort {cohort_id!r} (known cohorts: {known})")


def warn_problems(errors: int) -> None:
    if errors:
        click.echo(
            f"note: the data has {errors} error(s); run `mentorkit validate` for details",
            err=True,
        )
