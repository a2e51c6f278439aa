"""``mentorkit validate``: schema and cross-reference checks with file:line:col."""

from __future__ import annotations

from pathlib import Path

import click

from mentorkit.cli.context import emit, format_option, repository_root, resolve_format, working
from mentorkit.cli.identity import identity_option, identity_text
from mentorkit.loading.files import repository_relative
from mentorkit.reporters.problems import render
from mentorkit.validation import validate_program
from mentorkit.workflow.snapshots import committed_problems


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option()
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@identity_option
@click.option(
    "--show-sealed",
    is_flag=True,
    help="With the identity: print problems inside sealed fields in full (on your own "
    "terminal, never in a shared log).",
)
@click.pass_context
def validate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str | None,
    strict: bool,
    identity_file: Path | None,
    show_sealed: bool,
) -> None:
    """Check the program's files: schemas, ids, cross-references, dates and capacities.

    With PATHs (files or folders), problems in those are reported; references are still
    checked against the whole repository, and problems the change brings to other files
    (compared with the last commit) follow under their own heading, as the pre-commit hook
    shows them. Without an identity, sealed values are checked for well-formed armor; with
    one, their contents too (details withheld from the output: `mentorkit edit FILE` shows
    them). Exit 0 clean, 1 problems, 2 misuse.
    """
    root = repository_root(ctx)
    only = None
    if paths:
        only = []
        for path in paths:
            try:
                only.append(repository_relative(root, path))
            except (FileNotFoundError, ValueError) as exc:
                raise click.BadParameter(str(exc), param_hint="PATHS") from None
    with working("Validating the program…"):
        baseline = committed_problems(root) if only is not None else None
        identity = identity_text(identity_file)
        result = validate_program(root, only, baseline, identity=identity, reveal=show_sealed)
    emit(render(result.problems, result.files_checked, resolve_format(fmt), result.elsewhere))
    if not result.ok or (strict and result.problems):
        ctx.exit(1)
