"""The steps of ``mentorkit edit``: open, let the editor change it, check, seal again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from mentorkit.checks.sealed_fields import CODE as SEALED_CODE
from mentorkit.loading.files import read_text
from mentorkit.loading.git import past_versions
from mentorkit.loading.repository import LoadedRepository, load_repository
from mentorkit.model.build import build_program
from mentorkit.model.paths import kind_of
from mentorkit.problems import has_errors
from mentorkit.reporters.problems import render
from mentorkit.sealing.crypto import SealError
from mentorkit.sealing.fields import SEALED_KEY
from mentorkit.sealing.keys import Identity
from mentorkit.sealing.opening import requires_named
from mentorkit.sealing.provenance import (
    MARKER,
    copy_refused,
    holders,
    other_holders,
    unnamed_refused,
)
from mentorkit.sealing.service import Outcome, seal_text, unseal_named
from mentorkit.validation import validate_addition
from mentorkit.writing.files import write_text_atomic
from mentorkit.writing.private import write_private_new


def edit_file(
    root: Path,
    relpath: str,
    keys: Sequence[Identity],
    folder: Path,
    run_editor: Callable[[str], Any],
) -> bool:
    """Edit one sealed file (``relpath`` in ``root``); True when it was sealed again (or left
    unchanged)."""
    kind = kind_of(relpath) or ""
    text = read_text(root / relpath)
    try:
        opened, named = unseal_named(relpath, text, keys)
    except SealError as exc:
        click.echo(f"{relpath}: {exc}", err=True)
        return False
    named_here = named == relpath
    if not named_here:
        # Refused before the editor opens: the copy's plain text is not this file's.
        refused = _not_its_own(root, load_repository(root), relpath, named)
        if refused:
            click.echo(f"{relpath}: {refused}", err=True)
            return False
    scratch = folder / Path(relpath).name
    write_private_new(scratch, opened)
    run_editor(str(scratch))
    edited = read_text(scratch)
    # A value that names another file (the file was moved) or none is sealed again
    # even unchanged, so that it names this file.
    if edited == opened and named_here:
        click.echo(f"{relpath}: no change", err=True)
        return True
    loaded = load_repository(root)
    problems = list(validate_addition(loaded, relpath, edited).problems)
    # The plain private fields are expected here: they are sealed right after.
    problems = [p for p in problems if p.code != SEALED_CODE]
    if has_errors(problems):
        click.echo(render(problems, 1, "text"), err=True, nl=False)
        click.echo(f"{relpath} is unchanged; run `mentorkit edit {relpath}` again", err=True)
        return False
    program = build_program(loaded)
    outcome = seal_text(program, relpath, kind, edited)
    if outcome.failed or outcome.text is None:
        click.echo(f"{relpath}: {outcome.note or 'nothing to seal'}", err=True)
        return False
    write_text_atomic(root / relpath, outcome.text)
    click.echo(f"{relpath}: edited and sealed again", err=True)
    return True


def _not_its_own(root: Path, loaded: LoadedRepository, relpath: str, named: str | None) -> str:
    """Why the value in ``relpath`` that names another file or none may not become its
    own; "" when it may (see ``sealing.provenance``)."""
    if named is None and requires_named(loaded):
        return unnamed_refused(relpath)
    others = held_elsewhere(root, loaded, relpath, named)
    return copy_refused(relpath, others) if others else ""


def held_elsewhere(
    root: Path, loaded: LoadedRepository, relpath: str, named: str | None
) -> list[str]:
    """The files of today that held ``relpath``'s sealed value in Git history, or that the
    value names (``named``): not empty means sealing it again here would bless a copy."""
    doc = loaded.documents.get(relpath)
    armored = doc.data.get(SEALED_KEY) if doc is not None else None
    if not isinstance(armored, str):
        return []
    history = holders(past_versions(root, MARKER))
    return other_holders(relpath, armored, named, history, loaded.documents)


def without_copies(root: Path, loaded: LoadedRepository, outcomes: list[Outcome]) -> list[Outcome]:
    """``outcomes`` with those that would seal a copy again (``sealing.provenance``) refused.

    Git history is read only when some value to seal again named no file; a program
    that requires named values never has one sealed again.
    """
    if not any(o.rebinds and not o.failed for o in outcomes):
        return outcomes
    strict = requires_named(loaded)
    history = {} if strict else holders(past_versions(root, MARKER))
    checked = []
    for outcome in outcomes:
        doc = loaded.documents.get(outcome.path)
        armored = doc.data.get(SEALED_KEY) if doc is not None else None
        if outcome.rebinds and not outcome.failed and isinstance(armored, str):
            others = other_holders(outcome.path, armored, None, history, loaded.documents)
            if strict or others:
                why = (
                    unnamed_refused(outcome.path) if strict else copy_refused(outcome.path, others)
                )
                outcome = Outcome(outcome.path, note=why, failed=True)
        checked.append(outcome)
    return checked
