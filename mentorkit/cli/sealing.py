"""``keygen``, ``seal``, ``unseal``, ``edit`` and ``rekey``: manage sealed private fields."""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from mentorkit.checks import sealed_copies
from mentorkit.cli.context import repository_root
from mentorkit.cli.identity import identities, identity_option, identity_text
from mentorkit.cli.sealing_edit import without_copies
from mentorkit.loading.files import read_text, repository_relative
from mentorkit.loading.repository import LoadedRepository, load_repository
from mentorkit.model.build import build_program
from mentorkit.sealing.crypto import SealError
from mentorkit.sealing.fields import SEALABLE_KINDS
from mentorkit.sealing.keys import Identity, generate, parse_identities
from mentorkit.sealing.service import Outcome, rekey_many, seal_many, unseal_text
from mentorkit.writing.files import write_text_atomic, write_texts_atomic
from mentorkit.writing.private import (
    private_scratch,
    run_editor,
    write_private_new,
)


def _relative(root: Path, paths: Sequence[Path]) -> list[str]:
    """The PATHs relative to the repository (the shared helper), or a usage error."""
    try:
        return [repository_relative(root, path) for path in paths]
    except (FileNotFoundError, ValueError) as exc:
        raise click.BadParameter(str(exc), param_hint="PATH") from None


def _selected(loaded: LoadedRepository, only: list[str] | None) -> list[tuple[str, str]]:
    """(path, kind) of the sealable files under the given paths (all of them by default)."""
    chosen = []
    for path, kind in sorted(loaded.kinds.items()):
        if kind not in SEALABLE_KINDS or path not in loaded.documents:
            continue
        if only is None or any(path == o or path.startswith(o.rstrip("/") + "/") for o in only):
            chosen.append((path, kind))
    return chosen


def _apply(root: Path, outcomes: Iterable[Outcome], quiet_unchanged: bool = True) -> int:
    """Write the changed files (together, each atomically); report each; the number that failed."""
    outcomes = list(outcomes)
    write_texts_atomic({root / o.path: o.text for o in outcomes if o.text is not None})
    failed = 0
    for outcome in outcomes:
        failed += outcome.failed
        if outcome.failed or outcome.text is not None or not quiet_unchanged:
            click.echo(f"{outcome.path}: {outcome.note}", err=True)
    return failed


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the identity to this file (readable by you only) instead of printing it.",
)
def keygen(out: Path | None) -> None:
    """Create a new identity (secret key) and print its public key.

    The identity belongs in a password manager or a CI secret, never in the repository.
    Put the public key in program.yaml (privacy.recipients) if you coordinate, or in
    your participant file (keys) to read your own sealed records.
    """
    new = generate()
    text = new.file_text(dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat())
    if out is None:
        click.echo(text, nl=False)
        click.echo(f"Public key: {new.public}", err=True)
        return
    try:
        write_private_new(out, text)
    except FileExistsError:
        raise click.UsageError(f"{out} exists; mentorkit never overwrites an identity") from None
    click.echo(new.public)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@identity_option
