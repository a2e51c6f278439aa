"""Writing one new file for ``mentorkit new``: validated with the program, sealed, atomic.

Every ``new`` command (participant, lesson, cohort, agreement, check-in) gathers its
fields its own way, then ends here, so each file is checked against the rest of the
program before it exists and never overwrites one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from mentorkit.checks.sealed_fields import CODE as SEALED_CODE
from mentorkit.cli.context import emit, repository_root
from mentorkit.loading.repository import LoadedRepository, load_repository
from mentorkit.model.program import Program
from mentorkit.reporters.problems import as_text
from mentorkit.sealing.service import seal_text
from mentorkit.validation import validate_addition
from mentorkit.workflow.scaffold import path_for, to_yaml
from mentorkit.writing.files import write_text_atomic


def finish(
    ctx: click.Context,
    kind: str,
    data: dict[str, Any],
    dry_run: bool = False,
    loaded: LoadedRepository | None = None,
) -> None:
    """Validate the new file with the program, seal it when configured, write or print it."""
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


def new_file_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--no-input`` and ``--dry-run``, which every ``new`` command takes."""
    func = click.option(
        "--no-input", is_flag=True, help="Never prompt: take everything from flags."
    )(func)
    return click.option("--dry-run", is_flag=True, help="Print the file instead of writing it.")(
        func
    )
