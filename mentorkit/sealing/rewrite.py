"""The text edits of sealing and unsealing, round-trip: comments, order and quoting survive.

The ``sealed:`` value takes the place of the first private field it replaces, so a
diff stays local; unsealing puts the opened fields back where ``sealed:`` was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from mentorkit.sealing.fields import SEALED_KEY
from mentorkit.writing.yaml_round_trip import dump_text, round_trip_yaml


class RewriteError(ValueError):
    """The file cannot be edited round-trip (it is not a YAML mapping)."""


def _load(yaml: YAML, text: str) -> CommentedMap:
    doc = yaml.load(text)
    if not isinstance(doc, CommentedMap):
        raise RewriteError("the file is not a YAML mapping")
    return doc


def plain_values(text: str, fields: Sequence[str]) -> dict[str, Any]:
    """The private fields written in plain text, as plain Python values (for sealing)."""
    doc = _load(round_trip_yaml(), text)
    return {field: _plain(doc[field]) for field in fields if field in doc}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)  # a date object from ruamel: written as it reads


def _pop(doc: CommentedMap, field: str) -> None:
    """Remove ``field``, keeping the whole-line comments that ruamel attached to it.

    ruamel stores the comment lines after a value with that value; they usually introduce
    the next field, so they move there. The comment on the removed line itself goes with
    it (it may speak about the private value).
    """
    if field not in doc:
        return
    keys = list(doc)
    token = doc.ca.items.pop(field, None)
    doc.pop(field)
    after = token[2] if token and len(token) > 2 else None
    value = getattr(after, "value", "") or ""
    rest = value.split("\n", 1)[1] if "\n" in value else ""
    lines = [line.strip() for line in rest.splitlines()]
    comments = [line[1:].strip() if line.startswith("#") else "" for line in lines]
    while comments and not comments[-1]:
        comments.pop()
    following = keys[keys.index(field) + 1 :]
    if any(comments) and following:
        doc.yaml_set_comment_before_after_key(following[0], before="\n".join(comments))


def sealed_text(text: str, armored: str, replaced: Sequence[str]) -> str:
    """``text`` with the ``replaced`` fields removed and ``sealed:`` holding ``armored``."""
    yaml = round_trip_yaml()
    doc = _load(yaml, text)
    keys = list(doc)
    position = min((keys.index(f) for f in replaced if f in doc), default=None)
    if SEALED_KEY in doc:
        position = keys.index(SEALED_KEY)
    for field in replaced:
        _pop(doc, field)
    _pop(doc, SEALED_KEY)
    value = LiteralScalarString(armored)
    if position is None or position >= len(doc):
        doc[SEALED_KEY] = value
    else:
        doc.insert(position, SEALED_KEY, value)
    return dump_text(doc, yaml)


def opened_text(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with ``sealed:`` replaced by the opened fields, in their plain form."""
    yaml = round_trip_yaml()
    doc = _load(yaml, text)
    keys = list(doc)
    position = keys.index(SEALED_KEY) if SEALED_KEY in doc else len(keys)
    _pop(doc, SEALED_KEY)
    for offset, (field, value) in enumerate(values.items()):
        if field in doc:
            continue
        if position + offset >= len(doc):
            doc[field] = value
        else:
            doc.insert(position + offset, field, value)
    return dump_text(doc, yaml)
