"""``mentorkit review``: the Markdown of the sticky pull-request comment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from mentorkit.cli.context import as_today, emit, repository_root, today_option, working
from mentorkit.loading.git import GitError
from mentorkit.problems import has_errors
from mentorkit.reporters.review import render_review
from mentorkit.workflow.pull_request import load_pull_request, review_input
from mentorkit.writing.files import write_text_atomic


@click.command()
@click.option(
    "--base", "base_ref", required=True, help="Git ref the pull request targets, e.g. origin/main."
)
@click.option(
    "--author", default=None, envvar="MENTORKIT_AUTHOR", help="GitHub login of the PR author."
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the Markdown to this file instead of stdout.",
)
@today_option
@click.pass_context
def review(
    ctx: click.Context,
    base_ref: str,
    author: str | None,
    output: Path | None,
    today: dt.datetime | None,
) -> None:
    """Describe a pull request in Markdown: who joins, what changes, problems, match changes
    and the cohort figures the dashboard will show.

    The whole program is validated: problems in the changed files come first, then new
    problems the change causes in files it did not touch, under their own heading. The
    first line is the marker <!-- mentorkit-review --> that the comment workflow uses to
    update one sticky comment. The review is always written; exit 1 when it shows errors,
    2 on misuse.
    """
    root = repository_root(ctx)
    with working("Reviewing the change…"):
        try:
            pr = load_pull_request(root, base_ref)
        except GitError as exc:
            raise click.UsageError(str(exc)) from None
        found = review_input(pr, author.strip().lstrip("@") if author else None, as_today(today))
    markdown = render_review(found)
    if output is None:
        emit(markdown)
    else:
        write_text_atomic(output, markdown)
    if has_errors(found.problems) or has_errors(found.elsewhere):
        ctx.exit(1)
