"""``mentorkit export ics``: a cohort's milestones, or a pair's meetings, as iCalendar."""

from __future__ import annotations

from pathlib import Path

import click

from mentorkit.cli.completion import complete_cohort, complete_pair
from mentorkit.cli.context import refuse, repository_root
from mentorkit.cli.lifecycle_common import load_checked, require_cohort, warn_problems
from mentorkit.lifecycle.calendar import (
    CalendarError,
    cohort_calendar,
    pair_calendar,
    rounds_calendar,
)
from mentorkit.writing.files import write_bytes_atomic


@click.group()
def export() -> None:
    """Export program data for other tools."""


@export.command()
@click.argument("cohort", shell_complete=complete_cohort)
@click.option(
    "--pair",
    "pair",
    metavar="MENTOR--MENTEE",
    shell_complete=complete_pair,
    help="Add this pair's recurring meetings.",
)
@click.option(
    "--rounds",
    "rounds",
    is_flag=True,
    help="Rotation cohorts: one event per round with its pairs, from the match file.",
)
@click.option("--person", metavar="ID", help="With --rounds: only whom this person meets.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)
@click.pass_context
def ics(
    ctx: click.Context,
    cohort: str,
    pair: str | None,
    rounds: bool,
    person: str | None,
    out: Path | None,
) -> None:
    """COHORT's milestones as an iCalendar file; with --pair, also the pair's meetings,
    recurring at the agreed cadence until the agreement ends; with --rounds (rotation
    cohorts), one event per round listing its pairs, or with --person only theirs.

    Exit 0 written, 1 the data lacks what the calendar needs, 2 misuse.
    """
    mentor, sep, mentee = (pair or "").partition("--")
    if pair and not (sep and mentor and mentee):
        raise click.BadParameter("expected MENTOR--MENTEE", param_hint="--pair")
    if person and not rounds:
        raise click.UsageError("--person goes with --rounds")
    root = repository_root(ctx)
    program, errors = load_checked(root)
    require_cohort(program, cohort)
    if errors:
        warn_problems(errors)
        refuse(ctx, "no calendar was written: fix the problems first")
    try:
        if rounds:
            data = rounds_calendar(program, cohort, person)
        elif pair:
            data = pair_calendar(program, cohort, mentor, mentee)
        else:
            data = cohort_calendar(program, cohort)
    except CalendarError as exc:
        click.echo(f"cannot export: {exc}", err=True)
        ctx.exit(1)
    if out is None:
        click.echo(data, nl=False)
    else:
        write_bytes_atomic(out, data)
