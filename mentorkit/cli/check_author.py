"""``mentorkit check-author``: refuse a pull request that edits someone else's files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from mentorkit.cli.context import (
    as_today,
    emit,
    format_option,
    repository_root,
    resolve_format,
    today_option,
    working,
)
from mentorkit.loading.git import GitError
from mentorkit.reporters.authorship import render
from mentorkit.workflow.pull_request import authorship, load_pull_request


@click.command("check-author")
@click.option(
    "--author", required=True, envvar="MENTORKIT_AUTHOR", help="GitHub login of the PR author."
)
@click.option(
    "--base", "base_ref", default=None, help="Git ref the PR targets; changed files come from git."
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@format_option()
@today_option
@click.pass_context
def check_author(
    ctx: click.Context,
    author: str,
    base_ref: str | None,
    files: tuple[Path, ...],
    fmt: str | None,
    today: dt.datetime | None,
) -> None:
    """Check that AUTHOR may change the given FILEs (or the files changed since --base).

    A participant may add or edit only their own participants/<id>.yaml and lessons
    they wrote; coordinators named in program/program.yaml may change anything.
    Owners and coordinators are read from the base (--base, else the last commit), never
    from the changed files. Exit 0 allowed, 1 refused, 2 misuse.
    """
    if not base_ref and not files:
        raise click.UsageError("give the changed FILEs or --base REF to read them from git")
    if not author.strip().lstrip("@"):
        raise click.BadParameter("the login is empty", param_hint="--author")
    root = repository_root(ctx)
    with working("Checking authorship…"):
        try:
            pr = load_pull_request(root, base_ref, files)
        except (GitError, ValueError) as exc:
            raise click.UsageError(str(exc)) from None
        result = authorship(pr, author, as_today(today))
    emit(render(result, resolve_format(fmt)))
    if not result.ok:
        ctx.exit(1)
