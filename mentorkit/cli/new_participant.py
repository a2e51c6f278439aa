"""``mentorkit new participant``: a person's profile, asked field by field or from flags."""

from __future__ import annotations

import click

from mentorkit.cli.asking import Asker, as_list, levels
from mentorkit.cli.context import repository_root
from mentorkit.cli.new_file import finish, new_file_options
from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.workflow import answers
from mentorkit.workflow.scaffold import participant_data


@click.command()
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
@new_file_options
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
    finish(ctx, "participant", data, dry_run, loaded)
