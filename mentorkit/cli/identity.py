"""The ``--identity`` option every command that may open sealed fields shares."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click

from mentorkit.cli.context import note
from mentorkit.loading.identity import IDENTITY_ENV, IdentityUnavailable, read_identity
from mentorkit.model.paths import stem
from mentorkit.model.program import Program
from mentorkit.problems import Problem
from mentorkit.sealing.keys import Identity, KeyProblem, parse_identities
from mentorkit.sealing.opening import SEALED_RULE
from mentorkit.sealing.set_aside import rule_conflict, set_aside_problem

FC = TypeVar("FC", bound=Callable[..., Any])
MISSING = (
    f"give the identity that opens them with --identity FILE or the {IDENTITY_ENV} "
    "environment variable"
)


def identity_option(func: FC) -> FC:
    return click.option(
        "--identity",
        "identity_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Age identity file (or unencrypted SSH private key) that opens sealed fields. "
        f"Default: ${IDENTITY_ENV} (the identity itself, or a file path).",
    )(func)


def show_sealed_option(help_text: str) -> Callable[[FC], FC]:
    """``--show-sealed``: print what sealed fields hold, which output does not by default."""
    return click.option("--show-sealed", "show_sealed", is_flag=True, help=help_text)


def identity_text(identity_file: Path | None) -> str | None:
    """The identity's text, checked to hold usable keys; exit 2 (usage) when it is not."""
    try:
        source = read_identity(identity_file, os.environ)
    except IdentityUnavailable as exc:
        raise click.UsageError(str(exc)) from None
    if source is None:
        return None
    try:
        parse_identities(source.text)
    except KeyProblem as exc:
        raise click.UsageError(f"{source.where}: {exc}") from None
    return source.text


def identities(identity_file: Path | None, needed_for: str) -> list[Identity]:
    """Parsed identities, required: exit 2 naming the missing identity when there is none."""
    text = identity_text(identity_file)
    if text is None:
        raise click.UsageError(f"{needed_for} needs the identity: {MISSING}")
    return parse_identities(text)


def refuse_without_identity(message: str) -> None:
    """Exit 2: the command cannot do its job without the sealed fields."""
    click.echo(f"mentorkit: {message}; {MISSING}", err=True)
    raise click.exceptions.Exit(2)


def sealed_unopened(
    program: Program, kinds: tuple[str, ...], cohort: str | None = None
) -> list[str]:
    """Files of ``kinds`` (in ``cohort``, when given) whose sealed fields nobody opened."""
    found = []
    for path in sorted(program.unopened - program.unusable):  # unusable: tried and reported
        kind = program.kinds.get(path)
        if kind not in kinds:
            continue
        if cohort is not None:
            if kind == "participant":
                person = program.participants.get(stem(path))
                if person is None or cohort not in person.cohorts:
                    continue
            elif path.split("/")[2:3] != [cohort]:
                continue
        found.append(path)
    return found


def refuse_unopened(command: str, paths: list[str], what: str) -> None:
    """Exit 2 when ``paths`` is not empty: the command would be wrong without their fields."""
    if paths:
        more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
        refuse_without_identity(
            f"{command} cannot run: {paths[0]}{more} hold sealed {what}, and no identity "
            "opened them"
        )


def note_set_aside(
    problems: Iterable[Problem], program: Program, outcome: Mapping[str, str]
) -> None:
    """Say which files were read without their unusable sealed value, and what follows.

    ``outcome`` says it per kind of file (participant, agreement, check-in), and under
    ``"rule"`` for a recorded pair or preference that a sealed rule forbids: those are
    named by file only, since a line would point at the pair in a shared log.
    """
    for problem in problems:
        if set_aside_problem(problem, program.unusable):
            follows = outcome.get(program.kinds.get(problem.path, ""), "")
            note(f"{problem.path}:{problem.line}: {problem.message}; {follows}".rstrip("; "))
        elif rule_conflict(problem) and problem.is_error:
            note(
                f"{problem.path}: a {problem.code} problem {SEALED_RULE} (`mentorkit validate "
                f"--show-sealed` shows it); {outcome.get('rule', '')}".rstrip("; ")
            )
