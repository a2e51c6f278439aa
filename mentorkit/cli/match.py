"""``mentorkit match COHORT``: propose pairs or circles, explain them, optionally record them."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click

from mentorkit.cli.completion import complete_cohort
from mentorkit.cli.context import (
    emit,
    format_option,
    note,
    repository_root,
    resolve_format,
    working,
)
from mentorkit.cli.identity import (
    MISSING,
    identity_option,
    identity_text,
    note_set_aside,
    refuse_unopened,
    sealed_unopened,
    show_sealed_option,
)
from mentorkit.cli.lifecycle_common import require_cohort
from mentorkit.loading.gc_pause import gc_frozen
from mentorkit.loading.private_groups import (
    PrivateDataError,
    PrivateDataInRepository,
    read_private_groups,
)
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.fairness import FairnessAudit, audit
from mentorkit.matching.match_file import render_match_file
from mentorkit.matching.private_reasons import BROKEN_DOWN, PrivateBreakdown, private_breakdown
from mentorkit.matching.result import MatchingError, MatchResult
from mentorkit.model.program import Program
from mentorkit.reporters.matching import FORMATS, PRIVATE_FORMATS, render
from mentorkit.reporters.matching_private import not_broken_down
from mentorkit.reporters.problems import render as render_problems
from mentorkit.sealing.set_aside import leave_out, rule_conflict, set_aside_people
from mentorkit.validation import ValidationResult, validate_program
from mentorkit.writing.files import rewrite_files


def _read_private(path: Path, root: Path) -> dict[str, tuple[str, ...]]:
    try:
        return read_private_groups(path, root)
    except PrivateDataInRepository as exc:
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(1) from None
    except PrivateDataError as exc:
        raise click.BadParameter(str(exc), param_hint="--private-data") from None


def _without_set_aside(validation: ValidationResult, cohort: str) -> tuple[Program, list[str]]:
    """The program without the cohort's people whose sealed value the identity cannot use,
    and their files (the output names them, so a reviewer of the proposals knows).

    Their avoid and manager rules are unknown, so proposing them could break one; the
    rest of the cohort is matched (their recorded pairs stay as they are).
    """
    program = validation.program
    left = set_aside_people(program, cohort)
    paths = sorted(program.participants[person].source for person in left)
    note_set_aside(
        [p for p in validation.problems if p.path in paths or rule_conflict(p)],
        program,
        {
            "participant": "left out of this matching: their avoid and manager rules are unknown",
            "rule": "recorded pairs are kept as they are; a coordinator decides "
            "(`mentorkit rematch`)",
        },
    )
    return (leave_out(program, cohort, left) if left else program), paths


@click.command()
@click.argument("cohort", shell_complete=complete_cohort)
@click.option(
    "--write",
    is_flag=True,
    help="Record the result in program/matches/COHORT.yaml (comments and hand edits survive).",
)
@format_option(*FORMATS)
@click.option(
    "--private-data",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="YAML (id: group) or CSV (id,group) of self-identified groups, kept outside the repository; adds a fairness audit.",
)
@identity_option
@show_sealed_option(
    "With the identity: follow each unmatched person's reason with what sealed rules add "
    "(partners past the public filters, and which reporting line, avoid request, earlier "
    "pairing or capacity kept each away, by name). Text or json on your own terminal; "
    "never with --write or --format markdown."
)
@click.pass_context
def match(
    ctx: click.Context,
    cohort: str,
    write: bool,
    fmt: str | None,
    private_data: Path | None,
    identity_file: Path | None,
    show_sealed: bool,
) -> None:
    """Propose the best pairs (or circles) for COHORT and explain each one.

    The whole repository is validated first; with problems, nothing is matched (exit 1).
    Locked and accepted pairs in the match file are kept exactly. Sealed avoid and
    manager rules are opened in memory with the identity; without one, a cohort whose
    participants have sealed fields is not matched (exit 2). Exit 0 on success, 1 when
    the data has problems, 2 for an unknown cohort, a missing identity or a misused option.
    --show-sealed adds, for a coordinator, the private causes behind each unmatched reason.
    """
    root = repository_root(ctx)
    shown = resolve_format(fmt, FORMATS)
    if show_sealed:
        _refuse_private_misuse(write, shown)
    groups = _read_private(private_data, root) if private_data else None
    identity = identity_text(identity_file)
    if show_sealed and identity is None:
        raise click.UsageError(
            f"--show-sealed names sealed rules, so it needs the identity: {MISSING}"
        )
    with working("Validating the program…"):
        validation = validate_program(root, identity=identity)
    # Misuse before bad data: an unknown cohort is a mistake in the command (exit 2).
    require_cohort(validation.program, cohort)
    if identity is None:
        refuse_unopened(
            f"match {cohort}",
            sealed_unopened(validation.program, ("participant",), cohort),
            "fields that may hold avoid or manager rules, which matching must respect",
        )
    if not validation.usable:
        click.echo(
            render_problems(validation.problems, validation.files_checked, "text"),
            err=True,
            nl=False,
        )
        click.echo("Fix these problems before matching.", err=True)
        ctx.exit(1)
    program, left_out = _without_set_aside(validation, cohort)
    try:
        with working(f"Matching {cohort}…"), gc_frozen():
            result = match_cohort(program, cohort)
    except MatchingError as exc:
        raise click.UsageError(str(exc)) from None
    fairness: FairnessAudit | None = None
    if groups is not None:  # the program's one privacy threshold, as for every figure
        fairness = audit(result, groups, validation.program.charter.min_group)
    if groups is not None:
        strangers = sum(1 for person in groups if person not in validation.program.participants)
        if strangers:
            click.echo(
                f"note: {strangers} id(s) in the private file are not participants; they are ignored",
                err=True,
            )
    private = _private_view(program, cohort, result) if show_sealed else None
    emit(render(result, shown, fairness, left_out, private))
    if write:
        relpath = f"program/matches/{cohort}.yaml"
        rewrite_files(root, {relpath: partial(render_match_file, result)})
        click.echo(f"wrote {relpath}", err=True)


def _refuse_private_misuse(write: bool, fmt: str) -> None:
    """Exit 2: the private view names sealed rules, so it never goes where others read."""
    if write:
        raise click.UsageError(
            "--show-sealed never goes with --write (the match file is committed: sealed "
            "rules stay out of it)"
        )
    if fmt not in PRIVATE_FORMATS:
        raise click.UsageError(
            f"--show-sealed gives {' or '.join(PRIVATE_FORMATS)}, never {fmt} (the matching "
            "pull request's body is made of it: sealed rules stay out of it)"
        )


def _private_view(
    program: Program, cohort: str, result: MatchResult
) -> dict[tuple[str, str], PrivateBreakdown]:
    """The private breakdown of each unmatched person, or a note when the format has none."""
    fmt = program.cohorts[cohort].format
    if fmt not in BROKEN_DOWN:
        note(not_broken_down(fmt))
    with working("Working out the private causes…"):
        return private_breakdown(program, cohort, result)
