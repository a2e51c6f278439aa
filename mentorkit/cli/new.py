"""``mentorkit new``: scaffold one participant, lesson, cohort, agreement or check-in file."""

from __future__ import annotations

import datetime as dt

import click

from mentorkit.cli.asking import Asker, as_list
from mentorkit.cli.completion import complete_cohort, complete_participant
from mentorkit.cli.context import repository_root
from mentorkit.cli.new_checkin import checkin
from mentorkit.cli.new_file import finish, new_file_options
from mentorkit.cli.new_participant import participant
from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.model.entities import COHORT_FORMATS
from mentorkit.workflow import answers
from mentorkit.workflow.scaffold import agreement_data


@click.group()
def new() -> None:
    """Scaffold a participant, lesson, cohort, agreement or check-in file (prompts, or flags with --no-input)."""


new.add_command(participant)


@new.command()
@click.option("--title")
@click.option("--author", help="Your participant id.", shell_complete=complete_participant)
@click.option("--date", "day", help="ISO date (default today).")
@click.option("--skills", "skills_text", help="Comma-separated skill ids.")
@click.option("--cohort", default=None)
@click.option("--context", "context_text")
@click.option("--action")
@click.option("--outcome")
@click.option("--takeaway")
@new_file_options
@click.pass_context
def lesson(
    ctx: click.Context,
    title: str | None,
    author: str | None,
    day: str | None,
    skills_text: str | None,
    cohort: str | None,
    context_text: str | None,
    action: str | None,
    outcome: str | None,
    takeaway: str | None,
    no_input: bool,
    dry_run: bool,
) -> None:
    """Share a lesson of the week: program/lessons/<date>-<slug>.yaml."""
    ask = Asker(no_input)
    loaded = load_repository(repository_root(ctx))
    program = build_program(loaded)
    data = {
        "title": ask(title, "--title", "Title"),
        "author": ask(
            author, "--author", "Your participant id", check=answers.participant_id(program)
        ),
        "date": ask(day, "--date", "Date", default=dt.date.today().isoformat(), check=answers.date),
        "cohort": cohort,
        "skills": as_list(
            ask(
                skills_text,
                "--skills",
                "Skills (comma-separated ids)",
                default="",
                check=answers.skills(program, required=False),
                help_text=answers.skill_choices(program),
            )
        ),
        "context": ask(context_text, "--context", "Context: what was the situation?"),
        "action": ask(action, "--action", "Action: what did you do?"),
        "outcome": ask(outcome, "--outcome", "Outcome: what happened?"),
        "takeaway": ask(takeaway, "--takeaway", "Takeaway: what would you tell a colleague?"),
    }
    finish(ctx, "lesson", data, dry_run, loaded)


@new.command()
@click.option("--id", "cid")
@click.option("--name")
@click.option("--format", "fmt", type=click.Choice(COHORT_FORMATS))
@click.option(
    "--status", type=click.Choice(["planning", "enrolling", "matching", "active", "closed"])
)
@click.option("--starts")
@click.option("--ends")
@click.option("--cadence", type=click.Choice(["weekly", "fortnightly", "monthly"]))
@new_file_options
@click.pass_context
def cohort(
    ctx: click.Context,
    cid: str | None,
    name: str | None,
    fmt: str | None,
    status: str | None,
    starts: str | None,
    ends: str | None,
    cadence: str | None,
    no_input: bool,
    dry_run: bool,
) -> None:
    """Plan a cohort: program/cohorts/<id>.yaml."""
    ask = Asker(no_input)
    data = {
        "id": ask(cid, "--id", "Id (e.g. 2027-spring)"),
        "name": ask(name, "--name", "Name"),
        "format": ask(
            fmt,
            "--format",
            "Format",
            default="one-on-one",
            kind=click.Choice(COHORT_FORMATS),
        ),
        "status": status or "planning",
        "starts": ask(starts, "--starts", "Starts (YYYY-MM-DD)"),
        "ends": ask(ends, "--ends", "Ends (YYYY-MM-DD)"),
        "cadence": ask(
            cadence,
            "--cadence",
            "Cadence",
            default="fortnightly",
            kind=click.Choice(["weekly", "fortnightly", "monthly"]),
        ),
    }
    finish(ctx, "cohort", data, dry_run)


@new.command()
@click.argument("cohort_id", metavar="COHORT", shell_complete=complete_cohort)
@click.argument("mentee_id", metavar="MENTEE", shell_complete=complete_participant)
@click.option(
    "--mentor",
    default=None,
    help="Mentor id (default: the mentee's accepted pair in the match file).",
)
@new_file_options
@click.pass_context
def agreement(
    ctx: click.Context,
    cohort_id: str,
    mentee_id: str,
    mentor: str | None,
    no_input: bool,
    dry_run: bool,
) -> None:
    """Draft the agreement of MENTEE's accepted pair in COHORT, prefilled from the data."""
    del no_input  # accepted like every `new` command's; an agreement never prompts
    root = repository_root(ctx)
    loaded = load_repository(root)
    try:
        data = agreement_data(build_program(loaded), cohort_id, mentee_id, mentor)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    finish(ctx, "agreement", data, dry_run, loaded)


new.add_command(checkin)
