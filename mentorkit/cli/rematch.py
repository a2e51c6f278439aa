"""``mentorkit rematch``: end a mentee's pair and propose the best available alternative."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from mentorkit.cli.completion import complete_cohort, complete_participant
from mentorkit.cli.context import emit, format_option, repository_root, resolve_format, working
from mentorkit.cli.identity import (
    identity_option,
    identity_text,
    refuse_unopened,
    sealed_unopened,
)
from mentorkit.cli.lifecycle_common import (
    as_today,
    load_checked,
    require_cohort,
    today_option,
    warn_problems,
)
from mentorkit.lifecycle.rematch import RematchError, RematchPlan, plan_rematch
from mentorkit.lifecycle.rematch_files import rematch_agreement_text, rematch_match_text
from mentorkit.model.program import Program
from mentorkit.reporters import insight_actions
from mentorkit.sealing.set_aside import leave_out, set_aside_people
from mentorkit.writing.files import rewrite_files


@click.command()
@click.argument("cohort", shell_complete=complete_cohort)
@click.argument("mentee", shell_complete=complete_participant)
@click.option(
    "--reason", required=True, help="Why the pair ends (kept in the match file and agreement)."
)
@click.option(
    "--write", is_flag=True, help="Record it: end the pair, mark the agreement, add the proposal."
)
@today_option
@format_option(*insight_actions.REMATCH_RENDERERS)
@identity_option
@click.pass_context
def rematch(
    ctx: click.Context,
    cohort: str,
    mentee: str,
    reason: str,
    write: bool,
    today: dt.datetime | None,
    fmt: str | None,
    identity_file: Path | None,
) -> None:
    """End MENTEE's current pair in COHORT and propose another mentor, with reasons.

    The ended pair stays in the match file (status ended, ended, end_reason) and its
    agreement becomes rematched; the mentor is never proposed again for MENTEE.
    Exit 0 done, 1 refused (no current pair, or the data has errors with --write), 2 misuse.
    """
    if not reason.strip():
        raise click.UsageError("--reason must say why the pair ends")
    root = repository_root(ctx)
    with working("Finding another mentor…"):
        program, errors = load_checked(root, identity_text(identity_file))
        require_cohort(program, cohort)
        refuse_unopened(
            f"rematch {cohort}",
            sealed_unopened(program, ("participant",), cohort),
            "fields that may hold avoid or manager rules, which a new proposal must respect",
        )
        if mentee not in program.participants:
            raise click.UsageError(f"unknown participant {mentee!r}")
        program, left_out = _without_set_aside(ctx, program, cohort, mentee)
        try:
            plan = plan_rematch(program, cohort, mentee, reason, as_today(today))
        except RematchError as exc:
            click.echo(f"cannot rematch: {exc}", err=True)
            ctx.exit(1)
    written: list[str] = []
    if write:
        if errors:
            click.echo(
                f"not written: the data has {errors} error(s); fix them first (mentorkit validate)",
                err=True,
            )
            ctx.exit(1)
        try:
            written = _write(root, plan)
        except RematchError as exc:
            click.echo(f"cannot rematch: {exc}", err=True)
            ctx.exit(1)
    renderers = insight_actions.REMATCH_RENDERERS
    emit(renderers[resolve_format(fmt, tuple(renderers))](plan, written, left_out))
    if errors:
        warn_problems(errors)
        ctx.exit(1)


def _without_set_aside(
    ctx: click.Context, program: Program, cohort: str, mentee: str
) -> tuple[Program, list[str]]:
    """Leave out the cohort's people whose sealed value cannot be used: their rules are
    unknown. Their files too, which the output names (a mentor left out was not weighed)."""
    left = set_aside_people(program, cohort)
    if mentee in left:
        click.echo(
            f"cannot rematch: {program.participants[mentee].source}'s sealed value cannot be "
            "used (see the note above), so the mentee's avoid and manager rules are unknown",
            err=True,
        )
        ctx.exit(1)
    paths = sorted(program.participants[person].source for person in left)
    return (leave_out(program, cohort, left) if left else program), paths


def _write(base: Path, plan: RematchPlan) -> list[str]:
    edits: dict[str, Callable[[str | None], str]] = {
        f"program/matches/{plan.cohort}.yaml": partial(rematch_match_text, plan=plan)
    }
    if plan.agreement:
        edits[plan.agreement] = partial(rematch_agreement_text, plan=plan)
    return rewrite_files(base, edits)