@click.pass_context
def seal(ctx: click.Context, paths: tuple[Path, ...], identity_file: Path | None) -> None:
    """Encrypt the private fields of PATHs (default: every file) into their sealed value.

    Needs no secret: sealing uses public keys only. Files already sealed stay as they
    are, and comments elsewhere in a file survive. A file that is sealed and also has
    new plain private fields needs --identity to merge them. Exit 1 if a file failed.
    """
    root = repository_root(ctx)
    loaded = load_repository(root)
    program = build_program(loaded)
    if not program.charter.sealing.recipients:
        raise click.UsageError(
            "program/program.yaml lists no privacy.recipients: add each coordinator's public "
            "key (from `mentorkit keygen`) first"
        )
    text = identity_text(identity_file)
    keys: list[Identity] = parse_identities(text) if text else []
    chosen = _selected(loaded, _relative(root, paths) or None)
    outcomes = seal_many(program, [(p, k, loaded.documents[p].text) for p, k in chosen], keys)
    if _apply(root, without_copies(root, loaded, outcomes)):
        ctx.exit(1)


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--write", is_flag=True, help="Replace the file with its plain-text form (do not commit it)."
)
@identity_option
@click.pass_context
def unseal(ctx: click.Context, path: Path, write: bool, identity_file: Path | None) -> None:
    """Print PATH with its sealed fields opened. Writes nothing unless --write is given."""
    keys = identities(identity_file, "unseal")
    text = read_text(path)
    try:
        opened = unseal_text(path.name, text, keys)
    except SealError as exc:
        click.echo(f"{path}: {exc}", err=True)
        ctx.exit(1)
    if not write:
        click.echo(opened, nl=False)
        return
    write_text_atomic(path, opened)
    click.echo(
        f"wrote {path} in plain text: do not commit it; `mentorkit seal {path}` seals it again",
        err=True,
    )


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--participant",
    "people",
    multiple=True,
    metavar="ID",
    help="Only the files ID can read (their profile, and the agreements and check-ins of "
    "their pairs): enough after ID changes their keys. Repeatable.",
)
@identity_option
@click.pass_context
def rekey(
    ctx: click.Context, paths: tuple[Path, ...], people: tuple[str, ...], identity_file: Path | None
) -> None:
    """Seal every sealed value (of PATHs, default all) again, to today's recipients.

    Run it after a coordinator joins or leaves (every file), or a participant changes
    their keys (--participant ID: only the files they can read). Every chosen file is
    sealed again: an age value does not say whom it was sealed to, so an unchanged one
    cannot be told apart. A value the identity cannot open, one holding fields that may
    not be sealed, or a copy of another file's value is left as it is and reported (exit 1).
    """
    root = repository_root(ctx)
    keys = identities(identity_file, "rekey")
    loaded = load_repository(root)
    program = build_program(loaded)
    chosen = _selected(loaded, _relative(root, paths) or None)
    if people:
        unknown = [p for p in people if p not in program.participants]
        if unknown:
            raise click.BadParameter(f"unknown participant {unknown[0]!r}", param_hint="ID")
        chosen = [(p, k) for p, k in chosen if readers(loaded.documents[p].data, k) & set(people)]
    # Sealing a copy again would give it a fresh value that `sealed-copy` no longer spots.
    copies = {problem.path for problem in sealed_copies.check_files(loaded)}
    todo = [(p, k, loaded.documents[p].text) for p, k in chosen if p not in copies]
    sealed = iter(rekey_many(program, todo, keys))
    outcomes = [
        Outcome(p, note="a copy of another file's sealed value: not sealed again", failed=True)
        if p in copies
        else next(sealed)
        for p, _ in chosen
    ]
    if _apply(root, without_copies(root, loaded, outcomes)):
        ctx.exit(1)


def readers(data: dict[str, Any], kind: str) -> set[str]:
    """The participants a document is sealed to besides the coordinators (its plain fields)."""
    if kind == "participant":
        return {str(data.get("id"))}
    return {str(data.get(role)) for role in ("mentor", "mentee")}


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@identity_option
@click.pass_context
def edit(ctx: click.Context, path: Path, identity_file: Path | None) -> None:
    """Open PATH's sealed fields in $EDITOR, then validate and seal it again (like sops).

    The plain text lives only in a private temporary file (in memory where the system
    allows) for the editor, and is removed afterwards. With problems, the file is left
    unchanged (exit 1).
    """
    from mentorkit.cli.sealing_edit import edit_file

    root = repository_root(ctx)
    (relpath,) = _relative(root, [path])
    keys = identities(identity_file, "edit")
    editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    with private_scratch() as folder:
        ok = edit_file(root, relpath, keys, folder, lambda f: run_editor(editor, f))
    if not ok:
        ctx.exit(1)
