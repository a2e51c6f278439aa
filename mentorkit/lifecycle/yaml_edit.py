"""Edits to YAML texts that keep comments, key order, quoting and hand edits (pure: text in, text out).

Every lifecycle command that changes a file the coordinators also edit by hand (accept,
leave) goes through ``edit_text``: ruamel.yaml's round-trip mode loads the text, a small
function changes the mapping in place, and the text is dumped with the indentation
``match --write`` uses. Only the touched keys change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ruamel.yaml.comments import CommentedMap

from mentorkit.matching.yaml_comments import detach_leading_comments, reattach_leading_comments
from mentorkit.writing.yaml_round_trip import dump_text, round_trip_yaml


class EditError(ValueError):
    """The file is not what the edit expects (not a mapping, no such entry)."""


def edit_text(
    text: str,
    change: Callable[[CommentedMap], None],
    where: str = "the file",
    lists: tuple[str, ...] = (),
) -> str:
    """``text`` after ``change`` edited its top-level mapping in place.

    ruamel keeps the comment lines above a list entry on the entry before it, so keys added
    to that entry would land below the comment; for the top-level ``lists`` named, those
    lines are taken off first and put back above the same entries afterwards.
    """
    yaml = round_trip_yaml()
    doc = yaml.load(text)
    if not isinstance(doc, CommentedMap):
        raise EditError(f"{where} is not a mapping")
    detached = {key: detach_leading_comments(doc, key) for key in lists}
    change(doc)
    for key in lists:
        reattach_leading_comments(doc, key, detached[key])
    return dump_text(doc, yaml)


def put_after(node: CommentedMap, key: str, value: Any, *after: str) -> None:
    """Set ``key``; a new key goes right after the first of ``after`` that exists."""
    if key in node:
        node[key] = value
        return
    for anchor in after:
        if anchor in node:
            node.insert(list(node).index(anchor) + 1, key, value)
            return
    node[key] = value


def plain_date(day: dt.date) -> dt.date:
    """A new date object each time: ruamel writes one object used twice as an anchor and alias."""
    return dt.date(day.year, day.month, day.day)
