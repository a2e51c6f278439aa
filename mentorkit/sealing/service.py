"""Seal, open and re-key documents as text: the pure core of keygen/seal/unseal/edit/rekey.

Each function takes a document's text and returns the new text (or says why not); the
command layer reads and writes the files. Who can read a sealed value: the program's
coordinators (``privacy.recipients``) plus the people the document concerns: a
participant's own keys, or an agreement's and a check-in's mentor's and mentee's.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from mentorkit.loading.yaml_reader import parse_yaml
from mentorkit.model.program import Program
from mentorkit.problems import Problem
from mentorkit.sealing.binding import BOUND_KEY, bound_elsewhere, is_bound, without_binding
from mentorkit.sealing.crypto import SealError, open_bytes, seal_mapping
from mentorkit.sealing.fields import SEALABLE_KINDS, SEALED_KEY, private_fields, sealable_fields
from mentorkit.sealing.keys import Identity, KeyProblem, Recipient, parse_recipients
from mentorkit.sealing.rewrite import (
    RewriteError,
    load_round_trip,
    opened_text,
    plain_values,
    sealed_text,
)


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: its new text (None when unchanged) or why it failed."""

    path: str
    text: str | None = None
    note: str = ""
    failed: bool = False
    # The value opened to seal it again named no file: the caller makes sure it is no copy
    # of another file's value before writing (see ``sealing.provenance``).
    rebinds: bool = False


# One file's work in seal_many and rekey_many: (program, path, kind, text, identities).
Task = Callable[[Program, str, str, str, Sequence[Identity]], Outcome]

# The plain fields that say who a document is sealed to (see recipient_keys).
RECIPIENT_FIELDS = ("keys", "mentor", "mentee")


def recipient_keys(program: Program, kind: str, data: Mapping[str, Any]) -> list[str]:
    """The public keys a document of ``kind`` is sealed to, coordinators first.

    Coordinators come first, in the order program.yaml lists them, because age tries
    the stanzas in order: each one before the reader's own costs a key agreement
    (0.07 ms a value with pyrage 1.4, against 0.08 ms for the whole opening when the
    reader's key is first), so the identity CI holds, listed first, opens every file
    soonest. A stanza after the reader's costs only its parsing (``crypto._decrypt``).
    """
    keys = list(program.charter.sealing.keys)
    if kind == "participant":
        own = data.get("keys")
        keys += [k for k in own if isinstance(k, str)] if isinstance(own, list) else []
    elif kind in ("agreement", "checkin"):
        for role in ("mentor", "mentee"):
            person = program.participants.get(str(data.get(role)))
            keys += list(person.keys) if person else []
    return list(dict.fromkeys(keys))


def _opened_mapping(armored: Any, identities: Sequence[Identity], path: str) -> dict[str, Any]:
    """The mapping inside a sealed value as it was sealed, the file it names included."""
    if not isinstance(armored, str):
        raise SealError("sealed is not armored text")
    parsed = parse_yaml(open_bytes(armored, identities), path)
    if isinstance(parsed, Problem):
        raise SealError(f"the sealed value is not a valid YAML mapping ({parsed.code})")
    return parsed.data


def open_values(armored: Any, identities: Sequence[Identity], path: str) -> dict[str, Any]:
    """The fields inside a sealed value; SealError when it cannot be opened or read, or
    when it was sealed for another file than ``path``: sealing it again would make a copy
    this file's own (see ``sealing.binding``)."""
    return _open_for(armored, identities, path)[0]


def _open_for(
    armored: Any, identities: Sequence[Identity], path: str
) -> tuple[dict[str, Any], bool]:
    """``open_values``, and whether the value names ``path`` (False: it names no file)."""
    values = _opened_mapping(armored, identities, path)
    elsewhere = bound_elsewhere(values, path)
    if elsewhere is not None:
        raise SealError(elsewhere)
    return without_binding(values), is_bound(values)


def _recipients(program: Program, kind: str, plain: Mapping[str, Any]) -> list[Recipient]:
    if not program.charter.sealing.keys:
        raise SealError(
            "program.yaml lists no privacy.recipients: add each coordinator's public key "
            "(from `mentorkit keygen`) before sealing"
        )
    try:
        return parse_recipients(recipient_keys(program, kind, plain))
    except KeyProblem as exc:
        raise SealError(str(exc)) from None


