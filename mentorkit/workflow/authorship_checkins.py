"""A participant may add their own check-in: their pair, their name as author, a new file.

Judged from the path and the plain fields only, so check-author never needs to open
(or be able to open) the sealed health and note. Editing, renaming or deleting a
check-in stays with the coordinators: a check-in is a record, and a later one corrects it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mentorkit.model.changes import ChangeStatus
from mentorkit.model.checkin_path import parse_checkin_path

Verdict = tuple[bool, str, str]  # (allowed, code, message)
# The verdicts that depend on the file's contents, not only its path: meaningless for a
# file that could not be read.
CONTENT_VERDICTS = ("checkin-fields", "own-checkin")


def judge_checkin(
    path: str,
    status: ChangeStatus,
    author: str,
    own_ids: set[str],
    base_files: Mapping[str, Mapping[str, Any] | None],
    head_data: Mapping[str, Any] | None,
) -> Verdict:
    """Whether ``author`` (whose participant ids are ``own_ids``) may make this change."""
    if status != "added":
        return (
            False,
            "checkin-record",
            f"{path} is a recorded check-in: only a coordinator may change it; add a new "
            "check-in instead",
        )
    parts = parse_checkin_path(path)
    if parts is None:
        return (
            False,
            "not-a-checkin",
            f"{path} is not named program/checkins/<cohort>/<mentor>--<mentee>/"
            "<yyyy-mm-dd>-<author>.yaml",
        )
    if parts.by not in own_ids:
        return (
            False,
            "not-own-checkin",
            f"{path} is written by {parts.by}; @{author} may add only check-ins they write",
        )
    if parts.by not in (parts.mentor, parts.mentee):
        return (
            False,
            "not-own-pair",
            f"{path} is for {parts.mentor} -> {parts.mentee}; @{author} is not in that pair",
        )
    agreement = f"program/agreements/{parts.cohort}/{parts.mentor}--{parts.mentee}.yaml"
    if agreement not in base_files:
        return (
            False,
            "no-agreement",
            f"{path}: there is no agreement {agreement} for this pair yet",
        )
    data = head_data or {}
    for field, wanted in parts.fields().items():
        if str(data.get(field, "")) != wanted:
            return (
                False,
                "checkin-fields",
                f"{path}: {field} must be {wanted!r}, as the file's path says",
            )
    return True, "own-checkin", f"@{author} adds their own check-in"
