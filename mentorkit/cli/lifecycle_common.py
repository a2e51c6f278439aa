"""What the lifecycle commands (report, rematch, accept, leave, export) share: loading."""

from __future__ import annotations

from pathlib import Path

import click

from mentorkit.cli.context import as_today, note, today_option
from mentorkit.model.program import Program
from mentorkit.validation import validate_program


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
        note(f"the data has {errors} error(s); run `mentorkit validate` for details")


__all__ = ["as_today", "load_checked", "require_cohort", "today_option", "warn_problems"]
