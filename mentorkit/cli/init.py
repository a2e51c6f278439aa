"""``mentorkit init``: a new program repository that validates, matches and builds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from mentorkit.cli.context import emit
from mentorkit.workflow.gitrepo import GitError, init_repository
from mentorkit.workflow.initialize import InitOptions, blocking_entries, plan_init
from mentorkit.writing.files import write_text_atomic


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--name",
    "program_name",
    default="Our Mentoring Program",
    show_default=True,
    help="The program's name (charter and site title).",
)
@click.option(
    "--coordinator",
    "coordinator_login",
    default="alex-rivera",
    show_default=True,
    help="GitHub login of the first coordinator (owns program/ in CODEOWNERS).",
)
@click.option(
    "--mentorkit-requirement",
    default=None,
    help=(
        "How the new repository's workflows and pre-commit hook install mentorkit: a pip "
        "requirement (default: mentorkit==THIS VERSION), e.g. a Git URL pinned to a commit."
    ),
)
@click.option("--git/--no-git", "make_git", default=False, help="Also run git init (branch main).")
@click.option(
    "--force",
    is_flag=True,
    help="Write into a folder that is not empty (existing files are replaced).",
)
def init(
    directory: Path,
    program_name: str,
    coordinator_login: str,
    mentorkit_requirement: str | None,
    make_git: bool,
    force: bool,
) -> None:
    """Create a new program repository in DIRECTORY.

    It holds a charter, a skill vocabulary, one cohort, three sample participants,
    mkdocs.yml and a home page (the handbook comes with mentorkit), GitHub workflows, JSON Schemas, a pre-commit
    config, CODEOWNERS and editor settings.
    """
    existing = blocking_entries(directory)
    if existing and not force:
        shown = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        raise click.UsageError(
            f"{directory} is not empty ({shown}); choose an empty folder or pass --force"
        )
    try:
        options = InitOptions(program_name=program_name, coordinator_login=coordinator_login)
        if mentorkit_requirement is not None:
            options = replace(options, mentorkit_requirement=mentorkit_requirement)
        files = plan_init(options)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    for rel, text in files.items():
        write_text_atomic(directory / rel, text)
    if make_git and not (directory / ".git").exists():
        try:
            init_repository(directory)
        except GitError as exc:
            raise click.ClickException(str(exc)) from None
    emit(
        f"Created a program repository in {directory} ({len(files)} files).\n"
        f"Next: cd {directory} && mentorkit validate && mentorkit build\n"
    )
