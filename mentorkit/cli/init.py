"""``mentorkit init``: a new, empty program repository that validates, matches and builds."""

from __future__ import annotations

from pathlib import Path

import click

from mentorkit.cli.context import emit
from mentorkit.loading.files import blocking_entries
from mentorkit.loading.git import GitError
from mentorkit.loading.installed import installed_origin
from mentorkit.workflow.initialize import (
    EXAMPLE_PEOPLE,
    InitOptions,
    coordinator_id,
    plan_init,
)
from mentorkit.workflow.install_source import (
    InstallSource,
    action_source,
    detected_source,
    requirement_source,
)
from mentorkit.writing.files import write_text_atomic
from mentorkit.writing.git import init_repository


def _install_source(action: str | None, requirement: str | None) -> InstallSource:
    if action and requirement:
        raise click.UsageError("choose one install source: --action or --mentorkit-requirement")
    try:
        if action:
            return action_source(action)
        if requirement:
            return requirement_source(requirement)
    except ValueError as exc:
        name = "--action" if action else "--mentorkit-requirement"
        raise click.BadParameter(str(exc), param_hint=name) from None
    return detected_source(installed_origin())


def closing_message(directory: Path, options: InitOptions, count: int) -> str:
    """What was made and the coordinator's next steps, in order."""
    person = coordinator_id(options.coordinator_login.strip().lstrip("@"))
    source = options.install
    lines = [
        f"Created a program repository in {directory} ({count} files).",
        "",
        f"mentorkit is installed in its workflows from: {source.spec}",
        f"  (because {source.reason}; README.md says how to pin and upgrade it)",
    ]
    if source.warnings:
        lines.append("  NOT VERIFIED from here: read the warning above before you push.")
    if options.example:
        demo = ", ".join(f"participants/{p}.yaml" for p in EXAMPLE_PEOPLE)
        lines += ["", f"Demo people (--example), to delete before launch: {demo}"]
    lines += [
        "",
        "Next steps:",
        f"  1. cd {directory}",
        f"  2. Fill in your profile, participants/{person}.yaml (every TODO; then public: true).",
        "  3. Edit the charter, program/program.yaml, and the skills, program/skills.yaml.",
        "  4. Check it: mentorkit validate && mentorkit build",
        "  5. Push to GitHub; under Settings > Pages choose the source 'GitHub Actions'.",
        "  6. Protect main: require pull requests, the 'mentorkit pull request' check and",
        "     review from Code Owners (.github/CODEOWNERS names you).",
        "",
    ]
    return "\n".join(lines)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--coordinator",
    "coordinator_login",
    required=True,
    help="Your GitHub login: the first coordinator (owns everything in CODEOWNERS).",
)
@click.option(
    "--coordinator-name",
    default=None,
    help="Your name as the site should show it (default: the login, marked TODO).",
)
@click.option(
    "--name",
    "program_name",
    default="Our Mentoring Program",
    show_default=True,
    help="The program's name (charter and site title).",
)
@click.option(
    "--action",
    default=None,
    metavar="OWNER/REPO@SHA",
    help="Install mentorkit in the workflows with this repository's GitHub Action, pinned "
    "to a full commit SHA (recommended).",
)
@click.option(
    "--mentorkit-requirement",
    default=None,
    metavar="SPEC",
    help="Install mentorkit with pip instead, e.g. 'mentorkit @ git+https://…@<commit SHA>'. "
    "Default: how this mentorkit was installed, when that can be reproduced.",
)
@click.option("--example", is_flag=True, help="Also add three demo people, clearly labelled.")
@click.option("--git/--no-git", "make_git", default=False, help="Also run git init (branch main).")
@click.option(
    "--force",
    is_flag=True,
    help="Write into a folder that is not empty (existing files are replaced).",
)
def init(
    directory: Path,
    coordinator_login: str,
    coordinator_name: str | None,
    program_name: str,
    action: str | None,
    mentorkit_requirement: str | None,
    example: bool,
    make_git: bool,
    force: bool,
) -> None:
    """Create a new, empty program repository in DIRECTORY.

    It holds a charter, a skill vocabulary, one cohort, your own (to be completed)
    profile, mkdocs.yml and a home page (the handbook comes with mentorkit), GitHub
    workflows, JSON Schemas, a pre-commit config, CODEOWNERS and editor settings.
    Nobody else is added unless you ask for the demo people with --example.
    """
    existing = blocking_entries(directory)
    if existing and not force:
        shown = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        raise click.UsageError(
            f"{directory} is not empty ({shown}); choose an empty folder or pass --force"
        )
    source = _install_source(action, mentorkit_requirement)
    options = InitOptions(
        program_name=program_name,
        coordinator_login=coordinator_login,
        install=source,
        coordinator_name=coordinator_name,
        example=example,
    )
    try:
        files = plan_init(options)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    for rel, text in files.items():
        write_text_atomic(directory / rel, text)
    if make_git:
        try:
            init_repository(directory)
        except GitError as exc:
            raise click.ClickException(str(exc)) from None
    for warning in source.warnings:
        click.echo(f"warning: {warning}", err=True)
    emit(closing_message(directory, options, len(files)))
