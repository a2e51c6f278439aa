"""``mentorkit new checkin``: one check-in file, written by one person, sealed as written."""

from __future__ import annotations

import datetime as dt

import click

from mentorkit.cli.asking import Asker
from mentorkit.cli.context import repository_root
from mentorkit.cli.new_file import finish, new_file_options
from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.model.program import Program

HEALTH = ("on-track", "needs-attention", "off-track")


def _pair(program: Program, cohort: str, by: str) -> tuple[str, str] | None:
    """The one pair of ``by`` in ``cohort`` that has an agreement, when there is exactly one."""
    pairs = [
        (a.mentor, a.mentee)
        for a in program.agreements
        if a.cohort == cohort and by in (a.mentor, a.mentee)
    ]
    return pairs[0] if len(pairs) == 1 else None


@click.command()
@click.argument("cohort_id", metavar="COHORT")
@click.option("--by", help="Your participant id: the author of the check-in.")
@click.option("--mentor", help="The pair's mentor (default: your one pair in COHORT).")
@click.option("--mentee", help="The pair's mentee (default: your one pair in COHORT).")
@click.option("--date", "day", help="YYYY-MM-DD (default: today).")
@click.option("--health", type=click.Choice(HEALTH))
@click.option("--note", help="How it is going, in a sentence or two (sealed).")
@new_file_options
@click.pass_context
def checkin(
    ctx: click.Context,
    cohort_id: str,
    by: str | None,
    mentor: str | None,
    mentee: str | None,
    day: str | None,
    health: str | None,
    note: str | None,
    no_input: bool,
    dry_run: bool,
) -> None:
    """Record a check-in of your pair in COHORT: program/checkins/<cohort>/<pair>/<date>-<you>.yaml.

    Health and note are sealed as the file is written when the program lists recipients,
    so only the coordinators and the pair can read them.
    """
    ask = Asker(no_input)
    author = ask(by, "--by", "Your participant id")
    if not (mentor and mentee):
        found = _pair(build_program(load_repository(repository_root(ctx))), cohort_id, author)
        if found:
            mentor, mentee = mentor or found[0], mentee or found[1]
    data = {
        "cohort": cohort_id,
        "mentor": ask(mentor, "--mentor", "Mentor id"),
        "mentee": ask(mentee, "--mentee", "Mentee id"),
        "date": day or dt.date.today().isoformat(),
        "by": author,
        "health": ask(health, "--health", "Health", default="on-track", kind=click.Choice(HEALTH)),
        "note": ask(note, "--note", "Note", default=""),
    }
    finish(ctx, "checkin", data, dry_run)
