"""A participant may add their own check-in: their pair, their name as author, a new file.

Judged from the path and the plain fields only, so check-author never needs to open
(or be able to open) the sealed health and note. Editing, renaming or deleting a
check-in stays with the coordinators: a check-in is a record, and a later one corrects it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from mentorkit.model.changes import ChangeStatus
from mentorkit.model.checkin_path import parse_checkin_path

Verdict = tuple[bool, str, str]  # (allowed, code, message)
# The verdicts that depend on the file's contents, not only its path: meaningless for a
# file that could not be read.
CONTENT_VERDICTS = ("checkin-fields", "own-checkin")
# A check-in dated up to this long after the day check-author runs is still taken: the
# author's day may have begun before the runner's (UTC+14 against UTC).
_AHEAD = dt.timedelta(days=1)


def judge_checkin(
    path: str,
    status: ChangeStatus,
    author: str,
    own_ids: set[str],
    base_files: Mapping[str, Mapping[str, Any] | None],
    head_data: Mapping[str, Any] | None,
    today: dt.date,
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
    future = _future(path, parts.date, today)
    if future is not None:
        return future
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


def _future(path: str, date: str, today: dt.date) -> Verdict | None:
    """Refuse a check-in dated after today (or on no real day).

    A check-in records a meeting that took place. Dated ahead, it would become the
    pair's latest on its day without anyone adding it then: a run of them, added in one
    pull request, would keep the pair "on track" (and never stale) in the health report
    whatever the other side reports, and nobody but the coordinators can read them.
    """
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return (False, "not-a-checkin", f"{path}: {date} is not a date")
    if day > today + _AHEAD:
        return (
            False,
            "future-checkin",
            f"{path} is dated {date}, after today ({today.isoformat()}): a check-in records "
            "a meeting that took place; add it on or after that day",
        )
    return None