def seal_text(
    program: Program, path: str, kind: str, text: str, identities: Sequence[Identity] = ()
) -> Outcome:
    """Move the plain private fields of a document into its sealed value.

    Needs no secret unless the file is already sealed and also has plain private
    fields: merging them means opening the old value, so that takes an identity. The
    file is loaded once (round-trip) for reading the values and rewriting it.
    """
    if kind not in SEALABLE_KINDS:
        return Outcome(path, note="nothing private in this kind of file")
    fields = private_fields(kind, seal_manager=program.charter.sealing.seal_manager)
    try:
        doc = load_round_trip(text)
        values = plain_values(doc, fields)
        if not values:
            return Outcome(path, note="already sealed" if SEALED_KEY in doc else "nothing to seal")
        existing: dict[str, Any] = {}
        named = True
        if SEALED_KEY in doc:
            if not identities:
                return Outcome(
                    path,
                    note="already sealed and has plain private fields too: give --identity to "
                    f"merge them, or run `mentorkit edit {path}`; without an identity, delete "
                    "the sealed: value and write every private field again, then seal",
                    failed=True,
                )
            existing, named = _open_for(doc[SEALED_KEY], identities, path)
        merged = {
            f: v for f in sealable_fields(kind) if (v := values.get(f, existing.get(f))) is not None
        }
        plain = plain_values(doc, RECIPIENT_FIELDS)
        armored = seal_mapping(merged, _recipients(program, kind, plain), path)
        text = sealed_text(doc, armored, list(values))
        return Outcome(path, text, f"sealed {', '.join(values)}", rebinds=not named)
    except (SealError, RewriteError) as exc:
        return Outcome(path, note=str(exc), failed=True)


# What every sealing worker reads: the program, the identities and the task (seal or
# re-seal one file). Handed over by fork, never pickled.
_WORKER_STATE: list[tuple[Program, Sequence[Identity], Task]] = []
# Below this many files the worker processes cost more than they save.
PARALLEL_THRESHOLD = 200


def _workers() -> int:
    return min(os.cpu_count() or 1, 8)


def _task_in_worker(item: tuple[str, str, str]) -> Outcome:
    program, identities, task = _WORKER_STATE[0]
    return task(program, *item, identities)


def _each_file(
    task: Task,
    program: Program,
    items: Sequence[tuple[str, str, str]],
    identities: Sequence[Identity],
) -> list[Outcome]:
    """``task`` over (path, kind, text) items, in order, on every core for many files.

    Each file is a round-trip load and dump in pure Python (a few ms), so 20,000 files
    are worth the processes. Workers are forked so the program and the identities reach
    them without being pickled; where fork is not available the files go one by one.
    Either way each outcome is the task's own for that file, so the results are the
    same; the caller writes them (atomically, in the main process).
    """
    workers = _workers()
    methods = multiprocessing.get_all_start_methods()
    if len(items) < PARALLEL_THRESHOLD or workers < 2 or "fork" not in methods:
        return [task(program, *item, identities) for item in items]
    _WORKER_STATE[:] = [(program, identities, task)]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(_task_in_worker, items, chunksize=64))
    finally:
        _WORKER_STATE.clear()


def seal_many(
    program: Program, items: Sequence[tuple[str, str, str]], identities: Sequence[Identity] = ()
) -> list[Outcome]:
    """``seal_text`` over (path, kind, text) items, on every core for a big repository."""
    return _each_file(seal_text, program, items, identities)


def rekey_many(
    program: Program, items: Sequence[tuple[str, str, str]], identities: Sequence[Identity]
) -> list[Outcome]:
    """``rekey_text`` over (path, kind, text) items, on every core for a big repository."""
    return _each_file(rekey_text, program, items, identities)


def rekey_text(
    program: Program, path: str, kind: str, text: str, identities: Sequence[Identity]
) -> Outcome:
    """The document sealed again, to the recipients the program names today."""
    current = parse_yaml(text.encode("utf-8"), path)
    if isinstance(current, Problem) or SEALED_KEY not in current.data:
        return Outcome(path, note="nothing sealed")
    try:
        values, named = _open_for(current.data[SEALED_KEY], identities, path)
        foreign = [key for key in values if key not in sealable_fields(kind)]
        if foreign:  # sealing it again would bless what `mentorkit seal` never writes
            return Outcome(
                path,
                note=f"the sealed value holds {len(foreign)} field(s) that may not be sealed; "
                f"not sealed again (`mentorkit edit {path}` fixes it)",
                failed=True,
            )
        armored = seal_mapping(values, _recipients(program, kind, current.data), path)
        return Outcome(path, sealed_text(text, armored, []), "sealed again", rebinds=not named)
    except (SealError, RewriteError) as exc:
        return Outcome(path, note=str(exc), failed=True)


def unseal_text(path: str, text: str, identities: Sequence[Identity]) -> str:
    """The document with its sealed fields written in plain text (SealError if it cannot)."""
    return unseal_named(path, text, identities)[0]


def unseal_named(path: str, text: str, identities: Sequence[Identity]) -> tuple[str, str | None]:
    """``unseal_text``, and the file the sealed value names: ``path`` itself, another
    (a file that was moved, or a copy), or None (sealed before values named their file)."""
    current = parse_yaml(text.encode("utf-8"), path)
    if isinstance(current, Problem):
        raise SealError(f"{path}: {current.message}")
    if SEALED_KEY not in current.data:
        return text, path
    try:
        values = _opened_mapping(current.data[SEALED_KEY], identities, path)
        named = values.get(BOUND_KEY) if is_bound(values) else None
        return opened_text(text, without_binding(values)), str(named) if named else None
    except RewriteError as exc:
        raise SealError(str(exc)) from None
