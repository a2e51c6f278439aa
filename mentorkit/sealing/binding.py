"""A sealed value names the file it was sealed for, so it is used in that file only.

Anyone can copy another person's sealed value into their own file, though nobody can
read it: pasted into a profile it would lend its owner's email and avoid list, pasted
into a check-in it would report another pair's health. ``sealed-copy`` catches a value
that is in two files at once, but not one taken out of Git history after its owner
re-sealed theirs. So every value holds ``sealed_for: <path>`` inside the encryption,
where nobody without a key can change it, and a value that names another file is not
used. Values sealed before this (or by the age tool) name no file: they are used, with
a warning that `mentorkit rekey` binds them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mentorkit.problems import shown_path

BOUND_KEY = "sealed_for"
# Longer than any data path; the text came from whoever sealed the value.
_MAX_SHOWN = 200


def without_binding(values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of an opened value, without the file it names."""
    return {key: value for key, value in values.items() if key != BOUND_KEY}


def bound_elsewhere(values: Mapping[str, Any], path: str) -> str | None:
    """Why an opened value may not be used in ``path``; None when it names ``path`` or no file."""
    bound = values.get(BOUND_KEY, path)
    if bound == path:
        return None
    if isinstance(bound, str) and 0 < len(bound) <= _MAX_SHOWN:
        where = shown_path(bound)
    else:
        where = "another file"
    return (
        f"the sealed value was sealed for {where}, not for this file: a value copied from "
        "another file (or from an old version of one) is not used; write this file's own "
        f"private fields and run `mentorkit seal {shown_path(path)}` (a file that was moved: "
        f"`mentorkit edit {shown_path(path)}` seals it for its new place)"
    )


def is_bound(values: Mapping[str, Any]) -> bool:
    return BOUND_KEY in values
