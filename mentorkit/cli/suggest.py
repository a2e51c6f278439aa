"""``mentorkit suggest ID``: the best partners for one person, with reasons."""

from __future__ import annotations

import click

from mentorkit.cli.completion import complete_cohort, complete_participant
from mentorkit.cli.context import emit, format_option, refuse, repository_root, resolve_format
from mentorkit.cli.lifecycle_common import load_checked, warn_problems
from mentorkit.matching.result import MatchingError
from mentorkit.matching.suggest import suggest as suggest_for
from mentorkit.reporters.suggest import FORMATS, render


@click.command()
@click.argument("person", shell_complete=complete_participant)
@click.option(
    "--cohort",
    shell_complete=complete_cohort,
    help="The cohort (default: the person's one open cohort).",
)
@click.option("-n", "limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option(
    "--as",
    "as_role",
    type=click.Choice(["mentee", "mentor"]),
    help="For someone who both mentors and seeks mentoring (default: mentee).",
)
@format_option(*FORMATS)
@click.pass_context
def suggest(
    ctx: click.Context,
    person: str,
    cohort: str | None,
    limit: int,
    as_role: str | None,
    fmt: str | None,
) -> None:
    """The best mentors for mentee PERSON (or mentees for a mentor, or peers), each with
    the score as a percentage and its reasons, from the same score and hard rules as
    matching. Nothing private about anyone else is shown.

    Exit 0 on success, 1 when the data has errors, 2 for an unknown person or cohort.
    """
    program, errors = load_checked(repository_root(ctx))
    if person not in program.participants:
        raise click.UsageError(f"unknown participant {person!r}")
    if cohort is not None and cohort not in program.cohorts:
        raise click.UsageError(f"unknown cohort {cohort!r}")
    if errors:
        warn_problems(errors)
        refuse(ctx, "no suggestions: fix the problems first")
    try:
        result = suggest_for(program, person, cohort, limit, as_role)
    except MatchingError as exc:
        raise click.UsageError(str(exc)) from None
    emit(render(result, resolve_format(fmt, FORMATS)))
