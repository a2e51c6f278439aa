"""``mentorkit new``: scaffold one participant, lesson, cohort or agreement file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from mentorkit.checks.sealed_fields import CODE as SEALED_CODE
from mentorkit.cli.asking import Asker, as_list, levels
from mentorkit.cli.completion import complete_cohort, complete_participant
from mentorkit.cli.context import emit, repository_root
from mentorkit.loading.repository import LoadedRepository, load_repository
from mentorkit.model.build import build_program
from mentorkit.model.entities import COHORT_FORMATS
from mentorkit.model.program import Program
from mentorkit.reporters.problems import as_text
from mentorkit.sealing.service import seal_text
from mentorkit.validation import validate_addition
from mentorkit.workflow import answers
from mentorkit.workflow.scaffold import (
    agreement_data,
    participant_data,
    path_for,
    to_yaml,
)
from mentorkit.writing.files import write_text_atomic


def _finish(
    ctx: click.Context,
    kind: str,
    data: dict[str, Any],
    dry_run: bool = False,
    loaded: LoadedRepository | None = None,
) -> None:
    root = repository_root(ctx)
    try:
        relpath = path_for(kind, data)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if loaded is None:
        loaded = load_repository(root)
    if relpath in loaded.kinds:
        raise click.UsageError(f"{relpath} already exists; edit it instead")
    text = to_yaml(kind, data)
    result = validate_addition(loaded, relpath, text)
    # Plain private fields are expected here: they are sealed right below.
    problems = [p for p in result.problems if p.code != SEALED_CODE]
    program = result.program
    errors = [p for p in problems if p.is_error]
    if errors:
        click.echo(as_text(problems, 1), err=True, nl=False)
        click.echo(f"not written: {relpath} would have {len(errors)} error(s)", err=True)
        ctx.exit(1)
    text = sealed_if_configured(program, relpath, kind, text)
    if dry_run:
        emit(text)
        return
    try:
        write_text_atomic(root / relpath, text, overwrite=False)
    except FileExistsError:
        raise click.UsageError(f"{relpath} already exists; edit it instead") from None
    if problems:
        click.echo(as_text(problems, 1), err=True, nl=False)
    emit(f"wrote {relpath}\n")


def sealed_if_configured(program: Program, relpath: str, kind: str, text: str) -> str:
    """The file's text with its private fields sealed, when the program lists recipients."""
    if not program.charter.sealing.recipients:
        return text
    outcome = seal_text(program, relpath, kind, text)
    if outcome.failed:
        raise click.UsageError(f"cannot seal {relpath}: {outcome.note}")
    return outcome.text or text


def _common(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--no-input", is_flag=True, help="Never prompt: take everything from flags."
    )(func)
    return click.option("--dry-run", is_flag=True, help="Print the file instead of writing it.")(
        func
    )


@click.group()
def new() -> None:
    """Scaffold a participant, lesson, cohort, agreement or check-in file (prompts, or flags with --no-input)."""


