"""``mentorkit review``: the Markdown of the sticky pull-request comment."""

from __future__ import annotations

from pathlib import Path

import click

from mentorkit.cli.context import emit, repository_root, working
from mentorkit.workflow.gitrepo import GitError
from mentorkit.workflow.pull_request import load_pull_request, review_markdown
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
@click.pass_context
def review(ctx: click.Context, base_ref: str, author: str | None, output: Path | None) -> None:
    """Describe a pull request in Markdown: who joins, what changes, problems, match changes.

    The first line is the marker <!-- mentorkit-review --> that the comment workflow uses
    to update one sticky comment. Always exits 0 when it could write the review; the
    validate and check-author steps are what fail a pull request.
    """
    root = repository_root(ctx)
    with working("Reviewing the change…"):
        try:
            pr = load_pull_request(root, base_ref)
        except GitError as exc:
            raise click.UsageError(str(exc)) from None
        markdown = review_markdown(pr, author.strip().lstrip("@") if author else None)
    if output is None:
        emit(markdown)
    else:
        write_text_atomic(output, markdown)
