"""What the lifecycle commands (report, rematch, accept, leave, export) share: loading."""

from __future__ import annotations

from pathlib import Path

import click

from mentorkit.cli.context import as_today, note, today_option
from mentorkit.cli.identity import note_set_aside
from mentorkit.model.program import Program
from mentorkit.sealing.set_aside import blocking
from mentorkit.validation import validate_program

# A file whose sealed value the identity cannot use is read with its plain fields only.
SET_ASIDE = {
    "participant": "read without its sealed fields",
    "agreement": "its goals count as not written",
    "checkin": "its health counts as not reported",
    "rule": "counted as recorded; a coordinator decides (`mentorkit rematch`)",
}


def load_checked(root: Path, identity: str | None = None) -> tuple[Program, int]:
    """The program (sealed fields opened with ``identity``) and how many errors it has.

    A sealed value the identity cannot use is said in a note and not counted: that file
    is read as the pull request's checks read it, and everyone else is served.
    """
    result = validate_program(root, identity=identity)
    note_set_aside(result.problems, result.program, SET_ASIDE)
    return result.program, len(blocking(result.problems, result.program.unusable))


def require_cohort(program: Program, cohort_id: str) -> None:
    if cohort_id not in program.cohorts:
        known = ", ".join(program.cohorts) or "none"
        raise click.UsageError(f"unknown cohort {cohort_id!r} (known cohorts: {known})")


def warn_problems(errors: int) -> None:
    if errors:
        note(f"the data has {errors} error(s); run `mentorkit validate` for details")


__all__ = ["as_today", "load_checked", "require_cohort", "today_option", "warn_problems"]