@new.command()
@click.option("--id", "pid")
@click.option("--name")
@click.option("--github", help="GitHub login (defaults to the id).")
@click.option("--department")
@click.option("--level", type=click.IntRange(1, 10))
@click.option("--timezone", help="IANA time zone, e.g. Europe/Berlin.")
@click.option("--languages", help="Comma-separated ISO 639-1 codes (default en).")
@click.option("--cohorts", help="Comma-separated cohort ids to enroll in.")
@click.option("--pronouns", default="")
@click.option("--title", default="")
@click.option("--role", type=click.Choice(["mentor", "mentee", "both"]))
@click.option("--skills", "skills_text", help="Mentor skills as skill:level, e.g. sql:4,python:3.")
@click.option("--capacity", type=click.IntRange(1, 20))
@click.option("--goals", help="Mentee goals as comma-separated skill ids.")
@click.option("--email", help="Your email: private, sealed as it is written.")
@click.option("--avoid", help="Ids of people you would rather not be paired with: private, sealed.")
@click.option(
    "--manager", help="Your manager's id (never paired with you); sealed if the program says so."
)
@_common
@click.pass_context
def participant(
    ctx: click.Context,
    pid: str | None,
    name: str | None,
    github: str | None,
    department: str | None,
    level: int | None,
    timezone: str | None,
    languages: str | None,
    cohorts: str | None,
    pronouns: str,
    title: str,
    role: str | None,
    skills_text: str | None,
    capacity: int | None,
    goals: str | None,
    email: str | None,
    avoid: str | None,
    manager: str | None,
    no_input: bool,
    dry_run: bool,
) -> None:
    """Add a person: participants/<id>.yaml.

    --email, --avoid and --manager are never prompted for; when the program lists
    recipients, the private ones are sealed before the file is written.
    """
    ask = Asker(no_input)
    loaded = load_repository(repository_root(ctx))
    program = build_program(loaded)
    stems = {path.rsplit("/", 1)[-1].rsplit(".", 1)[0] for path in loaded.kinds}
    pid = ask(
        pid,
        "--id",
        "Id (lower-case, e.g. ada-lovelace)",
        check=answers.new_id(program, stems),
        help_text="Your id names your file, participants/<id>.yaml: lower-case letters, "
        "digits and hyphens, not taken by anyone else.",
    )
    name = ask(name, "--name", "Full name")
    github = ask(
        github,
        "--github",
        "GitHub login",
        default=pid,
        check=answers.login,
        help_text="The login you open pull requests with: only it may edit your file.",
    )
    departments = sorted({p.department for p in program.participants.values()})
    department = ask(
        department,
        "--department",
        "Department",
        help_text="Departments in use: " + (", ".join(departments) or "none yet"),
    )
    level = ask(level, "--level", "Level (1 entry to 10 executive)", check=answers.level)
    timezone = ask(
        timezone,
        "--timezone",
        "Time zone (IANA, e.g. Europe/Berlin)",
        check=answers.timezone,
        help_text="An IANA time zone name, Region/City: Europe/Berlin, America/New_York, "
        "Asia/Kolkata. Matching uses it to find overlapping working hours.",
    )
    languages = ask(
        languages,
        "--languages",
        "Languages (comma-separated codes)",
        default="en",
        check=answers.languages,
        help_text="Two-letter ISO 639-1 codes of the languages you can mentor in: en, de, es…",
    )
    ask.show_once("cohorts", answers.cohort_choices(program))
    cohorts = ask(
        cohorts,
        "--cohorts",
        "Cohorts to enroll in (comma-separated ids)",
        default="",
        check=answers.cohorts(program),
        help_text=answers.cohort_choices(program),
    )
    role = ask(
        role, "--role", "Role", default="mentee", kind=click.Choice(["mentor", "mentee", "both"])
    )
    mentor_skills: dict[str, int] = {}
    goal_list: list[str] = []
    if role in ("mentor", "both"):
        ask.show_once("skills", answers.skill_choices(program))
        offered = ask(
            skills_text,
            "--skills",
            "Skills you offer (skill:level, comma-separated)",
            check=answers.skill_levels(program),
            help_text=answers.skill_choices(program) + "\nLevels: 1 basic to 5 expert.",
        )
        mentor_skills = levels(offered) if isinstance(offered, str) else offered
        capacity = ask(
            capacity,
            "--capacity",
            "How many mentees at once",
            default=1,
            kind=click.IntRange(1, 20),
        )
    if role in ("mentee", "both"):
        ask.show_once("skills", answers.skill_choices(program))
        wanted = ask(
            goals,
            "--goals",
            "Skills you want to learn (comma-separated ids)",
            check=answers.skills(program),
            help_text=answers.skill_choices(program),
        )
        goal_list = as_list(wanted)
    data = participant_data(
        pid=pid,
        name=name,
        github=github,
        department=department,
        level=level,
        timezone=timezone,
        languages=as_list(languages),
        cohorts=as_list(cohorts),
        pronouns=pronouns,
        title=title,
        mentor_skills=mentor_skills,
        capacity=capacity or 1,
        goals=goal_list,
    )
    private = {"email": email, "avoid": as_list(avoid) if avoid else None, "manager": manager}
    data.update({key: value for key, value in private.items() if value})
    _finish(ctx, "participant", data, dry_run, loaded)


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
@_common
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
    _finish(ctx, "lesson", data, dry_run, loaded)


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
@_common
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
    _finish(ctx, "cohort", data, dry_run)


@new.command()
@click.argument("cohort_id", metavar="COHORT", shell_complete=complete_cohort)
@click.argument("mentee_id", metavar="MENTEE", shell_complete=complete_participant)
@click.option(
    "--mentor",
    default=None,
    help="Mentor id (default: the mentee's accepted pair in the match file).",
)
@_common
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
    _finish(ctx, "agreement", data, dry_run, loaded)


# Registered last: the check-in command uses the helpers above.
from mentorkit.cli.new_checkin import checkin  # noqa: E402

new.add_command(checkin)
